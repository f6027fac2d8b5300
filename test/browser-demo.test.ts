/**
 * The demo web app (demo/, built by Vite with the neoccKernels plugin) in headless Chromium: the page classifies
 * neonext-mini's golden input to the golden logits on WebGPU (SwiftShader) and on WebAssembly (kernels the plugin
 * compiled at build time: the page has no asc), shows the top-5 and the per-stage chart, and a screenshot of each
 * lands in test-results/. Missing Chromium fails the test with how to install it.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoApi } from '../demo/demo-result.js';
import { relativeL2Error } from '../nn/tensor.js';
import { WEBGPU_CHROMIUM_FLAGS, openChromiumPage, type ChromiumPage } from './helpers/chromium-page.js';
import { readFixture } from './helpers/fixtures.js';

const INSTALL_HELP = 'headless Chromium is needed for this test. On Debian 12: `apt-get install -y --no-install-recommends chromium` ' +
  '(.ci/run installs it), or point NEOCC_CHROMIUM at a Chromium binary';
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.safetensors': 'application/octet-stream' };
const SCREENSHOTS = 'test-results';

let browser: ChromiumPage;

beforeAll(async () => {
  let outDir = '';
  browser = await openChromiumPage({
    args: WEBGPU_CHROMIUM_FLAGS,
    installHelp: INSTALL_HELP,
    ready: 'neoccDemo',
    prepare: async (workDir) => {
      outDir = join(workDir, 'site');
      await build({ configFile: fileURLToPath(new URL('../demo/vite.config.ts', import.meta.url)), build: { outDir }, logLevel: 'warn' });
    },
    // The built static site, as any file server would serve it.
    route: (path) => {
      const file = normalize(join(outDir, path === '/' ? 'index.html' : decodeURIComponent(path.split('?')[0]!)));
      if (!file.startsWith(outDir) || !existsSync(file)) return undefined;
      return { type: TYPES[extname(file)] ?? 'application/octet-stream', body: readFileSync(file) };
    },
  });
}, 240_000);

afterAll(() => browser?.close());

const golden = readFixture('model/neonext-mini.golden.safetensors').tensor('logits');

describe('demo web app (Vite + the neoccKernels plugin) in Chromium', () => {
  for (const backend of ['wasm', 'webgpu'] as const) {
    it(`classifies neonext-mini's golden input on ${backend} to the golden logits (rel. L2 <= 1e-4), top-5 and stage chart on the page`, async () => {
      const result = await browser.page.evaluate((b) => (globalThis as unknown as { neoccDemo: DemoApi }).neoccDemo.run('mini', b), backend);
      if ('error' in result) throw new Error(`${result.error}\n${browser.log.join('\n')}`);
      expect(result.backend).toBe(backend);
      // Chromium has relaxed SIMD: the page runs the plugin's FMA kernels.
      if (backend === 'wasm') expect(result.description).toContain('SIMD variant relaxed-simd');
      expect(result.shape).toEqual(golden.shape);
      expect(relativeL2Error(result.logits, golden.data)).toBeLessThanOrEqual(1e-4);
      expect(Object.keys(result.stagesMs)).toEqual(['stem', 'stage_1', 'downsample_1', 'stage_2', 'downsample_2', 'stage_3', 'downsample_3', 'stage_4', 'head']);
      const probabilities = result.top5[0]!.map((t) => t.probability);
      expect(probabilities).toEqual([...probabilities].sort((a, b) => b - a));
      expect(await browser.page.locator('#top5 li').count()).toBe(5);
      expect(await browser.page.locator('#chart .bar').count()).toBe(9);
      expect(await browser.page.locator('#error').isHidden()).toBe(true);
      mkdirSync(SCREENSHOTS, { recursive: true });
      await browser.page.screenshot({ path: join(SCREENSHOTS, `demo-${backend}.png`), fullPage: true });
    }, 120_000);
  }

  it('an error lands on the page, in one line: "your checkpoint" chosen without a file', async () => {
    const result = await browser.page.evaluate(() => (globalThis as unknown as { neoccDemo: DemoApi }).neoccDemo.run('file', 'wasm'));
    expect(result).toEqual({ error: 'Error: choose a checkpoint file first (.pt or .safetensors)' });
    expect(await browser.page.locator('#error').isVisible()).toBe(true);
  }, 60_000);
});
