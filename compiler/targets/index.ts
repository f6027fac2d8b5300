import { NeoccError } from '../errors.js';
import { ASSEMBLYSCRIPT, ASSEMBLYSCRIPT_RELAXED_SIMD } from './assemblyscript.js';
import { CUDA } from './cuda.js';
import type { KernelTarget, TargetName } from './target.js';
import { WGSL } from './wgsl.js';

export { ASSEMBLYSCRIPT, ASSEMBLYSCRIPT_RELAXED_SIMD } from './assemblyscript.js';
export { CUDA } from './cuda.js';
export { WGSL } from './wgsl.js';
export {
  withLimits, type EngineFeature, type KernelTarget, type TargetLimits, type TargetName, type TargetPreferences, type TargetVariant, type Vec4PanelsPreference,
} from './target.js';

/** Every target neocc renders, by name. */
export const TARGETS: Readonly<Record<TargetName, KernelTarget>> = Object.freeze({ wgsl: WGSL, assemblyscript: ASSEMBLYSCRIPT, cuda: CUDA });

export const TARGET_NAMES = Object.keys(TARGETS) as readonly TargetName[];

/**
 * Every record of each target: its baseline (TARGETS), then its variants, which differ by `variant` (engine features,
 * kernel keys) and preferences, never by runtime (AssemblyScript: plain SIMD, then relaxed SIMD).
 */
export const TARGET_RECORDS: Readonly<Record<TargetName, readonly KernelTarget[]>> = Object.freeze({
  wgsl: [WGSL], assemblyscript: [ASSEMBLYSCRIPT, ASSEMBLYSCRIPT_RELAXED_SIMD], cuda: [CUDA],
});

/** The record of a target named by a user (CLI, generated module); a clear error for any other name. */
export function targetByName(name: string): KernelTarget {
  const target = (TARGETS as Readonly<Record<string, KernelTarget | undefined>>)[name];
  if (!target) throw new NeoccError('unknown-target', `unknown kernel target "${name}"; allowed: ${TARGET_NAMES.join(', ')}`);
  return target;
}
