/**
 * `npm run bench:browser`: neocc vs onnxruntime-web in headless Chromium (bench/README.md). NeoNeXt-T-224,
 * synthetic weights and input, batch 1 (`--model neonext-mini-64`: a small NeoNeXt, for the test); one cross-origin-isolated page measures every row in turn (load, first run,
 * warm-up, timed runs), then a fresh browser profile per engine measures cold start. Every row's logits are checked
 * against onnxruntime-web's (rel. L2 < 1e-3, else the row fails). Table on stdout, progress on stderr, JSON in
 * bench/results/browser-<host tag>.json, HTML chart beside it.
 *
 *   npm run bench:browser -- [--quick] [--runs 10] [--warmup 3] [--threads auto|N] [--simd both|relaxed|plain]
 *                             [--forms dense,lean,blocks] [--no-cold]
 *                             [--row-seconds 120] [--model neonext-t-224|neonext-mini-64] [--devices wasm,webgpu]
 *                             [--out bench/results/browser-<tag>.json]
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { ONNX_FORMS, isOnnxForm, type OnnxForm } from '../../compiler/onnx/export-neonext.js';
import { modelConfig, releasedConfig, type NeoNeXtConfig } from '../../compiler/spec/model-config.js';
import { neoNeXtSchema } from '../../compiler/spec/neonext-state-dict.js';
import { neoNeXtParams } from '../../nn/neonext-params.js';
import { syntheticStateDict } from '../../runtime/weights/synthetic.js';
import { CHROMIUM, WEBGPU_CHROMIUM_FLAGS, openChromiumPage, type ChromiumPage } from '../../test/helpers/chromium-page.js';
import { hostTag, machineInfo } from '../host.js';
import { BENCH_HEADERS, prepareAssets, type BenchAssets } from './assets.js';
import { checkRows, coldRowSpecs, rowSpecs, summarizeCold, summarizeRow } from './rows.js';
import { formatTable, reportHtml, type BrowserBenchReport, type ColdResult } from './report.js';
import { BENCH_GLOBAL, type BenchApi, type NeoccSimd, type PageInfo, type RowOutcome, type RowSpec, type ColdMeasurement, type RowError } from './protocol.js';
import type { KernelSetName } from './kernels.js';

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    runs: { type: 'string' },
    warmup: { type: 'string' },
    threads: { type: 'string', default: 'auto' },
    simd: { type: 'string', default: 'both' },
    forms: { type: 'string', default: ONNX_FORMS.join(',') },
    'no-cold': { type: 'boolean', default: false },
    out: { type: 'string' },
    model: { type: 'string', default: 'neonext-t-224' },
    'row-seconds': { type: 'string' },
    devices: { type: 'string', default: 'wasm,webgpu' },
  },
});

const log = (line: string): void => { process.stderr.write(`[bench:browser] ${line}\n`); };
const fail = (message: string): never => {
  process.stderr.write(`bench:browser: ${message}\n`);
  process.exit(2);
};
const positive = (name: string, value: string | undefined, fallback: number, min: number): number => {
  if (value === undefined) return fallback;
  const n = Number(value);
  return Number.isInteger(n) && n >= min ? n : fail(`--${name} = "${value}"; allowed: an integer >= ${min}`);
};

const QUICK = args.quick!;
const RUNS = positive('runs', args.runs, QUICK ? 2 : 10, 1);
const WARMUP = positive('warmup', args.warmup, QUICK ? 0 : 3, 0);
const SIMD: readonly NeoccSimd[] = args.simd === 'both' ? ['relaxed', 'plain'] : args.simd === 'relaxed' || args.simd === 'plain' ? [args.simd] : fail(`--simd = "${args.simd}"; allowed: both | relaxed | plain`);
const FORMS = args.forms!.split(',').map((f) => (isOnnxForm(f) ? f : fail(`--forms: "${f}"; allowed: ${ONNX_FORMS.join(', ')} (comma-separated)`))) as OnnxForm[];
if (args.threads !== 'auto') positive('threads', args.threads, 2, 2);
const DEVICES = args.devices!.split(',').map((d) => (d === 'wasm' || d === 'webgpu' ? d : fail(`--devices: "${d}"; allowed: wasm, webgpu (comma-separated)`)));
/** A small NeoNeXt for the test (a few seconds a row on SwiftShader); its kernels are built with asc. */
const MINI: NeoNeXtConfig = { ...releasedConfig('neonext-t', 224), name: 'neonext-mini-64', layers: [1, 1, 1, 1], dims: [16, 32, 64, 128], classes: 10, resolution: 64, shifts: [1, 1, 0, 0] };
const INSTALL_HELP = 'the browser bench needs headless Chromium with WebGPU: on Debian 12 `apt-get install -y --no-install-recommends chromium`, or point NEOCC_CHROMIUM at a Chromium binary';

