import type { KernelArtifact } from '../compiler/artifact.js';
import type { Grid, UniformValues } from '../compiler/launch.js';
import { kernelImports } from '../runtime/wasm/compile-assemblyscript.js';
import type { LinearMemory } from '../runtime/wasm/linear-memory.js';
import { wasmApi, type WasmInstance, type WasmModule } from '../runtime/wasm/wasm-api.js';
import { wasmModule } from '../runtime/wasm/wasm-kernels.js';

type KernelFunction = (...args: number[]) => void;

/** One kernel launch with every argument fixed up front: calling it runs the whole grid on this thread. */
export interface BoundLaunch {
  readonly name: string;
  readonly grid: Grid;
  readonly fn: KernelFunction;
  readonly args: readonly number[];
}

/** Runs launches in order, synchronously (the timed unit of the wasm benches). */
export function runLaunches(launches: readonly BoundLaunch[]): void {
  for (const l of launches) l.fn(...l.args);
}

/**
 * Single-thread launches on one plain (unshared) LinearMemory, bound once so a timed loop is only the calls into
 * wasm. Same argument order as WasmKernelRunner.launch with one thread (runtime/wasm/wasm-kernels.ts): grid, workgroup
 * range (all of it), buffer pointers in binding order, the scratch pointer if the artifact has scratch, uniforms in
 * artifact order. Unlike the runner (which allocates a launch's scratch on every call, fine between memory resets
 * but not in a loop of thousands of launches), the scratch is allocated once per bound launch and the arguments are
 * built once.
 */
export class SyncWasmLauncher {
  private readonly instances = new Map<WasmModule, WasmInstance>();

  constructor(readonly memory: LinearMemory) {
    if (memory.shared) throw new Error('SyncWasmLauncher runs one thread on a plain (unshared) LinearMemory');
  }

  async bind(artifact: KernelArtifact, pointers: readonly number[], uniforms: UniformValues, grid: Grid): Promise<BoundLaunch> {
    const buffers = artifact.bindings.filter((b) => b.kind !== 'uniform');
    if (pointers.length !== buffers.length) {
      throw new Error(`kernel ${artifact.name} takes ${buffers.length} buffers (${buffers.map((b) => b.name).join(', ')}), got ${pointers.length}`);
    }
    const values = artifact.uniforms.map((u) => {
      const v = uniforms[u.name];
      if (v === undefined) throw new Error(`kernel ${artifact.name}: no value for uniform ${u.name}`);
      return v;
    });
    const total = grid[0] * grid[1] * grid[2];
    if (grid.some((g) => !Number.isInteger(g) || g < 0) || total > 0xffffffff) throw new Error(`kernel ${artifact.name}: bad grid ${grid.join('x')}`);
    const module = await wasmModule(artifact, false);
    let instance = this.instances.get(module);
    if (!instance) {
      instance = await wasmApi.instantiate(module, kernelImports(this.memory.memory));
      this.instances.set(module, instance);
    }
    const fn = instance.exports[artifact.entryPoint];
    if (typeof fn !== 'function') throw new Error(`wasm module of ${artifact.name} does not export ${artifact.entryPoint}`);
    const scratchBytes = artifact.scratchBytes ?? 0;
    const scratch = scratchBytes > 0 ? [this.memory.alloc(scratchBytes / 4)] : [];
    return { name: artifact.name, grid, fn: fn as KernelFunction, args: [grid[0], grid[1], grid[2], 0, total, ...pointers, ...scratch, ...values] };
  }
}
