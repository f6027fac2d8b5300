/**
 * A kernel launch as data, shared by every target: how many workgroups per axis and the values of the kernel's
 * uniform fields. Kernel builders compute these (kernels/*), schedules record them (schedule/), and each runtime
 * turns them into its own dispatch (a WebGPU dispatchWorkgroups, a loop over workgroups on wasm threads).
 */

/** f32s per cache line: 64-byte lines on x86-64 and on the common ARM cores. */
export const CACHE_LINE_FLOATS = 16;

/** Workgroup counts per axis. */
export type Grid = readonly [number, number, number];

/** Run-time values of a kernel's uniform fields, by name. */
export type UniformValues = Readonly<Record<string, number>>;

export interface Launch {
  readonly grid: Grid;
  readonly uniforms: UniformValues;
  /**
   * For runtimes that share a launch's workgroups out between CPU threads (wasm): each thread's share is a run of
   * whole multiples of this many workgroups (in x-fastest order), because smaller shares would have two threads
   * writing one cache line (a channels-last NeoCell writes 16 channels per 64-byte line, one workgroup row per
   * channel). Absent: 1. GPU runtimes ignore it.
   */
  readonly splitGranule?: number;
}

/** `groups` workgroups folded into x, then y, to stay under `maxPerDimension` per axis (the target's limit). */
export function foldGrid(groups: number, maxPerDimension: number): Grid {
  const total = Math.max(1, groups);
  const x = Math.min(total, maxPerDimension);
  return [x, Math.ceil(total / x), 1];
}
