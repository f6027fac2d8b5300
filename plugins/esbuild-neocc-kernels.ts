import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { OutputFile, Plugin } from 'esbuild';
import { ASSET_DIR, compileKernels, declaredConfigs, virtualModuleSource, VIRTUAL_MODULE, type CompiledKernels, type NeoccKernelsOptions } from './neocc-kernels-core.js';

export { declaredConfig, VIRTUAL_MODULE, type NeoccKernelsOptions } from './neocc-kernels-core.js';

const NAMESPACE = 'neocc-kernels';

/**
 * The esbuild plugin of neoccKernels: same options and virtual module as the Vite plugin (plugins/vite-neocc-kernels.ts,
 * both on plugins/neocc-kernels-core.ts), so an app declares its models and ships their compiled wasm kernels with
 * no asc at run time:
 *
 *   import { build } from 'esbuild';
 *   import { neoccKernels } from 'neocc/esbuild';
 *   await build({ entryPoints: ['app.ts'], bundle: true, format: 'esm', outdir: 'site',
 *     plugins: [neoccKernels({ models: ['neonext-t-224', myCustomConfig] })] });
 *
 *   // app
 *   import { wasmModels } from 'virtual:neocc-kernels';
 *   await registerPrebuiltWasm(wasmModels['neonext-t-224'], fetchBytes);
 *
 * The kernels are compiled when the module is first loaded (once per plugin instance, so watch/context rebuilds
 * reuse them) and written to `<outdir>/neocc-kernels/<kernel>-<key12>.wasm` when the build ends (or added to
 * `outputFiles` with `write: false`). The module finds them relative to the bundle (`new URL('neocc-kernels/…',
 * import.meta.url)`), so it needs ESM output with the bundle file in outdir (esbuild's layout for one entry point,
 * and for chunks); other formats are refused with a clear error, as `import.meta.url` exists in ESM only.
 */
export function neoccKernels(options: NeoccKernelsOptions): Plugin {
  const configs = declaredConfigs(options);
  let compiled: Promise<CompiledKernels> | undefined;
  return {
    name: 'neocc-kernels',
    setup(build) {
      const o = build.initialOptions;
      /** Whether this build imported the virtual module (rebuilds of a context may stop importing it). */
      let used = false;
      build.onStart(() => {
        used = false;
      });
      build.onResolve({ filter: /^virtual:neocc-kernels$/ }, () => ({ path: VIRTUAL_MODULE, namespace: NAMESPACE }));
      build.onLoad({ filter: /.*/, namespace: NAMESPACE }, async () => {
        if (o.format !== 'esm') {
          return { errors: [{ text: `not supported: neoccKernels with esbuild format "${o.format ?? '(default: iife or cjs)'}"; allowed: format: 'esm' (the kernels' URLs come from import.meta.url)` }] };
        }
        const outdir = o.outdir ?? (o.outfile !== undefined ? dirname(o.outfile) : undefined);
        if (outdir === undefined) return { errors: [{ text: 'not supported: neoccKernels without outdir or outfile (it writes the kernels next to the bundle)' }] };
        used = true;
        const kernels = await (compiled ??= compileKernels(configs, options.progress ?? ((line) => process.stderr.write(`${line}\n`))));
        const contents = virtualModuleSource(configs, kernels, (path) => `new URL(${JSON.stringify(`./${path}`)}, import.meta.url)`, 'esbuild');
        return { contents, loader: 'js', resolveDir: o.absWorkingDir ?? process.cwd() };
      });
      build.onEnd(async (result) => {
        if (!used || result.errors.length > 0 || !compiled) return;
        const outdir = resolve(o.absWorkingDir ?? process.cwd(), o.outdir ?? dirname(o.outfile!), ASSET_DIR);
        const { binaries } = await compiled;
        if (o.write === false) {
          result.outputFiles?.push(...[...binaries].map(([file, contents]) => outputFile(join(outdir, file), contents)));
          return;
        }
        await mkdir(outdir, { recursive: true });
        await Promise.all([...binaries].map(([file, contents]) => writeFile(join(outdir, file), contents)));
      });
    },
  };
}

function outputFile(path: string, contents: Uint8Array): OutputFile {
  // esbuild's own hash is of its output; a kernel file name already carries the kernel key.
  return { path, contents, hash: '', get text() { return new TextDecoder().decode(contents); } };
}
