import type { Plugin, ResolvedConfig } from 'vite';
import { ASSET_DIR, compileKernels, declaredConfigs, virtualModuleSource, VIRTUAL_MODULE, type CompiledKernels, type NeoccKernelsOptions } from './neocc-kernels-core.js';

export { declaredConfig, VIRTUAL_MODULE, type NeoccKernelsOptions } from './neocc-kernels-core.js';

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
 * The kernels (both SIMD variants; plugins/neocc-kernels-core.ts, shared with the esbuild plugin) are compiled once
 * when the build or dev server starts and served as `<base>neocc-kernels/<kernel>-<key12>.wasm`: emitted as a build
 * asset by `vite build`, answered from memory by `vite` (dev). WebGPU needs nothing from here: WGSL is rendered in
 * the page from the same IR.
 */
export function neoccKernels(options: NeoccKernelsOptions): Plugin {
  const configs = declaredConfigs(options);
  let resolved: ResolvedConfig | undefined;
  /** Filled once per build or dev server. */
  let compiled: Promise<CompiledKernels> | undefined;
  const compileAll = (): Promise<CompiledKernels> =>
    compileKernels(configs, options.progress ?? ((line: string) => resolved?.logger.info(line)));

  return {
    name: 'neocc-kernels',
    configResolved(config) {
      resolved = config;
    },
    buildStart() {
      compiled ??= compileAll();
    },
    resolveId(id) {
      return id === VIRTUAL_MODULE ? `\0${VIRTUAL_MODULE}` : undefined;
    },
    async load(id) {
      if (id !== `\0${VIRTUAL_MODULE}`) return undefined;
      const kernels = await (compiled ??= compileAll());
      if (resolved?.command === 'build') {
        for (const [file, source] of kernels.binaries) this.emitFile({ type: 'asset', fileName: `${ASSET_DIR}/${file}`, source });
      }
      // Vite's base (absolute, or relative like './') against the page.
      return virtualModuleSource(configs, kernels, (path) => `new URL(import.meta.env.BASE_URL + ${JSON.stringify(path)}, location.href)`, 'Vite');
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
