import { NeoccError, NotSupportedError } from '../../compiler/errors.js';
import { makeArtifact, type KernelArtifact } from '../../compiler/artifact.js';
import type { KernelTarget, TargetLimits } from '../../compiler/targets/target.js';
import { canonicalSpec, type NeoCellSpec } from '../../compiler/spec/neocell-spec.js';
import { maxTileRows, type ChannelMode } from './channel-params.js';
import { neoCellForwardKernel, forwardSharedBytes, type OutputLayout } from './forward-kernel.js';
import { neoCellTileForwardKernel } from './forward-tile-kernel.js';
import { BACKWARD_KERNEL_NAMES, VEC4_BACKWARD_KERNELS, backwardKernel, type BackwardKernelName } from './backward-kernels.js';
import { vec4Gemm } from '../neonext/unfused/linear-vec4.js';

/** The target limits tiling depends on. */
export type TilingLimits = Pick<TargetLimits, 'maxComputeWorkgroupStorageSize' | 'maxComputeInvocationsPerWorkgroup'>;

/**
 * How a forward kernel is laid out on the device.
 * - `blocks` (specialized): one output block per invocation, everything in registers (forward-tile-kernel.ts).
 * - `shared-t` (generic): a T = X·B tile of [max hIn, tileWidth] in workgroup memory per (A block, column tile);
 *   kernel sizes are run-time values there, so nothing can live in registers.
 */
export type Tiling =
  | { readonly kind: 'blocks'; readonly workgroupSize: number }
  | { readonly kind: 'shared-t'; readonly tileWidth: number; readonly workgroupSize: number };

/** What a forward artifact was specialized on (its `baked`), which the launch needs back. */
export interface ForwardBaked {
  readonly mode: ChannelMode;
  readonly layout: OutputLayout;
  readonly channelBias: boolean;
  readonly packChannels: boolean;
  readonly tiling: Tiling;
  readonly spec: unknown;
  /** Block kernels with vec4s along the block columns; absent when scalar, so WGSL keys are unchanged. */
  readonly simd?: true;
}

/**
 * Largest kernel side the block kernel takes: an invocation holds k_a·k_b accumulators plus both weight blocks
 * (3·144 values at 12) and its unrolled body grows as k³; past that the shared-t kernel (specialized too) is used.
 */
export const MAX_BLOCK_KERNEL = 12;

function maxKernelSize(spec: NeoCellSpec): number {
  return Math.max(...spec.groups.flatMap((g) => [g.hIn, g.hOut, g.wIn, g.wOut]));
}

/**
 * 64 invocations per workgroup: two waves of 32 or one of 64 on GPUs, eight 8-wide SIMD batches on lavapipe.
 * Specialized kernels with kernels up to MAX_BLOCK_KERNEL need no workgroup memory. The shared-t kernel takes the widest T tile that fits workgroup
 * storage — 64 columns covers a whole 56-wide stage-1 row, so most workgroups need a single tile.
 */
export function chooseTiling(spec: NeoCellSpec | undefined, limits: TilingLimits): Tiling {
  const workgroupSize = Math.min(64, limits.maxComputeInvocationsPerWorkgroup);
  if (spec && maxKernelSize(spec) <= MAX_BLOCK_KERNEL) return { kind: 'blocks', workgroupSize };
  for (const tileWidth of [64, 32, 16, 8]) {
    if (forwardSharedBytes({ spec, tileWidth }) <= limits.maxComputeWorkgroupStorageSize) return { kind: 'shared-t', tileWidth, workgroupSize };
  }
  throw new NeoccError('adapter-limits-exceeded',
    `the generic NeoCell kernel needs ${forwardSharedBytes({ spec, tileWidth: 8 })} bytes of workgroup storage (kernels up to ${maxTileRows(spec)}); ` +
    `the adapter allows ${limits.maxComputeWorkgroupStorageSize} (maxComputeWorkgroupStorageSize)`);
}

/** The `baked` record of a forward artifact made by compileNeoCellForward. */
export function forwardBaked(artifact: KernelArtifact): ForwardBaked {
  const baked = artifact.baked as Partial<ForwardBaked> | null;
  if (!baked || typeof baked !== 'object' || !baked.tiling || !baked.mode) throw new Error(`artifact ${artifact.name} is not a NeoCell forward kernel`);
  return baked as ForwardBaked;
}

