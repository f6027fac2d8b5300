import { ARCHITECTURE_NAMES, type NeoNeXtConfig } from '../../compiler/spec/model-config.js';
import { NeoccError } from '../../compiler/errors.js';
import { ASSEMBLYSCRIPT, type KernelTarget } from '../../compiler/targets/index.js';
import { missingPrebuiltWasm, registerPrebuiltWasm, type PrebuiltWasmModule } from './prebuilt.js';

/**
 * The committed prebuilt kernels (generated/wasm and generated/wasm-shared, shipped with the package) found without a
 * registration call: a model whose whole kernel set one released config's module holds (matched by artifact keys, so a
 * checkpoint of a released model counts too) gets those binaries registered before it loads, so it needs no asc, on
 * one thread or several. Browser-safe: `file:`
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

/**
 * The plain-SIMD, shared-memory kernels (generated/wasm-shared, shipped with the package like generated/wasm): several
 * threads without asc, in Node and in cross-origin isolated pages. Literal specifiers, as above.
 */
export const GENERATED_SHARED_MODELS: Readonly<Record<string, () => Promise<GeneratedModel>>> = {
  'neonext-t-224': () => import('../../generated/wasm-shared/model-neonext-t-224.js'),
  'neonext-t-384': () => import('../../generated/wasm-shared/model-neonext-t-384.js'),
  'neonext-s-224': () => import('../../generated/wasm-shared/model-neonext-s-224.js'),
  'neonext-s-384': () => import('../../generated/wasm-shared/model-neonext-s-384.js'),
  'neonext-b-224': () => import('../../generated/wasm-shared/model-neonext-b-224.js'),
  'neonext-b-384': () => import('../../generated/wasm-shared/model-neonext-b-384.js'),
  'neonext-l-224': () => import('../../generated/wasm-shared/model-neonext-l-224.js'),
  'neonext-l-384': () => import('../../generated/wasm-shared/model-neonext-l-384.js'),
};

/** A kernel file's name in its generated folder (`<kernel>-<12 hex of its key>.wasm`), read off its URL; a bundler's hash suffix (Vite: `-<hash>`) is dropped. */
function kernelFileName(url: URL | string): string | undefined {
  const name = new URL(url).pathname.split('/').pop() ?? '';
  const m = /^([a-z0-9_]+-[0-9a-f]{12})(?:-[\w-]+)?\.wasm$/.exec(name);
  return m ? `${m[1]}.wasm` : undefined;
}

/** Where a kernel's bytes come from: next to its generated module, or `<baseUrl><folder>/<file>` with a base URL. */
function kernelUrl(url: URL | string, folder: string, baseUrl: string | URL | undefined): URL {
  if (baseUrl === undefined) return new URL(url);
  const file = kernelFileName(url);
  if (!file) throw new NeoccError('wasm-prebuilt-fetch', `wasmBaseUrl: cannot tell the kernel file name from its bundled URL ${String(url)}; serve the kernels next to the generated modules instead`);
  // A base without its trailing slash would resolve against its parent folder.
  const text = String(baseUrl).endsWith('/') ? String(baseUrl) : `${String(baseUrl)}/`;
  // A path ('/neocc/') is relative to the page, as onnxruntime-web's wasmPaths; Node has no page: absolute URLs only.
  const page = (globalThis as { location?: { href?: string } }).location?.href;
  let base: URL;
  try {
    base = new URL(text, page);
  } catch {
    throw new NeoccError('invalid-option', `wasmBaseUrl = "${String(baseUrl)}": not a URL${page ? '' : ' (outside a page it must be absolute, e.g. file:///srv/neocc/ or https://cdn.example/neocc/)'}`);
  }
  return new URL(`${folder}/${file}`, base);
}

