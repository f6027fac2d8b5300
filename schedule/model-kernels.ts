import type { KernelArtifact } from '../compiler/artifact.js';
import { CACHE_LINE_FLOATS, type Launch } from '../compiler/launch.js';
import type { NeoCellPlan } from '../compiler/plan/neocell-plan.js';
import { STAGE_COUNT, blockPlan, downsamplePlan, stageSize, type NeoNeXtConfig } from '../compiler/spec/model-config.js';
import type { KernelTarget } from '../compiler/targets/target.js';
import { compileHead, type HeadKernelOptions } from '../kernels/neonext/head.js';
import { chooseMlpTiling, compileMlpResidual, type MlpKernelOptions } from '../kernels/neonext/mlp-residual.js';
import { compileGemm, compileMlpTwoGemm, type TwoGemmKernels } from '../kernels/neonext/mlp-two-gemm.js';
import { compilePointwiseConv, pointwiseConvVec4Options } from '../kernels/neonext/pointwise-conv.js';
import { vec4Gemm, type LinearVec4Options } from '../kernels/neonext/unfused/linear-vec4.js';
import { compileStem, defaultStemOptions, type StemKernelOptions } from '../kernels/neonext/stem.js';
import { chooseTiling, compileNeoCellForward, forwardBaked } from '../kernels/neocell/compile.js';
import { forwardLaunch, shouldPackChannels } from '../kernels/neocell/launch.js';

/**
 * Every kernel a NeoNeXt forward pass needs, specialized for one config, for one target record (its limits tile
 * them, its preferences pick the GEMM family and the downsample conv's form). Batch and resolution are run-time
 * uniforms, so the set serves every batch size. schedule/neonext.ts turns it into the forward's dispatch list.
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
  readonly headOptions: HeadKernelOptions;
}

/**
 * The specialized NeoCell for `plan` (its spatial size decides channel packing, which pays on small planes such as
 * stage 4's 7x7; batch does not enter, so the kernel serves every batch).
 */
export function neoCellKernel(plan: NeoCellPlan, target: KernelTarget, options: { layout: 'nhwc' | 'nchw'; channelBias?: boolean }): KernelArtifact {
  const tiling = chooseTiling(plan.spec, target.limits);
  const packChannels = shouldPackChannels(plan, tiling);
  return compileNeoCellForward(plan.spec, target, { ...options, tiling, packChannels });
}

export function blockKernels(plan: NeoCellPlan, target: KernelTarget, mlpPath: MlpPath = preferredMlpPath(plan.spec.channels)): BlockKernels {
  const channels = plan.spec.channels;
  const mlpOptions: MlpKernelOptions = { channels, hidden: 4 * channels, ...chooseMlpTiling(channels, target.limits) };
  // The fused kernel is built on first use: on the two-GEMM path it is only the fallback for a hidden scratch too
  // large for one binding, and building it (IR, render, key) was a third of a NeoNeXt-T's modelKernels on wasm.
  let mlp: KernelArtifact | undefined;
  return {
    neocell: neoCellKernel(plan, target, { layout: 'nhwc' }),
    mlpPath,
    get mlp(): KernelArtifact {
      return (mlp ??= compileMlpResidual(mlpOptions, target));
    },
    mlpOptions,
    twoGemm: compileMlpTwoGemm({ channels, target, minRows: plan.inputShape[2] * plan.inputShape[3] }),
  };
}

/** The MLP artifacts of the block's preferred path (what a model compiles up front; a fallback compiles on first use). */
export function mlpArtifacts(k: BlockKernels): KernelArtifact[] {
  return k.mlpPath === 'two-gemm' ? [k.twoGemm.fc1, k.twoGemm.fc2] : [k.mlp];
}

/**
 * modelKernels results by target record and config (its JSON): building a set takes ~0.3 s for a NeoNeXt-T (IR,
 * tiling searches, rendering, hashing), and one model load asks for it more than once (WasmNeoNeXt.load, then the
 * prebuilt-kernel check of missingPrebuiltWasm). The sets are immutable (readonly types; frozen IR) and a function of
 * (config, target) alone. A few configs per target are kept, oldest dropped first.
 */
