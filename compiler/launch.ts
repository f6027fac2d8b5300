/**
 * A kernel launch as data, shared by every target: how many workgroups per axis and the values of the kernel's
 * uniform fields. Kernel builders compute these (kernels/*), schedules record them (schedule/), and each runtime
 * turns them into its own dispatch (a WebGPU dispatchWorkgroups, a loop over workgroups on wasm threads).
 */

/** Workgroup counts per axis. */
export type Grid = readonly [number, number, number];

/** Run-time values of a kernel's uniform fields, by name. */
export type UniformValues = Readonly<Record<string, number>>;

export interface Launch {
  readonly grid: Grid;
  readonly uniforms: UniformValues;
}

/** `groups` workgroups folded into x, then y, to stay under `maxPerDimension` per axis (the target's limit). */
export function foldGrid(groups: number, maxPerDimension: number): Grid {
  const total = Math.max(1, groups);
  const x = Math.min(total, maxPerDimension);
  return [x, Math.ceil(total / x), 1];
}
