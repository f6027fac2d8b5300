import { NeoccError } from '../../compiler/errors.js';
import type { WasmMemory, WasmModule } from './wasm-api.js';

/**
 * What the two wasm thread pools share: Node's (thread-pool.ts, worker_threads) and the browser's
 * (browser-thread-pool.ts, Web Workers). Both run launches through one shared control block:
 *
 * Why not a message per launch: a forward of NeoNeXt-T is ~60 launches of 1–10 ms each, and a postMessage round trip
 * (wake the worker's event loop, resolve a promise on the caller's) costs tens to hundreds of µs, paid while the other
 * thread idles. So the caller writes the launch (function, arguments), bumps a generation counter and notifies;
 * every thread, the caller included, claims chunks of the workgroup range (large first, small at the end: claimGranules) until none is
 * left (so a thread that started late or runs slower simply takes fewer chunks), and the caller waits on a done
 * counter. Between launches a worker spins briefly on the generation and then sleeps in Atomics.wait. Workgroups
 * never synchronize with each other, so any split computes the same bytes.
 *
 * A worker parked in its launch loop cannot read messages, so instantiating a new module on the workers (rare: the
 * first forward of a model) first sends them back to their event loop, then re-enters the loop.
 */

// Control block layout (Int32 slots).
const GENERATION = 0; // bumped once per command
const COMMAND = 1; // RUN or PARK
const NEXT_GRANULE = 2; // granules claimed so far
const DONE = 3; // threads finished with the current command
const FAILED = 4; // 1 when a worker's call threw
const FUNCTION = 5; // function id of the launch
const GRANULES = 6; // granules in the launch
const TOTAL = 7; // workgroups in the launch
const ARG_COUNT = 8;
const GRANULE = 9; // chunk boundaries fall on multiples of this many workgroups
const MIN_CLAIM = 10; // granules a claim takes at least
const CLAIM_DIVISOR = 11; // a claim takes the remaining granules / this, at least MIN_CLAIM
const CONTROL_SLOTS = 16;
const RUN = 1;
const PARK = 2;
/** Kernel arguments: grid (3), range (2), buffers, scratch, uniforms. Far more than any kernel takes. */
const MAX_ARGS = 64;
/**
 * How a launch's workgroups are shared out: guided self-scheduling. Each claim takes 1/(CLAIM_SHARES · threads) of
 * the granules still unclaimed, never fewer than 1/(TAIL_CHUNKS_PER_THREAD · threads) of the launch: large chunks
 * while much is left (few claims), small ones at the end, so the threads finish within a small chunk of each other
 * and a thread that started late or runs slower (a vCPU shared with another tenant) simply claims less.
 * A launch ends when its slowest thread does. With 32 equal chunks per thread, NeoNeXt-T-224 on 2 threads (2-vCPU
 * Intel Xeon) had its threads finish on average half a chunk apart, ~0.1 ms per GEMM launch and 6.2 ms summed over
 * a forward's 60 launches (medians of 20 forwards); see docs/ARCHITECTURE.md for the guided split's figures.
 */
const CLAIM_SHARES = 4;
const TAIL_CHUNKS_PER_THREAD = 128;
/**
 * How long a waiting thread spins before it sleeps. The gap between two launches of a forward is µs, but a thread that
 * finished its share early waits for the slowest one, often longer than 0.2 ms, and waking from Atomics.wait on a
 * virtual machine costs far more than spinning: NeoNeXt-T-224 on 2 threads, 2-vCPU Intel Xeon, 1→2-thread speed-up
 * (medians of 15 interleaved forwards, 5 process pairs) 1.66x with 0.2 ms vs 1.79x with 2 ms, higher in every pair;
 * 10 ms was no better than 2.
 */
export const SPIN_MS = 2;
/** Bytes of the first error text a worker's call threw during a launch (UTF-8, cut to fit). */
const ERROR_BYTES = 1024;

/** What a worker gets at start: the pool's shared buffers and its thread index (1…size; 0 is the caller). */
export interface WorkerStart {
  readonly control: SharedArrayBuffer;
  readonly args: SharedArrayBuffer;
  readonly errorText: SharedArrayBuffer;
  readonly thread: number;
}

