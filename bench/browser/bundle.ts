import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { BROWSER_ESM_BUILD } from '../../test/helpers/chromium-page.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * package.json's `browser` map (dist/X.js → dist/entry/browser-stubs/Y.js) read back onto the sources (X.ts →
 * entry/browser-stubs/Y.ts): the page is bundled from the repository, and gets the same stubs an app bundling the
 * package gets — so a feature the package lacks in browsers (today: wasm threads) fails here as it would there, and
 * works here once the stub is replaced.
 */
function browserMapPlugin(): Plugin {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { browser: Record<string, string> };
  const toSource = (p: string): string => resolve(ROOT, p.replace(/^\.\/dist\//, '').replace(/\.js$/, '.ts'));
  const map = new Map(Object.entries(pkg.browser).map(([from, to]) => [toSource(from), toSource(to)]));
  return {
    name: 'neocc-browser-map',
    setup(b) {
      b.onResolve({ filter: /^\.{1,2}\// }, (args) => {
        const stub = map.get(resolve(args.resolveDir, args.path).replace(/\.js$/, '.ts'));
        return stub ? { path: stub } : undefined;
      });
    },
  };
}

/** Bundles bench/browser/page.ts into `outDir` (ESM, code splitting: the runtime's lazy imports stay lazy chunks). */
export async function bundlePage(outDir: string): Promise<string[]> {
  const result = await build({
    ...BROWSER_ESM_BUILD,
    entryPoints: [join(ROOT, 'bench/browser/page.ts')],
    outdir: outDir,
    plugins: [browserMapPlugin()],
    metafile: true,
  });
  return Object.keys(result.metafile.outputs).map((p) => relative(outDir, resolve(p))).filter((p) => dirname(p) === '.');
}
