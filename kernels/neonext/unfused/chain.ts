import type { KernelArtifact } from '../../../compiler/artifact.js';
import { chooseTiling, compileNeoCellForward, forwardBaked } from '../../neocell/compile.js';
import type { NeoCellPlan } from '../../../compiler/plan/neocell-plan.js';
import type { BlockParams } from '../../../nn/neonext-params.js';
import { concatTensors, transposed } from '../../../nn/tensor.js';
import { forwardLaunch, shouldPackChannels } from '../../neocell/launch.js';
import type { Grid, UniformValues } from '../../../compiler/launch.js';
import { compileElementwise, elementwiseLaunch } from './elementwise.js';
import { DEFAULT_LINEAR_TILE, compileLinear, linearLaunch, type LinearKernelOptions, type LinearTile } from './linear.js';
import type { KernelTarget } from '../../../compiler/targets/target.js';

/**
 * One NeoNeXt block as a framework runs it op by op (the "unfused chain" baseline of docs/DESIGN-NOTES.md §7), with the
 * parameters unfolded (BatchNorm and LayerScale separate):
 *   NeoCell (NCHW, the specialized kernel) → BatchNorm (eval) → NCHW→NHWC → fc_1 (+bias) → GELU → fc_2 (+bias)
 *   → LayerScale → residual add (writes NCHW)
 * Every arrow is a round trip through global memory and a separate dispatch. The fused path
 * (runtime/webgpu/model: folded NeoCell writing NHWC + kernels/neonext/mlp-residual.ts) does the same math in two.
 */
export type UnfusedWeight = 'wa' | 'wb' | 'bn_weight' | 'bn_bias' | 'bn_mean' | 'bn_var' | 'w1t' | 'b1' | 'w2t' | 'b2' | 'gamma';
/** Activations: x (block input, NCHW), then each op's output; `hidden` is [N·H·W, 4C], the others N·C·H·W. */
export type UnfusedActivation = 'x' | 'neocell' | 'bn' | 'nhwc' | 'hidden' | 'mlp' | 'y';
export type UnfusedBuffer = UnfusedWeight | UnfusedActivation;

export interface UnfusedStep {
  readonly op: string;
  readonly artifact: KernelArtifact;
  /** Storage bindings in the artifact's order. */
  readonly buffers: readonly UnfusedBuffer[];
  readonly grid: Grid;
  readonly uniforms: UniformValues;
}

export interface UnfusedOptions {
  readonly layerScale: boolean;
  /** BatchNorm eps (PyTorch's default 1e-5). */
  readonly bnEps?: number;
  /** Register tiles of fc_1 and fc_2 (default DEFAULT_LINEAR_TILE): a bench may autotune them per shape. */
  readonly fc1Tile?: LinearTile;
  readonly fc2Tile?: LinearTile;
}

/** The dispatches of one unfused block for `plan` (batch and plane from the plan), in order. */
export function unfusedBlockSteps(plan: NeoCellPlan, target: KernelTarget, options: UnfusedOptions): UnfusedStep[] {
  const [n, c, h, w] = plan.inputShape;
  if (plan.outputShape[2] !== h || plan.outputShape[3] !== w) throw new RangeError('unfused NeoNeXt block: the NeoCell must keep the feature-map size');
  const plane = h * w;
  const total = n * c * plane;
  const maxDim = target.limits.maxComputeWorkgroupsPerDimension;
  const tiling = chooseTiling(plan.spec, target.limits);
  const packChannels = shouldPackChannels(plan, tiling);
  const neocell = compileNeoCellForward(plan.spec, target, { layout: 'nchw', tiling, packChannels });
  const baked = forwardBaked(neocell);
  const nc = forwardLaunch(plan, baked.tiling, false, baked.packChannels);
  const fc1: LinearKernelOptions = { inFeatures: c, outFeatures: 4 * c, ...(options.fc1Tile ?? DEFAULT_LINEAR_TILE) };
  const fc2: LinearKernelOptions = { inFeatures: 4 * c, outFeatures: c, ...(options.fc2Tile ?? DEFAULT_LINEAR_TILE) };
  const ew = elementwiseLaunch(total, plane, maxDim);
  const steps: UnfusedStep[] = [
    { op: 'neocell', artifact: neocell, buffers: ['x', 'wa', 'wb', 'neocell'], ...nc },
    { op: 'batch-norm', artifact: compileElementwise('batch-norm', c, target, options.bnEps), buffers: ['neocell', 'bn_weight', 'bn_bias', 'bn_mean', 'bn_var', 'bn'], ...ew },
    { op: 'to-channels-last', artifact: compileElementwise('to-channels-last', c, target), buffers: ['bn', 'nhwc'], ...ew },
    { op: 'fc_1', artifact: compileLinear(fc1, target), buffers: ['nhwc', 'w1t', 'b1', 'hidden'], ...linearLaunch(fc1, n * plane) },
    { op: 'gelu', artifact: compileElementwise('gelu', c, target), buffers: ['hidden'], ...elementwiseLaunch(4 * total, plane, maxDim) },
    { op: 'fc_2', artifact: compileLinear(fc2, target), buffers: ['hidden', 'w2t', 'b2', 'mlp'], ...linearLaunch(fc2, n * plane) },
  ];
  if (options.layerScale) steps.push({ op: 'layer-scale', artifact: compileElementwise('layer-scale', c, target), buffers: ['gamma', 'mlp'], ...ew });
  steps.push({ op: 'residual-add', artifact: compileElementwise('residual-add', c, target), buffers: ['x', 'mlp', 'y'], ...ew });
  return steps;
}

/** Elements of each activation buffer. */
export function unfusedActivationSizes(plan: NeoCellPlan): Readonly<Record<UnfusedActivation, number>> {
  const total = plan.inputShape.reduce((p, d) => p * d, 1);
  return { x: total, neocell: total, bn: total, nhwc: total, hidden: 4 * total, mlp: total, y: total };
}

function f32(data: ArrayLike<number>): Float32Array {
  return Float32Array.from(data);
}

/**
 * The block's parameters as the unfused chain reads them, unfolded: NeoCell kernels of all groups back to back,
 * the four BatchNorm vectors, fc weights transposed to [in, out], zero biases where the block has none, gamma
 * (ones when absent; the chain then skips LayerScale).
 */
export function unfusedBlockWeights(p: BlockParams): Readonly<Record<UnfusedWeight, Float32Array>> {
  const [hidden, c] = [p.fc1.weight.shape[0]!, p.fc1.weight.size / p.fc1.weight.shape[0]!];
  return {
    wa: concatTensors(p.neocell.a),
    wb: concatTensors(p.neocell.b),
    bn_weight: f32(p.norm.weight.data),
    bn_bias: f32(p.norm.bias.data),
    bn_mean: f32(p.norm.runningMean.data),
    bn_var: f32(p.norm.runningVar.data),
    w1t: transposed(p.fc1.weight),
    b1: p.fc1.bias ? f32(p.fc1.bias.data) : new Float32Array(hidden),
    w2t: transposed(p.fc2.weight),
    b2: p.fc2.bias ? f32(p.fc2.bias.data) : new Float32Array(c),
    gamma: p.gamma ? f32(p.gamma.data) : new Float32Array(c).fill(1),
  };
}
