import { Worker } from 'node:worker_threads';
import { optionalPackageError } from '../../compiler/optional-package.js';

/**
 * Runs the AssemblyScript compiler (asc + Binaryen, ~14 MB of JS) in a worker thread with Node's own module loader.
 * Why: the CLI runs through tsx's loader, which spends ~25 s transforming Binaryen's 13 MB module on import, against
 * ~1.3 s natively; a worker started from source text does not go through the loader hooks. It also keeps the main
 * thread free while kernels compile. The worker is unref'd: it never keeps a process alive.
 */

export interface AscRequest {
  readonly sources: Readonly<Record<string, string>>;
  readonly options: Readonly<Record<string, unknown>>;
}

export interface AscResult {
  readonly binary: Uint8Array | null;
  readonly stderr: string;
  readonly error: string | null;
  /** Time asc took inside the worker (excludes loading asc). */
  readonly ms: number;
}

// CommonJS source for `new Worker(…, { eval: true })`; asc is imported by absolute URL (resolved in the main thread),
// so it loads whatever the working directory.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const loaded = import(workerData.ascUrl).then((m) => m.default);
parentPort.on('message', async ({ id, sources, options }) => {
  try {
    const asc = await loaded;
    const start = performance.now();
    const result = await asc.compileString(sources, options);
    const ms = performance.now() - start;
    const binary = result.binary ? new Uint8Array(result.binary) : null;
    parentPort.postMessage({ id, binary, stderr: result.stderr.toString(), error: result.error ? String(result.error.message) : null, ms },
      binary ? [binary.buffer] : []);
  } catch (e) {
    parentPort.postMessage({ id, binary: null, stderr: '', error: String(e && e.stack || e), ms: 0 });
  }
});
`;

/** asc's programmatic API, in the optional package assemblyscript. */
const ASC_MODULE = 'assemblyscript/asc';

let worker: Worker | undefined;
let nextId = 0;
const pending = new Map<number, { resolve: (r: AscResult) => void; reject: (e: Error) => void }>();

function ascWorker(): Worker {
  if (worker) return worker;
  let ascUrl: string;
  try {
    ascUrl = import.meta.resolve(ASC_MODULE);
  } catch (err) {
    // asc is an optional package: apps that run prebuilt kernels only do not install it.
    throw optionalPackageError(err, ASC_MODULE);
  }
  const w = new Worker(WORKER_SOURCE, { eval: true, workerData: { ascUrl } });
  w.unref();
  w.on('message', (msg: AscResult & { id: number }) => {
    const entry = pending.get(msg.id);
    pending.delete(msg.id);
    if (pending.size === 0) w.unref();
    entry?.resolve(msg);
  });
  w.on('error', (e: Error) => {
    for (const entry of pending.values()) entry.reject(e);
    pending.clear();
    worker = undefined;
  });
  w.on('exit', () => {
    worker = undefined;
  });
  worker = w;
  return w;
}

/** One asc compileString call in the compiler worker. */
export function runAsc(request: AscRequest): Promise<AscResult> {
  const w = ascWorker();
  const id = nextId++;
  return new Promise<AscResult>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    // Referenced while a compile is in flight, so a script awaiting it does not exit early.
    w.ref();
    w.postMessage({ id, sources: request.sources, options: request.options });
  });
}

/** Whether asc (the optional package `assemblyscript`) can be loaded here: resolved as ascWorker() does, not loaded. */
export function ascInstalled(): boolean {
  try {
    import.meta.resolve(ASC_MODULE);
    return true;
  } catch {
    return false;
  }
}
