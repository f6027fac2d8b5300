import { NeoccError, NotSupportedError } from '../../compiler/errors.js';
import { ASSEMBLYSCRIPT, ASSEMBLYSCRIPT_RELAXED_SIMD, type EngineFeature, type KernelTarget } from '../../compiler/targets/index.js';
import { canCompileWasmKernels } from './compile-assemblyscript.js';
import { wasmApi } from './wasm-api.js';

/**
 * Which AssemblyScript kernel variant the wasm runtime runs: `relaxed` (relaxed SIMD, f32x4.relaxed_madd in the
 * GEMMs), `plain` (128-bit SIMD only, what every engine runs), or `auto` (relaxed where the engine validates it).
 * Chosen per backend/model (WasmBackendOptions.simd, `--wasm-simd`), defaulting to NEOCC_WASM_SIMD, else auto.
 * Browser-safe: the environment is read only where `process` exists.
 */
export type WasmSimdMode = 'auto' | 'plain' | 'relaxed';
export const WASM_SIMD_MODES: readonly WasmSimdMode[] = ['auto', 'plain', 'relaxed'];

/**
 * f(a, b, c: f32) -> f32 = lane 0 of f32x4.relaxed_madd(splat a, splat b, splat c), exported as "f": valid only
 * where the engine has relaxed SIMD (Chrome ≥ 114, Node ≥ 22; Node 20 with --experimental-wasm-relaxed-simd, which
 * bin/neocc.mjs sets). Hand-assembled: type (f32 f32 f32) -> f32, one function, export "f", its body.
 */
const RELAXED_MADD_BODY = [
  0x00, // no locals
  0x20, 0x00, 0xfd, 0x13, // local.get 0, f32x4.splat
  0x20, 0x01, 0xfd, 0x13, // local.get 1, f32x4.splat
  0x20, 0x02, 0xfd, 0x13, // local.get 2, f32x4.splat
  0xfd, 0x85, 0x02, // f32x4.relaxed_madd (0xfd 0x105)
  0xfd, 0x1f, 0x00, // f32x4.extract_lane 0
  0x0b, // end
];
const RELAXED_MADD_MODULE = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
  0x01, 0x08, 0x01, 0x60, 0x03, 0x7d, 0x7d, 0x7d, 0x01, 0x7d, // type section
  0x03, 0x02, 0x01, 0x00, // function section
  0x07, 0x05, 0x01, 0x01, 0x66, 0x00, 0x00, // export section: "f" = function 0
  0x0a, RELAXED_MADD_BODY.length + 2, 0x01, RELAXED_MADD_BODY.length, ...RELAXED_MADD_BODY, // code section
]);

/** A tiny module per engine feature that validates exactly where the feature is on. */
const FEATURE_PROBES: Readonly<Record<EngineFeature, Uint8Array>> = { 'relaxed-simd': RELAXED_MADD_MODULE };

/** Whether this engine validates `feature` now (uncached: bin/neocc.mjs asks before and after setting a V8 flag). */
export function engineValidates(feature: EngineFeature): boolean {
  return wasmApi.validate(FEATURE_PROBES[feature]);
}

const detected = new Map<EngineFeature, boolean>();

/** engineValidates, asked once per process (the runtime's choice must not change between kernels). */
export function engineHas(feature: EngineFeature): boolean {
  let has = detected.get(feature);
  if (has === undefined) {
    has = engineValidates(feature);
    detected.set(feature, has);
  }
  return has;
}

/**
 * Whether f32x4.relaxed_madd rounds once on this engine and CPU (undefined: no relaxed SIMD). 1 + 2^-12 squared is
 * 1 + 2^-11 + 2^-24, which f32 rounds to 1 + 2^-11 (a tie, to even): fused, adding -(1 + 2^-11) leaves 2^-24;
 * rounded twice, 0. For bench reports: the IR allows either (compiler/ir/ir.ts), so no kernel depends on it.
 */
export function relaxedMaddFuses(): boolean | undefined {
  if (!engineHas('relaxed-simd')) return undefined;
  const instance = new wasmApi.Instance(new wasmApi.Module(RELAXED_MADD_MODULE));
  const f = instance.exports.f as (a: number, b: number, c: number) => number;
  const a = 1 + 2 ** -12;
  return f(a, a, -(1 + 2 ** -11)) === 2 ** -24;
}

/** `value` as a WasmSimdMode, or a one-line error naming `field` and the allowed values. */
export function parseWasmSimdMode(value: string, field: string): WasmSimdMode {
  const mode = WASM_SIMD_MODES.find((m) => m === value);
  if (!mode) throw new NeoccError('invalid-option', `${field} = "${value}"; allowed: ${WASM_SIMD_MODES.join(' | ')}`);
  return mode;
}

/** NEOCC_WASM_SIMD (tests force `plain` with it), else auto. */
export function defaultWasmSimdMode(): WasmSimdMode {
  const env = typeof process === 'undefined' ? undefined : process.env?.NEOCC_WASM_SIMD?.trim();
  return env ? parseWasmSimdMode(env, 'NEOCC_WASM_SIMD') : 'auto';
}

/**
 * The AssemblyScript record kernels are built with for `mode`: relaxed SIMD where asked for (an error where the
 * engine lacks it) or, for auto, where the engine validates it; the plain record otherwise.
 */
export function wasmSimdTarget(mode: WasmSimdMode = defaultWasmSimdMode(), canCompile = true): KernelTarget {
  if (mode === 'plain') return ASSEMBLYSCRIPT;
  const relaxed = ASSEMBLYSCRIPT_RELAXED_SIMD;
  const missing = relaxed.variant!.features.filter((f) => !engineHas(f));
  // Without asc, `auto` keeps to the plain kernels: those are the ones shipped prebuilt (generated/wasm).
  if (missing.length === 0 && (mode === 'relaxed' || canCompile)) return relaxed;
  if (mode === 'auto') return ASSEMBLYSCRIPT;
  throw new NotSupportedError(
    `--wasm-simd relaxed: this WebAssembly engine does not validate ${missing.join(', ')} (Node 20: run with ` +
      '--experimental-wasm-relaxed-simd, as bin/neocc.mjs does; Node >= 22 and Chrome >= 114 have it); use --wasm-simd plain or auto',
  );
}

/** The SIMD variant of a record in words, for backend lines and bench reports: `relaxed-simd` or `plain`. */
export function wasmSimdVariant(target: KernelTarget): string {
  return target.variant?.id ?? 'plain';
}

/**
 * wasmSimdTarget where the runtime may compile: `auto` picks relaxed SIMD only when asc can build its kernels (Node
 * with the optional package `assemblyscript`). Elsewhere (a browser, or Node with the runtime only) `auto` is plain,
 * the variant whose kernels ship prebuilt; ask for `relaxed` when its prebuilt kernels are registered (the
 * neoccKernels Vite plugin builds both).
 */
export async function wasmSimdTargetHere(mode: WasmSimdMode = defaultWasmSimdMode()): Promise<KernelTarget> {
  if (mode !== 'auto') return wasmSimdTarget(mode);
  return wasmSimdTarget(mode, await canCompileWasmKernels());
}
