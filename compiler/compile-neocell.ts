import { NeoccError } from './errors.js';
import { makeArtifact, type KernelArtifact, type KernelTarget } from './artifact.js';
import { canonicalSpec, type NeoCellSpec } from './spec/neocell-spec.js';
import { maxTileRows, type ChannelMode } from '../kernels/neocell/channel-params.js';
import { neoCellForwardKernel, forwardSharedBytes, type OutputLayout } from '../kernels/neocell/forward-kernel.js';
import { BACKWARD_KERNEL_NAMES, backwardKernel, type BackwardKernelName } from '../kernels/neocell/backward-kernels.js';

/** The device limits tiling depends on (GPUSupportedLimits has them under these names). */
export interface TilingLimits {
  readonly maxComputeWorkgroupStorageSize: number;
  readonly maxComputeInvocationsPerWorkgroup: number;
}

/** WebGPU's guaranteed minimums: artifacts tiled for these run on every adapter (what `generated/` ships). */
export const PORTABLE_LIMITS: TilingLimits = { maxComputeWorkgroupStorageSize: 16384, maxComputeInvocationsPerWorkgroup: 256 };

export interface Tiling {
  readonly tileWidth: number;
  readonly workgroupSize: number;
}

/**
 * Tile choice for the forward kernel: 64 invocations (two waves of 32 or one of 64 on GPUs, and what lavapipe
 * vectorizes well), and the widest T tile of [max hIn, tileWidth] that fits workgroup storage — 64 columns covers a
 * whole 56-wide stage-1 row, so most workgroups need a single tile.
 */
export function chooseTiling(spec: NeoCellSpec | undefined, limits: TilingLimits = PORTABLE_LIMITS): Tiling {
  const workgroupSize = Math.min(64, limits.maxComputeInvocationsPerWorkgroup);
  for (const tileWidth of [64, 32, 16, 8]) {
    if (forwardSharedBytes({ spec, tileWidth }) <= limits.maxComputeWorkgroupStorageSize) return { tileWidth, workgroupSize };
  }
  throw new NeoccError('adapter-limits-exceeded',
    `a NeoCell kernel of size ${maxTileRows(spec)} needs ${forwardSharedBytes({ spec, tileWidth: 8 })} bytes of workgroup storage; ` +
    `the adapter allows ${limits.maxComputeWorkgroupStorageSize} (maxComputeWorkgroupStorageSize)`);
}

export interface ForwardArtifactOptions {
  readonly mode?: ChannelMode;
  readonly layout?: OutputLayout;
  readonly tiling?: Tiling;
  readonly target?: KernelTarget;
}

/** The NeoCell forward kernel for `spec` (or the generic one when mode is 'generic'). */
export function compileNeoCellForward(spec: NeoCellSpec | undefined, options: ForwardArtifactOptions = {}): KernelArtifact {
  const mode = options.mode ?? 'specialized';
  const layout = options.layout ?? 'nchw';
  const tiling = options.tiling ?? chooseTiling(mode === 'specialized' ? spec : undefined);
  const usedSpec = mode === 'specialized' ? spec : undefined;
  if (mode === 'specialized' && !spec) throw new Error('compileNeoCellForward: a specialized kernel needs a spec');
  const ir = neoCellForwardKernel({ mode, spec: usedSpec, layout, ...tiling });
  return makeArtifact(ir, options.target ?? 'wgsl', {
    mode, layout, ...tiling, spec: usedSpec ? canonicalSpec(usedSpec) : null,
  });
}

export type BackwardArtifacts = Readonly<Record<BackwardKernelName, KernelArtifact>>;

/** The four backward kernels for `spec`. */
export function compileNeoCellBackward(spec: NeoCellSpec, workgroupSize = 64, target: KernelTarget = 'wgsl'): BackwardArtifacts {
  const entries = BACKWARD_KERNEL_NAMES.map((name) => [
    name,
    makeArtifact(backwardKernel(name, { spec, workgroupSize }), target, { workgroupSize, spec: canonicalSpec(spec) }),
  ] as const);
  return Object.freeze(Object.fromEntries(entries) as Record<BackwardKernelName, KernelArtifact>);
}
