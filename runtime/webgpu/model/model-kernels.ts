import type { KernelArtifact, KernelTarget } from '../../../compiler/artifact.js';
import { NeoccError } from '../../../compiler/errors.js';
import { chooseTiling, compileNeoCellForward, forwardBaked, type TilingLimits } from '../../../compiler/compile-neocell.js';
import type { NeoCellPlan } from '../../../compiler/plan/neocell-plan.js';
import { STAGE_COUNT, blockPlan, downsamplePlan, stageSize, type NeoNeXtConfig } from '../../../compiler/spec/model-config.js';
import { compileHead } from '../../../kernels/neonext/head.js';
import { chooseMlpTiling, compileMlpResidual, mlpLaunch, type MlpKernelOptions } from '../../../kernels/neonext/mlp-residual.js';
import { compileGemm, compileMlpTwoGemm, mlpTwoGemmLaunch, type TwoGemmKernels } from '../../../kernels/neonext/mlp-two-gemm.js';
import type { LinearTile } from '../../../kernels/neonext/unfused/linear.js';
import { compilePointwiseConv, pointwiseConvVec4Options } from '../../../kernels/neonext/pointwise-conv.js';
import type { LinearVec4Options } from '../../../kernels/neonext/unfused/linear-vec4.js';
import { compileStem, defaultStemOptions, type StemKernelOptions } from '../../../kernels/neonext/stem.js';
import { forwardLaunch, shouldPackChannels, type Grid, type UniformValues } from '../../../kernels/neocell/launch.js';

/**
 * Every kernel a NeoNeXt forward pass needs, specialized for one config and tiled for one device, for one target:
 * WGSL for the WebGPU model, AssemblyScript for the WebAssembly one (runtime/wasm/wasm-neonext.ts; the same IR
 * builders and sequence, the MLP GEMMs as SIMD micro-kernels there). Batch and resolution are run-time uniforms,
 * so the set serves every batch size.
 */
export interface BlockKernels {
  /** Folded NeoCell, channels-last output (what both MLP paths read). */
  readonly neocell: KernelArtifact;
  /**
   * Which MLP a block runs when it can (`two-gemm` falls back to `fused` where its hidden scratch is too large).
   */
  readonly mlpPath: MlpPath;
  /** The fused fc_1 → GELU → fc_2 → +residual kernel (kernels/neonext/mlp-residual.ts). */
  readonly mlp: KernelArtifact;
  readonly mlpOptions: MlpKernelOptions;
  /** The same MLP as two GEMMs with IR epilogues (kernels/neonext/mlp-two-gemm.ts). */
  readonly twoGemm: TwoGemmKernels;
}

/**
 * `fused`: one dispatch, the 4C hidden activations in workgroup memory. `two-gemm`: two register-tiled GEMM
 * dispatches through a [pixels, 4C] global scratch buffer.
 */
export type MlpPath = 'fused' | 'two-gemm';

/**
 * The two-GEMM path's register tile (both GEMMs): 64x64 per workgroup, 8x8 accumulators per invocation, the tile
 * that won the per-shape autotune of fc_1/fc_2 at batch 1 on most NeoNeXt-T shapes (bench/neonext-blocks.ts).
 */
export const TWO_GEMM_TILE: LinearTile = { tm: 64, tn: 64, rm: 8, rn: 8 };

/**
 * The MLP path a block of `channels` channels runs, from bench/neonext-blocks.ts (one interleaved run on lavapipe,
 * NeoNeXt-T-224 stages 1-4, batch 1; bench/results/neonext-blocks.json): two-GEMM was 3.29x / 2.52x / 2.80x /
 * 2.56x faster than the fused kernel per block (C = 96 / 192 / 384 / 768) and 1.2-1.7x faster than the unfused
 * chain, so every shape runs two-GEMM (the fused kernel remains the fallback when the hidden scratch is too large).
 */
export function preferredMlpPath(_channels: number): MlpPath {
  return 'two-gemm';
}

export interface DownsampleKernels {
  /** The 1x1 conv: the batched dense matmul (pointwiseConvLaunch), or with `convVec4` the per-image SIMD GEMM. */
  readonly conv: KernelArtifact;
  readonly convVec4?: LinearVec4Options;
  /** NeoCell 2x2 → 1x1 with the folded BN shift as a per-channel bias epilogue, NCHW output. */
  readonly neocell: KernelArtifact;
}

export interface ModelKernels {
  readonly stem: KernelArtifact;
  readonly stemOptions: StemKernelOptions;
  readonly stages: readonly BlockKernels[];
  /** downsamples[s - 1] in front of stage s. */
  readonly downsamples: readonly DownsampleKernels[];
  readonly head: KernelArtifact;
}

export type DeviceLimits = TilingLimits & { readonly maxComputeWorkgroupsPerDimension?: number };

/**
 * The specialized NeoCell for `plan` (its spatial size decides channel packing, which pays on small planes such as
 * stage 4's 7x7; batch does not enter, so the kernel serves every batch).
 */
function neoCellKernel(plan: NeoCellPlan, limits: DeviceLimits, target: KernelTarget, options: { layout: 'nhwc' | 'nchw'; channelBias?: boolean }): KernelArtifact {
  const tiling = chooseTiling(plan.spec, limits);
  const packChannels = shouldPackChannels(plan, tiling);
  return compileNeoCellForward(plan.spec, { ...options, tiling, packChannels, target });
}

