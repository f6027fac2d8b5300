import { enableRelaxedSimdInNode } from '../../runtime/wasm/node-v8-flags.js';
import type { WasmSimdMode } from '../../runtime/wasm/simd-variant.js';

/**
 * Relaxed SIMD on in this test process (Node 20: a V8 flag, set before any kernel compiles), as bin/neocc.mjs does.
 * Every supported Node has it then, so the relaxed-variant tests run everywhere rather than skip.
 */
export const RELAXED_SIMD = enableRelaxedSimdInNode();

/** The two kernel variants the golden wasm tests run on, each forced (WasmBackendOptions.simd). */
export const SIMD_VARIANTS: readonly Exclude<WasmSimdMode, 'auto'>[] = ['plain', 'relaxed'];
