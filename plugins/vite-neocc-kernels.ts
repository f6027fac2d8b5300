import type { Plugin, ResolvedConfig } from 'vite';
import type { KernelArtifact } from '../compiler/artifact.js';
import { NeoccError } from '../compiler/errors.js';
import { modelConfig, releasedConfig, type NeoNeXtConfig } from '../compiler/spec/model-config.js';
import { ASSEMBLYSCRIPT, ASSEMBLYSCRIPT_RELAXED_SIMD } from '../compiler/targets/index.js';
import { modelKernelList } from '../compiler/gen/model-artifacts.js';

/**
 * A Vite plugin that runs the compiler at build time for the NeoNeXt models an app declares, so the app ships their
 * WebAssembly kernels and never needs asc (or the compiler's Node parts) at run time:
 *
 *   // vite.config.ts
 *   import { neoccKernels } from 'neocc/vite';
 *   export default { plugins: [neoccKernels({ models: ['neonext-t-224', myCustomConfig] })] };
 *
 *   // app
 *   import { wasmModels } from 'virtual:neocc-kernels';
 *   await registerPrebuiltWasm(wasmModels['neonext-t-224'], fetchBytes);
 *
 * Each kernel of both SIMD variants (modelKernelList(config, record) for the plain and the relaxed-SIMD AssemblyScript
 * records: allArtifacts(modelKernels(…)), distinct by key) is compiled once with asc when the
 * build or dev server starts and served as `<base>neocc-kernels/<kernel>-<key12>.wasm`: emitted as a build asset by
 * `vite build`, answered from memory by `vite` (dev). The virtual module has the shape of the generated
 * `model-<config>.ts` modules (`config`, `wasmKernels` with role, key and URL), so registerPrebuiltWasm takes it as is.
 * WebGPU needs nothing from here: WGSL is rendered in the page from the same IR.
 */

export const VIRTUAL_MODULE = 'virtual:neocc-kernels';
const RESOLVED = `\0${VIRTUAL_MODULE}`;
const ASSET_DIR = 'neocc-kernels';

export interface NeoccKernelsOptions {
  /** Released names (`neonext-t-224`, `neonext-b-384`, …) or whole configs (a custom NeoNeXt). */
  readonly models: readonly (string | NeoNeXtConfig)[];
  /** Progress lines (default: Vite's logger). */
  readonly progress?: (line: string) => void;
}

interface CompiledKernel {
  readonly role: string;
  readonly key: string;
  readonly file: string;
}

/** `neonext-t-224` → releasedConfig('neonext-t', 224); anything else must be a whole config. */
export function declaredConfig(model: string | NeoNeXtConfig): NeoNeXtConfig {
  if (typeof model !== 'string') return modelConfig(model);
  const m = /^(neonext-[a-z]+)-(\d+)$/.exec(model);
  if (!m) throw new NeoccError('invalid-option', `neoccKernels: model "${model}"; allowed: a released name like neonext-t-224 (arch-resolution) or a NeoNeXtConfig object`);
  return releasedConfig(m[1]!, Number(m[2]));
}

const WASM_VARIANTS = [ASSEMBLYSCRIPT, ASSEMBLYSCRIPT_RELAXED_SIMD];

const fileOf = (a: KernelArtifact): string => `${a.name}-${a.key.slice(0, 12)}.wasm`;

export function neoccKernels(options: NeoccKernelsOptions): Plugin {
  const configs = options.models.map(declaredConfig);
  const names = new Set<string>();
  for (const c of configs) {
    if (names.has(c.name)) throw new NeoccError('invalid-option', `neoccKernels: model ${c.name} is declared twice`);
    names.add(c.name);
  }
  let resolved: ResolvedConfig | undefined;
  /** Compiled binaries by file name, and each model's kernels; filled once per build or dev server. */
  let compiled: Promise<{ binaries: Map<string, Uint8Array>; models: Map<string, CompiledKernel[]> }> | undefined;

  const compileAll = async (): Promise<{ binaries: Map<string, Uint8Array>; models: Map<string, CompiledKernel[]> }> => {
    const say = options.progress ?? ((line: string) => resolved?.logger.info(line));
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
  };

  return {
    name: 'neocc-kernels',
    configResolved(config) {
      resolved = config;
    },
    buildStart() {
      compiled ??= compileAll();
    },
    resolveId(id) {
      return id === VIRTUAL_MODULE ? RESOLVED : undefined;
    },
    async load(id) {
      if (id !== RESOLVED) return undefined;
      const { binaries, models } = await (compiled ??= compileAll());
      if (resolved?.command === 'build') {
        for (const [file, source] of binaries) this.emitFile({ type: 'asset', fileName: `${ASSET_DIR}/${file}`, source });
      }
      return virtualModuleSource(configs, models);
    },
    configureServer(server) {
      server.middlewares.use(async (req, res, next) => {
        const m = /\/neocc-kernels\/([\w-]+\.wasm)$/.exec(req.url?.split('?')[0] ?? '');
        if (!m) return next();
        const bytes = (await (compiled ??= compileAll())).binaries.get(m[1]!);
        if (!bytes) return next();
        res.setHeader('content-type', 'application/wasm');
        res.end(bytes);
      });
    },
  };
}

function virtualModuleSource(configs: readonly NeoNeXtConfig[], models: ReadonlyMap<string, readonly CompiledKernel[]>): string {
  const entries = configs.map((config) => {
    const kernels = models.get(config.name)!.map((k) =>
      `{ role: ${JSON.stringify(k.role)}, key: ${JSON.stringify(k.key)}, url: new URL(import.meta.env.BASE_URL + ${JSON.stringify(`${ASSET_DIR}/${k.file}`)}, location.href) }`);
    return `  ${JSON.stringify(config.name)}: { config: ${JSON.stringify(config)}, wasmKernels: [\n    ${kernels.join(',\n    ')}\n  ] }`;
  });
  return `// neocc-kernels: generated by the neoccKernels Vite plugin at build time.\nexport const wasmModels = {\n${entries.join(',\n')}\n};\n`;
}
