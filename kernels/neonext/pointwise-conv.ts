import type { KernelArtifact } from '../../compiler/artifact.js';
import type { KernelTarget, Vec4PanelsPreference } from '../../compiler/targets/target.js';
import { compileDenseMatmul, type DenseTile } from '../baselines/dense-matmul.js';
import type { Grid, UniformValues } from '../../compiler/launch.js';
import { chooseVec4Tile, type LinearVec4Options } from './unfused/linear-vec4.js';

/**
 * The downsample's 1x1 conv C_in → C_out on NCHW activations is, per image n, the matmul
 * Y_n [C_out, H·W] = W [C_out, C_in] · X_n [C_in, H·W] — exactly the batched matmul of kernels/baselines with
 * lhs_mod = 1 (one weight for every image) and rhs_mod = N. Its register-tiled variant (operands straight from
 * storage, 4x4 outputs per invocation) measured 4-5x faster than shared-memory tiles on lavapipe, so it is reused
 * rather than duplicated; sizes are run-time uniforms there.
 */
export const POINTWISE_TILE: DenseTile = { staging: 'registers', tm: 32, tn: 32, tk: 1, rm: 4, rn: 4 };

export function compilePointwiseConv(target: KernelTarget): KernelArtifact {
  return compileDenseMatmul(POINTWISE_TILE, target);
}

/**
 * The CPU form (AssemblyScript): per image, Y_n [C_out, H·W] = W [C_out, C_in] · X_n [C_in, H·W] as the SIMD GEMM
 * micro-kernel with no bias (x = W, wt = X_n, y = Y_n; one launch per image at the image's offsets), specialized for
 * (C_in, H·W). Undefined where H·W is not a multiple of 4 (the dense kernel runs instead).
 * Buffers in binding order: [weight, x_n, y_n]; launch with linearVec4Launch(options, C_out).
 */
export function pointwiseConvVec4Options(cin: number, cout: number, plane: number, gemm: Vec4PanelsPreference): LinearVec4Options | undefined {
  const tile = chooseVec4Tile(plane, cout, gemm);
  return tile ? { inFeatures: cin, outFeatures: plane, epilogue: 'none', ...tile, workgroupSize: 1, ...(gemm.fma ? { fma: true } : {}) } : undefined;
}

/** Buffers in binding order: [weight, x, y]. */
export function pointwiseConvLaunch(cin: number, cout: number, batch: number, plane: number): { grid: Grid; uniforms: UniformValues } {
  return {
    grid: [Math.ceil(plane / POINTWISE_TILE.tn), Math.ceil(cout / POINTWISE_TILE.tm), batch],
    uniforms: { m: cout, n: plane, k: cin, lhs_mod: 1, rhs_mod: batch },
  };
}
