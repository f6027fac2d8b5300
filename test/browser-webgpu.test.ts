/**
 * The WebGPU runtime in a browser: headless Chromium (Debian's `chromium`, WebGPU on its bundled SwiftShader, flags
 * from design.md §6) loads an esbuild bundle of test/browser/neocell-entry.ts — the real WebGpuBackend, which takes
 * navigator.gpu there — and runs NeoCell forward and backward on golden cases and on random specs vs the float64
 * reference. Missing Chromium or WebGPU fails the test with how to install it; it is never skipped.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import fc from 'fast-check';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planNeoCell } from '../compiler/plan/neocell-plan.js';
import { neoCellBackward, neoCellForward, type NeoCellWeights } from '../kernels/reference/neocell.js';
import { relativeL2Error, type Tensor } from '../kernels/tensor.js';
import { readGoldenCase, type NeoCellCase } from '../runtime/conformance/golden-case.js';
import { parseSafetensors } from '../runtime/weights/safetensors.js';
import { API_GLOBAL, type GpuProbe, type NeoccBrowserApi, type NeoCellRequest, type NeoCellResponse } from './browser/protocol.js';
import { randomTensor, seededRandom } from './helpers/random.js';
import { neoCellCaseArb } from './helpers/spec-arbitrary.js';

const CHROMIUM = process.env.NEOCC_CHROMIUM ?? '/usr/bin/chromium';
const INSTALL_HELP =
  `headless Chromium with WebGPU is needed for this test. On Debian 12: \`apt-get install -y --no-install-recommends chromium\` ` +
  `(.ci/run installs it), or point NEOCC_CHROMIUM at a Chromium binary; it must expose navigator.gpu on SwiftShader with ` +
  `--enable-unsafe-webgpu --enable-features=Vulkan --use-vulkan=swiftshader --use-webgpu-adapter=swiftshader (design.md §6)`;

/** design.md §6; Playwright adds --user-data-dir (a fresh temp dir below) and its own automation flags. */
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--enable-unsafe-webgpu',
  '--enable-features=Vulkan',
  '--use-vulkan=swiftshader',
  '--use-webgpu-adapter=swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Small golden cases covering: shift, several groups with batch 2, separate shifts, rectangular kernels, up/down-sampling. */
const GOLDEN_CASES = ['k4_s1_12x12', 'k4p7_batch2_7x7', 'k5_sa1_sb2_10x10', 'ka3_kb5_15x15', 'h3to2_w2to3_9x8', 'up_1to2_4x4'];
const TOLERANCE = 1e-5;

let workDir: string;
let server: Server | undefined;
let context: BrowserContext | undefined;
let page: Page;
/** Console errors and uncaught page errors, appended to failure messages. */
const pageLog: string[] = [];

async function bundleEntry(): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('./browser/neocell-entry.ts', import.meta.url))],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  const [out] = result.outputFiles;
  if (!out) throw new Error('esbuild produced no output for test/browser/neocell-entry.ts');
  return out.text;
}

