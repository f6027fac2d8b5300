import { collectSpecs, type CollectedSpec } from './collect-specs.js';
import type { GenRequest } from './gen-request.js';
import { collectModels, type CollectedModel } from './model-artifacts.js';
import { renderGenerated, type GeneratedFile, type RenderProgress, type WasmBinaries } from './render-modules.js';
import type { KernelArtifact } from '../artifact.js';
import { specArtifacts } from './spec-artifacts.js';

export { GenOptionError } from './gen-error.js';
export { resolveGenRequest, resolveOutDir, describeRequest, sourceConfigs, type GenRequest, type GenSource, type RawGenOptions } from './gen-request.js';
export { collectSpecs, describeSpec, type CollectedSpec } from './collect-specs.js';
export { collectModels, describeModel, modelFileName, type CollectedModel, type ModelKernel } from './model-artifacts.js';
export { diffGenerated, isUpToDate, writeGenerated, type OutputDiff, type WriteReport } from './output-dir.js';
export { GENERATED_HEADER, moduleFileName, type GeneratedFile, type RenderProgress, type WasmBinaries } from './render-modules.js';

export interface Generated {
  readonly specs: readonly CollectedSpec[];
  /** Whole models (`--target assemblyscript` with --model or configs): one `model-<config>.ts` each. */
  readonly models: readonly CollectedModel[];
  readonly files: readonly GeneratedFile[];
}

/** Progress of `generateWithBinaries`: each asc compile as it finishes, then each module as it is rendered. */
export interface GenProgress extends RenderProgress {
  /** The `done`-th of `total` kernels compiled to WebAssembly, taking `ms`. */
  readonly compiled?: (artifact: KernelArtifact, done: number, total: number, ms: number) => void;
}

/** A bare function is the per-spec callback (the original signature). */
type ProgressArgument = GenProgress | ((spec: CollectedSpec, kernels: number) => void);

const asProgress = (p: ProgressArgument | undefined): GenProgress => (typeof p === 'function' ? { spec: p } : p ?? {});

/**
 * Everything `neocc gen` writes for `request` into `outDir`, rendered in memory (pure apart from reading the
 * compiler's type declarations): pass the files to writeGenerated, or to diffGenerated for `--check`.
 * `--target assemblyscript` needs `binaries` (every key of wasmArtifacts); generateWithBinaries compiles them.
 */
export function generate(request: GenRequest, outDir: string, progress?: ProgressArgument, binaries?: WasmBinaries): Generated {
  const specs = collectSpecs(request.source);
  const models = collectModels(request);
  return { specs, models, files: renderGenerated(request, { specs, models }, outDir, asProgress(progress), binaries) };
}

/**
 * Compiles one AssemblyScript kernel to WebAssembly (runtime/wasm supplies it: the compiler does not load asc), for a
 * shared memory where the request asks for one (GenRequest.sharedMemory).
 */
export type WasmCompiler = (artifact: KernelArtifact, options: { readonly sharedMemory: boolean }) => Promise<Uint8Array>;

/**
 * The kernels `request` writes a `.wasm` for, once per key, in output order: each NeoCell spec's kernels, then each
 * model's (those of its kernels no NeoCell module has). Empty unless the target ships binaries (binaryExtension).
 */
export function wasmArtifacts(request: GenRequest, specs = collectSpecs(request.source), models = collectModels(request)): KernelArtifact[] {
  if (request.target.binaryExtension === undefined) return [];
  const byKey = new Map<string, KernelArtifact>();
  for (const spec of specs) for (const { artifact } of specArtifacts(spec.spec, request.target)) byKey.set(artifact.key, artifact);
  for (const model of models) for (const { artifact } of model.kernels) if (!byKey.has(artifact.key)) byKey.set(artifact.key, artifact);
  return [...byKey.values()];
}

/**
 * `generate`, plus the `.wasm` binaries that `--target assemblyscript` writes: every kernel compiled on its own (one
 * module per kernel file), one after another so the output never depends on timing.
 */
export async function generateWithBinaries(request: GenRequest, outDir: string, compile: WasmCompiler, progress?: ProgressArgument): Promise<Generated> {
  const p = asProgress(progress);
  if (request.target.binaryExtension === undefined) return generate(request, outDir, p);
  const specs = collectSpecs(request.source);
  const models = collectModels(request);
  const artifacts = wasmArtifacts(request, specs, models);
  const binaries = new Map<string, Uint8Array>();
  for (const artifact of artifacts) {
    const started = performance.now();
    binaries.set(artifact.key, await compile(artifact, { sharedMemory: request.sharedMemory === true }));
    p.compiled?.(artifact, binaries.size, artifacts.length, performance.now() - started);
  }
  return { specs, models, files: renderGenerated(request, { specs, models }, outDir, p, binaries) };
}
