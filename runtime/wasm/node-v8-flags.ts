import { setFlagsFromString } from 'node:v8';
import { engineValidates } from './simd-variant.js';

/**
 * Node only (node:v8): turns WebAssembly relaxed SIMD on where it is behind a V8 flag (Node 20:
 * --experimental-wasm-relaxed-simd) and leaves engines that validate it already alone (Node ≥ 22, where an unknown
 * flag would print an error). V8 reads the flag when it validates a module, so call this before any kernel compiles:
 * bin/neocc.mjs, the benches and the relaxed-SIMD tests do. Returns whether relaxed SIMD is on afterwards.
 */
export function enableRelaxedSimdInNode(): boolean {
  if (!engineValidates('relaxed-simd')) setFlagsFromString('--experimental-wasm-relaxed-simd');
  return engineValidates('relaxed-simd');
}
