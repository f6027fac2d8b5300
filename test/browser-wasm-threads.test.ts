/**
 * Multi-threaded WebAssembly in pages (issue 12, item 2): headless Chromium loads an esbuild bundle of
 * test/browser/wasm-threads-entry.ts (the package's browser entry, with package.json's `browser` map applied to the
 * sources, as bundlers apply it to dist/: the Web Worker thread pool instead of Node's). The page is served twice:
 * - at `/` with COOP/COEP headers (cross-origin isolated): the default thread count is min(hardwareConcurrency, 4);
 *   NeoNeXt-T-224 (synthetic) on 2 threads reaches the golden logits on the shipped shared-memory kernels, fetched from
 *   the `wasmBaseUrl` folder (every kernel request goes there); a base without them fails naming the URL;
 * - at `/plain` without them: 1 thread by default (the model runs on the shipped one-thread kernels, fetched next to
 *   the bundle), and `threads: 2` is one "not supported" error naming the headers.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { relativeL2Error } from '../nn/tensor.js';
import { THREADS_API, type ThreadsRun } from './browser/wasm-threads-entry.js';
import {
  BROWSER_ESM_BUILD, CHROMIUM_INSTALL_HELP, ISOLATION_HEADERS, PLAIN_CHROMIUM_FLAGS, openChromiumPage, sourceBrowserMapPlugin, type ChromiumPage,
} from './helpers/chromium-page.js';
import { readSyntheticGolden } from './helpers/fixtures.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const KERNEL = /^[a-z0-9_]+-[0-9a-f]{12}\.wasm$/;

let browser: ChromiumPage;
let outDir = '';
/** Kernel paths the server was asked for, in order. */
const kernelRequests: string[] = [];

const html = '<!doctype html><meta charset="utf-8"><title>neocc wasm threads</title><script type="module" src="/b/wasm-threads-entry.js"></script>';

beforeAll(async () => {
  browser = await openChromiumPage({
    args: PLAIN_CHROMIUM_FLAGS,
    installHelp: CHROMIUM_INSTALL_HELP,
    ready: THREADS_API,
    prepare: async (workDir) => {
      outDir = join(workDir, 'bundle');
      await build({
        entryPoints: [join(ROOT, 'test/browser/wasm-threads-entry.ts')],
        ...BROWSER_ESM_BUILD, outdir: outDir, plugins: [sourceBrowserMapPlugin()],
      });
    },
    route: (path) => {
      const name = basename(path);
      if (path === '/') return { type: 'text/html', body: html, headers: ISOLATION_HEADERS };
      if (path === '/plain') return { type: 'text/html', body: html };
      if (path.startsWith('/b/') && /^[\w-]+\.js$/.test(name) && existsSync(join(outDir, name))) return { type: 'text/javascript', body: readFileSync(join(outDir, name)) };
      if (!KERNEL.test(name)) return undefined;
      kernelRequests.push(path);
      // Next to the bundle (the modules' default URLs): the one-thread kernels. Under /k/: a copy of dist/generated/.
      const folder = path === `/b/${name}` ? 'generated/wasm' : path === `/k/wasm/${name}` ? 'generated/wasm' : path === `/k/wasm-shared/${name}` ? 'generated/wasm-shared' : undefined;
      if (!folder || !existsSync(join(ROOT, folder, name))) return undefined;
      return { type: 'application/wasm', body: readFileSync(join(ROOT, folder, name)) };
    },
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

async function run(options: { threads?: number; wasmBaseUrl?: string; forward?: boolean }): Promise<ThreadsRun> {
  return browser.page.evaluate(([name, o]) => (globalThis as unknown as Record<string, { run(o: unknown): Promise<ThreadsRun> }>)[name]!.run(o), [THREADS_API, options] as const);
}

function expectGolden(result: ThreadsRun): void {
  if (result.error) throw new Error(`${result.error}\npage log:\n${browser.log.join('\n')}`);
  expect(result.logits).toHaveLength(1000);
  expect(relativeL2Error(result.logits!, readSyntheticGolden().logits)).toBeLessThanOrEqual(1e-4);
}

describe('wasm threads in headless Chromium', () => {
  it('a cross-origin isolated page defaults to min(hardwareConcurrency, 4) threads', async () => {
    const result = await run({ forward: false });
    expect(result.crossOriginIsolated).toBe(true);
    const threads = Math.min(4, result.hardwareConcurrency);
    expect(result.backend).toMatch(new RegExp(`SIMD variant plain, ${threads} threads?\\)$`));
    console.log(`[browser-threads] isolated page: hardwareConcurrency ${result.hardwareConcurrency}, default ${threads} thread(s)`);
  });

  it('runs NeoNeXt-T-224 on 2 threads (Web Workers) to the golden logits, kernels fetched from wasmBaseUrl', async () => {
    kernelRequests.length = 0;
    const result = await run({ threads: 2, wasmBaseUrl: '/k/' });
    expectGolden(result);
    expect(result.backend).toMatch(/SIMD variant plain, 2 threads\)$/);
    expect(kernelRequests.length).toBe(20);
    expect(kernelRequests.filter((p) => !p.startsWith('/k/wasm-shared/'))).toEqual([]);
    console.log(`[browser-threads] neonext-t-224, 2 threads: load ${result.ms!.load.toFixed(0)} ms, forward ${result.ms!.forward.toFixed(0)} ms (${result.backend})`);
  });

  it('a wasmBaseUrl without the kernels fails the load naming the URL', async () => {
    const result = await run({ threads: 2, wasmBaseUrl: '/nowhere/' });
    expect(result.error).toMatch(/^wasm-prebuilt-fetch: cannot fetch the prebuilt wasm kernel http:\/\/127\.0\.0\.1:\d+\/nowhere\/wasm-shared\/[a-z0-9_]+-[0-9a-f]{12}\.wasm: HTTP 404 \(wasmBaseUrl \/nowhere\/ must hold copies of the package's dist\/generated\/wasm and dist\/generated\/wasm-shared folders\)$/);
  });

  it('without COOP/COEP: one thread by default (to the golden logits), and threads: 2 is "not supported" naming the headers', async () => {
    await browser.page.goto(new URL('/plain', browser.page.url()).href);
    await browser.page.waitForFunction((name) => name in globalThis, THREADS_API, { timeout: 10_000 });
    kernelRequests.length = 0;
    const one = await run({});
    expect(one.crossOriginIsolated).toBe(false);
    expectGolden(one);
    expect(one.backend).toMatch(/SIMD variant plain, 1 thread\)$/);
    expect(kernelRequests.filter((p) => !/^\/b\/[^/]+\.wasm$/.test(p))).toEqual([]);
    const two = await run({ threads: 2, forward: false });
    expect(two.error).toBe('not-supported: not supported: wasm threads: 2 in this page: WebAssembly threads need a cross-origin isolated page (COOP/COEP headers: ' +
      '"Cross-Origin-Opener-Policy: same-origin" and "Cross-Origin-Embedder-Policy: require-corp"); use threads: 1 or serve the page with those headers');
  });
});
