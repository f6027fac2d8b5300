import { PATCH_SIZE, STAGE_COUNT, blockPlan, downsamplePlan, type NeoNeXtConfig } from '../../compiler/spec/model-config.js';
import type { NeoCellPlan } from '../../compiler/plan/neocell-plan.js';
import type { FoldedBlock, FoldedDownsample, FoldedLinear, FoldedNeoNeXt } from '../fold-neonext.js';
import { Tensor } from '../tensor.js';
import { neoCellForward } from './neocell.js';
import type { ModuleObserver } from './neonext.js';
import { neoNeXtHead } from './neonext.js';
import { geluInPlace, linear, patchify, toChannelsFirst, toChannelsLast } from './ops.js';

/**
 * The folded network (nn/fold-neonext.ts) in float64, op by op: the oracle for the fused WebGPU kernels, and
 * the proof that folding changes nothing (it must equal nn/reference/neonext.ts to rounding).
 */

/** fc2(GELU(fc1(m))) + x with m channels-last [N, H, W, C] and x, y NCHW: what the fused MLP kernel computes. */
export function foldedMlpResidual(m: Tensor, x: Tensor, p: FoldedBlock): Tensor {
  const hidden = linear(m, p.fc1);
  geluInPlace(hidden.data as Float64Array);
  const y = toChannelsFirst(linear(hidden, p.fc2));
  for (let i = 0; i < y.size; i++) y.data[i] += x.data[i]!;
  return y;
}

export function foldedBlock(plan: NeoCellPlan, x: Tensor, p: FoldedBlock): Tensor {
  return foldedMlpResidual(toChannelsLast(neoCellForward(plan, x, p.neocell)), x, p);
}

/** y[n, c, …] += bias[c] on an NCHW tensor (new tensor). */
export function addChannelBias(x: Tensor, bias: Tensor): Tensor {
  const [n, c, h, w] = x.shape as [number, number, number, number];
  const y = new Tensor(x.shape, Float64Array.from(x.data));
  for (let i = 0; i < n * c; i++) for (let p = 0; p < h * w; p++) y.data[i * h * w + p] += bias.data[i % c]!;
  return y;
}

/** W·x per pixel of an NCHW tensor, plus an optional bias. */
export function pointwise(x: Tensor, p: { weight: Tensor; bias?: Tensor }): Tensor {
  return toChannelsFirst(linear(toChannelsLast(x), p));
}

export function foldedDownsample(plan: NeoCellPlan, x: Tensor, p: FoldedDownsample): Tensor {
  return addChannelBias(neoCellForward(plan, pointwise(x, { weight: p.conv }), p.neocell), p.bias);
}

export function foldedStem(x: Tensor, p: FoldedLinear): Tensor {
  return pointwise(patchify(x, PATCH_SIZE), p);
}

/** Same contract as neoNeXtForward, on folded parameters. */
export function foldedNeoNeXtForward(config: NeoNeXtConfig, p: FoldedNeoNeXt, input: Tensor, observe?: ModuleObserver): Tensor {
  const batch = input.shape[0]!;
  let x = foldedStem(input, p.stem);
  observe?.('stem', x);
  for (let s = 0; s < STAGE_COUNT; s++) {
    if (s > 0) {
      x = foldedDownsample(downsamplePlan(config, s, batch), x, p.downsamples[s - 1]!);
      observe?.(`downsample_${s}`, x);
    }
    const plan = blockPlan(config, s, batch);
    for (const block of p.stages[s]!) x = foldedBlock(plan, x, block);
    observe?.(`stage_${s + 1}`, x);
  }
  const logits = neoNeXtHead(x, p.head);
  observe?.('head', logits);
  return logits;
}