const started = performance.now();
const config = args.model === 'neonext-t-224' ? releasedConfig('neonext-t', 224)
  : args.model === MINI.name ? modelConfig(MINI) : fail(`--model = "${args.model}"; allowed: neonext-t-224 | ${MINI.name}`);
/** Stop timing a row after this long (at least one timed run): SwiftShader's WebGPU takes minutes per ORT forward. */
const ROW_SECONDS = positive('row-seconds', args['row-seconds'], QUICK ? 20 : 120, 1);
const params = neoNeXtParams(config, syntheticStateDict(neoNeXtSchema(config)));
// Kernel sets: each 1-thread variant, and relaxed SIMD on a shared memory for the N-thread row (Chromium has relaxed SIMD).
const kernelSets: KernelSetName[] = [...SIMD, 'relaxed-shared'];
const workDir = mkdtempSync(join(tmpdir(), 'neocc-bench-browser-'));
// --quick builds no shared-memory kernels with asc: the N-thread neocc row then says what is missing.
const assets: BenchAssets = await prepareAssets({ config, params, forms: FORMS, kernelSets, committedOnly: new Set(QUICK ? ['relaxed-shared'] : []), workDir, log });

async function open(path = '/'): Promise<ChromiumPage> {
  return openChromiumPage({ args: WEBGPU_CHROMIUM_FLAGS, route: assets.route, ready: BENCH_GLOBAL, installHelp: INSTALL_HELP, headers: BENCH_HEADERS, path, readyTimeoutMs: 60_000 });
}

/** The page's BenchApi, called through page.evaluate (arguments and results are JSON). */
const on = (p: ChromiumPage) => ({
  info: (): Promise<PageInfo> => p.page.evaluate((name) => (globalThis as unknown as Record<string, BenchApi>)[name]!.info(), BENCH_GLOBAL),
  run: (spec: RowSpec): Promise<RowOutcome> => p.page.evaluate(([name, s]) => (globalThis as unknown as Record<string, BenchApi>)[name]!.run(s), [BENCH_GLOBAL, spec] as const),
  cold: (): Promise<ColdMeasurement | RowError | undefined> => p.page.evaluate((name) => (globalThis as unknown as Record<string, BenchApi>)[name]!.cold(), BENCH_GLOBAL),
});

