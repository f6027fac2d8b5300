import { NotSupportedError } from '../../compiler/errors.js';

/**
 * Browser builds get this instead of runtime/wasm/thread-pool.ts (package.json `browser` map): the threads there are
 * Node worker_threads. Multi-threaded WebAssembly in pages is not implemented yet.
 */
export class WasmThreadPool {
  constructor() {
    throw new NotSupportedError('WebAssembly threads in a browser (the thread pool uses Node worker_threads); load the model with threads: 1');
  }
}
