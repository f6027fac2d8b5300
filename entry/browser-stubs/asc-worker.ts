import { NotSupportedError } from '../../compiler/errors.js';

/**
 * Browser builds get this instead of runtime/wasm/asc-worker.ts (package.json `browser` map): asc runs in a Node
 * worker thread. In a page, every kernel must come prebuilt.
 */
export function runAsc(): Promise<never> {
  return Promise.reject(new NotSupportedError('compiling WebAssembly kernels in a browser (asc runs in Node only); register the model\'s ' +
    'prebuilt kernels first: await registerPrebuiltWasm(await import(\'neocc/generated/wasm/model-<config>\'), fetchBytes), with threads: 1'));
}

/** No asc in a browser: `auto` SIMD then picks the variant whose kernels were prebuilt (runtime/wasm/simd-variant.ts). */
export function ascInstalled(): boolean {
  return false;
}
