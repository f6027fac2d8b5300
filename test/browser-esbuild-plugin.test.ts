/**
 * The neoccKernels esbuild plugin (plugins/esbuild-neocc-kernels.ts): a tiny app declaring a custom (non-released)
 * NeoNeXt, neonext-mini as read off the test checkpoint, is bundled by esbuild with the plugin; the bundle carries no
 * asc, the plugin writes both SIMD variants' kernels to <outdir>/neocc-kernels/, and in headless Chromium the page
 * registers them from the virtual module and reproduces neonext-mini's golden logits on wasm with each variant.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modelConfig } from '../compiler/spec/model-config.js';
import { relativeL2Error } from '../nn/tensor.js';
import { resolveModelConfig } from '../runtime/model/resolve-config.js';
import { neoccKernels } from '../plugins/esbuild-neocc-kernels.js';
import { rejected } from './helpers/caught.js';
import { openChromiumPage, type ChromiumPage } from './helpers/chromium-page.js';
import { MODEL_DIR, readFixture } from './helpers/fixtures.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const INSTALL_HELP = 'headless Chromium is needed for this test. On Debian 12: `apt-get install -y --no-install-recommends chromium` ' +
  '(.ci/run installs it), or point NEOCC_CHROMIUM at a Chromium binary';
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.safetensors': 'application/octet-stream' };

const CONFIG = modelConfig({ ...resolveModelConfig({ resolution: 128 }, readFixture('model/neonext-mini.safetensors')), name: 'neonext-mini-128' });

/** The app: the repository's browser entry and the virtual module; weights and the golden input come from the server. */
const APP = `
import { wasmModels } from 'virtual:neocc-kernels';
import { createBackend, loadNeoNeXt, registerPrebuiltWasm } from ${JSON.stringify(join(ROOT, 'entry/browser.ts'))};
import { parseSafetensors } from ${JSON.stringify(join(ROOT, 'runtime/weights/safetensors.ts'))};
const fetchBytes = async (url) => {
  const r = await fetch(url);
  if (!r.ok) throw new Error(url + ': HTTP ' + r.status);
  return new Uint8Array(await r.arrayBuffer());
};
globalThis.runApp = async (simd) => {
  try {
    const registered = await registerPrebuiltWasm(wasmModels['neonext-mini-128'], fetchBytes);
    const backend = await createBackend('wasm', { threads: 1, wasmSimd: simd });
    const model = await loadNeoNeXt({ weights: await fetchBytes('./mini.safetensors'), resolution: 128, backend });
    const input = parseSafetensors(await fetchBytes('./mini.golden.safetensors'), 'golden').tensor('input');
    const logits = await model.forward(input);
    await model.dispose();
    await backend.dispose();
    return { logits: Array.from(logits.data), shape: logits.shape, description: backend.description, registered: registered.length };
  } catch (err) {
    return { error: String(err) };
  }
};
globalThis.appReady = true;
`;

/**
 * esbuild does not apply the repository's package.json \`browser\` map to its own sources (it names dist/ files), so
 * the test swaps the same Node-only modules for entry/browser-stubs/ as the built package does in a bundler.
 */
