import { collectSpecs, type CollectedSpec } from './collect-specs.js';
import type { GenRequest } from './gen-request.js';
import { renderGenerated, type GeneratedFile, type WasmBinaries } from './render-modules.js';
import type { KernelArtifact } from '../artifact.js';
import { specArtifacts } from './spec-artifacts.js';

export { GenOptionError } from './gen-error.js';
export { resolveGenRequest, resolveOutDir, describeRequest, type GenRequest, type RawGenOptions } from './gen-request.js';
export { collectSpecs, describeSpec, type CollectedSpec } from './collect-specs.js';
export { diffGenerated, isUpToDate, writeGenerated, type OutputDiff, type WriteReport } from './output-dir.js';
export { GENERATED_HEADER, moduleFileName, type GeneratedFile, type WasmBinaries } from './render-modules.js';

export interface Generated {
  readonly specs: readonly CollectedSpec[];
  readonly files: readonly GeneratedFile[];
}

/**
 * Everything `neocc gen` writes for `request` into `outDir`, rendered in memory (pure apart from reading the
 * compiler's type declarations): pass the files to writeGenerated, or to diffGenerated for `--check`.
 */
export function generate(
  request: GenRequest, outDir: string, onSpec?: (spec: CollectedSpec, kernels: number) => void, binaries?: WasmBinaries,
): Generated {
  const specs = collectSpecs(request.source);
  return { specs, files: renderGenerated(request, specs, outDir, onSpec, binaries) };
}

/** Compiles one AssemblyScript kernel to WebAssembly (runtime/wasm supplies it: the compiler does not load asc). */
export type WasmCompiler = (artifact: KernelArtifact) => Promise<Uint8Array>;

/**
 * `generate`, plus the `.wasm` binaries that `--target assemblyscript` writes: every kernel compiled on its own (one
 * module per kernel file), one after another so the output never depends on timing.
 */
export async function generateWithBinaries(
  request: GenRequest, outDir: string, compile: WasmCompiler, onSpec?: (spec: CollectedSpec, kernels: number) => void,
): Promise<Generated> {
  if (request.target !== 'assemblyscript') return generate(request, outDir, onSpec);
  const binaries = new Map<string, Uint8Array>();
  for (const spec of collectSpecs(request.source)) {
    for (const { artifact } of specArtifacts(spec.spec, request.target)) {
      if (!binaries.has(artifact.key)) binaries.set(artifact.key, await compile(artifact));
    }
  }
  return generate(request, outDir, onSpec, binaries);
}
