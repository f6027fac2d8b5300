import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BuildOptions, Plugin } from 'esbuild';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium unless NEOCC_CHROMIUM points elsewhere (the browser tests never download one). */
export const CHROMIUM = process.env.NEOCC_CHROMIUM ?? '/usr/bin/chromium';

/**
 * Headless Chromium with WebGPU on its SwiftShader (docs/DESIGN-NOTES.md §6). Playwright adds --user-data-dir (a fresh
 * temp dir) and its own automation flags.
 */
export const WEBGPU_CHROMIUM_FLAGS: readonly string[] = [
  '--headless', '--no-sandbox', '--enable-unsafe-webgpu', '--enable-features=Vulkan', '--use-vulkan=swiftshader',
  '--use-webgpu-adapter=swiftshader', '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--no-first-run', '--disable-quic',
];

/** Headless Chromium without WebGPU (the wasm pages), and how to install it (Debian's package). */
export const PLAIN_CHROMIUM_FLAGS: readonly string[] = ['--headless', '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
export const CHROMIUM_INSTALL_HELP = 'headless Chromium is needed for this test. On Debian 12: `apt-get install -y --no-install-recommends chromium`, ' +
  'or point NEOCC_CHROMIUM at a Chromium binary';

/**
 * esbuild options for a page bundle: ESM with code splitting, so the runtime's lazy Node-only chunks (asc's worker,
 * the disk cache, worker threads) are separate files a page never loads; `node:*` stays an import of those chunks.
 */
export const BROWSER_ESM_BUILD: BuildOptions = {
  bundle: true, splitting: true, format: 'esm', platform: 'browser', target: 'es2022', external: ['node:*'], logLevel: 'silent',
};

/** COOP/COEP: a page served with them is cross-origin isolated (SharedArrayBuffer, so wasm threads). */
export const ISOLATION_HEADERS: Readonly<Record<string, string>> = {
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-embedder-policy': 'require-corp',
};

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * package.json's `browser` map (dist/X.js → dist/entry/browser-stubs/Y.js) read back onto the sources (X.ts →
 * entry/browser-stubs/Y.ts), for pages bundled from the repository: they get the same stubs (and the Web Worker
 * thread pool) an app bundling the package gets.
 */
export function sourceBrowserMapPlugin(): Plugin {
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

/** What the test server answers for a path ('/' included), with extra response headers if any; undefined = 404. */
export type Route = (path: string) => { readonly type: string; readonly body: string | Buffer; readonly headers?: Readonly<Record<string, string>> } | undefined;

export interface ChromiumPage {
  readonly page: Page;
  /** Console errors/warnings and uncaught page errors, for failure messages. */
  readonly log: string[];
  /** A temporary folder for the test's own files (removed by close). */
  readonly workDir: string;
  close(): Promise<void>;
}

/**
 * Serves `route` on 127.0.0.1 (a secure context, as WebGPU and SharedArrayBuffer-free wasm need), opens headless
 * Chromium with `args` on '/', and waits until the page defines the global `ready`. Missing Chromium or a failed
 * launch throws with `installHelp`.
 */
export async function openChromiumPage(o: {
  args: readonly string[]; route: Route; ready: string; installHelp: string; prepare?: (workDir: string) => Promise<void>;
  /** Sent with every answer (e.g. COOP/COEP for a cross-origin-isolated page). */
  headers?: Readonly<Record<string, string>>;
  /** The page to open (default '/'). */
  path?: string;
  /** How long the page may take to define `ready` (default 10 s). */
  readyTimeoutMs?: number;
}): Promise<ChromiumPage> {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: ${o.installHelp}`);
  const workDir = mkdtempSync(join(tmpdir(), 'neocc-browser-'));
  let server: Server | undefined;
  let context: BrowserContext | undefined;
  const close = async (): Promise<void> => {
    await context?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    rmSync(workDir, { recursive: true, force: true });
  };
  try {
    await o.prepare?.(workDir);
    const s = createServer((req, res) => {
      const found = o.route(req.url ?? '/');
      if (found) res.writeHead(200, { ...o.headers, ...found.headers, 'content-type': found.type }).end(found.body);
      else res.writeHead(404, o.headers).end();
    });
    server = s;
    await new Promise<void>((resolve, reject) => {
      s.once('error', reject);
      s.listen(0, '127.0.0.1', resolve);
    });
    try {
      context = await chromium.launchPersistentContext(join(workDir, 'user-data'), { executablePath: CHROMIUM, headless: true, args: [...o.args], timeout: 30_000 });
    } catch (err) {
      throw new Error(`cannot launch ${CHROMIUM}: ${(err as Error).message}\n${o.installHelp}`);
    }
    const page = context.pages()[0] ?? (await context.newPage());
    const log: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') log.push(`console.${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => log.push(`pageerror: ${e.message}`));
    await page.goto(`http://127.0.0.1:${(s.address() as AddressInfo).port}${o.path ?? '/'}`);
    await page.waitForFunction((name) => name in globalThis, o.ready, { timeout: o.readyTimeoutMs ?? 10_000 });
    return { page, log, workDir, close };
  } catch (err) {
    await close();
    throw err;
  }
}
