import { Worker } from 'node:worker_threads';
import { NeoccError } from '../../compiler/errors.js';
import type { WasmMemory, WasmModule } from './wasm-api.js';

/**
 * Worker threads that run kernel entry points on a shared memory, for launches split by workgroup range (workgroups
 * never synchronize with each other, so any split computes the same bytes). Each worker instantiates a module once
 * (modules and the shared WebAssembly.Memory are posted, not copied). Workers are unref'd: an idle pool never keeps a
 * process alive; dispose() ends them.
 */

// CommonJS for `new Worker(…, { eval: true })`: plain Node, no loader hooks (see asc-worker.ts).
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const instances = new Map();
parentPort.on('message', async (msg) => {
  try {
    if (msg.type === 'load') {
      const abort = () => { throw new Error('an AssemblyScript kernel called abort()'); };
      const instance = await WebAssembly.instantiate(msg.module, { env: { memory: msg.memory, abort } });
      instances.set(msg.moduleId, instance.exports);
    } else {
      instances.get(msg.moduleId)[msg.entry](...msg.args);
    }
    parentPort.postMessage({ seq: msg.seq });
  } catch (e) {
    parentPort.postMessage({ seq: msg.seq, error: String((e && e.stack) || e) });
  }
});
`;

interface PoolWorker {
  readonly worker: Worker;
  readonly loaded: Set<number>;
}

export class WasmThreadPool {
  private readonly workers: PoolWorker[];
  private readonly moduleIds = new WeakMap<WasmModule, number>();
  private readonly pending = new Map<number, { resolve: () => void; reject: (e: Error) => void }>();
  private seq = 0;

  /** `size` worker threads (the calling thread runs a share too, so a launch uses size + 1 threads). */
  constructor(size: number, private readonly memory: WasmMemory) {
    this.workers = Array.from({ length: size }, () => {
      const worker = new Worker(WORKER_SOURCE, { eval: true });
      worker.unref();
      worker.on('message', (msg: { seq: number; error?: string }) => {
        const entry = this.pending.get(msg.seq);
        this.pending.delete(msg.seq);
        if (this.pending.size === 0) this.workers.forEach((w) => w.worker.unref());
        if (msg.error) entry?.reject(new NeoccError('wasm-thread-error', `wasm kernel thread: ${msg.error}`));
        else entry?.resolve();
      });
      worker.on('error', (e: Error) => {
        for (const entry of this.pending.values()) entry.reject(e);
        this.pending.clear();
      });
      return { worker, loaded: new Set<number>() };
    });
  }

  get size(): number {
    return this.workers.length;
  }

  private post(w: PoolWorker, message: Record<string, unknown>): Promise<void> {
    const seq = this.seq++;
    return new Promise<void>((resolve, reject) => {
      this.pending.set(seq, { resolve, reject });
      // Referenced while work is in flight, so a script awaiting a launch does not exit under it.
      w.worker.ref();
      w.worker.postMessage({ ...message, seq });
    });
  }

  /** Runs `entry` of `module` on worker `index` with `args` (after instantiating the module there once). */
  async run(index: number, module: WasmModule, entry: string, args: readonly number[]): Promise<void> {
    const w = this.workers[index]!;
    let moduleId = this.moduleIds.get(module);
    if (moduleId === undefined) {
      moduleId = this.seq++;
      this.moduleIds.set(module, moduleId);
    }
    if (!w.loaded.has(moduleId)) {
      await this.post(w, { type: 'load', moduleId, module, memory: this.memory });
      w.loaded.add(moduleId);
    }
    await this.post(w, { type: 'run', moduleId, entry, args });
  }

  async dispose(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }
}