export interface ForwardArtifactOptions {
  readonly mode?: ChannelMode;
  readonly layout?: OutputLayout;
  /** Default: chooseTiling against the target's limits. */
  readonly tiling?: Tiling;
  /** Epilogue: y = NeoCell(x) + bias[c] (a per-channel bias buffer after the weights): a folded BatchNorm shift. */
  readonly channelBias?: boolean;
  /** Block kernels: several channels per workgroup (for small planes; see forward-tile-kernel.ts). */
  readonly packChannels?: boolean;
  /**
   * Block kernels: 128-bit SIMD along the block's output columns (forward-tile-kernel.ts).
   * Default: the target's preference (`prefers.vec4Simd`: on for WebAssembly f32x4; GPU kernels stay scalar).
   */
  readonly simd?: boolean;
}

/** The NeoCell forward kernel for `spec` (or the generic one when mode is 'generic'). */
export function compileNeoCellForward(spec: NeoCellSpec | undefined, target: KernelTarget, options: ForwardArtifactOptions = {}): KernelArtifact {
  const mode = options.mode ?? 'specialized';
  const layout = options.layout ?? 'nchw';
  const channelBias = options.channelBias ?? false;
  const packChannels = options.packChannels ?? false;
  const simd = options.simd ?? target.prefers.vec4Simd;
  if (mode === 'specialized' && !spec) throw new Error('compileNeoCellForward: a specialized kernel needs a spec');
  const usedSpec = mode === 'specialized' ? spec : undefined;
  const tiling = options.tiling ?? chooseTiling(usedSpec, target.limits);
  let ir;
  if (tiling.kind === 'blocks') {
    if (!usedSpec) throw new Error('compileNeoCellForward: block tiling needs baked kernel sizes (specialized mode)');
    ir = neoCellTileForwardKernel({ spec: usedSpec, layout, workgroupSize: tiling.workgroupSize, channelBias, packChannels, simd });
  } else {
    if (channelBias || packChannels) throw new NotSupportedError('channel bias and channel packing on the shared-t forward kernel');
    ir = neoCellForwardKernel({ mode, spec: usedSpec, layout, tileWidth: tiling.tileWidth, workgroupSize: tiling.workgroupSize });
  }
  const vectorized = tiling.kind === 'blocks' && simd;
  const baked: ForwardBaked = {
    mode, layout, channelBias, packChannels, tiling, spec: usedSpec ? canonicalSpec(usedSpec) : null, ...(vectorized ? { simd: true as const } : {}),
  };
  return makeArtifact(ir, target, baked);
}

export type BackwardArtifacts = Readonly<Record<BackwardKernelName, KernelArtifact>>;

/** What a backward artifact was specialized on; `simd`/`fma` absent when scalar, so scalar keys are unchanged. */
export interface BackwardBaked {
  readonly workgroupSize: number;
  readonly spec: unknown;
  readonly simd?: true;
  readonly fma?: true;
}

/**
 * The four backward kernels for `spec`; vec4 paths (backward-kernels.ts) on targets that prefer vec4 SIMD, with fma
 * where the target's GEMMs use it.
 */
export function compileNeoCellBackward(spec: NeoCellSpec, target: KernelTarget, workgroupSize = 64): BackwardArtifacts {
  const simd = target.prefers.vec4Simd;
  const fma = simd && (vec4Gemm(target)?.fma ?? false);
  const entries = BACKWARD_KERNEL_NAMES.map((name) => {
    // Only the kernels with a vec4 path record it, so fwd_t's and bwd_dx's keys stay those of their unchanged source.
    const vec4 = simd && VEC4_BACKWARD_KERNELS.includes(name);
    const baked: BackwardBaked = { workgroupSize, spec: canonicalSpec(spec), ...(vec4 ? { simd: true as const } : {}), ...(vec4 && fma ? { fma: true as const } : {}) };
    return [name, makeArtifact(backwardKernel(name, { spec, workgroupSize, simd: vec4, fma: vec4 && fma }), target, baked)] as const;
  });
  return Object.freeze(Object.fromEntries(entries) as Record<BackwardKernelName, KernelArtifact>);
}

/** The `baked` record of a backward artifact made by compileNeoCellBackward. */
export function backwardBaked(artifact: KernelArtifact): BackwardBaked {
  const baked = artifact.baked as Partial<BackwardBaked> | null;
  if (!baked || typeof baked !== 'object' || typeof baked.workgroupSize !== 'number') throw new Error(`artifact ${artifact.name} is not a NeoCell backward kernel`);
  return baked as BackwardBaked;
}