function browserMap(): Plugin {
  const map = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).browser as Record<string, string>;
  const source = (p: string): string => join(ROOT, p.replace(/^\.\/dist\//, '').replace(/\.js$/, '.ts'));
  const stubs = new Map(Object.entries(map).map(([from, to]) => [source(from), source(to)]));
  return {
    name: 'repository-browser-map',
    setup(b) {
      b.onResolve({ filter: /\.js$/ }, (args) => {
        const target = join(args.resolveDir, args.path).replace(/\.js$/, '.ts');
        return stubs.has(target) ? { path: stubs.get(target)! } : undefined;
      });
    },
  };
}

let browser: ChromiumPage;
let outdir = '';
let inputs: string[] = [];
const served: string[] = [];

beforeAll(async () => {
  browser = await openChromiumPage({
    args: ['--headless', '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    installHelp: INSTALL_HELP,
    ready: 'appReady',
    prepare: async (workDir) => {
      outdir = join(workDir, 'site');
      writeFileSync(join(workDir, 'app.js'), APP);
      const result = await build({
        entryPoints: [join(workDir, 'app.js')], bundle: true, format: 'esm', platform: 'browser', target: 'es2022', outdir,
        logLevel: 'silent', metafile: true, plugins: [browserMap(), neoccKernels({ models: [CONFIG], progress: () => {} })],
      });
      inputs = Object.keys(result.metafile.inputs);
      writeFileSync(join(outdir, 'index.html'), '<!doctype html><meta charset="utf-8"><script type="module" src="./app.js"></script>');
    },
    route: (path) => {
      served.push(path);
      const fixtures: Record<string, string> = { '/mini.safetensors': 'neonext-mini.safetensors', '/mini.golden.safetensors': 'neonext-mini.golden.safetensors' };
      const file = fixtures[path] ? join(ROOT, MODEL_DIR, fixtures[path]) : normalize(join(outdir, path === '/' ? 'index.html' : path));
      if (!file.startsWith(ROOT) && !file.startsWith(outdir)) return undefined;
      if (!existsSync(file)) return undefined;
      return { type: TYPES[extname(file)] ?? 'application/octet-stream', body: readFileSync(file) };
    },
  });
}, 300_000);

afterAll(() => browser?.close());

const golden = readFixture('model/neonext-mini.golden.safetensors').tensor('logits');

describe('neoccKernels esbuild plugin: a custom NeoNeXt (neonext-mini) in Chromium on build-time kernels', () => {
  it('the bundle has no asc or Node-only modules; both variants\' kernels are written to <outdir>/neocc-kernels', () => {
    // asc itself and its worker are absent (the stub stands for the worker); the page only runs what the plugin built.
    expect(inputs.filter((p) => /node_modules\/assemblyscript\/|runtime\/wasm\/(asc-worker|thread-pool|disk-cache)\.ts$/.test(p))).toEqual([]);
    expect(inputs).toContain('entry/browser-stubs/asc-worker.ts');
    expect(inputs).toContain('neocc-kernels:virtual:neocc-kernels');
    const files = readdirSync(join(outdir, 'neocc-kernels'));
    expect(files.length).toBeGreaterThan(0);
    expect(files.every((f) => /^[\w-]+-[0-9a-f]{12}\.wasm$/.test(f))).toBe(true);
  });

  for (const simd of ['plain', 'relaxed'] as const) {
    it(`${simd} SIMD: golden logits (rel. L2 <= 1e-4) from the kernels the plugin compiled, fetched from neocc-kernels/`, async () => {
      served.length = 0;
      const result = await browser.page.evaluate((s) => (globalThis as unknown as { runApp(s: string): Promise<Record<string, unknown>> }).runApp(s), simd);
      if ('error' in result) throw new Error(`${String(result.error)}\n${browser.log.join('\n')}`);
      expect(result.description).toContain(`SIMD variant ${simd === 'plain' ? 'plain' : 'relaxed-simd'}`);
      expect(result.shape).toEqual(golden.shape);
      expect(relativeL2Error(Float32Array.from(result.logits as number[]), golden.data)).toBeLessThanOrEqual(1e-4);
      const wasm = served.filter((p) => p.endsWith('.wasm'));
      expect(wasm.length).toBe(result.registered);
      expect(wasm.length).toBeGreaterThan(0);
      expect(wasm.every((p) => p.startsWith('/neocc-kernels/'))).toBe(true);
    }, 120_000);
  }

  it('format iife is refused with one clear line naming the allowed format', async () => {
    const err = await rejected(Error, build({
      stdin: { contents: "import 'virtual:neocc-kernels';", loader: 'js' }, bundle: true, format: 'iife', outdir, write: false, logLevel: 'silent',
      plugins: [neoccKernels({ models: [CONFIG], progress: () => {} })],
    }));
    expect(err.message).toContain('not supported: neoccKernels with esbuild format "iife"; allowed: format: \'esm\'');
  });
});
