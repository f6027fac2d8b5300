import { ARCHITECTURE_NAMES, type NeoNeXtConfig } from '../../compiler/spec/model-config.js';
import { ASSEMBLYSCRIPT, type KernelTarget } from '../../compiler/targets/index.js';
import { missingPrebuiltWasm, registerPrebuiltWasm, type PrebuiltWasmModule } from './prebuilt.js';

/**
 * The committed prebuilt kernels (generated/wasm, shipped with the package) found without a registration call: a model
 * whose whole kernel set one released config's module holds (matched by artifact keys, so a checkpoint of a released
 * model counts too) gets those binaries registered before it loads, so one thread needs no asc. Browser-safe: `file:`
 * URLs (Node) are read with node:fs through a variable specifier, anything else with fetch.
 */

const NODE_FS = 'node:fs/promises';
/** Configs registered by this process already (by name + resolution): registering again would fetch every binary again. */
const registered = new Set<string>();

/** A generated model module: its kernels, and the config they were generated for. */
type GeneratedModel = PrebuiltWasmModule & { readonly config: { readonly dims: readonly number[] } };

/**
 * The generated model modules (generated/wasm/model-<config>.ts), loaded on use. Literal specifiers, so that bundlers
 * and Vitest resolve each one (a template specifier would not find the .ts sources here); test/wasm-prebuilt-released
 * checks this list against the folder.
 */
export const GENERATED_MODELS: Readonly<Record<string, () => Promise<GeneratedModel>>> = {
  'neonext-t-224': () => import('../../generated/wasm/model-neonext-t-224.js'),
  'neonext-t-384': () => import('../../generated/wasm/model-neonext-t-384.js'),
  'neonext-s-224': () => import('../../generated/wasm/model-neonext-s-224.js'),
  'neonext-s-384': () => import('../../generated/wasm/model-neonext-s-384.js'),
  'neonext-b-224': () => import('../../generated/wasm/model-neonext-b-224.js'),
  'neonext-b-384': () => import('../../generated/wasm/model-neonext-b-384.js'),
  'neonext-l-224': () => import('../../generated/wasm/model-neonext-l-224.js'),
  'neonext-l-384': () => import('../../generated/wasm/model-neonext-l-384.js'),
};

/** The bytes at a generated module's kernel URL. */
async function kernelBytes(url: URL | string): Promise<Uint8Array> {
  const href = new URL(url);
  if (href.protocol === 'file:') {
    const fs = (await import(/* @vite-ignore */ /* webpackIgnore: true */ NODE_FS)) as typeof import('node:fs/promises');
    return fs.readFile(href);
  }
  const response = await fetch(href);
  if (!response.ok) throw new Error(`${href.href}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * The relaxed-SIMD, shared-memory kernels (generated/wasm-relaxed-simd-shared: what the CLI runs by default in Node,
 * several threads with FMA), in this repository only (the npm package leaves the folder out to stay small). Node-only
 * (threads need worker_threads), so the specifier is a variable: bundlers leave it alone, and where the folder is
 * missing the import fails and the kernels are compiled with asc as before.
 */
const RELAXED_SHARED_FOLDER = '../../generated/wasm-relaxed-simd-shared/';

async function relaxedSharedModel(name: string): Promise<GeneratedModel | undefined> {
  if (!Object.hasOwn(GENERATED_MODELS, name)) return undefined;
  try {
    return (await import(/* @vite-ignore */ /* webpackIgnore: true */ `${RELAXED_SHARED_FOLDER}model-${name}.js`)) as GeneratedModel;
  } catch {
    return undefined;
  }
}

/**
 * Registers the prebuilt kernels of `config` for `target` (the plain record: generated/wasm, one thread; the
 * relaxed-SIMD record with `shared`: generated/wasm-relaxed-simd-shared, several threads) when a released config's
 * module covers all of them; resolves to that module's config name, or undefined (another config or variant: its
 * kernels are compiled with asc on load).
 */
export async function registerReleasedPrebuiltWasm(config: NeoNeXtConfig, target: KernelTarget = ASSEMBLYSCRIPT, shared = false): Promise<string | undefined> {
  const relaxedShared = shared && target.variant?.id === 'relaxed-simd';
  if (!relaxedShared && (shared || target !== ASSEMBLYSCRIPT)) return undefined;
  const candidates = new Set([config.name, ...ARCHITECTURE_NAMES.map((arch) => `${arch}-${config.resolution}`)]);
  for (const name of candidates) {
    const module = relaxedShared ? await relaxedSharedModel(name) : Object.hasOwn(GENERATED_MODELS, name) ? await GENERATED_MODELS[name]!() : undefined;
    // Widths are baked into every kernel: a cheap filter before the key check, which builds the config's kernel set.
    if (!module || module.config.dims.join() !== config.dims.join() || missingPrebuiltWasm(config, module, target).length > 0) continue;
    const id = `${relaxedShared ? 'relaxed-shared/' : ''}${name}`;
    if (!registered.has(id)) {
      await registerPrebuiltWasm(module, kernelBytes);
      registered.add(id);
    }
    return name;
  }
  return undefined;
}