/**
 * The worker side as plain script text, since a worker evaluates text (Node: `new Worker(text, { eval: true })`;
 * browsers: a Blob URL, so no bundler has to know about a worker file). Defines `startWorker(start, reply)`, which
 * returns the worker's message handler; each pool wraps it in its platform's messaging. The chunk loop is the same
 * as runChunks() below; it is written twice because a worker evaluates source text.
 */
export const WORKER_CORE = `
function startWorker(start, reply) {
  const control = new Int32Array(start.control);
  const controlU32 = new Uint32Array(start.control);
  const errorText = new Uint8Array(start.errorText);
  const args = new Float64Array(start.args);
  const thread = start.thread;
  const instances = new Map();
  const functions = [];
  const C = ${JSON.stringify({ GENERATION, COMMAND, NEXT_GRANULE, DONE, FAILED, FUNCTION, GRANULES, TOTAL, ARG_COUNT, GRANULE, MIN_CLAIM, CLAIM_DIVISOR, RUN, PARK, MAX_ARGS, SPIN_MS })};
  const claimGranules = ${claimGranules.toString()};
  function finish() {
    Atomics.add(control, C.DONE, 1);
    Atomics.notify(control, C.DONE);
  }
  function launchLoop(seen) {
    for (;;) {
      const spinUntil = performance.now() + C.SPIN_MS;
      while (Atomics.load(control, C.GENERATION) === seen && performance.now() < spinUntil);
      if (Atomics.load(control, C.GENERATION) === seen) Atomics.wait(control, C.GENERATION, seen);
      seen = Atomics.load(control, C.GENERATION);
      if (Atomics.load(control, C.COMMAND) === C.PARK) {
        finish();
        return;
      }
      try {
        const fn = functions[control[C.FUNCTION]];
        const argc = control[C.ARG_COUNT];
        const a = Array.from(args.subarray(thread * C.MAX_ARGS, thread * C.MAX_ARGS + argc));
        const granules = control[C.GRANULES];
        const total = controlU32[C.TOTAL];
        const granule = control[C.GRANULE];
        const minClaim = control[C.MIN_CLAIM];
        const divisor = control[C.CLAIM_DIVISOR];
        for (let [first, count] = claimGranules(control, C.NEXT_GRANULE, granules, minClaim, divisor); count > 0; [first, count] = claimGranules(control, C.NEXT_GRANULE, granules, minClaim, divisor)) {
          a[3] = first * granule;
          a[4] = Math.min(total, (first + count) * granule) - a[3];
          fn(...a);
        }
      } catch (e) {
        if (Atomics.compareExchange(control, C.FAILED, 0, 1) === 0) {
          errorText.fill(0);
          new TextEncoder().encodeInto(String((e && e.stack) || e), errorText);
        }
      }
      finish();
    }
  }
  return async (msg) => {
    try {
      if (msg.type === 'load') {
        const abort = () => { throw new Error('an AssemblyScript kernel called abort()'); };
        for (const f of msg.functions) {
          if (!instances.has(f.moduleId)) {
            instances.set(f.moduleId, (await WebAssembly.instantiate(f.module, { env: { memory: msg.memory, abort } })).exports);
          }
          functions[f.functionId] = instances.get(f.moduleId)[f.entry];
        }
        reply({ seq: msg.seq });
      } else if (msg.type === 'loop') {
        launchLoop(msg.generation);
      }
    } catch (e) {
      reply({ seq: msg.seq, error: String((e && e.stack) || e) });
    }
  };
}
`;

/** A worker's reply to a `load` message. */
export interface WorkerReply {
  readonly seq: number;
  readonly error?: string;
}

/**
 * The caller's side of the protocol: control block, argument slots, module/function ids, launches. A pool supplies
 * the platform: how to message worker `i` (0-based) and how to wait (or not) while the workers finish.
 */
export abstract class SharedLaunchPool {
  private readonly control = new Int32Array(new SharedArrayBuffer(CONTROL_SLOTS * 4));
  private readonly errorText = new Uint8Array(new SharedArrayBuffer(ERROR_BYTES));
  private readonly args: Float64Array;
  private readonly moduleIds = new WeakMap<WasmModule, number>();
  private readonly functionIds = new Map<string, number>();
  private readonly pending = new Map<number, { resolve: () => void; reject: (e: Error) => void }>();
  private seq = 0;
  /** Ids are taken when a load is sent, so two prepares in flight never hand out the same one. */
  private nextFunctionId = 0;
  private looping = false;

