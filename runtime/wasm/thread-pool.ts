import { Worker } from 'node:worker_threads';
import { SharedLaunchPool, WORKER_CORE, type WorkerReply } from './thread-protocol.js';
import type { WasmMemory } from './wasm-api.js';

/**
 * Worker threads that share a launch's workgroups with the calling thread, on one shared WebAssembly.Memory, through
 * the control block of thread-protocol.ts (the browser's Web Worker pool, browser-thread-pool.ts, is the same protocol).
 *
 * launch() blocks the calling thread until the launch is done (Atomics.wait is allowed on Node's main thread; this
 * pool is Node-only, like worker_threads). Workers are unref'd: an idle pool never keeps a process alive.
 */

// CommonJS for `new Worker(…, { eval: true })`: plain Node, no loader hooks (see asc-worker.ts).
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
${WORKER_CORE}
parentPort.on('message', startWorker(workerData, (reply) => parentPort.postMessage(reply)));
`;

export class WasmThreadPool extends SharedLaunchPool {
  private readonly workers: Worker[];

  /** `size` worker threads (the calling thread runs a share too, so a launch uses size + 1 threads). */
  constructor(size: number, memory: WasmMemory) {
    super(size, memory);
    this.workers = Array.from({ length: size }, (_, i) => {
      const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: this.workerStart(i) });
      worker.unref();
      worker.on('message', (msg: WorkerReply) => this.settle(msg));
      worker.on('error', (e: Error) => this.failAll(e));
      return worker;
    });
  }

  protected postMessage(i: number, message: Record<string, unknown>): void {
    this.workers[i]!.postMessage(message);
  }

  protected override request(i: number, message: Record<string, unknown>): Promise<void> {
    const worker = this.workers[i]!;
    // Referenced while a load is in flight, so a script awaiting it does not exit under it.
    worker.ref();
    return super.request(i, message).finally(() => worker.unref());
  }

  protected sleep(control: Int32Array, slot: number, done: number): void {
    Atomics.wait(control, slot, done, 50);
  }

  async dispose(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