let report: BrowserBenchReport;
// A missing Chromium or a failed launch: one line with how to install it, no stack.
const browser = await open().catch((err: Error) => {
  rmSync(workDir, { recursive: true, force: true });
  return fail(err.message.split('\n').filter((l) => !l.startsWith('[pid=')).slice(0, 2).join(' '));
});
let browserOpen = true;
try {
  const info = await on(browser).info();
  const cdp = await browser.page.context().newCDPSession(browser.page);
  const version = (await cdp.send('Browser.getVersion')) as { product: string; jsVersion: string };
  const threads = args.threads === 'auto' ? Math.max(2, Math.min(4, info.hardwareConcurrency)) : Number(args.threads);
  log(`${version.product} (V8 ${version.jsVersion}) at ${CHROMIUM}; cross-origin isolated ${info.crossOriginIsolated}, ${info.hardwareConcurrency} cores, relaxed SIMD ${info.relaxedSimd}; ` +
    `WebGPU adapter ${'error' in info.adapter ? `none (${info.adapter.error})` : JSON.stringify(info.adapter)}`);
  const specs = rowSpecs({ simd: SIMD, forms: FORMS, threads, warmup: WARMUP, runs: RUNS, budgetMs: ROW_SECONDS * 1000 }).filter((s) => DEVICES.includes(s.device));
  const outcomes: RowOutcome[] = [];
  for (const [i, spec] of specs.entries()) {
    log(`[${i + 1}/${specs.length}] ${spec.id} …`);
    const t = performance.now();
    const outcome = await on(browser).run(spec);
    outcomes.push(outcome);
    log(`[${i + 1}/${specs.length}] ${spec.id}: ${'error' in outcome ? outcome.error : `median ${[...outcome.samplesMs].sort((x, y) => x - y)[outcome.samplesMs.length >> 1]!.toFixed(1)} ms`} (${((performance.now() - t) / 1000).toFixed(1)} s)`);
  }
  const golden = config.name === 'neonext-t-224' && args.model === 'neonext-t-224'
    ? (JSON.parse(readFileSync('test/fixtures/model/neonext-t-224.synthetic.json', 'utf8')) as { logits: number[] }).logits : undefined;
  const rows = specs.map((spec, i) => summarizeRow(spec, outcomes[i]!, threads));
  const check = checkRows(rows, outcomes, golden);
  const cold: ColdResult[] = [];
  if (!args['no-cold']) {
    const coldSpecs = coldRowSpecs(check.rows);
    assets.pageConfig = { config, coldRows: coldSpecs };
    await browser.close();
    browserOpen = false;
    for (const spec of coldSpecs) {
      log(`cold start ${spec.id}: fresh browser profile …`);
      let page: ChromiumPage | undefined;
      let outcome: ColdMeasurement | RowError;
      try {
        page = await open(`/?cold=${spec.id}`);
        outcome = (await on(page).cold()) ?? { error: 'the page ran no cold row', notSupported: false };
      } catch (err) {
        outcome = { error: (err as Error).message.split('\n')[0]!, notSupported: false };
      } finally {
        await page?.close();
      }
      const c = summarizeCold(spec, outcome, check.reference);
      log(`cold start ${spec.id}: ${c.status === 'ok' ? `${c.pageToFirstResultMs!.toFixed(0)} ms to first logits` : `${c.status}: ${c.note}`}`);
      cold.push(c);
    }
  }
  const host = machineInfo();
  report = {
    bench: 'browser', date: new Date().toISOString(),
    host: { ...host, chromium: version.product, chromiumV8: version.jsVersion, page: info },
    model: config.name, batch: 1, threads, warmup: WARMUP, runs: RUNS, rowSeconds: ROW_SECONDS, quick: QUICK,
    neoccKernels: Object.fromEntries(kernelSets.map((s) => [s, assets.kernels[s]!])),
    exports: assets.exports,
    crossCheck: { reference: check.referenceLabel, threshold: check.threshold, passed: check.passed && cold.every((c) => c.status !== 'failed') },
    rows: check.rows, cold,
    totalSeconds: Math.round((performance.now() - started) / 100) / 10,
  };
} finally {
  if (browserOpen) await browser.close();
  rmSync(workDir, { recursive: true, force: true });
}

const out = args.out ?? `bench/results/browser-${hostTag(report.host)}.json`;
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
const html = out.replace(/\.json$/, '') + '.html';
writeFileSync(html, reportHtml(report));
process.stdout.write(`${formatTable(report)}\n`);
log(`wrote ${out} and ${html} (${report.totalSeconds} s)`);
process.exit(0);