/** The bytes at a generated module's kernel URL. */
async function kernelBytes(href: URL, baseUrl: string | URL | undefined): Promise<Uint8Array> {
  if (href.protocol === 'file:') {
    const fs = (await import(/* @vite-ignore */ /* webpackIgnore: true */ NODE_FS)) as typeof import('node:fs/promises');
    try {
      return await fs.readFile(href);
    } catch (err) {
      throw new NeoccError('wasm-prebuilt-fetch', `cannot read the prebuilt wasm kernel ${href.href}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}${baseUrlHint(baseUrl)}`);
    }
  }
  let response: Response;
  try {
    response = await fetch(href);
  } catch (err) {
    throw new NeoccError('wasm-prebuilt-fetch', `cannot fetch the prebuilt wasm kernel ${href.href}: ${(err as Error).message}${baseUrlHint(baseUrl)}`);
  }
  if (!response.ok) throw new NeoccError('wasm-prebuilt-fetch', `cannot fetch the prebuilt wasm kernel ${href.href}: HTTP ${response.status}${baseUrlHint(baseUrl)}`);
  return new Uint8Array(await response.arrayBuffer());
}

function baseUrlHint(baseUrl: string | URL | undefined): string {
  return baseUrl === undefined ? '' : ` (wasmBaseUrl ${String(baseUrl)} must hold copies of the package's dist/generated/wasm and dist/generated/wasm-shared folders)`;
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

/** The folder of prebuilt kernels for a record and memory kind (its name under generated/), or undefined: none ships. */
function prebuiltFolder(target: KernelTarget, shared: boolean): { folder: string; model: (name: string) => Promise<GeneratedModel | undefined> } | undefined {
  const fromTable = (table: Readonly<Record<string, () => Promise<GeneratedModel>>>) => async (name: string) => (Object.hasOwn(table, name) ? table[name]!() : undefined);
  if (target === ASSEMBLYSCRIPT) return shared ? { folder: 'wasm-shared', model: fromTable(GENERATED_SHARED_MODELS) } : { folder: 'wasm', model: fromTable(GENERATED_MODELS) };
  if (shared && target.variant?.id === 'relaxed-simd') return { folder: 'wasm-relaxed-simd-shared', model: relaxedSharedModel };
  return undefined;
}

export interface ReleasedPrebuiltOptions {
  /**
   * Where the kernel files are fetched from instead of next to the generated modules: the URL of a copy of the
   * package's `dist/generated/` folder (its `wasm/` and `wasm-shared/` subfolders), e.g. on a CDN.
   */
  readonly wasmBaseUrl?: string | URL;
}

/**
 * Registers the prebuilt kernels of `config` for `target` (the plain record: generated/wasm for one thread,
 * generated/wasm-shared for several; the relaxed-SIMD record with `shared`: generated/wasm-relaxed-simd-shared, in
 * this repository) when a released config's module covers all of them; resolves to that module's config name, or
 * undefined (another config or variant: its kernels are compiled with asc on load).
 */
export async function registerReleasedPrebuiltWasm(
  config: NeoNeXtConfig, target: KernelTarget = ASSEMBLYSCRIPT, shared = false, options: ReleasedPrebuiltOptions = {},
): Promise<string | undefined> {
  const source = prebuiltFolder(target, shared);
  if (!source) return undefined;
  const { wasmBaseUrl } = options;
  const candidates = new Set([config.name, ...ARCHITECTURE_NAMES.map((arch) => `${arch}-${config.resolution}`)]);
  for (const name of candidates) {
    const module = await source.model(name);
    // Widths are baked into every kernel: a cheap filter before the key check, which builds the config's kernel set.
    if (!module || module.config.dims.join() !== config.dims.join() || missingPrebuiltWasm(config, module, target).length > 0) continue;
    const id = `${source.folder}/${name}@${wasmBaseUrl === undefined ? '' : String(wasmBaseUrl)}`;
    if (!registered.has(id)) {
      await registerPrebuiltWasm(module, (url) => kernelBytes(kernelUrl(url, source.folder, wasmBaseUrl), wasmBaseUrl));
      registered.add(id);
    }
    return name;
  }
  return undefined;
}
