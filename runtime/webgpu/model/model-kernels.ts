import type { KernelArtifact } from '../../../compiler/artifact.js';
import { chooseTiling, compileNeoCellForward, forwardBaked, type TilingLimits } from '../../../compiler/compile-neocell.js';
import type { NeoCellPlan } from '../../../compiler/plan/neocell-plan.js';
import { STAGE_COUNT, blockPlan, downsamplePlan, type NeoNeXtConfig } from '../../../compiler/spec/model-config.js';
import { compileHead } from '../../../kernels/neonext/head.js';
import { chooseMlpTiling, compileMlpResidual, type MlpKernelOptions } from '../../../kernels/neonext/mlp-residual.js';
import { compilePointwiseConv } from '../../../kernels/neonext/pointwise-conv.js';
import { compileStem, defaultStemOptions, type StemKernelOptions } from '../../../kernels/neonext/stem.js';
import { forwardLaunch, shouldPackChannels, type Grid, type UniformValues } from '../../../kernels/neocell/launch.js';

/**
 * Every kernel a NeoNeXt forward pass needs, specialized for one config and tiled for one device. Batch and
 * resolution are run-time uniforms, so the set serves every batch size.
 */
export interface BlockKernels {
  /** Folded NeoCell, channels-last output (what the fused MLP reads). */
  readonly neocell: KernelArtifact;
  readonly mlp: KernelArtifact;
  readonly mlpOptions: MlpKernelOptions;
}

export interface DownsampleKernels {
  readonly conv: KernelArtifact;
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
function neoCellKernel(plan: NeoCellPlan, limits: DeviceLimits, options: { layout: 'nhwc' | 'nchw'; channelBias?: boolean }): KernelArtifact {
  const tiling = chooseTiling(plan.spec, limits);
  const packChannels = tiling.kind === 'blocks' && shouldPackChannels(plan, tiling.workgroupSize);
  return compileNeoCellForward(plan.spec, { ...options, tiling, packChannels });
}

export function blockKernels(plan: NeoCellPlan, limits: DeviceLimits): BlockKernels {
  const channels = plan.spec.channels;
  const mlpOptions: MlpKernelOptions = { channels, hidden: 4 * channels, ...chooseMlpTiling(channels, limits) };
  return {
    neocell: neoCellKernel(plan, limits, { layout: 'nhwc' }),
    mlp: compileMlpResidual(mlpOptions),
    mlpOptions,
  };
}

export function modelKernels(config: NeoNeXtConfig, limits: DeviceLimits): ModelKernels {
  const stemOptions = defaultStemOptions(config.dims[0]!);
  const conv = compilePointwiseConv();
  const stages: BlockKernels[] = [];
  const downsamples: DownsampleKernels[] = [];
  for (let s = 0; s < STAGE_COUNT; s++) {
    stages.push(blockKernels(blockPlan(config, s, 1), limits));
    if (s > 0) downsamples.push({ conv, neocell: neoCellKernel(downsamplePlan(config, s, 1), limits, { layout: 'nchw', channelBias: true }) });
  }
  return {
    stem: compileStem(stemOptions),
    stemOptions,
    stages,
    downsamples,
    head: compileHead({ channels: config.dims[STAGE_COUNT - 1]!, classes: config.classes, workgroupSize: 64 }, limits),
  };
}

export function allArtifacts(k: ModelKernels): KernelArtifact[] {
  return [k.stem, k.head, ...k.stages.flatMap((s) => [s.neocell, s.mlp]), ...k.downsamples.flatMap((d) => [d.conv, d.neocell])];
}

/** Grid and uniforms of a NeoCell artifact made by compileNeoCellForward for `plan`. */
export function neoCellLaunch(artifact: KernelArtifact, plan: NeoCellPlan): { grid: Grid; uniforms: UniformValues } {
  const { tiling, packChannels } = forwardBaked(artifact);
  return forwardLaunch(plan, tiling, false, packChannels);
}
