import { NeoccError } from '../../compiler/errors.js';
import type { WasmMemory, WasmModule } from './wasm-api.js';

/**
 * What the two wasm thread pools share: Node's (thread-pool.ts, worker_threads) and the browser's
 * (browser-thread-pool.ts, Web Workers). Both run launches through one shared control block:
 *
 * Why not a message per launch: a forward of NeoNeXt-T is ~60 launches of 1–10 ms each, and a postMessage round trip
 * (wake the worker's event loop, resolve a promise on the caller's) costs tens to hundreds of µs, paid while the other
 * thread idles. So the caller writes a *list* of launches (function, arguments, how to split) into shared memory,
 * bumps a generation counter and notifies; then every thread, the caller included, walks the list with the same code
 * (runLaunchList): for each launch it claims chunks of the workgroup range (large first, small at the end:
 * claimGranules) until none is left, so a thread that started late or runs slower simply takes fewer, and waits at
 * the launch's barrier for the others before the next launch, which reads its output. A forward is one list: between
 * its launches no thread returns to the caller's JavaScript (which cost 20-70 µs per launch on a 2-vCPU Xeon, cold
 * after each kernel). Between lists a worker spins briefly on the generation and then sleeps in Atomics.wait.
 * Workgroups never synchronize with each other, so any split computes the same bytes.
 *
 * A worker parked in its launch loop cannot read messages, so instantiating a new module on the workers (rare: the
 * first forward of a model) first sends them back to their event loop, then re-enters the loop.
 */

// Control block layout (Int32 slots).
const GENERATION = 0; // bumped once per command
const COMMAND = 1; // RUN or PARK
const DONE = 2; // threads finished with the current command
const FAILED = 3; // 1 once a worker's error text is written
const LAUNCHES = 4; // launches in the list of the current RUN
const THREADS = 5; // threads of a launch: the workers and the caller
const CONTROL_SLOTS = 8;
const RUN = 1;
const PARK = 2;
/** Kernel arguments: grid (3), range (2), buffers, scratch, uniforms. Far more than any kernel takes. */
const MAX_ARGS = 64;
/** Launches one RUN command carries (a longer list runs as several): NeoNeXt-T's forward is 61, NeoNeXt-S/B/L's 115. */
const LIST_CAPACITY = 128;
/**
 * A launch in the list (Float64 slots from the record's start): the function id, the split (workgroups, granule,
 * granules, smallest claim, claim divisor), the arguments (the range at [3] and [4] is each chunk's), and the
 * scratch address of each thread, which replaces argument SCRATCH_ARG (-1: none).
 */
const RECORD = { FUNCTION: 0, TOTAL: 1, GRANULE: 2, GRANULES: 3, MIN_CLAIM: 4, CLAIM_DIVISOR: 5, ARG_COUNT: 6, SCRATCH_ARG: 7, ARGS: 8, SCRATCH: 8 + MAX_ARGS };
/**
 * Int32 slots of the list's counters for `launches` launches (runLaunchList's layout): [0] set once a thread failed,
 * then per launch i its next unclaimed granule at 2 + 2i and the threads past it at 3 + 2i.
 */
const counterSlots = (launches: number): number => 2 + 2 * launches;
/**
 * How a launch's workgroups are shared out: guided self-scheduling. Each claim takes 1/(CLAIM_SHARES · threads) of
 * the granules still unclaimed, never fewer than 1/(TAIL_CHUNKS_PER_THREAD · threads) of the launch: large chunks
 * while much is left (few claims), small ones at the end, so the threads finish within a small chunk of each other
 * and a thread that started late or runs slower (a vCPU shared with another tenant) simply claims less.
 * A launch ends when its slowest thread does. With 32 equal chunks per thread, NeoNeXt-T-224 on 2 threads (2-vCPU
 * Intel Xeon) had its threads finish on average half a chunk apart, ~0.1 ms per GEMM launch and 6.2 ms summed over
 * a forward's 60 launches (medians of 20 forwards); guided, 2.4 ms (docs/ARCHITECTURE.md, WebAssembly threads).
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
  readonly list: SharedArrayBuffer;
  readonly counters: SharedArrayBuffer;
  readonly errorText: SharedArrayBuffer;
  readonly thread: number;
}

/**
 * The worker side as plain script text, since a worker evaluates text (Node: `new Worker(text, { eval: true })`;
 * browsers: a Blob URL, so no bundler has to know about a worker file). Defines `startWorker(start, reply)`, which
 * returns the worker's message handler; each pool wraps it in its platform's messaging. The list walk is
 * runLaunchList's text, the same code the caller runs.
 */