export function blockKernels(
  plan: NeoCellPlan, limits: DeviceLimits, mlpPath: MlpPath = preferredMlpPath(plan.spec.channels), target: KernelTarget = 'wgsl',
): BlockKernels {
  const channels = plan.spec.channels;
  const mlpOptions: MlpKernelOptions = { channels, hidden: 4 * channels, ...chooseMlpTiling(channels, limits) };
  return {
    neocell: neoCellKernel(plan, limits, target, { layout: 'nhwc' }),
    mlpPath,
    mlp: compileMlpResidual(mlpOptions, target),
    mlpOptions,
    twoGemm: compileMlpTwoGemm({ channels, target, minRows: plan.inputShape[2] * plan.inputShape[3], fc1Tile: TWO_GEMM_TILE, fc2Tile: TWO_GEMM_TILE }),
  };
}

/** What an MLP kernel binds, by role; each runtime maps the roles to its own buffers (GPUBuffers, wasm pointers). */
export type MlpBuffer = 'm' | 'x' | 'w1t' | 'b1' | 'w2t' | 'b2' | 'hidden' | 'y';

export interface MlpDispatch {
  readonly artifact: KernelArtifact;
  readonly buffers: readonly MlpBuffer[];
  readonly grid: Grid;
  readonly uniforms: UniformValues;
}

/**
 * A block's MLP + residual (m = channels-last NeoCell output, x = block input, y = output) as dispatches: the two
 * GEMMs through the `hidden` scratch (twoGemmHiddenElements) when `twoGemm`, else the fused kernel.
 */
export function mlpDispatches(k: BlockKernels, batch: number, plane: number, twoGemm: boolean): MlpDispatch[] {
  if (twoGemm) {
    const l = mlpTwoGemmLaunch(k.twoGemm, batch, plane);
    return [
      { artifact: k.twoGemm.fc1, buffers: ['m', 'w1t', 'b1', 'hidden'], ...l.fc1 },
      { artifact: k.twoGemm.fc2, buffers: ['hidden', 'w2t', 'b2', 'x', 'y'], ...l.fc2 },
    ];
  }
  return [{ artifact: k.mlp, buffers: ['m', 'x', 'w1t', 'b1', 'w2t', 'b2', 'y'], ...mlpLaunch(k.mlpOptions, batch, plane) }];
}

/** A dispatch's buffers in binding order, from a runtime's buffers by role (GPUBuffers, wasm pointers). */
export function mlpBindings<T>(d: MlpDispatch, buffers: Partial<Record<MlpBuffer, T>>): T[] {
  return d.buffers.map((role) => {
    const buffer = buffers[role];
    if (buffer === undefined) throw new NeoccError('bad-launch', `${d.artifact.name}: no "${role}" buffer for the MLP dispatch`);
    return buffer;
  });
}

/** The MLP artifacts of the block's preferred path (what a model compiles up front; a fallback compiles on first use). */
export function mlpArtifacts(k: BlockKernels): KernelArtifact[] {
  return k.mlpPath === 'two-gemm' ? [k.twoGemm.fc1, k.twoGemm.fc2] : [k.mlp];
}

export function modelKernels(config: NeoNeXtConfig, limits: DeviceLimits, target: KernelTarget = 'wgsl'): ModelKernels {
  const stemOptions = defaultStemOptions(config.dims[0]!);
  const conv = compilePointwiseConv(target);
  const stages: BlockKernels[] = [];
  const downsamples: DownsampleKernels[] = [];
  for (let s = 0; s < STAGE_COUNT; s++) {
    stages.push(blockKernels(blockPlan(config, s, 1), limits, undefined, target));
    if (s > 0) {
      const neocell = neoCellKernel(downsamplePlan(config, s, 1), limits, target, { layout: 'nchw', channelBias: true });
      // CPUs run the conv as the SIMD GEMM, one launch per image (about 5x the register-tiled matmul in V8).
      const [h, w] = stageSize(config, s - 1);
      const convVec4 = target === 'assemblyscript' ? pointwiseConvVec4Options(config.dims[s - 1]!, config.dims[s]!, h * w) : undefined;
      downsamples.push(convVec4 ? { conv: compileGemm({ kind: 'vec4', ...convVec4 }, target), convVec4, neocell } : { conv, neocell });
    }
  }
  return {
    stem: compileStem(stemOptions, target),
    stemOptions,
    stages,
    downsamples,
    head: compileHead({ channels: config.dims[STAGE_COUNT - 1]!, classes: config.classes, workgroupSize: 64 }, limits, target),
  };
}

export function allArtifacts(k: ModelKernels): KernelArtifact[] {
  return [k.stem, k.head, ...k.stages.flatMap((s) => [s.neocell, ...mlpArtifacts(s)]), ...k.downsamples.flatMap((d) => [d.conv, d.neocell])];
}

/** Grid and uniforms of a NeoCell artifact made by compileNeoCellForward for `plan`. */
export function neoCellLaunch(artifact: KernelArtifact, plan: NeoCellPlan): { grid: Grid; uniforms: UniformValues } {
  const { tiling, packChannels } = forwardBaked(artifact);
  return forwardLaunch(plan, tiling, false, packChannels);
}
