import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { BROWSER_ESM_BUILD, sourceBrowserMapPlugin } from '../../test/helpers/chromium-page.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Bundles bench/browser/page.ts into `outDir` (ESM, code splitting: the runtime's lazy imports stay lazy chunks). */
export async function bundlePage(outDir: string): Promise<string[]> {
  const result = await build({
    ...BROWSER_ESM_BUILD,
    entryPoints: [join(ROOT, 'bench/browser/page.ts')],
    outdir: outDir,
    plugins: [sourceBrowserMapPlugin()],
    metafile: true,
  });
  return Object.keys(result.metafile.outputs).map((p) => relative(outDir, resolve(p))).filter((p) => dirname(p) === '.');
}
