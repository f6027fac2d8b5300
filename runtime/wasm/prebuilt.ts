import type { KernelArtifact } from '../../compiler/artifact.js';
import { NeoccError } from '../../compiler/errors.js';
import type { NeoNeXtConfig } from '../../compiler/spec/model-config.js';
import { allArtifacts, modelKernels } from '../../schedule/model-kernels.js';
import { wasmApi } from './wasm-api.js';
import { registerWasmBinary } from './wasm-kernels.js';
import { ASSEMBLYSCRIPT, type KernelTarget } from '../../compiler/targets/index.js';

/**
 * Loading the WebAssembly that `neocc gen --target assemblyscript` wrote, so an app runs kernels (a NeoCell's, or a
 * whole NeoNeXt model's) without asc, e.g. in a browser. Browser-safe: no Node modules; the app supplies the bytes.
 *
 * Every generated AssemblyScript module (`neocell-<id>.ts`, `model-<config>.ts`, and `index.ts` for the whole folder)
 * exports `wasmKernels`: each kernel's artifact key and the URL of its `.wasm` (`new URL('./x.wasm', import.meta.url)`,
 * which Node and bundlers both resolve). Registered binaries are what the runtime's module cache then finds by key.
 *
 * Threads: a model or backend with `threads` > 1 runs on a shared memory, whose kernel modules import a shared
 * memory and are compiled separately. A folder written with `neocc gen --shared-memory` holds those binaries (its
 * modules export `wasmSharedMemory = true`) and is registered for shared memories; a plain folder serves `threads: 1`
 * only, and a threaded model without a shared-memory folder still needs asc (Node).
 */

/** One kernel of a generated module: its `KernelArtifact.key` and where its compiled `.wasm` lies. */
export interface PrebuiltWasmKernel {
  readonly key: string;
  readonly url: URL | string;
}

/** What registerPrebuiltWasm reads from a generated module (pass the module namespace itself). */
export interface PrebuiltWasmModule {
  readonly wasmKernels: Iterable<PrebuiltWasmKernel>;
  /** True in a `neocc gen --shared-memory` folder: the binaries import a shared memory (threaded runtimes). */
  readonly wasmSharedMemory?: boolean;
}

/**
 * Fetches one `.wasm`. Node: `(url) => readFile(url)` (node:fs/promises reads file: URLs); browsers:
 * `async (url) => { const r = await fetch(url); if (!r.ok) throw new Error(`${url}: ${r.status}`); return r.arrayBuffer(); }`.
 */
export type FetchWasmBytes = (url: URL | string) => Promise<ArrayBuffer | ArrayBufferView> | ArrayBuffer | ArrayBufferView;

/** `WebAssembly.validate` (wasm-api.ts types only what the kernel runtime uses). */
const validate = (bytes: Uint8Array): boolean =>
  (wasmApi as unknown as { validate(b: Uint8Array): boolean }).validate(bytes);

function toBytes(data: ArrayBuffer | ArrayBufferView): Uint8Array {
  return data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

/**
 * Fetches every kernel of `modules` (once per key, all in parallel) and registers it with the wasm runtime
 * (`registerWasmBinary(key, bytes)`), so single-threaded models and backends run those kernels without asc.
 * Resolves to the registered keys. A binary that is not WebAssembly fails here, naming its URL; nothing is
 * registered then. Registering the same key again replaces the module (same key, same kernel).
 */
export async function registerPrebuiltWasm(modules: PrebuiltWasmModule | Iterable<PrebuiltWasmModule>, fetchBytes: FetchWasmBytes): Promise<string[]> {
  const list: Iterable<PrebuiltWasmModule> = isModule(modules) ? [modules] : modules;
  // By key and memory kind: one folder of each kind may be registered for the same kernels.
  const byKey = new Map<string, { key: string; url: URL | string; shared: boolean }>();
  for (const module of list) {
    const shared = module.wasmSharedMemory === true;
    for (const { key, url } of module.wasmKernels) if (!byKey.has(`${key}/${shared}`)) byKey.set(`${key}/${shared}`, { key, url, shared });
  }
  const loaded = await Promise.all([...byKey.values()].map(async ({ key, url, shared }) => {
    const bytes = toBytes(await fetchBytes(url));
    if (!validate(bytes)) {
      throw new NeoccError('wasm-prebuilt-invalid', `${String(url)} (kernel ${key.slice(0, 12)}…) is not a valid WebAssembly module (${bytes.length} bytes)`);
    }
    return { key, bytes, shared };
  }));
  for (const { key, bytes, shared } of loaded) registerWasmBinary(key, bytes, shared);
  return loaded.map(({ key }) => key);
}

function isModule(value: PrebuiltWasmModule | Iterable<PrebuiltWasmModule>): value is PrebuiltWasmModule {
  return typeof value === 'object' && value !== null && 'wasmKernels' in value;
}

/**
 * The kernels a single-threaded WebAssembly model of `config` compiles (allArtifacts(modelKernels(config, ASSEMBLYSCRIPT)),
 * distinct by key) that `modules` do not supply: empty when the generated folder covers the model, so loading it
 * needs no asc. Non-empty means another config, or a generated folder from another neocc version (keys hash the
 * compiler version and everything baked): regenerate it with `npm run gen` / `neocc gen`. `target`: the record the
 * model runs with (WasmNeoNeXt's; the relaxed-SIMD record's binaries come from `neocc gen --variant relaxed-simd`).
 */
export function missingPrebuiltWasm(
  config: NeoNeXtConfig, modules: PrebuiltWasmModule | Iterable<PrebuiltWasmModule>, target: KernelTarget = ASSEMBLYSCRIPT,
): KernelArtifact[] {
  const list: Iterable<PrebuiltWasmModule> = isModule(modules) ? [modules] : modules;
  const have = new Set<string>();
  for (const module of list) for (const { key } of module.wasmKernels) have.add(key);
  const missing = new Map<string, KernelArtifact>();
  for (const artifact of allArtifacts(modelKernels(config, target))) if (!have.has(artifact.key)) missing.set(artifact.key, artifact);
  return [...missing.values()];
}
