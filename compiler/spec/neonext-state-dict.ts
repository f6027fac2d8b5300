import { INNER_MULT, IMAGE_CHANNELS, PATCH_SIZE, STAGE_COUNT, blockSpec, downsampleSpec, type NeoNeXtConfig } from './model-config.js';
import type { NeoCellSpec } from './neocell-spec.js';

/** Expected tensor names (upstream state-dict keys, no `module.` prefix) and shapes, in upstream order. */
export type StateDictSchema = ReadonlyMap<string, readonly number[]>;

/** BatchNorm's step counter: present in upstream state dicts, meaningless for inference. */
export const IGNORED_KEY_SUFFIXES = ['.num_batches_tracked'] as const;

export function neoCellSchema(prefix: string, spec: NeoCellSpec): Array<[string, number[]]> {
  return [
    ...spec.groups.map((g, j): [string, number[]] => [`${prefix}weight_a.${j}`, [g.channels, g.hOut, g.hIn]]),
    ...spec.groups.map((g, j): [string, number[]] => [`${prefix}weight_b.${j}`, [g.channels, g.wIn, g.wOut]]),
  ];
}

function batchNormSchema(prefix: string, channels: number): Array<[string, number[]]> {
  return ['weight', 'bias', 'running_mean', 'running_var'].map((k) => [`${prefix}${k}`, [channels]]);
}

/** Keys of one `NeoBottleNeck` under `prefix` (e.g. "stage_1.0."). */
export function blockSchema(
  prefix: string, spec: NeoCellSpec, channels: number, layerScale: boolean, linearBias: boolean,
): Array<[string, number[]]> {
  const inner = channels * INNER_MULT;
  const content = `${prefix}ops.content.`;
  return [
    ...neoCellSchema(`${content}neocell.`, spec),
    ...batchNormSchema(`${content}norm.`, channels),
    [`${content}fc_1.weight`, [inner, channels]],
    ...(linearBias ? [[`${content}fc_1.bias`, [inner]] as [string, number[]]] : []),
    [`${content}fc_2.weight`, [channels, inner]],
    ...(linearBias ? [[`${content}fc_2.bias`, [channels]] as [string, number[]]] : []),
    ...(layerScale ? [[`${content}layer_scale.gamma`, [channels]] as [string, number[]]] : []),
  ];
}

/** Every tensor of a NeoNeXt state dict for `config`. */
export function neoNeXtSchema(config: NeoNeXtConfig): StateDictSchema {
  const d = config.dims;
  const entries: Array<[string, number[]]> = [
    ['stem.conv.weight', [d[0]!, IMAGE_CHANNELS * PATCH_SIZE * PATCH_SIZE, 1, 1]],
    ...batchNormSchema('stem.norm.', d[0]!),
  ];
  for (let s = 0; s < STAGE_COUNT; s++) {
    if (s > 0) {
      entries.push(
        [`downsample_${s}.conv.weight`, [d[s]!, d[s - 1]!, 1, 1]],
        ...neoCellSchema(`downsample_${s}.neocell.`, downsampleSpec(d[s]!)),
        ...batchNormSchema(`downsample_${s}.norm_1.`, d[s]!),
      );
    }
    for (let b = 0; b < config.layers[s]!; b++) {
      entries.push(...blockSchema(`stage_${s + 1}.${b}.`, blockSpec(config, s), d[s]!, config.layerScale, config.linearBias));
    }
  }
  entries.push(
    ['head.ln.weight', [d[3]!]],
    ['head.ln.bias', [d[3]!]],
    ['head.fc.weight', [config.classes, d[3]!]],
    ['head.fc.bias', [config.classes]],
  );
  return new Map(entries);
}
