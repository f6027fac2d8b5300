import { STAGE_COUNT, type NeoNeXtConfig } from '../../compiler/spec/model-config.js';
import type { TensorSource } from './state-dict.js';
import { WeightsError } from './weights-error.js';

/** What a checkpoint's tensor names and shapes reveal about its network (shifts and resolution are not stored). */
export type InferredArchitecture = Pick<NeoNeXtConfig, 'layers' | 'dims' | 'kernelSpecs' | 'classes' | 'layerScale' | 'linearBias'>;

/**
 * Reads layers, dims, kernel sizes, classes and the LayerScale / linear-bias options off a NeoNeXt state dict
 * (keys with or without `module.`), without loading any tensor data.
 */
export function inferArchitecture(file: TensorSource): InferredArchitecture {
  const byKey = new Map(file.names.map((n) => [n.startsWith('module.') ? n.slice('module.'.length) : n, n]));
  const shape = (key: string): readonly number[] => {
    const name = byKey.get(key);
    const s = name === undefined ? undefined : file.shapeOf(name);
    if (!s) {
      throw new WeightsError('missing-tensor', file.source,
        `cannot infer the architecture: no tensor "${key}" (is this a NeoNeXt state dict? otherwise pass --arch or --layers/--dims)`);
    }
    return s;
  };
  const dims = [shape('stem.conv.weight')[0]!];
  for (let s = 1; s < STAGE_COUNT; s++) dims.push(shape(`downsample_${s}.conv.weight`)[0]!);
  const layers: number[] = [];
  const kernelSpecs: string[] = [];
  for (let s = 0; s < STAGE_COUNT; s++) {
    const blocks = new Set<number>();
    const pattern = new RegExp(`^stage_${s + 1}\\.(\\d+)\\.`);
    for (const key of byKey.keys()) {
      const m = pattern.exec(key);
      if (m) blocks.add(Number(m[1]));
    }
    if (blocks.size === 0) throw new WeightsError('missing-tensor', file.source, `cannot infer the architecture: stage_${s + 1} has no blocks`);
    layers.push(blocks.size);
    const kernels: number[] = [];
    for (let j = 0; byKey.has(`stage_${s + 1}.0.ops.content.neocell.weight_a.${j}`); j++) {
      kernels.push(shape(`stage_${s + 1}.0.ops.content.neocell.weight_a.${j}`)[1]!);
    }
    if (kernels.length === 0) shape(`stage_${s + 1}.0.ops.content.neocell.weight_a.0`);
    kernelSpecs.push(kernels.join('+'));
  }
  const keys = [...byKey.keys()];
  return {
    layers,
    dims,
    kernelSpecs,
    classes: shape('head.fc.weight')[0]!,
    layerScale: keys.some((k) => k.endsWith('.layer_scale.gamma')),
    linearBias: keys.some((k) => k.endsWith('.fc_1.bias')),
  };
}
