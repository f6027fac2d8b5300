/**
 * Browser builds get this instead of runtime/wasm/thread-pool.ts (package.json `browser` map), whose threads are Node
 * worker_threads: the Web Worker pool on the same protocol (runtime/wasm/browser-thread-pool.ts). It needs a
 * cross-origin isolated page; elsewhere it throws the "not supported" error of runtime/wasm/thread-support.ts.
 */
export { WasmThreadPool } from '../../runtime/wasm/browser-thread-pool.js';