  /** `size` workers (the calling thread runs a share too, so a launch uses size + 1 threads). */
  constructor(readonly size: number, protected readonly memory: WasmMemory) {
    this.args = new Float64Array(new SharedArrayBuffer((size + 1) * MAX_ARGS * 8));
  }

  /** What worker `i` (0-based) gets at start. */
  protected workerStart(i: number): WorkerStart {
    return { control: this.control.buffer as SharedArrayBuffer, args: this.args.buffer as SharedArrayBuffer, errorText: this.errorText.buffer as SharedArrayBuffer, thread: i + 1 };
  }

  /** Posts `message` to worker `i`. */
  protected abstract postMessage(i: number, message: Record<string, unknown>): void;

  /** Blocks until the done counter moves from `done` or a short time passes (where the thread may block at all). */
  protected abstract sleep(control: Int32Array, slot: number, done: number): void;

  /** Call with each message a worker sends back. */
  protected settle(msg: WorkerReply): void {
    const entry = this.pending.get(msg.seq);
    this.pending.delete(msg.seq);
    if (msg.error) entry?.reject(new NeoccError('wasm-thread-error', `wasm kernel thread: ${msg.error}`));
    else entry?.resolve();
  }

  /** Call when a worker fails outside a launch: every request in flight rejects with `error`. */
  protected failAll(error: Error): void {
    for (const entry of this.pending.values()) entry.reject(error);
    this.pending.clear();
  }

  /** Posts `message` to worker `i` and resolves when it replies. */
  protected request(i: number, message: Record<string, unknown>): Promise<void> {
    const seq = this.seq++;
    return new Promise<void>((resolve, reject) => {
      this.pending.set(seq, { resolve, reject });
      this.postMessage(i, { ...message, seq });
    });
  }

  /** Runs `command` on every worker (and nothing on this thread). */
  private command(command: number): void {
    Atomics.store(this.control, COMMAND, command);
    Atomics.store(this.control, DONE, 0);
    Atomics.add(this.control, GENERATION, 1);
    Atomics.notify(this.control, GENERATION);
  }

  private waitForWorkers(): void {
    const spinUntil = performance.now() + SPIN_MS;
    for (let done = Atomics.load(this.control, DONE); done < this.size; done = Atomics.load(this.control, DONE)) {
      if (performance.now() > spinUntil) this.sleep(this.control, DONE, done);
    }
  }

  /**
   * Makes each `entry` of its `module` callable on every worker (instantiating a module there once), in one message
   * per worker however many are new; their function ids, in order. A model prepares all its kernels at load, so its
   * first forward does not park and reload the workers once per kernel.
   */
  async prepare(functions: ReadonlyArray<{ readonly module: WasmModule; readonly entry: string }>): Promise<number[]> {
    const fresh = new Map<string, { moduleId: number; module: WasmModule; functionId: number; entry: string }>();
    const names = functions.map(({ module, entry }) => {
      let moduleId = this.moduleIds.get(module);
      if (moduleId === undefined) {
        moduleId = this.seq++;
        this.moduleIds.set(module, moduleId);
      }
      const name = `${moduleId}:${entry}`;
      if (!this.functionIds.has(name) && !fresh.has(name)) fresh.set(name, { moduleId, module, functionId: this.nextFunctionId++, entry });
      return name;
    });
    if (fresh.size > 0) {
      if (this.looping) {
        this.command(PARK);
        this.waitForWorkers();
        this.looping = false;
      }
      const load = [...fresh.values()];
      await Promise.all(Array.from({ length: this.size }, (_, i) => this.request(i, { type: 'load', functions: load, memory: this.memory })));
      for (const [name, f] of fresh) this.functionIds.set(name, f.functionId);
    }
    return names.map((name) => this.functionIds.get(name)!);
  }

