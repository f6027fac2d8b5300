import type { KernelArtifact } from '../../compiler/artifact.js';
import { NeoccError } from '../../compiler/errors.js';
import type { Grid, UniformValues } from '../../compiler/launch.js';
import { compileAssemblyScript, kernelImports } from './compile-assemblyscript.js';
import type { LinearMemory } from './linear-memory.js';
import type { WasmThreadPool } from './thread-pool.js';
import type { KernelCall } from './thread-protocol.js';
import { wasmApi, type WasmInstance, type WasmModule } from './wasm-api.js';

/**
 * Compiled modules by artifact key, for the whole process: a key names exactly one source (sha256 of compiler
 * version, target and everything baked), so any backend and any memory can reuse a module. Promises, so concurrent
 * requests for the same kernel share one compile.
 */
const MODULES = new Map<string, Promise<WasmModule>>();

/** Time spent in asc by this process, for reports and benchmarks; diskHits: kernels loaded from the disk cache instead. */
export const compileStats = { compiles: 0, kernels: 0, ms: 0, diskHits: 0 };

/** Cache entry of an artifact key: the key, plus the memory kind (threaded modules import a shared memory). */
function memoryKey(key: string, sharedMemory: boolean): string {
  return sharedMemory ? `${key}#shared-memory` : key;
}

const moduleKey = (artifact: KernelArtifact, sharedMemory: boolean): string => memoryKey(artifact.key, sharedMemory);

/**
 * The on-disk cache (runtime/wasm/disk-cache.ts) in Node, unless NEOCC_CACHE_DIR=off; null elsewhere. Loaded on use
 * like asc, so runtime/wasm bundles for browsers; the folder is read from the environment on every call.
 */
async function diskCache(): Promise<import('./disk-cache.js').WasmDiskCache | null> {
  if (typeof process === 'undefined' || !process.versions?.node) return null;
  try {
    const { openWasmDiskCache } = await import('./disk-cache.js');
    return openWasmDiskCache();
  } catch {
    return null;
  }
}

/**
 * Compiles every artifact not compiled yet (for a plain or a shared memory) in one asc call; resolves when all of
 * them have a module. In Node, modules whose binary is in the disk cache are loaded from there instead, and asc's
 * output is stored there.
 */
export async function compileWasmKernels(artifacts: readonly KernelArtifact[], sharedMemory = false): Promise<void> {
  const missing = artifacts.filter((a, i) => !MODULES.has(moduleKey(a, sharedMemory)) && artifacts.findIndex((b) => b.key === a.key) === i);
  if (missing.length > 0) {
    // Modules by artifact key: from disk, or from asc in batches.
    const modules = (async () => {
      const cache = await diskCache();
      const loaded: Map<string, WasmModule | Promise<WasmModule>> = cache ? await cache.load(missing, sharedMemory) : new Map();
      compileStats.diskHits += loaded.size;
      // Entry points must be distinct within one module; a second kernel with the same name goes in another batch.
      const batches: KernelArtifact[][] = [];
      for (const a of missing.filter((m) => !loaded.has(m.key))) {
        const batch = batches.find((b) => !b.some((o) => o.entryPoint === a.entryPoint));
        if (batch) batch.push(a);
        else batches.push([a]);
      }
      for (const batch of batches) {
        const module = compileAssemblyScript(batch, { sharedMemory }).then(async ({ binary, ms }) => {
          compileStats.compiles += 1;
          compileStats.kernels += batch.length;
          compileStats.ms += ms;
          const compiled = await wasmApi.compile(binary);
          await cache?.store(batch, sharedMemory, binary);
          return compiled;
        });
        for (const a of batch) loaded.set(a.key, module);
      }
      return loaded;
    })();
    for (const a of missing) {
      const key = moduleKey(a, sharedMemory);
      const module = modules.then((m) => m.get(a.key)!);
      MODULES.set(key, module);
      // A failed compile must not poison the cache: the next request tries again (and reports the error again).
      module.catch(() => {
        if (MODULES.get(key) === module) MODULES.delete(key);
      });
    }
  }
  await Promise.all(artifacts.map((a) => MODULES.get(moduleKey(a, sharedMemory))));
}

