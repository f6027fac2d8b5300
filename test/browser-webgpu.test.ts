/**
 * The WebGPU runtime in a browser: headless Chromium (Debian's `chromium`, WebGPU on its bundled SwiftShader, flags
 * from docs/DESIGN-NOTES.md §6) loads an esbuild bundle of test/browser/neocell-entry.ts — the real WebGpuBackend, which takes
 * navigator.gpu there — and runs NeoCell forward and backward on golden cases and on random specs vs the float64
 * reference. Missing Chromium or WebGPU fails the test with how to install it; it is never skipped.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planNeoCell } from '../compiler/plan/neocell-plan.js';
import { neoCellBackward, neoCellForward, type NeoCellWeights } from '../nn/reference/neocell.js';
import { relativeL2Error, type Tensor } from '../nn/tensor.js';
import { readGoldenCase, type NeoCellCase } from '../runtime/conformance/golden-case.js';
import { parseSafetensors } from '../runtime/weights/safetensors.js';
import { API_GLOBAL, type GpuProbe, type NeoccBrowserApi, type NeoCellRequest, type NeoCellResponse } from './browser/protocol.js';
import { WEBGPU_CHROMIUM_FLAGS, openChromiumPage, type ChromiumPage } from './helpers/chromium-page.js';
import { randomNeoCellWeights, randomTensor, seededRandom } from './helpers/random.js';
import { neoCellCaseArb } from './helpers/spec-arbitrary.js';

const INSTALL_HELP =
  `headless Chromium with WebGPU is needed for this test. On Debian 12: \`apt-get install -y --no-install-recommends chromium\` ` +
  `(.ci/run installs it), or point NEOCC_CHROMIUM at a Chromium binary; it must expose navigator.gpu on SwiftShader with ` +
  `--enable-unsafe-webgpu --enable-features=Vulkan --use-vulkan=swiftshader --use-webgpu-adapter=swiftshader (docs/DESIGN-NOTES.md §6)`;


/** Small golden cases covering: shift, several groups with batch 2, separate shifts, rectangular kernels, up/down-sampling. */
const GOLDEN_CASES = ['k4_s1_12x12', 'k4p7_batch2_7x7', 'k5_sa1_sb2_10x10', 'ka3_kb5_15x15', 'h3to2_w2to3_9x8', 'up_1to2_4x4'];
const TOLERANCE = 1e-5;

let browser: ChromiumPage;

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

async function runInPage(request: NeoCellRequest): Promise<NeoCellResponse> {
  try {
    return await browser.page.evaluate(([name, req]) => {
      const api = (globalThis as unknown as Record<string, NeoccBrowserApi>)[name]!;
      return api.runNeoCell(req);
    }, [API_GLOBAL, request] as const);
  } catch (err) {
    const message = (err as Error).message;
    const help = /no-webgpu-adapter|no WebGPU adapter|navigator\.gpu/.test(message) ? `\n${INSTALL_HELP}` : '';
    throw new Error(`NeoCell run in Chromium failed: ${message}${browser.log.length ? `\npage log:\n${browser.log.join('\n')}` : ''}${help}`);
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
  const html = '<!doctype html><meta charset="utf-8"><title>neocc WebGPU</title><script src="/neocell.js"></script>';
  const bundle = await bundleEntry();
  browser = await openChromiumPage({
    args: WEBGPU_CHROMIUM_FLAGS,
    installHelp: INSTALL_HELP,
    ready: API_GLOBAL,
    route: (path) => (path === '/' ? { type: 'text/html', body: html } : path === '/neocell.js' ? { type: 'text/javascript', body: bundle } : undefined),
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

describe('WebGPU runtime in headless Chromium (navigator.gpu)', () => {
  it('finds navigator.gpu and an adapter in a secure context', async () => {
    const probe = await browser.page.evaluate((name) => (globalThis as unknown as Record<string, NeoccBrowserApi>)[name]!.probe(), API_GLOBAL);
    const info = (p: GpuProbe): string => `${JSON.stringify(p)}${browser.log.length ? `\npage log:\n${browser.log.join('\n')}` : ''}\n${INSTALL_HELP}`;
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
      const weights = randomNeoCellWeights(spec, random);
      const gradY = randomTensor(plan.outputShape, random);
      const got = await runInPage(request(raw, x, weights, gradY));
      const want = { y: neoCellForward(plan, x, weights), ...neoCellBackward(plan, x, weights, gradY) };
      expectWithin(`random ${JSON.stringify(raw)} [${shape.join(',')}]`, errors(got, want));
    }
  }, 40_000);
});
