/**
 * The committed `generated/wasm` binaries in a browser, where asc cannot run: headless Chromium loads an esbuild bundle
 * of test/browser/wasm-prebuilt-entry.ts (ESM with code splitting, so the Node-only chunks — asc's worker, the disk
 * cache, worker threads — are never loaded) and runs NeoNeXt-T-224 with synthetic weights on WebAssembly after
 * `registerPrebuiltWasm`. A kernel the generated folder lacked would need asc, whose chunk imports node:worker_threads
 * and cannot load there: the load would fail. Missing Chromium fails the test with how to install it.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { relativeL2Error } from '../kernels/tensor.js';
import { PREBUILT_API, type PrebuiltRun } from './browser/wasm-prebuilt-entry.js';
import { readSyntheticGolden } from './helpers/fixtures.js';

const CHROMIUM = process.env.NEOCC_CHROMIUM ?? '/usr/bin/chromium';
const INSTALL_HELP = 'headless Chromium is needed for this test. On Debian 12: `apt-get install -y --no-install-recommends chromium`, ' +
  'or point NEOCC_CHROMIUM at a Chromium binary';
const GENERATED = 'generated/wasm';

let workDir: string;
let server: Server | undefined;
let context: BrowserContext | undefined;
let page: Page;
const pageLog: string[] = [];

/** Bundles the entry into `outDir` (entry + chunks); the Node built-ins stay imports of the lazy chunks. */
async function bundle(outDir: string): Promise<void> {
  await build({
    entryPoints: [fileURLToPath(new URL('./browser/wasm-prebuilt-entry.ts', import.meta.url))],
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    external: ['node:*'],
    outdir: outDir,
    logLevel: 'silent',
  });
}

/** Serves the page, the bundle's files and, next to them (where the modules' `new URL('./x.wasm', import.meta.url)` point), the .wasm files. */
async function serve(outDir: string): Promise<string> {
  const html = '<!doctype html><meta charset="utf-8"><title>neocc prebuilt wasm</title><script type="module" src="/wasm-prebuilt-entry.js"></script>';
  const s = createServer((req, res) => {
    const name = basename(req.url ?? '/');
    if (req.url === '/') {
      res.writeHead(200, { 'content-type': 'text/html' }).end(html);
    } else if (/^[\w-]+\.js$/.test(name) && existsSync(join(outDir, name))) {
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(join(outDir, name)));
    } else if (/^[a-z0-9_]+-[0-9a-f]{12}\.wasm$/.test(name) && existsSync(join(GENERATED, name))) {
      res.writeHead(200, { 'content-type': 'application/wasm' }).end(readFileSync(join(GENERATED, name)));
    } else {
      res.writeHead(404).end();
    }
  });
  server = s;
  await new Promise<void>((resolve, reject) => {
    s.once('error', reject);
    s.listen(0, '127.0.0.1', resolve);
  });
  return `http://127.0.0.1:${(s.address() as AddressInfo).port}/`;
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: ${INSTALL_HELP}`);
  workDir = mkdtempSync(join(tmpdir(), 'neocc-browser-wasm-'));
  const outDir = join(workDir, 'bundle');
  await bundle(outDir);
  const url = await serve(outDir);
  try {
    context = await chromium.launchPersistentContext(join(workDir, 'user-data'), {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
      timeout: 30_000,
    });
  } catch (err) {
    throw new Error(`cannot launch ${CHROMIUM}: ${(err as Error).message}\n${INSTALL_HELP}`);
  }
  page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') pageLog.push(`console.${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => pageLog.push(`pageerror: ${e.message}`));
  await page.goto(url);
  await page.waitForFunction((name) => name in globalThis, PREBUILT_API, { timeout: 10_000 });
}, 60_000);

afterAll(async () => {
  await context?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe('generated/wasm in headless Chromium (no asc)', () => {
  it('registers neonext-t-224\'s binaries and runs the model to the golden synthetic logits at rel. L2 <= 1e-4', async () => {
    let result: PrebuiltRun;
    try {
      result = await page.evaluate((name) => (globalThis as unknown as Record<string, { run(): Promise<PrebuiltRun> }>)[name]!.run(), PREBUILT_API);
    } catch (err) {
      throw new Error(`prebuilt wasm run in Chromium failed: ${(err as Error).message}${pageLog.length ? `\npage log:\n${pageLog.join('\n')}` : ''}`);
    }
    console.log(`[browser-wasm] neonext-t-224: ${result.registered} kernels registered in ${result.ms.register.toFixed(0)} ms, ` +
      `load ${result.ms.load.toFixed(0)} ms, forward ${result.ms.forward.toFixed(0)} ms (1 thread)`);
    expect(result.missing).toBe(0);
    expect(result.registered).toBe(20);
    expect(result.logits).toHaveLength(1000);
    expect(relativeL2Error(result.logits, readSyntheticGolden().logits)).toBeLessThanOrEqual(1e-4);
  });
});