const MODEL_KERNELS = new WeakMap<KernelTarget, Map<string, ModelKernels>>();
const MODEL_KERNELS_KEPT = 8;

export function modelKernels(config: NeoNeXtConfig, target: KernelTarget): ModelKernels {
  let byConfig = MODEL_KERNELS.get(target);
  if (!byConfig) MODEL_KERNELS.set(target, (byConfig = new Map()));
  const key = JSON.stringify(config);
  const known = byConfig.get(key);
  if (known) return known;
  const built = buildModelKernels(config, target);
  if (byConfig.size >= MODEL_KERNELS_KEPT) byConfig.delete(byConfig.keys().next().value!);
  byConfig.set(key, built);
  return built;
}

function buildModelKernels(config: NeoNeXtConfig, target: KernelTarget): ModelKernels {
  // vec4 targets get the SIMD stem (weight [48, C]: modelWeights asks stemWeightLayout) and head, with fma where the
  // GEMMs use it (relaxed SIMD); other targets' options carry neither key, so their kernel keys are unchanged.
  const fma = vec4Gemm(target)?.fma ?? false;
  const stemOptions = defaultStemOptions(config.dims[0]!, target.prefers.vec4Simd, fma);
  const vec4Options = target.prefers.vec4Simd ? { simd: true as const, ...(fma ? { fma: true as const } : {}) } : {};
  const headOptions: HeadKernelOptions = { channels: config.dims[STAGE_COUNT - 1]!, classes: config.classes, workgroupSize: 64, ...vec4Options };
  // The batched pointwise conv, built once on first use (targets whose downsamples run the per-image GEMM never do).
  let pointwise: KernelArtifact | undefined;
  const conv = (): KernelArtifact => (pointwise ??= compilePointwiseConv(target));
  const stages: BlockKernels[] = [];
  const downsamples: DownsampleKernels[] = [];
  for (let s = 0; s < STAGE_COUNT; s++) {
    stages.push(blockKernels(blockPlan(config, s, 1), target));
    if (s > 0) {
      const neocell = neoCellKernel(downsamplePlan(config, s, 1), target, { layout: 'nchw', channelBias: true });
      const [h, w] = stageSize(config, s - 1);
      const gemm = vec4Gemm(target);
      const perImage = target.prefers.pointwiseConv === 'gemm-per-image' && gemm !== undefined;
      const convVec4 = perImage ? pointwiseConvVec4Options(config.dims[s - 1]!, config.dims[s]!, h * w, gemm) : undefined;
      downsamples.push(convVec4 ? { conv: compileGemm({ kind: 'vec4', ...convVec4 }, target), convVec4, neocell } : { conv: conv(), neocell });
    }
  }
  return {
    stem: compileStem(stemOptions, target),
    stemOptions,
    stages,
    downsamples,
    head: compileHead(headOptions, target),
    headOptions,
  };
}

export function allArtifacts(k: ModelKernels): KernelArtifact[] {
  return [k.stem, k.head, ...k.stages.flatMap((s) => [s.neocell, ...mlpArtifacts(s)]), ...k.downsamples.flatMap((d) => [d.conv, d.neocell])];
}

/** Grid and uniforms of a NeoCell artifact made by compileNeoCellForward for `plan`. */
export function neoCellLaunch(artifact: KernelArtifact, plan: NeoCellPlan): Launch {
  const { tiling, packChannels, layout } = forwardBaked(artifact);
  const launch = forwardLaunch(plan, tiling, false, packChannels);
  if (layout !== 'nhwc') return launch;
  // Channels-last output: workgroup row y holds channel y (or `slots` packed channels), so CPU threads split at
  // whole cache lines of channels (CACHE_LINE_FLOATS): finer shares measured slower on two threads than on one.
  const channelsPerRow = packChannels ? Math.floor(tiling.workgroupSize / Number(launch.uniforms.slot_tiles)) : 1;
  return { ...launch, splitGranule: launch.grid[0] * Math.ceil(CACHE_LINE_FLOATS / channelsPerRow) };
}
