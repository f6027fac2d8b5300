import type { KernelArtifact } from '../../compiler/artifact.js';
import { NeoccError } from '../../compiler/errors.js';
import { ASSEMBLYSCRIPT } from '../../compiler/targets/index.js';
import { KernelCompileError } from '../../compiler/kernel-error.js';
import type { WasmImports, WasmMemory } from './wasm-api.js';

/**
 * asc options for kernel modules. Level 3 (`-O3`) runs Binaryen's full pipeline, which kernels need: the renderer
 * leaves the per-invocation segments as `@inline` calls and unrolled literal arithmetic for it to fold. The stub
 * runtime (no GC: kernels never allocate) and `noAssert` keep modules tiny; memory is imported so one
 * WebAssembly.Memory holds every tensor and every kernel module reads it in place.
 */
export const ASC_OPTIONS = {
  optimizeLevel: 3,
  shrinkLevel: 0,
  runtime: 'stub',
  noAssert: true,
  importMemory: true,
  // 128-bit SIMD (vec4f in the IR); every current engine has it (Node ≥ 16, Chrome 91, Firefox 89, Safari 16.4).
  enable: ['simd'],
} as const;

/** For several threads: the imported memory is shared (wasm threads), with wasm32's full 4 GiB as its maximum. */
export const ASC_SHARED_MEMORY_OPTIONS = { sharedMemory: true, maximumMemory: 65536, enable: ['simd', 'threads'] } as const;

/** The imports a kernel module needs: the shared memory and asc's `abort` (never called with noAssert). */
export function kernelImports(memory: WasmMemory): WasmImports {
  return {
    env: {
      memory,
      abort: () => {
        throw new NeoccError('wasm-abort', 'an AssemblyScript kernel called abort()');
      },
    },
  };
}

/** The sources of one compile, as asc entry files: one per artifact (AssemblyScript scopes helpers per file). */
function entryFile(index: number): string {
  return `kernel_${index}.ts`;
}

export interface CompiledBatch {
  readonly binary: Uint8Array;
  /** Wall-clock time of the asc call, for reports. */
  readonly ms: number;
}

/**
 * Compiles artifacts (target 'assemblyscript', distinct entry points) into one WebAssembly binary exporting each
 * artifact's entry point. One asc call per batch: most of a compile is asc parsing its standard library, so a
 * NeoCell's five kernels together cost about what one does alone.
 */
export async function compileAssemblyScript(artifacts: readonly KernelArtifact[], options: { sharedMemory?: boolean } = {}): Promise<CompiledBatch> {
  const entryPoints = new Set<string>();
  for (const a of artifacts) {
    if (a.target !== ASSEMBLYSCRIPT.name) throw new NeoccError('wrong-target', `kernel ${a.name} targets ${a.target}, not ${ASSEMBLYSCRIPT.name}`);
    if (entryPoints.has(a.entryPoint)) throw new NeoccError('duplicate-entry-point', `two kernels export ${a.entryPoint} in one wasm module`);
    entryPoints.add(a.entryPoint);
  }
  const sources = Object.fromEntries(artifacts.map((a, i) => [entryFile(i), a.source]));
  const base = options.sharedMemory ? { ...ASC_OPTIONS, ...ASC_SHARED_MEMORY_OPTIONS } : ASC_OPTIONS;
  // A variant's kernels (relaxed SIMD) need their engine features enabled; baseline kernels compile as before.
  const features = [...new Set(artifacts.flatMap((a) => a.features ?? []))];
  // Loaded on use: the compiler worker is Node-only (node:worker_threads); apps that ship generated .wasm
  // (registerWasmBinary) never load it, so runtime/wasm also bundles for browsers.
  const { runAsc } = await import('./asc-worker.js');
  const result = await runAsc({ sources, options: features.length > 0 ? { ...base, enable: [...base.enable, ...features] } : base });
  if (result.error || !result.binary) {
    const log = `${result.stderr}${result.error ? `\n${result.error}` : ''}`.trim();
    const culprit = artifacts.find((_, i) => log.includes(entryFile(i))) ?? artifacts[0]!;
    throw new KernelCompileError(culprit, `asc: ${log}`);
  }
  return { binary: result.binary, ms: result.ms };
}

/**
 * Whether asc can build kernels here: Node with the optional package `assemblyscript` (resolved, not loaded). False in
 * browsers (package.json's `browser` map stubs asc-worker.ts), where only prebuilt kernels run.
 */
export async function canCompileWasmKernels(): Promise<boolean> {
  if (typeof process === 'undefined' || !process.versions?.node) return false;
  try {
    return (await import('./asc-worker.js')).ascInstalled();
  } catch {
    return false;
  }
}