  /**
   * Runs function `functionId` (from prepare) over the workgroups of `split` on this thread and the workers; `run` calls
   * it on this thread with the same arguments. `args` is the argument list with the range at [3] and [4];
   * `scratch[t]` replaces args[scratchArg] on thread t (0 is this one). Returns when every thread is done; throws
   * the first worker error.
   */
  launch(functionId: number, run: (...args: number[]) => void, args: readonly number[], split: ChunkSplit, scratchArg: number, scratch: readonly number[]): void {
    if (args.length > MAX_ARGS) throw new NeoccError('wasm-bad-launch', `wasm launch: ${args.length} arguments; at most ${MAX_ARGS}`);
    if (!this.looping) {
      const generation = Atomics.load(this.control, GENERATION);
      for (let i = 0; i < this.size; i++) this.postMessage(i, { type: 'loop', generation });
      this.looping = true;
    }
    for (let t = 0; t <= this.size; t++) {
      this.args.set(args, t * MAX_ARGS);
      if (scratchArg >= 0) this.args[t * MAX_ARGS + scratchArg] = scratch[t]!;
    }
    const c = this.control;
    c[FUNCTION] = functionId;
    const granule = Math.max(1, Math.floor(split.granule ?? 1));
    new Uint32Array(c.buffer)[TOTAL] = split.total;
    c[GRANULE] = granule;
    const granules = Math.ceil(split.total / granule);
    const threads = this.size + 1;
    c[GRANULES] = granules;
    c[MIN_CLAIM] = Math.max(1, Math.floor(granules / (threads * TAIL_CHUNKS_PER_THREAD)));
    c[CLAIM_DIVISOR] = threads * CLAIM_SHARES;
    c[ARG_COUNT] = args.length;
    c[FAILED] = 0;
    c[NEXT_GRANULE] = 0;
    this.command(RUN);
    let failure: unknown;
    try {
      runChunks(c, run, Array.from(this.args.subarray(0, args.length)));
    } catch (e) {
      failure = e;
    }
    // Wait for every thread even after a failure: the memory must not be reused while one still runs.
    this.waitForWorkers();
    if (failure !== undefined) throw failure;
    if (c[FAILED]) {
      const text = new TextDecoder().decode(this.errorText.slice()).replace(/\0+$/, '');
      throw new NeoccError('wasm-thread-error', `wasm kernel thread: ${text}`);
    }
  }

  abstract dispose(): Promise<void>;
}

/**
 * A launch's workgroups [0, total), to be shared out in runs of whole multiples of `granule` (default 1). A granule
 * keeps two threads from writing the same cache line: an NHWC NeoCell's workgroups for neighbouring channels write
 * neighbouring floats (see compiler/launch.ts).
 */
export interface ChunkSplit {
  readonly total: number;
  readonly granule?: number;
}

/**
 * Claims the next chunk of a launch whose granules [0, granules) are handed out through counter `slot` of `control`:
 * [first granule, count], count 0 once none is left. Takes 1/`divisor` of what remains, at least `minClaim`
 * granules (guided self-scheduling, see CLAIM_SHARES). Plain JavaScript without closures: the worker source embeds
 * its text.
 */
export function claimGranules(control: Int32Array, slot: number, granules: number, minClaim: number, divisor: number): [number, number] {
  for (;;) {
    const first = Atomics.load(control, slot);
    if (first >= granules) return [first, 0];
    const count = Math.min(granules - first, Math.max(minClaim, Math.ceil((granules - first) / divisor)));
    if (Atomics.compareExchange(control, slot, first, first + count) === first) return [first, count];
  }
}

/** Claims chunks of the launch in `control` until none is left, calling `run` on each (the workers' loop, on this thread). */
function runChunks(control: Int32Array, run: (...args: number[]) => void, args: number[]): void {
  const granules = control[GRANULES]!;
  const total = new Uint32Array(control.buffer)[TOTAL]!;
  const granule = control[GRANULE]!;
  const minClaim = control[MIN_CLAIM]!;
  const divisor = control[CLAIM_DIVISOR]!;
  for (let [first, count] = claimGranules(control, NEXT_GRANULE, granules, minClaim, divisor); count > 0; [first, count] = claimGranules(control, NEXT_GRANULE, granules, minClaim, divisor)) {
    args[3] = first * granule;
    args[4] = Math.min(total, (first + count) * granule) - args[3];
    run(...args);
  }
}
