import type { KernelArtifact } from '../../compiler/artifact.js';
import type { Grid, UniformValues } from '../neocell/launch.js';
import { DEFAULT_LINEAR_TILE, compileLinear, linearLaunch, type LinearKernelOptions, type LinearTile } from './unfused/linear.js';

/**
 * The second half of a NeoNeXt block (after the folded NeoCell) as TWO register-tiled GEMMs instead of the one
 * fused kernel of mlp-residual.ts:
 *   (1) fc_1: hidden [P, 4C] = GELU(m [P, C] · W1ᵀ + b1)             (m the channels-last NeoCell output)
 *   (2) fc_2: y [n, c, p] (NCHW) = x [n, c, p] + (hidden · W2ᵀ + b2)[n·plane + p, c]
 * with P = N·H·W, BN folded into W1/b1 and LayerScale into W2/b2 (kernels/fold-neonext.ts), the weights stored
 * transposed exactly as the fused kernel reads them (runtime/webgpu/model/gpu-weights.ts), so both paths share one
 * upload. The GEMMs are kernels/neonext/unfused/linear.ts with an epilogue built in the IR (GELU; residual + NCHW
 * store): the hidden activations round-trip through global memory (a [P, 4C] scratch buffer), which on lavapipe
 * costs less than the fused kernel's workgroup-memory staging (bench/neonext-blocks.ts, `two-gemm`).
 *
 * Bindings: fc_1 [m, w1t, b1, hidden]; fc_2 [hidden, w2t, b2, x, y].
 */
export interface TwoGemmOptions {
  readonly channels: number;
  readonly fc1Tile?: LinearTile;
  readonly fc2Tile?: LinearTile;
}

export interface TwoGemmKernels {
  readonly fc1: KernelArtifact;
  readonly fc2: KernelArtifact;
  readonly fc1Options: LinearKernelOptions;
  readonly fc2Options: LinearKernelOptions;
}

export function compileMlpTwoGemm(o: TwoGemmOptions): TwoGemmKernels {
  const c = o.channels;
  const fc1Options: LinearKernelOptions = { inFeatures: c, outFeatures: 4 * c, ...(o.fc1Tile ?? DEFAULT_LINEAR_TILE), epilogue: 'bias-gelu' };
  const fc2Options: LinearKernelOptions = { inFeatures: 4 * c, outFeatures: c, ...(o.fc2Tile ?? DEFAULT_LINEAR_TILE), epilogue: 'bias-residual-nchw' };
  return { fc1: compileLinear(fc1Options), fc2: compileLinear(fc2Options), fc1Options, fc2Options };
}

/** Elements of the hidden scratch buffer for `batch` images of `plane` pixels. */
export function twoGemmHiddenElements(channels: number, batch: number, plane: number): number {
  return batch * plane * 4 * channels;
}

export interface TwoGemmLaunch {
  readonly fc1: { grid: Grid; uniforms: UniformValues };
  readonly fc2: { grid: Grid; uniforms: UniformValues };
}

export function mlpTwoGemmLaunch(k: TwoGemmKernels, batch: number, plane: number): TwoGemmLaunch {
  const rows = batch * plane;
  return { fc1: linearLaunch(k.fc1Options, rows), fc2: linearLaunch(k.fc2Options, rows, plane) };
}
