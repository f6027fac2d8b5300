/**
 * The committed `generated/wasm` binaries in a browser, where asc cannot run: headless Chromium loads an esbuild bundle
 * of test/browser/wasm-prebuilt-entry.ts (ESM with code splitting, so the Node-only chunks — asc's worker, the disk
 * cache, worker threads — are never loaded) and runs NeoNeXt-T-224 with synthetic weights on WebAssembly after
 * `registerPrebuiltWasm`. A kernel the generated folder lacked would need asc, whose chunk imports node:worker_threads
 * and cannot load there: the load would fail. Missing Chromium fails the test with how to install it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { relativeL2Error } from '../nn/tensor.js';
import { PREBUILT_API, type PrebuiltRun } from './browser/wasm-prebuilt-entry.js';
import { BROWSER_ESM_BUILD, CHROMIUM_INSTALL_HELP, PLAIN_CHROMIUM_FLAGS, openChromiumPage, type ChromiumPage } from './helpers/chromium-page.js';
import { readSyntheticGolden } from './helpers/fixtures.js';

const GENERATED = 'generated/wasm';

let browser: ChromiumPage;

/** Bundles the entry into `outDir` (entry + chunks); the Node built-ins stay imports of the lazy chunks. */
async function bundle(outDir: string): Promise<void> {
  await build({
    ...BROWSER_ESM_BUILD,
    entryPoints: [fileURLToPath(new URL('./browser/wasm-prebuilt-entry.ts', import.meta.url))],
    outdir: outDir,
  });
}

beforeAll(async () => {
  const html = '<!doctype html><meta charset="utf-8"><title>neocc prebuilt wasm</title><script type="module" src="/wasm-prebuilt-entry.js"></script>';
  let outDir = '';
  browser = await openChromiumPage({
    args: PLAIN_CHROMIUM_FLAGS,
    installHelp: CHROMIUM_INSTALL_HELP,
    ready: PREBUILT_API,
    prepare: async (workDir) => {
      outDir = join(workDir, 'bundle');
      await bundle(outDir);
    },
    // The page, the bundle's files and, next to them (where the modules' `new URL('./x.wasm', import.meta.url)` point), the .wasm files.
    route: (path) => {
      const name = basename(path);
      if (path === '/') return { type: 'text/html', body: html };
      if (/^[\w-]+\.js$/.test(name) && existsSync(join(outDir, name))) return { type: 'text/javascript', body: readFileSync(join(outDir, name)) };
      if (/^[a-z0-9_]+-[0-9a-f]{12}\.wasm$/.test(name) && existsSync(join(GENERATED, name))) return { type: 'application/wasm', body: readFileSync(join(GENERATED, name)) };
      return undefined;
    },
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

describe('generated/wasm in headless Chromium (no asc)', () => {
  it('registers neonext-t-224\'s binaries and runs the model to the golden synthetic logits at rel. L2 <= 1e-4', async () => {
    let result: PrebuiltRun;
    try {
      result = await browser.page.evaluate((name) => (globalThis as unknown as Record<string, { run(): Promise<PrebuiltRun> }>)[name]!.run(), PREBUILT_API);
    } catch (err) {
      throw new Error(`prebuilt wasm run in Chromium failed: ${(err as Error).message}${browser.log.length ? `\npage log:\n${browser.log.join('\n')}` : ''}`);
    }
    console.log(`[browser-wasm] neonext-t-224: ${result.registered} kernels registered in ${result.ms.register.toFixed(0)} ms, ` +
      `load ${result.ms.load.toFixed(0)} ms, forward ${result.ms.forward.toFixed(0)} ms (1 thread)`);
    expect(result.missing).toBe(0);
    expect(result.registered).toBe(20);
    expect(result.logits).toHaveLength(1000);
    expect(relativeL2Error(result.logits, readSyntheticGolden().logits)).toBeLessThanOrEqual(1e-4);
  });
});
