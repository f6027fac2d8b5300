import { PATCH_SIZE, STAGE_COUNT, blockPlan, downsamplePlan, type NeoNeXtConfig } from '../../compiler/spec/model-config.js';
import type { NeoCellPlan } from '../../compiler/plan/neocell-plan.js';
import type { BlockParams, DownsampleParams, NeoNeXtParams } from '../neonext-params.js';
import { formatShape, Tensor } from '../tensor.js';
import { neoCellForward } from './neocell.js';
import {
  batchNorm2d, conv1x1, geluInPlace, globalAveragePool, layerNorm, linear, patchify, toChannelsFirst, toChannelsLast,
} from './ops.js';

/** NeoBottleNeck, eval mode: x + gamma · fc_2(GELU(fc_1(BN(NeoCell(x))))) with the MLP over channels. */
export function neoNeXtBlock(plan: NeoCellPlan, x: Tensor, p: BlockParams): Tensor {
  const mixed = toChannelsLast(batchNorm2d(neoCellForward(plan, x, p.neocell), p.norm));
  const hidden = linear(mixed, p.fc1);
  geluInPlace(hidden.data as Float64Array);
  const out = linear(hidden, p.fc2);
  if (p.gamma) {
    const c = p.gamma.size;
    for (let i = 0; i < out.size; i++) out.data[i] *= p.gamma.data[i % c]!;
  }
  const y = toChannelsFirst(out);
  for (let i = 0; i < y.size; i++) y.data[i] += x.data[i]!;
  return y;
}

/** Downsample: 1x1 conv C→2C, NeoCell 2x2→1x1 (halves H and W), BatchNorm. */
export function neoNeXtDownsample(plan: NeoCellPlan, x: Tensor, p: DownsampleParams): Tensor {
  return batchNorm2d(neoCellForward(plan, conv1x1(x, p.conv), p.neocell), p.norm);
}

/** Stem: patchify 4x4 (3 → 48 channels), 1x1 conv 48→C, BatchNorm. */
export function neoNeXtStem(x: Tensor, p: NeoNeXtParams['stem']): Tensor {
  return batchNorm2d(conv1x1(patchify(x, PATCH_SIZE), p.conv), p.norm);
}

/** Head: global average pool, LayerNorm (eps 1e-6), Linear → logits [N, classes]. */
export function neoNeXtHead(x: Tensor, p: NeoNeXtParams['head']): Tensor {
  return linear(layerNorm(globalAveragePool(x), p.ln.weight, p.ln.bias, 1e-6), p.fc);
}

/** Called after each top-level module (stem, stage_1, downsample_1, …) with its output, for progress and debugging. */
export type ModuleObserver = (module: string, output: Tensor) => void;

/** The whole network in float64: `input` [N, 3, R, R] with R = config.resolution → logits [N, classes]. */
export function neoNeXtForward(config: NeoNeXtConfig, params: NeoNeXtParams, input: Tensor, observe?: ModuleObserver): Tensor {
  const r = config.resolution;
  if (input.shape.length !== 4 || input.shape[1] !== 3 || input.shape[2] !== r || input.shape[3] !== r) {
    throw new RangeError(`NeoNeXt: input has shape ${formatShape(input.shape)}, ${config.name} expects [N, 3, ${r}, ${r}]`);
  }
  const batch = input.shape[0]!;
  let x = neoNeXtStem(input, params.stem);
  observe?.('stem', x);
  for (let s = 0; s < STAGE_COUNT; s++) {
    if (s > 0) {
      x = neoNeXtDownsample(downsamplePlan(config, s, batch), x, params.downsamples[s - 1]!);
      observe?.(`downsample_${s}`, x);
    }
    const plan = blockPlan(config, s, batch);
    for (const block of params.stages[s]!) x = neoNeXtBlock(plan, x, block);
    observe?.(`stage_${s + 1}`, x);
  }
  const logits = neoNeXtHead(x, params.head);
  observe?.('head', logits);
  return logits;
}