export const WORKER_CORE = `
function startWorker(start, reply) {
  const control = new Int32Array(start.control);
  const list = new Float64Array(start.list);
  const counters = new Int32Array(start.counters);
  const errorText = new Uint8Array(start.errorText);
  const thread = start.thread;
  const instances = new Map();
  const functions = [];
  const C = ${JSON.stringify({ GENERATION, COMMAND, DONE, FAILED, LAUNCHES, THREADS, RUN, PARK, SPIN_MS })};
  const RECORD = ${JSON.stringify(RECORD)};
  const claimGranules = ${claimGranules.toString()};
  const runLaunchList = ${runLaunchList.toString()};
  const functionOf = (launch, id) => functions[id];
  const sleep = (array, slot, value) => Atomics.wait(array, slot, value);
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
      const threads = control[C.THREADS];
      const e = runLaunchList(list, RECORD, counters, control[C.LAUNCHES], thread, threads, functionOf, claimGranules, sleep, C.SPIN_MS);
      if (e !== undefined && Atomics.compareExchange(control, C.FAILED, 0, 1) === 0) {
        errorText.fill(0);
        new TextEncoder().encodeInto(String((e && e.stack) || e), errorText);
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
  private readonly list: Float64Array;
  private readonly counters = new Int32Array(new SharedArrayBuffer(counterSlots(LIST_CAPACITY) * 4));
  private readonly recordSize: number;
  private readonly moduleIds = new WeakMap<WasmModule, number>();
  private readonly functionIds = new Map<string, number>();
  private readonly pending = new Map<number, { resolve: () => void; reject: (e: Error) => void }>();
  private seq = 0;
  /** Ids are taken when a load is sent, so two prepares in flight never hand out the same one. */
  private nextFunctionId = 0;
  private looping = false;

  /** `size` workers (the calling thread runs a share too, so a launch uses size + 1 threads). */
  constructor(readonly size: number, protected readonly memory: WasmMemory) {
    this.recordSize = RECORD.SCRATCH + size + 1;
    this.list = new Float64Array(new SharedArrayBuffer(LIST_CAPACITY * this.recordSize * 8));
    this.control[THREADS] = size + 1;
  }

  /** What worker `i` (0-based) gets at start. */
  protected workerStart(i: number): WorkerStart {
    const shared = (view: { buffer: ArrayBufferLike }): SharedArrayBuffer => view.buffer as SharedArrayBuffer;
    return { control: shared(this.control), list: shared(this.list), counters: shared(this.counters), errorText: shared(this.errorText), thread: i + 1 };
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
   * Runs `launches` in order on this thread and the workers, each over its workgroups in chunks, every thread done
   * with one launch before any starts the next. Returns when all are done; throws the first error (this thread's,
   * else a worker's, after every thread stopped; the launches after a failed one are skipped).
   */
  launchList(launches: readonly PoolLaunch[]): void {
    for (let start = 0; start < launches.length; start += LIST_CAPACITY) this.runList(launches.slice(start, start + LIST_CAPACITY));
  }

  /** One launch: launchList([{ functionId, run, args, split, scratchArg, scratch }]). */
  launch(functionId: number, run: KernelCall, args: readonly number[], split: ChunkSplit, scratchArg: number, scratch: readonly number[]): void {
    this.launchList([{ functionId, run, args, split, scratchArg, scratch }]);
  }

  private runList(launches: readonly PoolLaunch[]): void {
    const threads = this.size + 1;
    launches.forEach((l, i) => {
      if (l.args.length > MAX_ARGS) throw new NeoccError('wasm-bad-launch', `wasm launch: ${l.args.length} arguments; at most ${MAX_ARGS}`);
      if (l.scratchArg >= 0 && l.scratch.length < threads) throw new NeoccError('wasm-bad-launch', `wasm launch: scratch for ${l.scratch.length} threads; the pool runs ${threads}`);
      const at = i * this.recordSize;
      const granule = Math.max(1, Math.floor(l.split.granule ?? 1));
      const granules = Math.ceil(l.split.total / granule);
      this.list[at + RECORD.FUNCTION] = l.functionId;
      this.list[at + RECORD.TOTAL] = l.split.total;
      this.list[at + RECORD.GRANULE] = granule;
      this.list[at + RECORD.GRANULES] = granules;
      this.list[at + RECORD.MIN_CLAIM] = Math.max(1, Math.floor(granules / (threads * TAIL_CHUNKS_PER_THREAD)));
      this.list[at + RECORD.CLAIM_DIVISOR] = threads * CLAIM_SHARES;
      this.list[at + RECORD.ARG_COUNT] = l.args.length;
      this.list[at + RECORD.SCRATCH_ARG] = l.scratchArg;
      this.list.set(l.args, at + RECORD.ARGS);
      if (l.scratchArg >= 0) this.list.set(l.scratch.slice(0, threads), at + RECORD.SCRATCH);
    });
    if (!this.looping) {
      const generation = Atomics.load(this.control, GENERATION);
      for (let i = 0; i < this.size; i++) this.postMessage(i, { type: 'loop', generation });
      this.looping = true;
    }
    this.counters.fill(0, 0, counterSlots(launches.length));
    this.control[LAUNCHES] = launches.length;
    this.control[FAILED] = 0;
    this.command(RUN);
    const sleep = (array: Int32Array, slot: number, value: number): void => this.sleep(array, slot, value);
    const failure = runLaunchList(this.list, RECORD, this.counters, launches.length, 0, threads, (i) => launches[i]!.run, claimGranules, sleep, SPIN_MS);
    // Wait for every thread even after a failure: the memory must not be reused while one still runs.
    this.waitForWorkers();
    if (failure !== undefined) throw failure;
    if (this.control[FAILED]) {
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

/** A kernel's entry point: grid (3), workgroup range (first, count), then its pointers and uniforms. */
export type KernelCall = (...args: number[]) => void;

/** One launch of a list: function `functionId` (from prepare; `run` is the same function on the calling thread). */
export interface PoolLaunch {
  readonly functionId: number;
  readonly run: KernelCall;
  /** The argument list; [3] and [4] (the workgroup range) are each chunk's. */
  readonly args: readonly number[];
  readonly split: ChunkSplit;
  /** The argument that `scratch[t]` replaces on thread t (0 is the caller), or -1. */
  readonly scratchArg: number;
  readonly scratch: readonly number[];
}

/**
 * What every thread runs for a RUN command: the `launches` of `list` (records as RECORD, `rec`) in order, each in
 * chunks claimed through `counters`, then the launch's barrier: arrive, and wait (spin, then `sleep`) until all
 * `threads` have. After an error (returned, the first of this thread) this thread and then every thread skip the
 * remaining launches' work but still pass their barriers. Plain JavaScript that uses nothing but its arguments and
 * globals: the worker source embeds its text, so a bundler's renaming cannot break it.
 */
export function runLaunchList(
  list: Float64Array, rec: typeof RECORD, counters: Int32Array, launches: number, thread: number, threads: number,
  functionOf: (launch: number, functionId: number) => KernelCall, claim: typeof claimGranules,
  sleep: (array: Int32Array, slot: number, value: number) => void, spinMs: number,
): unknown {
  const recordSize = rec.SCRATCH + threads;
  let error: unknown;
  for (let i = 0; i < launches; i++) {
    const at = i * recordSize;
    const next = 2 + 2 * i; // counters' layout: see counterSlots
    const arrived = next + 1;
    if (Atomics.load(counters, 0) === 0) {
      try {
        const fn = functionOf(i, list[at + rec.FUNCTION]!);
        const args = Array.from(list.subarray(at + rec.ARGS, at + rec.ARGS + list[at + rec.ARG_COUNT]!));
        const scratchArg = list[at + rec.SCRATCH_ARG]!;
        if (scratchArg >= 0) args[scratchArg] = list[at + rec.SCRATCH + thread]!;
        const total = list[at + rec.TOTAL]!;
        const granule = list[at + rec.GRANULE]!;
        const granules = list[at + rec.GRANULES]!;
        const minClaim = list[at + rec.MIN_CLAIM]!;
        const divisor = list[at + rec.CLAIM_DIVISOR]!;
        for (let [first, count] = claim(counters, next, granules, minClaim, divisor); count > 0; [first, count] = claim(counters, next, granules, minClaim, divisor)) {
          args[3] = first * granule;
          args[4] = Math.min(total, (first + count) * granule) - args[3];
          fn(...args);
        }
      } catch (e) {
        error = e;
        Atomics.store(counters, 0, 1);
      }
    }
    // The barrier: launch i + 1 reads what launch i wrote.
    if (Atomics.add(counters, arrived, 1) + 1 === threads) {
      Atomics.notify(counters, arrived);
    } else {
      const spinUntil = performance.now() + spinMs;
      for (let n = Atomics.load(counters, arrived); n < threads; n = Atomics.load(counters, arrived)) {
        if (performance.now() > spinUntil) sleep(counters, arrived, n);
      }
    }
  }
  return error;
}
