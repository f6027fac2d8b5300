import { denseNeoCellMatrices } from '../../kernels/baselines/dense-matrices.js';
import type { NeoNeXtParams } from '../../nn/neonext-params.js';
import type { NeoCellWeights } from '../../nn/reference/neocell.js';
import type { Tensor } from '../../nn/tensor.js';
import type { NeoCellPlan } from '../plan/neocell-plan.js';
import type { OnnxGraphBuilder } from './graph-builder.js';

/** Pieces both export forms share: GELU, the dense NeoCell, the head. Each appends nodes and returns the output name. */

/** Scalar constants, created once per graph. */
export interface GraphScalars {
  readonly sqrt2: string;
  readonly one: string;
  readonly half: string;
}

export function graphScalars(g: OnnxGraphBuilder): GraphScalars {
  return {
    sqrt2: g.float('const.sqrt2', { shape: [], data: [Math.SQRT2] }),
    one: g.float('const.one', { shape: [], data: [1] }),
    half: g.float('const.half', { shape: [], data: [0.5] }),
  };
}

/**
 * Exact GELU, 0.5·x·(1 + erf(x/√2)), in the Div/Erf/Add/Mul/Mul shape that onnxruntime's GeluFusion recognizes
 * (it becomes one fused Gelu kernel at the default optimization level). The Gelu op itself needs opset 20.
 */
export function gelu(g: OnnxGraphBuilder, s: GraphScalars, x: string): string {
  const erf = g.node('Erf', [g.node('Div', [x, s.sqrt2])]);
  return g.node('Mul', [g.node('Mul', [x, g.node('Add', [erf, s.one])]), s.half]);
}

/**
 * The upstream NeoCell: dense block-diagonal A [C, H', H] and B [C, W, W'] (zeros off the blocks, shifts
 * included), then MatMul(A, X) → [N, C, H', W] and MatMul(·, B) → [N, C, H', W'], broadcasting over N.
 */
export function denseNeoCell(g: OnnxGraphBuilder, name: string, plan: NeoCellPlan, w: NeoCellWeights, x: string): string {
  const [, c, inH, inW] = plan.inputShape;
  const [, , outH, outW] = plan.outputShape;
  const { a, b } = denseNeoCellMatrices(plan, w);
  const ta = g.node('MatMul', [g.float(`${name}.A`, { shape: [c, outH, inH], data: a }), x]);
  return g.node('MatMul', [ta, g.float(`${name}.B`, { shape: [c, inW, outW], data: b })]);
}

/** Head: mean over H and W → LayerNorm(eps 1e-6) → Linear; [N, C, h, w] → [N, classes]. */
export function head(g: OnnxGraphBuilder, p: NeoNeXtParams['head'], x: string, output: string): string {
  const pooled = g.node('ReduceMean', [x], { axes: [2, 3], keepdims: 0 });
  const c = p.ln.weight.size;
  const normed = g.node('LayerNormalization', [
    pooled, g.float('head.ln.weight', { shape: [c], data: p.ln.weight.data }), g.float('head.ln.bias', { shape: [c], data: p.ln.bias.data }),
  ], { axis: -1, epsilon: { float: 1e-6 } });
  const fc = p.fc.weight;
  return g.node('Gemm', [
    normed, g.float('head.fc.weight', { shape: fc.shape, data: fc.data }),
    g.float('head.fc.bias', { shape: [fc.shape[0]!], data: p.fc.bias!.data }),
  ], { transB: 1 }, output);
}

/** A per-channel vector broadcast over NCHW: shape [1, C, 1, 1]. */
export function perChannel(g: OnnxGraphBuilder, name: string, values: ArrayLike<number>): string {
  return g.float(name, { shape: [1, values.length, 1, 1], data: values });
}
