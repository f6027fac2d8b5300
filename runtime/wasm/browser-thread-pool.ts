import { checkWasmThreads } from './thread-support.js';
import { SharedLaunchPool, WORKER_CORE, type WorkerReply } from './thread-protocol.js';
import type { WasmMemory } from './wasm-api.js';

/**
 * The browser's wasm thread pool (package.json's `browser` map puts it in place of thread-pool.ts, through
 * entry/browser-stubs/thread-pool.ts): Web Workers on the same control block as Node's worker_threads pool
 * (thread-protocol.ts). Pages must be cross-origin isolated (SharedArrayBuffer, shared WebAssembly.Memory).
 *
 * Workers run from a Blob URL of the protocol's script text, so no bundler (Vite, esbuild, webpack) needs to know of
 * a worker file. They get WebAssembly.Module objects and the shared memory by postMessage and instantiate there.
 *
 * A page's main thread may not block in Atomics.wait, so while the workers finish their last chunks the caller spins
 * on Atomics.load (it has claimed chunks itself until none was left, so that is the tail of one launch). In a worker
 * (a model loaded off the main thread) blocking is allowed and the caller sleeps like Node's.
 */

interface BrowserWorker {
  postMessage(message: unknown): void;
  terminate(): void;
  onmessage: ((event: { data: WorkerReply }) => void) | null;
  onerror: ((event: { message?: string }) => void) | null;
}

interface WorkerGlobals {
  Worker: new (url: string, options?: { name?: string }) => BrowserWorker;
  Blob: new (parts: string[], options: { type: string }) => object;
  URL: { createObjectURL(blob: object): string };
  document?: unknown;
}

const WORKER_SCRIPT = `${WORKER_CORE}
let onMessage;
self.onmessage = (event) => {
  if (onMessage) onMessage(event.data);
  else onMessage = startWorker(event.data, (reply) => self.postMessage(reply));
};
`;

let scriptUrl: string | undefined;

export class WasmThreadPool extends SharedLaunchPool {
  private readonly workers: BrowserWorker[];
  /** A page's main thread (which has `document`) must not block; a worker may. */
  private readonly mayBlock: boolean;

  /** `size` Web Workers (the calling thread runs a share too, so a launch uses size + 1 threads). */
  constructor(size: number, memory: WasmMemory) {
    checkWasmThreads(size + 1);
    super(size, memory);
    const g = globalThis as unknown as WorkerGlobals;
    this.mayBlock = g.document === undefined;
    scriptUrl ??= g.URL.createObjectURL(new g.Blob([WORKER_SCRIPT], { type: 'text/javascript' }));
    this.workers = Array.from({ length: size }, (_, i) => {
      const worker = new g.Worker(scriptUrl!, { name: `neocc wasm thread ${i + 1}` });
      worker.onmessage = (event) => this.settle(event.data);
      worker.onerror = (event) => this.failAll(new Error(`wasm kernel thread ${i + 1}: ${event.message ?? 'the worker failed to start'}`));
      worker.postMessage(this.workerStart(i));
      return worker;
    });
  }

  protected postMessage(i: number, message: Record<string, unknown>): void {
    this.workers[i]!.postMessage(message);
  }

  protected sleep(control: Int32Array, slot: number, done: number): void {
    if (this.mayBlock) Atomics.wait(control, slot, done, 50);
  }

  async dispose(): Promise<void> {
    for (const w of this.workers) w.terminate();
  }
}