/** Forgets every compiled module of this process (the disk cache stays), so tests can start from an empty process. */
export function clearWasmModuleCacheForTests(): void {
  MODULES.clear();
}

/**
 * Supplies the compiled WebAssembly for an artifact key (e.g. a `.wasm` that `neocc gen --target assemblyscript`
 * wrote; its module's `wasmUrls` say where), so the kernel runs without asc on a plain (unshared) memory, or with
 * `sharedMemory` on a shared one (threads; `neocc gen --shared-memory` binaries). Must export the artifact's entry point.
 */
export function registerWasmBinary(key: string, binary: Uint8Array, sharedMemory = false): void {
  MODULES.set(memoryKey(key, sharedMemory), wasmApi.compile(binary));
}

/** The compiled module of `artifact` (compiling it alone if nobody asked for it yet). */
export async function wasmModule(artifact: KernelArtifact, sharedMemory = false): Promise<WasmModule> {
  await compileWasmKernels([artifact], sharedMemory);
  return MODULES.get(moduleKey(artifact, sharedMemory))!;
}

/**
 * Runs kernels on one LinearMemory: instantiates each module once against it and calls entry points with the
 * argument order of compiler/render/assemblyscript.ts: grid, workgroup range, buffer pointers (binding order),
 * scratch pointer (if the artifact has scratchBytes), uniforms (artifact order). With a thread pool (and a shared
 * memory), a launch's workgroups are shared out in chunks between this thread and the pool's (thread-pool.ts), each
 * thread with its own scratch.
 */
export class WasmKernelRunner {
  private readonly instances = new Map<WasmModule, WasmInstance>();
  /** Kernels callable here (and on the pool's workers), by artifact key: launch() needs no await. */
  private readonly ready = new Map<string, ReadyKernel>();

  constructor(readonly memory: LinearMemory, private readonly pool?: WasmThreadPool) {
    if (pool && !memory.shared) throw new NeoccError('wasm-bad-launch', 'wasm threads need a shared LinearMemory');
  }

  private async entry(artifact: KernelArtifact): Promise<{ fn: KernelCall; module: WasmModule }> {
    const module = await wasmModule(artifact, this.memory.shared);
    let instance = this.instances.get(module);
    if (!instance) {
      instance = await wasmApi.instantiate(module, kernelImports(this.memory.memory));
      this.instances.set(module, instance);
    }
    const fn = instance.exports[artifact.entryPoint];
    if (typeof fn !== 'function') throw new NeoccError('wasm-missing-export', `wasm module of ${artifact.name} does not export ${artifact.entryPoint}`);
    return { fn: fn as KernelCall, module };
  }

  /**
   * Instantiates the modules of `artifacts` on this memory and, with a pool, makes them callable on its workers (one
   * message each), so that launching them needs no set-up (and no await).
   */
  async prepare(artifacts: readonly KernelArtifact[]): Promise<void> {
    const fresh = [...new Map(artifacts.filter((a) => !this.ready.has(a.key)).map((a) => [a.key, a])).values()];
    if (fresh.length === 0) return;
    const entries = await Promise.all(fresh.map((a) => this.entry(a)));
    const ids = await this.pool?.prepare(entries.map(({ module }, i) => ({ module, entry: fresh[i]!.entryPoint })));
    fresh.forEach((a, i) => this.ready.set(a.key, {
      fn: entries[i]!.fn,
      poolFunctionId: ids?.[i],
      bufferCount: a.bindings.filter((b) => b.kind !== 'uniform').length,
    }));
  }

  /** prepare([artifact]), then launch(…). */
  async run(artifact: KernelArtifact, pointers: readonly number[], uniforms: UniformValues, grid: Grid, splitGranule = 1): Promise<void> {
    await this.prepare([artifact]);
    this.launch(artifact, pointers, uniforms, grid, splitGranule);
  }

