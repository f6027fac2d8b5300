import { NeoccError } from '../errors.js';
import { approximateParameters, blockPlan, downsamplePlan, STAGE_COUNT, type NeoNeXtConfig } from '../spec/model-config.js';
import type { NeoCellPlan } from '../plan/neocell-plan.js';
import { blockMatrixElements } from './neocell-blocks.js';

/**
 * The size of an exported ONNX model, from the config alone, checked before any matrix is built. The dense and lean
 * forms materialize every block NeoCell as dense block-diagonal A [C, H', H] and B [C, W, W'] (the dense form also
 * each downsample's), which grow with the square of the feature-map side: `export-onnx --resolution 4000 --form
 * dense` asked for ~2.3 GB in stage 1 alone and ran out of memory. The blocks form writes k⁴ elements a channel per
 * block NeoCell instead, which do not grow with the resolution (and the dense form where it does not apply).
 *
 * ONNX is one protobuf message, which cannot exceed 2 GiB (ONNX_PROTOBUF_LIMIT): nothing larger can be written as
 * one file. The default budget is half that (exporting holds the initializers and the encoded file at once, ~2-3x
 * the file in memory); --max-onnx-mib raises it up to the protobuf limit.
 */
export const ONNX_PROTOBUF_LIMIT = 2 ** 31 - 1;
export const DEFAULT_MAX_ONNX_BYTES = 2 ** 30;

type SizedForm = 'dense' | 'lean' | 'blocks';

/** float32 elements of one NeoCell's dense A and B. */
function denseElements(plan: NeoCellPlan): number {
  const [, c, inH, inW] = plan.inputShape;
  const [, , outH, outW] = plan.outputShape;
  return c * outH * inH + c * inW * outW;
}

/** Initializer bytes an export of `config` in `form` writes (the graph's nodes add a few KB). */
export function onnxInitializerBytes(config: NeoNeXtConfig, form: SizedForm): number {
  let floats = approximateParameters(config);
  for (let stage = 0; stage < STAGE_COUNT; stage++) {
    const plan = blockPlan(config, stage, 1);
    const perBlock = (form === 'blocks' ? blockMatrixElements(plan) : undefined) ?? denseElements(plan);
    floats += config.layers[stage]! * perBlock;
    if (form === 'dense' && stage > 0) floats += denseElements(downsamplePlan(config, stage, 1));
  }
  return 4 * floats;
}

/** Refuses an export whose initializers would exceed `maxBytes`, naming the size, the limit and what to change. */
export function checkOnnxSize(config: NeoNeXtConfig, form: SizedForm, maxBytes = DEFAULT_MAX_ONNX_BYTES): void {
  const bytes = onnxInitializerBytes(config, form);
  if (bytes <= maxBytes) return;
  const mib = (n: number): string => `${Math.ceil(n / 2 ** 20)} MiB`;
  const options = [`a smaller --resolution (now ${config.resolution})`];
  const blocks = onnxInitializerBytes(config, 'blocks');
  if (form !== 'blocks' && blocks < bytes) options.push(`--form blocks (${mib(blocks)}: NeoCells without dense matrices)`);
  if (bytes <= ONNX_PROTOBUF_LIMIT && maxBytes < ONNX_PROTOBUF_LIMIT) options.push(`--max-onnx-mib ${Math.ceil(bytes / 2 ** 20)} (about 3x that in memory while exporting)`);
  throw new NeoccError('too-large',
    `the ${form} ONNX export of ${config.name} at resolution ${config.resolution} would hold ${mib(bytes)} of weights, over the ` +
    `${mib(maxBytes)} limit${maxBytes >= ONNX_PROTOBUF_LIMIT ? ' (one ONNX protobuf cannot exceed 2 GiB)' : ''}; use ${options.join(', or ')}`);
}
