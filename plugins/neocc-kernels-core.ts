import type { KernelArtifact } from '../compiler/artifact.js';
import { NeoccError } from '../compiler/errors.js';
import { modelConfig, releasedConfig, type NeoNeXtConfig } from '../compiler/spec/model-config.js';
import { ASSEMBLYSCRIPT, ASSEMBLYSCRIPT_RELAXED_SIMD } from '../compiler/targets/index.js';
import { modelKernelList } from '../compiler/gen/model-artifacts.js';

/**
 * The bundler-neutral part of the neoccKernels plugins (plugins/vite-neocc-kernels.ts, plugins/esbuild-neocc-kernels.ts):
 * the options, which kernels an app's declared models need, compiling them with asc, and the source of the virtual
 * module. Each adapter only wires this into its bundler's hooks and says how a page finds the emitted files.
 *
 * Why a shared core with two thin adapters and not `unplugin` (one definition for Vite, esbuild, Rollup, webpack):
 * the work here is bundler-free (compile, emit bytes, generate one module), and the two adapters together are ~80
 * lines of each bundler's small, stable plugin API. unplugin would add a runtime dependency (and its own) to every
 * install of neocc for that, and the part that differs between bundlers—where the .wasm files go and how the module
 * computes their URLs (Vite's `import.meta.env.BASE_URL` and dev-server middleware; esbuild's output folder)—would
 * still be written per bundler through unplugin's escape hatches. Rollup/webpack adapters are not written.
 */

export const VIRTUAL_MODULE = 'virtual:neocc-kernels';
/** Folder of the emitted kernels, under Vite's base or esbuild's output folder. */
export const ASSET_DIR = 'neocc-kernels';

export interface NeoccKernelsOptions {
  /** Released names (`neonext-t-224`, `neonext-b-384`, …) or whole configs (a custom NeoNeXt). */
  readonly models: readonly (string | NeoNeXtConfig)[];
  /** Progress lines (default: the bundler's logger; esbuild: stderr). */
  readonly progress?: (line: string) => void;
}

export interface CompiledKernel {
  readonly role: string;
  readonly key: string;
  /** `<kernel>-<key12>.wasm`, under ASSET_DIR. */
  readonly file: string;
}

export interface CompiledKernels {
  /** Binaries by file name (both SIMD variants, each distinct kernel once). */
  readonly binaries: ReadonlyMap<string, Uint8Array>;
  /** Each declared model's kernels, by config name. */
  readonly models: ReadonlyMap<string, readonly CompiledKernel[]>;
}

/** `neonext-t-224` → releasedConfig('neonext-t', 224); anything else must be a whole config. */
export function declaredConfig(model: string | NeoNeXtConfig): NeoNeXtConfig {
  if (typeof model !== 'string') return modelConfig(model);
  const m = /^(neonext-[a-z]+)-(\d+)$/.exec(model);
  if (!m) throw new NeoccError('invalid-option', `neoccKernels: model "${model}"; allowed: a released name like neonext-t-224 (arch-resolution) or a NeoNeXtConfig object`);
  return releasedConfig(m[1]!, Number(m[2]));
}

/** The declared models' configs; a name declared twice is an error. */
export function declaredConfigs(options: NeoccKernelsOptions): NeoNeXtConfig[] {
  const configs = options.models.map(declaredConfig);
  const names = new Set<string>();
  for (const c of configs) {
    if (names.has(c.name)) throw new NeoccError('invalid-option', `neoccKernels: model ${c.name} is declared twice`);
    names.add(c.name);
  }
  return configs;
}

const WASM_VARIANTS = [ASSEMBLYSCRIPT, ASSEMBLYSCRIPT_RELAXED_SIMD];

const fileOf = (a: KernelArtifact): string => `${a.name}-${a.key.slice(0, 12)}.wasm`;

/**
 * Compiles every kernel of both SIMD variants of each config (modelKernelList for the plain and the relaxed-SIMD
 * AssemblyScript records), each distinct kernel once, with asc in a Node worker.
 */
export async function compileKernels(configs: readonly NeoNeXtConfig[], say: (line: string) => void): Promise<CompiledKernels> {
  // Loaded on use: asc runs in a Node worker.
  const { compileAssemblyScript } = await import('../runtime/wasm/compile-assemblyscript.js');
  const binaries = new Map<string, Uint8Array>();
  const models = new Map<string, CompiledKernel[]>();
  for (const config of configs) {
    // Both SIMD variants: the runtime picks relaxed SIMD where the engine has it (Chrome), plain elsewhere.
    const kernels = WASM_VARIANTS.flatMap((target) => modelKernelList(config, target));
    const started = performance.now();
    for (const { artifact } of kernels) {
      if (!binaries.has(fileOf(artifact))) binaries.set(fileOf(artifact), (await compileAssemblyScript([artifact])).binary);
    }
    models.set(config.name, kernels.map(({ role, artifact }) => ({ role, key: artifact.key, file: fileOf(artifact) })));
    say(`neocc: ${config.name}: ${kernels.length} wasm kernels ready (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  }
  return { binaries, models };
}

/**
 * The virtual module: `wasmModels`, by config name, in the shape of the generated `model-<config>.ts` modules
 * (`config`, `wasmKernels` with role, key and URL), so registerPrebuiltWasm takes an entry as is. `urlOf` renders
 * the JavaScript expression of a kernel's URL from its path under the asset folder (`neocc-kernels/<file>`).
 */
export function virtualModuleSource(configs: readonly NeoNeXtConfig[], compiled: CompiledKernels, urlOf: (assetPath: string) => string, bundler: string): string {
  const entries = configs.map((config) => {
    const kernels = compiled.models.get(config.name)!.map((k) =>
      `{ role: ${JSON.stringify(k.role)}, key: ${JSON.stringify(k.key)}, url: ${urlOf(`${ASSET_DIR}/${k.file}`)} }`);
    return `  ${JSON.stringify(config.name)}: { config: ${JSON.stringify(config)}, wasmKernels: [\n    ${kernels.join(',\n    ')}\n  ] }`;
  });
  return `// neocc-kernels: generated by the neoccKernels ${bundler} plugin at build time.\nexport const wasmModels = {\n${entries.join(',\n')}\n};\n`;
}