  /**
   * Runs a prepared `artifact` over `grid` with buffers at `pointers` (byte addresses in binding order, uniform
   * excluded); threads split the workgroups in multiples of `splitGranule` (Launch.splitGranule). Synchronous: a
   * forward's ~60 launches then cost no promise turns between them (measured ~4 ms per NeoNeXt-T forward when every
   * launch awaited its module lookups, on the calling thread while the workers idled).
   */
  launch(artifact: KernelArtifact, pointers: readonly number[], uniforms: UniformValues, grid: Grid, splitGranule = 1): void {
    this.launchAll([{ artifact, pointers, uniforms, grid, splitGranule }]);
  }

  /**
   * launch() for each of `launches`, in order, as one list on the pool (thread-protocol.ts): no thread comes back to
   * this one's JavaScript between them. Every launch is checked, and the threads' scratch allocated, before any runs.
   */
  launchAll(launches: readonly KernelLaunch[]): void {
    const threads = this.pool ? this.pool.size + 1 : 1;
    const calls = launches.map((l) => this.checkedCall(l));
    // One scratch area per thread, reused by every launch (they run one after another); allocated before any thread
    // starts, since allocation may grow the memory.
    const scratchBytes = Math.max(0, ...calls.map((c) => c.scratchBytes));
    const scratch = scratchBytes > 0 ? Array.from({ length: threads }, () => this.memory.alloc(scratchBytes / 4)) : [];
    for (const c of calls) if (c.scratchArg >= 0) c.args[c.scratchArg] = scratch[0]!;
    if (!this.pool) {
      for (const c of calls) c.kernel.fn(...c.args);
      return;
    }
    this.pool.launchList(calls.map((c) => ({
      functionId: c.kernel.poolFunctionId!, run: c.kernel.fn, args: c.args, split: { total: c.args[4]!, granule: c.granule }, scratchArg: c.scratchArg, scratch,
    })));
  }

  /** `l`'s kernel and arguments, after checking them; the scratch pointer (if any) goes at `scratchArg` (else -1). */
  private checkedCall(l: KernelLaunch): { kernel: ReadyKernel; args: number[]; scratchArg: number; scratchBytes: number; granule: number } {
    const { artifact, pointers, uniforms, grid } = l;
    const kernel = this.ready.get(artifact.key);
    if (!kernel) throw new NeoccError('wasm-bad-launch', `kernel ${artifact.name} was not prepared on this runner (WasmKernelRunner.prepare)`);
    if (pointers.length !== kernel.bufferCount) {
      const buffers = artifact.bindings.filter((b) => b.kind !== 'uniform').map((b) => b.name);
      throw new NeoccError('wasm-bad-launch', `kernel ${artifact.name} takes ${buffers.length} buffers (${buffers.join(', ')}), got ${pointers.length}`);
    }
    const values = artifact.uniforms.map((u) => {
      const v = uniforms[u.name];
      if (v === undefined) throw new NeoccError('wasm-bad-launch', `kernel ${artifact.name}: no value for uniform ${u.name}`);
      return v;
    });
    const total = grid[0] * grid[1] * grid[2];
    if (grid.some((g) => !Number.isInteger(g) || g < 0) || total > 0xffffffff) throw new NeoccError('wasm-bad-launch', `kernel ${artifact.name}: bad grid ${grid.join('x')}`);
    const scratchBytes = artifact.scratchBytes ?? 0;
    const args = [grid[0], grid[1], grid[2], 0, total, ...pointers, ...(scratchBytes > 0 ? [0] : []), ...values];
    return { kernel, args, scratchArg: scratchBytes > 0 ? 5 + pointers.length : -1, scratchBytes, granule: l.splitGranule ?? 1 };
  }
}

/** One kernel launch: a prepared artifact, its buffers' byte addresses (binding order), uniforms, grid and split. */
export interface KernelLaunch {
  readonly artifact: KernelArtifact;
  readonly pointers: readonly number[];
  readonly uniforms: UniformValues;
  readonly grid: Grid;
  /** Threads split the workgroups in multiples of this (Launch.splitGranule; default 1). */
  readonly splitGranule?: number;
}

/** A kernel WasmKernelRunner.prepare made callable: its function here, its id on the pool's workers. */
interface ReadyKernel {
  readonly fn: KernelCall;
  readonly poolFunctionId: number | undefined;
  /** Buffer bindings (pointers a launch passes). */
  readonly bufferCount: number;
}
