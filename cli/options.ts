import { InvalidArgumentError } from 'commander';
import { WASM_SIMD_MODES, type WasmSimdMode } from '../runtime/wasm/simd-variant.js';

/** "3,3,9,3" → [3, 3, 9, 3]; commander reports the error with the option's name. */
export function intList(text: string): number[] {
  const values = text.split(',').map((s) => s.trim());
  if (values.some((v) => !/^\d+$/.test(v))) throw new InvalidArgumentError(`expected integers separated by ",", got "${text}"`);
  return values.map(Number);
}

export function positiveInt(text: string): number {
  if (!/^\d+$/.test(text.trim()) || Number(text) < 1) throw new InvalidArgumentError(`expected a positive integer, got "${text}"`);
  return Number(text);
}

export function positiveNumber(text: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new InvalidArgumentError(`expected a positive number, got "${text}"`);
  return value;
}

/** "4+7" or "4+7,4+7,7,7" → one spec code per listed stage. */
export function specCodeList(text: string): string[] {
  return text.split(',').map((s) => s.trim());
}

/** `--wasm-simd` (infer, conformance): which SIMD variant the wasm backend's kernels use. */
export const WASM_SIMD_HELP = `wasm kernels: ${WASM_SIMD_MODES.join(' | ')} (relaxed: relaxed-SIMD FMA GEMMs, f32x4.relaxed_madd; ` +
  'auto: relaxed where the engine has it, else plain 128-bit SIMD; default: NEOCC_WASM_SIMD, else auto)';

export function wasmSimdMode(text: string): WasmSimdMode {
  const mode = WASM_SIMD_MODES.find((m) => m === text);
  if (!mode) throw new InvalidArgumentError(`expected ${WASM_SIMD_MODES.join(' | ')}, got "${text}"`);
  return mode;
}