/** Serves the page and the bundle on 127.0.0.1 (a secure context, as WebGPU requires). */
async function serve(bundle: string): Promise<string> {
  const html = '<!doctype html><meta charset="utf-8"><title>neocc WebGPU</title><script src="/neocell.js"></script>';
  const s = createServer((req, res) => {
    if (req.url === '/') res.writeHead(200, { 'content-type': 'text/html' }).end(html);
    else if (req.url === '/neocell.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(bundle);
    else res.writeHead(404).end();
  });
  server = s;
  await new Promise<void>((resolve, reject) => {
    s.once('error', reject);
    s.listen(0, '127.0.0.1', resolve);
  });
  return `http://127.0.0.1:${(s.address() as AddressInfo).port}/`;
}

async function runInPage(request: NeoCellRequest): Promise<NeoCellResponse> {
  try {
    return await page.evaluate(([name, req]) => {
      const api = (globalThis as unknown as Record<string, NeoccBrowserApi>)[name]!;
      return api.runNeoCell(req);
    }, [API_GLOBAL, request] as const);
  } catch (err) {
    const message = (err as Error).message;
    const help = /no-webgpu-adapter|no WebGPU adapter|navigator\.gpu/.test(message) ? `\n${INSTALL_HELP}` : '';
    throw new Error(`NeoCell run in Chromium failed: ${message}${pageLog.length ? `\npage log:\n${pageLog.join('\n')}` : ''}${help}`);
  }
}

function flat(t: Tensor): number[] {
  return Array.from(t.data);
}

function request(channelSpecs: unknown, x: Tensor, weights: NeoCellWeights, gradY: Tensor): NeoCellRequest {
  return { channelSpecs, inputShape: x.shape, x: flat(x), weightA: weights.a.map(flat), weightB: weights.b.map(flat), gradY: flat(gradY) };
}

interface Expected {
  readonly y: Tensor;
  readonly gradX: Tensor;
  readonly gradA: readonly Tensor[];
  readonly gradB: readonly Tensor[];
}

/** Relative L2 error of every output (NaN where a poisoned element was never written). */
function errors(got: NeoCellResponse, want: Expected): Record<string, number> {
  const out: Record<string, number> = { y: relativeL2Error(got.y, want.y.data), grad_x: relativeL2Error(got.gradX, want.gradX.data) };
  want.gradA.forEach((t, j) => (out[`grad_weight_a.${j}`] = relativeL2Error(got.gradA[j] ?? [], t.data)));
  want.gradB.forEach((t, j) => (out[`grad_weight_b.${j}`] = relativeL2Error(got.gradB[j] ?? [], t.data)));
  return out;
}

function expectWithin(name: string, errs: Record<string, number>): void {
  const worst = Math.max(...Object.values(errs));
  console.log(`[browser-webgpu] ${name}: max rel. L2 ${worst.toExponential(2)} (${Object.entries(errs).map(([k, v]) => `${k} ${v.toExponential(1)}`).join(', ')})`);
  for (const [output, e] of Object.entries(errs)) expect(e, `${name} ${output}`).toBeLessThanOrEqual(TOLERANCE);
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: ${INSTALL_HELP}`);
  workDir = mkdtempSync(join(tmpdir(), 'neocc-browser-'));
  const url = await serve(await bundleEntry());
  try {
    context = await chromium.launchPersistentContext(join(workDir, 'user-data'), {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_FLAGS,
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
  await page.waitForFunction((name) => name in globalThis, API_GLOBAL, { timeout: 10_000 });
}, 60_000);

afterAll(async () => {
  await context?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe('WebGPU runtime in headless Chromium (navigator.gpu)', () => {
  it('finds navigator.gpu and an adapter in a secure context', async () => {
    const probe = await page.evaluate((name) => (globalThis as unknown as Record<string, NeoccBrowserApi>)[name]!.probe(), API_GLOBAL);
    const info = (p: GpuProbe): string => `${JSON.stringify(p)}${pageLog.length ? `\npage log:\n${pageLog.join('\n')}` : ''}\n${INSTALL_HELP}`;
    console.log(`[browser-webgpu] ${probe.userAgent}\n[browser-webgpu] ${probe.backend ?? `no backend: ${probe.error}`}`);
    expect(probe.secureContext, info(probe)).toBe(true);
    expect(probe.hasNavigatorGpu, `navigator.gpu is missing: ${info(probe)}`).toBe(true);
    expect(probe.error, `WebGpuBackend.create() failed: ${info(probe)}`).toBeUndefined();
    expect(probe.backend).toMatch(/^WebGPU on /);
  }, 30_000);

  it.each(GOLDEN_CASES)('matches golden case %s forward and backward (rel. L2 <= 1e-5, outputs NaN-poisoned)', async (name) => {
    const file = parseSafetensors(readFileSync(`test/fixtures/neocell/${name}.safetensors`), `${name}.safetensors`);
    const golden = readGoldenCase(name, file) as NeoCellCase;
    expect(golden.op).toBe('neocell');
    const got = await runInPage(request(file.metadata.channel_specs, golden.x, golden.weights, golden.gradY));
    expectWithin(`${name} [${golden.x.shape.join(',')}] (${got.milliseconds.toFixed(0)} ms in page)`, errors(got, golden));
  }, 30_000);

  it('matches the float64 reference on random specs', async () => {
    const samples = fc.sample(neoCellCaseArb, { seed: 20261128, numRuns: 3 });
    for (const { raw, spec, shape, seed } of samples) {
      const random = seededRandom(seed);
      const plan = planNeoCell(spec, shape);
      const x = randomTensor(shape, random);
      const weights = {
        a: spec.groups.map((g) => randomTensor([g.channels, g.hOut, g.hIn], random)),
        b: spec.groups.map((g) => randomTensor([g.channels, g.wIn, g.wOut], random)),
      };
      const gradY = randomTensor(plan.outputShape, random);
      const got = await runInPage(request(raw, x, weights, gradY));
      const want = { y: neoCellForward(plan, x, weights), ...neoCellBackward(plan, x, weights, gradY) };
      expectWithin(`random ${JSON.stringify(raw)} [${shape.join(',')}]`, errors(got, want));
    }
  }, 40_000);
});
