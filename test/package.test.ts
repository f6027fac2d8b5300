/**
 * neocc as users install it (issue 12): `npm run build` + `npm pack`, the tarball installed into a scratch app in a
 * temporary folder (its own npm cache; the registry supplies the runtime's dependencies), then, as that app:
 * - a plain `node` ESM script (no tsx) imports 'neocc' and classifies the synthetic NeoNeXt-T-224 input on the wasm
 *   backend, which finds the shipped prebuilt kernels by itself (no asc installed; every core up to 4, on the shipped
 *   shared-memory kernels): logits vs upstream's golden file;
 * - the app's `tsc --noEmit` (strict, skipLibCheck) passes against the shipped declarations, with
 *   moduleResolution bundler and nodenext; a `@ts-expect-error` line proves the types are real (not `any`);
 * - the app's node_modules holds only the runtime's dependencies (no Dawn, asc, ts-morph, protobuf, tsx) and stays
 *   under a size bound; the installed CLI runs in plain node and names a missing optional package in one line;
 * - esbuild and Vite bundle the app's page for browsers with no special flags (the `browser` map keeps Node-only
 *   modules out) and the page reaches the golden logits in headless Chromium on the shipped wasm kernels;
 * - README's *Install and embed* example, extracted as written, classifies an image (`./cat.jpg`) in plain node and,
 *   bundled by esbuild and Vite, in Chromium: ImageNet labels and probabilities;
 * - the tarball holds no tests, benches or CI files and no TypeScript sources.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { build as viteBuild } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { relativeL2Error } from '../nn/tensor.js';
import { IMAGENET_CLASSES } from '../runtime/image/imagenet-classes.js';
import { WEBGPU_CHROMIUM_FLAGS, openChromiumPage } from './helpers/chromium-page.js';
import { FIXTURES, readSyntheticGolden } from './helpers/fixtures.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
/** The goal of issue 12 for an app that installs only the runtime. */
const RUNTIME_NODE_MODULES_BOUND = 10 * 1024 * 1024;
/** A wasm backend's default thread count in Node, with or without asc (runtime/backends/create-backend.ts). */
const DEFAULT_THREADS = Math.min(4, availableParallelism());
/** Packages only optional features need (package.json peerDependenciesMeta) and tools of this repository. */
const NOT_IN_RUNTIME = ['webgpu', 'assemblyscript', 'binaryen', 'ts-morph', '@ts-morph', 'onnx-proto', 'protobufjs', 'tsx', 'typescript', '@stdlib'];

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a command without npm's own environment (npm_config_* of a surrounding `npm test` would steer the child npm). */
function run(file: string, args: readonly string[], cwd: string): Promise<Run> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
  return new Promise((resolve) => {
    execFile(file, args, { cwd, env: { ...env, npm_config_update_notifier: 'false' }, maxBuffer: 64 << 20, timeout: 300_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

async function ok(file: string, args: readonly string[], cwd: string): Promise<Run> {
  const r = await run(file, args, cwd);
  if (r.code !== 0) throw new Error(`${file} ${args.join(' ')} exited ${r.code}:\n${r.stderr || r.stdout}`);
  return r;
}

/** Bytes of every file under `dir` (apparent sizes; links not followed). */
function treeBytes(dir: string): number {
  return readdirSync(dir).reduce((sum, name) => {
    const path = join(dir, name);
    const s = lstatSync(path);
    return sum + (s.isDirectory() ? treeBytes(path) : s.size);
  }, 0);
}

/** No registerPrebuiltWasm call: loadNeoNeXt finds the shipped kernels (generated/wasm-shared for the default 2-4 threads), no asc. */
const CLASSIFY_SCRIPT = `
import { loadNeoNeXt, missingPrebuiltWasm, releasedConfig, syntheticInput } from 'neocc';
import * as t224 from 'neocc/generated/wasm/model-neonext-t-224';
const missing = missingPrebuiltWasm(releasedConfig('neonext-t', 224), t224).length;
const model = await loadNeoNeXt({ weights: 'synthetic', arch: 'neonext-t', resolution: 224, backend: 'wasm' });
const logits = await model.forward(syntheticInput(224));
const [top5] = await model.classify(syntheticInput(224));
await model.dispose();
console.log(JSON.stringify({ kernels: t224.wasmKernels.length, missing, logits: Array.from(logits.data), top5, backend: model.backend }));
`;

/**
 * README's *Install and embed* example: the first js block of that section, as written. The app runs it as
 * `readme-example.js` in node and as a module of its page, with `cat.jpg` (a test photo) next to it; one line is
 * appended that hands the page's result to the test.
 */
function readmeExample(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('\n## Install and embed\n'));
  const block = /\n```js\n([\s\S]*?)\n```\n/.exec(section);
  if (!block || !block[1]!.includes("from 'neocc'")) throw new Error('README.md: no js example importing neocc in "## Install and embed"');
  return block[1]!;
}
const README_PAGE_HOOK = '\nglobalThis.neoccReadmeTop5 = top5;\n';

/** The README example's output line: `label p%, …` for the top-5. */
function expectReadmeTop5(line: string): void {
  const entries = line.trim().split(', ').map((e) => /^(.+) (\d+\.\d)%$/.exec(e));
  expect(entries, line).toHaveLength(5);
  for (const e of entries) expect(IMAGENET_CLASSES, line).toContain(e?.[1]);
  const percents = entries.map((e) => Number(e![2]));
  expect(percents, line).toEqual([...percents].sort((a, b) => b - a));
}

/** Type-checked by the app's tsc: the runtime, the compiler and generated-kernel subpaths. */
const APP_TS = `
import {
  IMAGENET_CLASSES, imagesToTensor, loadNeoNeXt, NeoccError, type ClassScore, type ImageInput, type NeoNeXtModel, type RgbImage,
} from 'neocc';
import { compileNeoCellForward, specFromCode, WGSL, type KernelArtifact } from 'neocc/compiler';
import { config, wasmKernels } from 'neocc/generated/wasm/model-neonext-t-224';

export async function classify(weights: Uint8Array, image: RgbImage): Promise<string[]> {
  const model: NeoNeXtModel = await loadNeoNeXt({ weights, resolution: 224, backend: 'wasm' });
  try {
    const [top5]: ClassScore[][] = await model.classify(imagesToTensor([image], 224));
    return (top5 ?? []).map((c) => \`\${IMAGENET_CLASSES[c.class] ?? '?'} \${c.logit.toFixed(2)}\`);
  } catch (err) {
    if (err instanceof NeoccError) return [err.code];
    throw err;
  } finally {
    await model.dispose();
  }
}

export async function labels(model: NeoNeXtModel, input: ImageInput | ImageInput[]): Promise<string[]> {
  const [top]: ClassScore[][] = await model.classify(input);
  return (top ?? []).map((c) => \`\${c.label} \${(100 * c.probability).toFixed(1)}%\`);
}
export const fromBytes = (model: NeoNeXtModel, jpeg: Uint8Array, image: RgbImage) => model.classify([jpeg, image, new URL('https://example.com/a.png'), 'cat.png']);
// @ts-expect-error: a number is not an image input
export const notAnImage = (model: NeoNeXtModel) => model.classify(42);

export const kernel: KernelArtifact = compileNeoCellForward(specFromCode('4+7', 96, 1), WGSL);
export const kernelCount: number = wasmKernels.length + config.layers.length;
// @ts-expect-error: 'gpu' is not a backend name (an error only while the declarations are real, not \`any\`)
export const wrong = loadNeoNeXt({ weights: 'synthetic', backends: ['gpu'] });
`;

/** Type-checked with lib "dom" only (bundler): the browser's image types are accepted as ImageInput as they are. */
const APP_DOM_TS = `
import type { ImageInput, NeoNeXtModel } from 'neocc';
export function domInputs(img: HTMLImageElement, data: ImageData, canvas: HTMLCanvasElement, offscreen: OffscreenCanvas, bitmap: ImageBitmap,
  file: File, blob: Blob): ImageInput[] {
  return [img, data, canvas, offscreen, bitmap, file, blob];
}
export const batch = (model: NeoNeXtModel, img: HTMLImageElement, data: ImageData) => model.classify([img, data], 3);
`;

const STRICT = { strict: true, skipLibCheck: true, noEmit: true, noUncheckedIndexedAccess: true, noImplicitOverride: true, isolatedModules: true, target: 'ES2022', types: [] };
const TSCONFIGS = {
  bundler: { compilerOptions: { ...STRICT, module: 'ESNext', moduleResolution: 'bundler', lib: ['ES2022', 'DOM'] }, files: ['app.ts', 'app-dom.ts'] },
  // A Node app has Node's types (URL, Buffer …), here this repository's @types/node.
  nodenext: {
    compilerOptions: { ...STRICT, module: 'NodeNext', moduleResolution: 'NodeNext', lib: ['ES2022'], types: ['node'], typeRoots: [join(ROOT, 'node_modules/@types')] },
    files: ['app.ts'],
  },
};

/**
 * A browser page of the app (the embedding path without Node), bundled by esbuild and by Vite with no special flags:
 * the README's embedding example, with no registration call. The page fetches the shipped kernels relative to the
 * generated modules (`new URL('./x.wasm', import.meta.url)`): Vite emits them as assets; with esbuild they are copied
 * next to the bundle (README, *Install and embed*), as the test server below does.
 */
const PAGE = `
import { loadNeoNeXt, syntheticInput } from 'neocc';
globalThis.runNeocc = async () => {
  const model = await loadNeoNeXt({ weights: 'synthetic', arch: 'neonext-t', resolution: 224, backend: 'wasm' });
  const logits = await model.forward(syntheticInput(224));
  const [top5] = await model.classify(syntheticInput(224));
  await model.dispose();
  return { logits: Array.from(logits.data), top1: top5[0].class, backend: model.backend };
};
globalThis.neoccPageReady = true;
`;
const PAGE_HTML = '<!doctype html><meta charset="utf-8"><title>neocc app</title><script type="module" src="./page.js"></script>' +
  '<script type="module" src="./readme-example.js"></script>';

let work = '';
let app = '';
let tarball: { size: number; unpackedSize: number; files: string[] };
const seconds: Record<string, number> = {};

async function timed<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const t = performance.now();
  try {
    return await fn();
  } finally {
    seconds[label] = (performance.now() - t) / 1000;
  }
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'neocc-package-'));
  await timed('build', () => ok(process.execPath, ['scripts/build-package.mjs'], ROOT));
  const packed = await timed('pack', () => ok('npm', ['pack', '--json', '--pack-destination', work, '--cache', join(work, 'npm-cache')], ROOT));
  const [info] = JSON.parse(packed.stdout) as { filename: string; size: number; unpackedSize: number; files: { path: string }[] }[];
  tarball = { size: info!.size, unpackedSize: info!.unpackedSize, files: info!.files.map((f) => f.path) };
  app = join(work, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'neocc-consumer', private: true, type: 'module' }));
  await timed('install', () => ok('npm', ['install', '--no-audit', '--no-fund', '--cache', join(work, 'npm-cache'), join(work, info!.filename)], app));
  writeFileSync(join(app, 'classify.mjs'), CLASSIFY_SCRIPT);
  writeFileSync(join(app, 'app.ts'), APP_TS);
  writeFileSync(join(app, 'app-dom.ts'), APP_DOM_TS);
  writeFileSync(join(app, 'readme-example.js'), readmeExample() + README_PAGE_HOOK);
  copyFileSync(join(ROOT, FIXTURES, 'image/photo-420.jpg'), join(app, 'cat.jpg'));
  writeFileSync(join(app, 'page.js'), PAGE);
  writeFileSync(join(app, 'index.html'), PAGE_HTML);
  for (const [name, config] of Object.entries(TSCONFIGS)) writeFileSync(join(app, `tsconfig.${name}.json`), JSON.stringify(config, null, 2));
}, 600_000);

