import { NeoccError } from '../errors.js';
import { ASSEMBLYSCRIPT } from './assemblyscript.js';
import { CUDA } from './cuda.js';
import type { KernelTarget, TargetName } from './target.js';
import { WGSL } from './wgsl.js';

export { ASSEMBLYSCRIPT } from './assemblyscript.js';
export { CUDA } from './cuda.js';
export { WGSL } from './wgsl.js';
export { withLimits, type KernelTarget, type TargetLimits, type TargetName, type TargetPreferences } from './target.js';

/** Every target neocc renders, by name. */
export const TARGETS: Readonly<Record<TargetName, KernelTarget>> = Object.freeze({ wgsl: WGSL, assemblyscript: ASSEMBLYSCRIPT, cuda: CUDA });

export const TARGET_NAMES = Object.keys(TARGETS) as readonly TargetName[];

/** The record of a target named by a user (CLI, generated module); a clear error for any other name. */
export function targetByName(name: string): KernelTarget {
  const target = (TARGETS as Readonly<Record<string, KernelTarget | undefined>>)[name];
  if (!target) throw new NeoccError('unknown-target', `unknown kernel target "${name}"; allowed: ${TARGET_NAMES.join(', ')}`);
  return target;
}
