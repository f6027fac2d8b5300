import type { KernelArtifact } from '../../compiler/artifact.js';
import { NeoccError } from '../../compiler/errors.js';
import type { Grid, UniformValues } from '../../kernels/neocell/launch.js';
import { compileAssemblyScript, kernelImports } from './compile-assemblyscript.js';
import type { LinearMemory } from './linear-memory.js';
import { wasmApi, type WasmInstance, type WasmModule } from './wasm-api.js';

type KernelFunction = (...args: number[]) => void;

/**
 * Compiled modules by artifact key, for the whole process: a key names exactly one source (sha256 of compiler
 * version, target and everything baked), so any backend and any memory can reuse a module. Promises, so concurrent
 * requests for the same kernel share one compile.
 */
const MODULES = new Map<string, Promise<WasmModule>>();

/** Time spent in asc by this process, for reports and benchmarks. */
export const compileStats = { compiles: 0, kernels: 0, ms: 0 };

/** Compiles every artifact not compiled yet in one asc call; resolves when all of them have a module. */
export async function compileWasmKernels(artifacts: readonly KernelArtifact[]): Promise<void> {
  const missing = artifacts.filter((a, i) => !MODULES.has(a.key) && artifacts.findIndex((b) => b.key === a.key) === i);
  // Entry points must be distinct within one module; a second kernel with the same name goes in another batch.
  const batches: KernelArtifact[][] = [];
  for (const a of missing) {
    const batch = batches.find((b) => !b.some((o) => o.entryPoint === a.entryPoint));
    if (batch) batch.push(a);
    else batches.push([a]);
  }
  for (const batch of batches) {
    const module = compileAssemblyScript(batch).then(async ({ binary, ms }) => {
      compileStats.compiles += 1;
      compileStats.kernels += batch.length;
      compileStats.ms += ms;
      return wasmApi.compile(binary);
    });
    for (const a of batch) MODULES.set(a.key, module);
    // A failed compile must not poison the cache: the next request tries again (and reports the error again).
    module.catch(() => batch.forEach((a) => MODULES.delete(a.key)));
  }
  await Promise.all(artifacts.map((a) => MODULES.get(a.key)));
}

/**
 * Supplies the compiled WebAssembly for an artifact key (e.g. a `.wasm` that `neocc gen --target assemblyscript`
 * wrote; its module's `wasmUrls` say where), so the kernel runs without asc. Must export the artifact's entry point.
 */
export function registerWasmBinary(key: string, binary: Uint8Array): void {
  MODULES.set(key, wasmApi.compile(binary));
}

/** The compiled module of `artifact` (compiling it alone if nobody asked for it yet). */
export async function wasmModule(artifact: KernelArtifact): Promise<WasmModule> {
  await compileWasmKernels([artifact]);
  return MODULES.get(artifact.key)!;
}

/**
 * Runs kernels on one LinearMemory: instantiates each module once against it and calls entry points with the
 * argument order of compiler/render/assemblyscript.ts: grid, buffer pointers (binding order), scratch pointer (if the
 * artifact has scratchBytes), uniforms (artifact order).
 */
export class WasmKernelRunner {
  private readonly instances = new Map<WasmModule, WasmInstance>();

  constructor(readonly memory: LinearMemory) {}

  private async entry(artifact: KernelArtifact): Promise<KernelFunction> {
    const module = await wasmModule(artifact);
    let instance = this.instances.get(module);
    if (!instance) {
      instance = await wasmApi.instantiate(module, kernelImports(this.memory.memory));
      this.instances.set(module, instance);
    }
    const fn = instance.exports[artifact.entryPoint];
    if (typeof fn !== 'function') throw new NeoccError('wasm-missing-export', `wasm module of ${artifact.name} does not export ${artifact.entryPoint}`);
    return fn as KernelFunction;
  }

  /** Runs `artifact` over `grid` with buffers at `pointers` (byte addresses in binding order, uniform excluded). */
  async run(artifact: KernelArtifact, pointers: readonly number[], uniforms: UniformValues, grid: Grid): Promise<void> {
    const buffers = artifact.bindings.filter((b) => b.kind !== 'uniform');
    if (pointers.length !== buffers.length) {
      throw new NeoccError('wasm-bad-launch', `kernel ${artifact.name} takes ${buffers.length} buffers (${buffers.map((b) => b.name).join(', ')}), got ${pointers.length}`);
    }
    const fn = await this.entry(artifact);
    const scratchBytes = artifact.scratchBytes ?? 0;
    const scratch = scratchBytes > 0 ? [this.memory.alloc(scratchBytes / 4)] : [];
    const values = artifact.uniforms.map((u) => {
      const v = uniforms[u.name];
      if (v === undefined) throw new NeoccError('wasm-bad-launch', `kernel ${artifact.name}: no value for uniform ${u.name}`);
      return v;
    });
    if (grid.some((g) => !Number.isInteger(g) || g < 0 || g > 0xffffffff)) throw new NeoccError('wasm-bad-launch', `kernel ${artifact.name}: bad grid ${grid.join('x')}`);
    fn(grid[0], grid[1], grid[2], ...pointers, ...scratch, ...values);
  }
}
