import { makeArtifact, type KernelArtifact } from '../../compiler/artifact.js';
import type { KernelTarget } from '../../compiler/targets/target.js';
import type { Launch } from '../../compiler/launch.js';
import { DEFAULT_LINEAR_TILE, linearKernel, linearLaunch, type LinearEpilogue, type LinearKernelOptions, type LinearTile } from './unfused/linear.js';
import { chooseVec4Tile, linearVec4Kernel, linearVec4Launch, packTransposedWeightPanels, packWeightPanels, type LinearVec4Options } from './unfused/linear-vec4.js';

/**
 * The second half of a NeoNeXt block (after the folded NeoCell) as TWO GEMMs instead of the one fused kernel of
 * mlp-residual.ts:
 *   (1) fc_1: hidden [P, 4C] = GELU(m [P, C] · W1ᵀ + b1)             (m the channels-last NeoCell output)
 *   (2) fc_2: y [n, c, p] (NCHW) = x [n, c, p] + (hidden · W2ᵀ + b2)[n·plane + p, c]
 * with P = N·H·W, BN folded into W1/b1 and LayerScale into W2/b2 (nn/fold-neonext.ts), the weights stored
 * transposed exactly as the fused kernel reads them (schedule/neonext.ts blockWeights), so both paths share one
 * layout. The GEMMs are the Linear kernels of ./unfused with an epilogue built in the IR (GELU; residual + NCHW
 * store); the hidden activations round-trip through memory (a [P, 4C] scratch buffer), which on lavapipe costs less
 * than the fused kernel's workgroup-memory staging (bench/neonext-blocks.ts, `two-gemm`).
 *
 * Per target: WGSL gets the register-tiled GPU GEMM (./unfused/linear.ts); AssemblyScript gets the SIMD
 * micro-kernel (./unfused/linear-vec4.ts, f32x4), 4-10x faster than the register-tiled kernel on a CPU
 * (bench/wasm-gemm.ts), wherever the output width is a multiple of 4, with its weights packed in column panels
 * (gemmWeightLayout: the runtime lays W1ᵀ/W2ᵀ out that way for these kernels).
 *
 * Bindings: fc_1 [m, w1t, b1, hidden]; fc_2 [hidden, w2t, b2, x, y].
 */
export interface TwoGemmOptions {
  readonly channels: number;
  readonly target: KernelTarget;
  /** Fewest rows a launch will have (a batch-1 image's pixels, H·W): CPU tiles never span more rows. */
  readonly minRows?: number;
  /** Register tiles of the WGSL GEMMs. */
  readonly fc1Tile?: LinearTile;
  readonly fc2Tile?: LinearTile;
}

/** One GEMM of the pair: which kernel family, with its options. */
export type GemmOptions = ({ readonly kind: 'registers' } & LinearKernelOptions) | ({ readonly kind: 'vec4' } & LinearVec4Options);

export interface TwoGemmKernels {
  readonly fc1: KernelArtifact;
  readonly fc2: KernelArtifact;
  readonly fc1Options: GemmOptions;
  readonly fc2Options: GemmOptions;
}

function gemmOptions(
  target: KernelTarget, inFeatures: number, outFeatures: number, epilogue: LinearEpilogue, tile: LinearTile | undefined, minRows: number | undefined,
): GemmOptions {
  const gemm = target.prefers.gemm;
  const vec4Tile = gemm.family === 'vec4-panels' ? chooseVec4Tile(outFeatures, minRows ?? Number.POSITIVE_INFINITY, gemm) : undefined;
  // `fma` only where set, so the plain kernels' baked options (and keys) are what they were before the FMA variant.
  if (vec4Tile) return { kind: 'vec4', inFeatures, outFeatures, epilogue, ...vec4Tile, workgroupSize: 1, packedWt: true, ...(gemm.family === 'vec4-panels' && gemm.fma ? { fma: true } : {}) };
  // Register tiles: the caller's, else the target's, else the default (a vec4 target whose width is not a multiple of 4).
  return { kind: 'registers', inFeatures, outFeatures, epilogue, ...(tile ?? (gemm.family === 'register-tiles' ? gemm.tile : DEFAULT_LINEAR_TILE)) };
}

/** The artifact of one GEMM (baked: its whole options record, under the Linear's op name). */
export function compileGemm(o: GemmOptions, target: KernelTarget): KernelArtifact {
  const ir = o.kind === 'vec4' ? linearVec4Kernel(o) : linearKernel(o);
  return makeArtifact(ir, target, { op: 'unfused-linear', ...o });
}

/** A GEMM's weight operand wt = Wᵀ [in, out] (row-major) in the layout the kernel reads (column panels for packedWt). */
export function gemmWeightLayout(wt: Float32Array, o: GemmOptions): Float32Array {
  return o.kind === 'vec4' && o.packedWt ? packWeightPanels(wt, o.inFeatures, o.outFeatures, 4 * o.rv) : wt;
}

/**
 * gemmWeightLayout(Wᵀ) from W [out, in] (row-major, as a Linear stores it) in one pass, where the kernel reads column
 * panels; undefined where it reads plain Wᵀ (the caller transposes).
 */
export function packedGemmWeight(w: ArrayLike<number>, o: GemmOptions): Float32Array | undefined {
  return o.kind === 'vec4' && o.packedWt ? packTransposedWeightPanels(w, o.inFeatures, o.outFeatures, 4 * o.rv) : undefined;
}

export function gemmLaunch(o: GemmOptions, rows: number, plane?: number): Launch {
  return o.kind === 'vec4' ? linearVec4Launch(o, rows, plane) : linearLaunch(o, rows, plane);
}

export function compileMlpTwoGemm(o: TwoGemmOptions): TwoGemmKernels {
  const c = o.channels;
  const { target } = o;
  const fc1Options = gemmOptions(target, c, 4 * c, 'bias-gelu', o.fc1Tile, o.minRows);
  const fc2Options = gemmOptions(target, 4 * c, c, 'bias-residual-nchw', o.fc2Tile, o.minRows);
  return { fc1: compileGemm(fc1Options, target), fc2: compileGemm(fc2Options, target), fc1Options, fc2Options };
}

/** Elements of the hidden scratch buffer for `batch` images of `plane` pixels. */
export function twoGemmHiddenElements(channels: number, batch: number, plane: number): number {
  return batch * plane * 4 * channels;
}

export interface TwoGemmLaunch {
  readonly fc1: Launch;
  readonly fc2: Launch;
}

export function mlpTwoGemmLaunch(k: TwoGemmKernels, batch: number, plane: number): TwoGemmLaunch {
  const rows = batch * plane;
  return { fc1: gemmLaunch(k.fc1Options, rows), fc2: gemmLaunch(k.fc2Options, rows, plane) };
}