afterAll(() => {
  console.log(`[package] tarball ${(tarball?.size / 1024).toFixed(0)} KiB, ${tarball?.files.length} files, unpacked ${(tarball?.unpackedSize / 1024 / 1024).toFixed(2)} MiB; ` +
    `seconds: ${Object.entries(seconds).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')}`);
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the packed package in a scratch app', () => {
  it('the tarball holds the built package only: no tests, benches, CI files or TypeScript sources', () => {
    const files = tarball.files;
    expect(files.filter((f) => /^(test|bench|\.ci|scripts|docs)\//.test(f))).toEqual([]);
    expect(files.filter((f) => /\.ts$/.test(f) && !/\.d\.ts$/.test(f))).toEqual([]);
    expect(files).toEqual(expect.arrayContaining(['package.json', 'README.md', 'LICENSE', 'bin/neocc.mjs', 'dist/package.json',
      'dist/entry/index.js', 'dist/entry/index.d.ts', 'dist/entry/browser.js', 'dist/entry/compiler.js', 'dist/cli/main.js',
      'dist/generated/wasm/model-neonext-t-224.js', 'dist/generated/wasm/model-neonext-t-224.d.ts', 'dist/generated/wasm-shared/model-neonext-t-224.js']));
    expect(files.filter((f) => f.endsWith('.wasm')).length).toBeGreaterThan(0);
  });

  it('a plain node script (no tsx, no registration call) classifies on the shipped wasm kernels to the golden NeoNeXt-T-224 logits', async () => {
    const out = await timed('classify', () => ok(process.execPath, ['classify.mjs'], app));
    const result = JSON.parse(out.stdout) as { kernels: number; missing: number; logits: number[]; top5: { class: number }[]; backend: string };
    const golden = readSyntheticGolden().logits;
    const best = golden.indexOf(Math.max(...golden));
    console.log(`[package] node classify: rel. L2 ${relativeL2Error(result.logits, golden).toExponential(2)}, top-1 ${result.top5[0]?.class} (golden ${best}), ${result.backend}`);
    expect(result.missing).toBe(0);
    expect(result.kernels).toBe(20);
    expect(result.logits).toHaveLength(1000);
    expect(relativeL2Error(result.logits, golden)).toBeLessThanOrEqual(1e-4);
    expect(result.top5[0]?.class).toBe(best);
    expect(result.backend).toMatch(new RegExp(`SIMD variant plain, ${DEFAULT_THREADS} threads?\\)$`));
  });

  it('README\'s embedding example, as written, classifies ./cat.jpg in plain node: ImageNet labels and probabilities', async () => {
    const out = await timed('readme node', () => ok(process.execPath, ['readme-example.js'], app));
    console.log(`[package] README example in node: ${out.stdout.trim()}`);
    expectReadmeTop5(out.stdout);
  });

  it('the app type-checks against the shipped declarations (strict, skipLibCheck; bundler and nodenext resolution)', async () => {
    const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
    for (const name of Object.keys(TSCONFIGS)) {
      const r = await timed(`tsc ${name}`, () => run(process.execPath, [tsc, '-p', `tsconfig.${name}.json`], app));
      expect(`${name}: ${r.stdout}${r.stderr}`).toBe(`${name}: `);
      expect(r.code).toBe(0);
    }
  });

  it('`npx neocc bench` from the installed runtime prints its table and writes JSON and an HTML chart (whole model on the shipped kernels)', async () => {
    const out = join(work, 'bench');
    const r = await ok(process.execPath, [join(app, 'node_modules/neocc/bin/neocc.mjs'), 'bench', '--backend', 'wasm', '--runs', '2', '--out', out, '--quiet'], app);
    expect(r.stdout).toMatch(new RegExp(`^neonext-t-224 · batch 1 · backend wasm .*SIMD variant plain, ${DEFAULT_THREADS} threads?\\b`));
    // A NeoCell alone has no prebuilt kernels and there is no asc here: the rows are skipped with the reason.
    expect(r.stdout).toContain('NeoCell rows skipped: not supported: compiling WebAssembly kernels at run time');
    expect(r.stdout).toMatch(/whole forward: median [\d.]+ ms/);
    expect(readFileSync(join(out, 'neonext-t-224-b1-wasm.html'), 'utf8')).toContain('<svg');
    expect(JSON.parse(readFileSync(join(out, 'neonext-t-224-b1-wasm.json'), 'utf8')).model_forward.modules).toHaveLength(9);
  }, 120_000);

  it('an app that installs only the runtime gets none of the optional packages, and node_modules stays under 10 MB', () => {
    const modules = join(app, 'node_modules');
    expect(NOT_IN_RUNTIME.filter((name) => existsSync(join(modules, name)))).toEqual([]);
    const bytes = treeBytes(modules);
    console.log(`[package] runtime-only node_modules: ${(bytes / 1024 / 1024).toFixed(2)} MiB (${readdirSync(modules).filter((n) => !n.startsWith('.')).join(', ')})`);
    expect(bytes).toBeLessThan(RUNTIME_NODE_MODULES_BOUND);
  });

  it('the installed CLI runs built JavaScript in plain node (a released model on the shipped wasm kernels) and names a missing optional package in one line', async () => {
    const bin = join(app, 'node_modules/neocc/bin/neocc.mjs');
    const version = await ok(process.execPath, [bin, '--version'], app);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    // Each backend that needs an optional package names it (the rest of the message: test/package-manifest.test.ts).
    // A released config on wasm runs on the shipped kernels; one with other shifts needs its own, which asc would build.
    const released = await run(process.execPath, [bin, 'infer', '--arch', 'neonext-t', '--weights', 'synthetic', '--backend', 'wasm', '--quiet'], app);
    expect(released.code, released.stderr).toBe(0);
    expect(released.stdout).toMatch(/image 0 top-5: #\d+ /);
    const needs = { webgpu: ['webgpu'], wasm: ['assemblyscript', '--shifts', '0,0,0,0'], reference: ['@stdlib/math-base-special-erf'] };
    for (const [backend, [name, ...extra]] of Object.entries(needs)) {
      const r = await run(process.execPath, [bin, 'infer', '--arch', 'neonext-t', '--weights', 'synthetic', '--backend', backend, '--quiet', ...extra], app);
      expect(r.code, backend).toBe(1);
      const lines = r.stderr.trim().split('\n');
      expect(lines, backend).toHaveLength(1);
      expect(lines[0], backend).toMatch(/^neocc: error: not supported: /);
      expect(lines[0], backend).toContain(`needs the optional package "${name}", which is not installed; install it: npm install "${name}@^`);
    }
  });

  it('esbuild bundles the app for browsers with no special flags; Node-only modules are replaced by the browser stubs; it runs in Chromium', async () => {
    const outdir = join(work, 'esbuild');
    const result = await timed('esbuild', () => build({
      entryPoints: [join(app, 'page.js'), join(app, 'readme-example.js')], bundle: true, format: 'esm', platform: 'browser', outdir,
      absWorkingDir: app, logLevel: 'silent', metafile: true,
    }));
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.filter((p) => /dist\/runtime\/(wasm\/(thread-pool|asc-worker|disk-cache)|backends\/(cuda-toolchain|reference-backend)|image\/(decode|node-image)|cuda\/|cuda-cpu\/)|\/(pngjs|jpeg-js)\//.test(p))).toEqual([]);
    expect(inputs.filter((p) => p.includes('browser-stubs/')).length).toBeGreaterThanOrEqual(4);
    // The shipped .wasm files copied next to the bundle, as README says for esbuild.
    const kernels = join(app, 'node_modules/neocc/dist/generated/wasm');
    for (const name of readdirSync(kernels).filter((n) => n.endsWith('.wasm'))) copyFileSync(join(kernels, name), join(outdir, name));
    writeFileSync(join(outdir, 'index.html'), PAGE_HTML);
    copyFileSync(join(app, 'cat.jpg'), join(outdir, 'cat.jpg')); // the README example's `new URL('./cat.jpg', import.meta.url)`
    await expectGoldenInChromium(outdir, 'esbuild');
  }, 300_000);

  it('Vite builds the same page with no plugin or flags (the shipped kernels become assets) and it runs in Chromium', async () => {
    const outDir = join(work, 'vite');
    await timed('vite', () => viteBuild({ root: app, logLevel: 'warn', configFile: false, build: { outDir, target: 'es2022' } }));
    expect(readdirSync(join(outDir, 'assets')).filter((n) => n.endsWith('.wasm')).length).toBeGreaterThan(0);
    await expectGoldenInChromium(outDir, 'vite');
  }, 300_000);
});

/** Serves a built site, runs the page in headless Chromium: NeoNeXt-T-224 on wasm to the golden logits. */
async function expectGoldenInChromium(site: string, label: string): Promise<void> {
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.jpg': 'image/jpeg' };
  const browser = await openChromiumPage({
    args: WEBGPU_CHROMIUM_FLAGS, ready: 'neoccPageReady', installHelp: 'headless Chromium (Debian: apt-get install chromium; .ci/run installs it)',
    route: (path) => {
      const file = normalize(join(site, path === '/' ? 'index.html' : decodeURIComponent(path.split('?')[0]!)));
      if (!file.startsWith(site) || !existsSync(file)) return undefined;
      return { type: types[extname(file)] ?? 'application/octet-stream', body: readFileSync(file) };
    },
  });
  try {
    const t = performance.now();
    const out = await browser.page.evaluate(() => (globalThis as unknown as { runNeocc(): Promise<{ logits: number[]; top1: number; backend: string }> }).runNeocc());
    seconds[`${label} page`] = (performance.now() - t) / 1000;
    expect(out.backend, browser.log.join('\n')).toMatch(/^WebAssembly .*SIMD variant plain, 1 thread/);
    expect(relativeL2Error(out.logits, readSyntheticGolden().logits)).toBeLessThanOrEqual(1e-4);
    // The README example (a second module of the page) classified ./cat.jpg, decoded by the browser.
    await browser.page.waitForFunction(() => 'neoccReadmeTop5' in globalThis, undefined, { timeout: 120_000 }).catch((err: unknown) => {
      throw new Error(`${label}: the README example did not finish: ${(err as Error).message}\n${browser.log.join('\n')}`);
    });
    const top5 = await browser.page.evaluate(() => (globalThis as unknown as { neoccReadmeTop5: { class: number; label: string; logit: number; probability: number }[] }).neoccReadmeTop5);
    console.log(`[package] README example in Chromium (${label}): ${top5.map((c) => `${c.label} ${(100 * c.probability).toFixed(1)}%`).join(', ')}`);
    expect(top5).toHaveLength(5);
    for (const c of top5) expect(c.label).toBe(IMAGENET_CLASSES[c.class]);
    expect(top5.every((c, i) => c.probability > 0 && c.probability <= 1 && (i === 0 || c.probability <= top5[i - 1]!.probability))).toBe(true);
  } finally {
    await browser.close();
  }
}
