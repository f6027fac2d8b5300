/**
 * The peers a user would pick instead of neocc (docs/DESIGN-NOTES.md §7): ONNX Runtime on the same model, same machine.
 * NeoNeXt-T-224, synthetic weights (golden/README.md), batch 1, the same thread count everywhere (`--threads`, default 1):
 * - onnxruntime-node (CPU EP, intraOpNumThreads N) and onnxruntime-web (wasm EP, numThreads N, in Node) on the
 *   model `neocc export-onnx` writes, in every form (dense = upstream method, lean = folded, blocks = lean with
 *   block-wise NeoCells; compiler/onnx);
 * - neocc `--backend wasm` (WasmBackend with that many threads), timed in the same interleaved rounds, and with
 *   `--threads` > 1 also neocc on one thread in those rounds (the 1→N scaling of one run);
 * - the neocc float64 reference, for scale (one run: it is slow).
 * Latency = wall time of one `session.run` / `model.forward` including input upload and logits readback; median
 * of the timed runs after warm-up, every wasm module compiled straight to V8's optimizing tier (below). The ORT sessions and neocc are timed interleaved, round by round, so machine noise
 * hits all of them alike; before each timed run the process is let go quiet (bench/settle.ts: thread pools spin for
 * tens of ms after a run, and the next row must not share the cores with them). Each row's logits are checked
 * against upstream's golden NeoNeXt-T-224 logits.
 *
 * After the rounds, a per-kernel breakdown of neocc's forward (each dispatch timed, median of 3 profiled forwards,
 * summed by kernel and by module) and the ratios the issues track: neocc vs onnxruntime-web's fastest form, vs the
 * fastest ONNX Runtime row, and neocc's 1→N thread scaling (ratio of the medians, and per round), beside the host's own
 * 1→N ceiling in the same rounds (bench/thread-ceiling.ts: a compute-bound kernel through the same thread pool).
 *
 * The report names the host (bench/host.ts): CPU model and SIMD flags, V8 version, and which wasm SIMD variant neocc
 * ran (`--wasm-simd`, default auto: relaxed SIMD's FMA kernels where the engine has it; Node 20 gets the V8 flag
 * here, as bin/neocc.mjs sets it).
 *
 *   npm run bench:onnx -- [--runs 15] [--web-runs 7] [--neocc-runs 25] [--threads 1] [--wasm-simd auto] [--out bench/results/onnx-peers.json]
 */
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import * as ortNode from 'onnxruntime-node';
import * as ortWeb from 'onnxruntime-web';
import { ONNX_FORMS, exportNeoNeXtOnnx, type OnnxForm } from '../compiler/onnx/export-neonext.js';
import { NotSupportedError } from '../compiler/errors.js';
import { releasedConfig } from '../compiler/spec/model-config.js';
import { neoNeXtSchema } from '../compiler/spec/neonext-state-dict.js';
import { neoNeXtParams } from '../nn/neonext-params.js';
import { neoNeXtForward } from '../nn/reference/neonext.js';
import { relativeL2Error } from '../nn/tensor.js';
import { enableRelaxedSimdInNode } from '../runtime/wasm/node-v8-flags.js';
import { parseWasmSimdMode } from '../runtime/wasm/simd-variant.js';
import { WasmBackend } from '../runtime/wasm/wasm-backend.js';
import type { DispatchTiming, WasmNeoNeXt } from '../runtime/wasm/wasm-neonext.js';
import { syntheticInput, syntheticStateDict } from '../runtime/weights/synthetic.js';
import { benchArgs } from './cli-args.js';
import { hostInfo, hostLine } from './host.js';
import { onnxPeersRows, previousResultReport } from './previous-result.js';
import { settleUntilQuiet } from './settle.js';
import { threadCeiling } from './thread-ceiling.js';
import { median } from './timing.js';

const args = benchArgs('npm run bench:onnx -- [--runs 15] [--web-runs 7] [--neocc-runs 25] [--threads 1] [--wasm-simd auto] [--out bench/results/onnx-peers.json]', {
  options: {
    runs: { type: 'string', default: '15' },
    'web-runs': { type: 'string', default: '7' },
    // More than ORT-node's: the 1→N scaling is a ratio of two neocc medians, noisier than either. On a 2-vCPU cloud
    // host (Intel Xeon) the per-round ratio spread over 1.4-2.3x (other tenants), and the ratio of medians of 15 rounds
    // was 1.69-1.85x over four runs of the same code.
    'neocc-runs': { type: 'string', default: '25' },
    out: { type: 'string', default: 'bench/results/onnx-peers.json' },
    threads: { type: 'string', default: '1' },
    'wasm-simd': { type: 'string', default: 'auto' },
  },
});
const RUNS = Number(args.runs);
const WEB_RUNS = Number(args['web-runs']);
const NEOCC_RUNS = Number(args['neocc-runs']);
const WARMUP = 2;
// Every WebAssembly module of the process (ORT-web's and neocc's, all compiled after this line) goes straight to V8's
// optimizing tier, as `neocc` itself runs them (bin/neocc.mjs). With V8's default dynamic tiering, when a module's
// hot functions get optimized varies from run to run: neocc's median moved between 383 and 543 ms across runs with 2
// warm-ups, and needed ~8 forwards to settle; the steady state is what this bench compares.
setFlagsFromString('--no-wasm-dynamic-tiering');
enableRelaxedSimdInNode();
const WASM_SIMD = parseWasmSimdMode(args['wasm-simd']!, '--wasm-simd');
/** Threads for every runtime (ORT-node intra-op, ORT-web numThreads, neocc WasmBackend); 1 is the issue's comparison. */
const THREADS = Number(args.threads);
if (!Number.isInteger(THREADS) || THREADS < 1) throw new Error(`--threads must be a positive integer, got ${args.threads}`);
const threadText = `${THREADS} thread${THREADS > 1 ? 's' : ''}`;

interface Row {
  name: string;
  runtime: string;
  form?: OnnxForm;
  status: 'ok' | 'not supported yet' | 'failed';
  note?: string;
  medianMs?: number;
  minMs?: number;
  imagesPerSecond?: number;
  runs?: number;
  loadMs?: number;
  /** rel. L2 of the logits vs upstream's golden NeoNeXt-T-224 synthetic logits. */
  relL2VsGolden?: number;
  samplesMs?: number[];
}

const log = (text: string): void => { process.stderr.write(`${text}\n`); };
const config = releasedConfig('neonext-t', 224);
const golden = (JSON.parse(readFileSync('test/fixtures/model/neonext-t-224.synthetic.json', 'utf8')) as { logits: number[] }).logits;
const params = neoNeXtParams(config, syntheticStateDict(neoNeXtSchema(config)));
const input = syntheticInput(224);
const input32 = Float32Array.from(input.data);
const started = performance.now();

function summarize(row: Row, samples: number[], logits: ArrayLike<number>): Row {
  const med = median(samples);
  return {
    ...row, status: 'ok', medianMs: round(med), minMs: round(Math.min(...samples)), imagesPerSecond: round(1000 / med),
    runs: samples.length, relL2VsGolden: relativeL2Error(logits, golden), samplesMs: samples.map(round),
  };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

// --- ONNX Runtime: export both forms, open all four sessions, time them interleaved. ---
ortWeb.env.wasm.numThreads = THREADS;
interface Peer {
  row: Row;
  run(): Promise<ArrayLike<number>>;
  samples: number[];
  logits?: ArrayLike<number>;
  maxRuns: number;
}
const peers: Peer[] = [];
const exports: Record<string, { bytes: number; nodes: number; exportMs: number }> = {};
for (const form of ONNX_FORMS) {
  const t0 = performance.now();
  const e = exportNeoNeXtOnnx(config, params, form);
  exports[form] = { bytes: e.bytes.length, nodes: e.nodeCount, exportMs: round(performance.now() - t0) };
  log(`export ${form}: ${(e.bytes.length / 2 ** 20).toFixed(1)} MiB, ${e.nodeCount} nodes, ${exports[form]!.exportMs} ms`);
  const t1 = performance.now();
  const node = await ortNode.InferenceSession.create(e.bytes, { intraOpNumThreads: THREADS, interOpNumThreads: 1, executionMode: 'sequential' });
  const nodeLoad = performance.now() - t1;
  const nodeInput = new ortNode.Tensor('float32', input32, [1, 3, 224, 224]);
  peers.push({
    row: { name: `onnxruntime-node ${form}`, runtime: `onnxruntime-node ${ortNode.env.versions.node ?? ''} CPU EP, intraOpNumThreads ${THREADS}`, form, status: 'ok', loadMs: round(nodeLoad) },
    run: async () => (await node.run({ input: nodeInput })).logits!.data as Float32Array,
    samples: [], maxRuns: RUNS,
  });
  const t2 = performance.now();
  const web = await ortWeb.InferenceSession.create(e.bytes, { executionProviders: ['wasm'] });
  const webLoad = performance.now() - t2;
  const webInput = new ortWeb.Tensor('float32', input32, [1, 3, 224, 224]);
  peers.push({
    row: { name: `onnxruntime-web ${form}`, runtime: `onnxruntime-web ${ortWeb.env.versions.web ?? ''} wasm EP (SIMD), numThreads ${THREADS}, in Node`, form, status: 'ok', loadMs: round(webLoad) },
    run: async () => (await web.run({ input: webInput })).logits!.data as Float32Array,
    samples: [], maxRuns: WEB_RUNS,
  });
}
// --- neocc --backend wasm at THREADS (the wasm backend by name would take every core), timed in the same rounds;
// with THREADS > 1 also on one thread, so the scaling comes from one run. ---
const failed: Row[] = [];
const NEOCC_ROW = 'neocc wasm';
const NEOCC_ONE_THREAD_ROW = 'neocc wasm 1 thread';
const neoccBackends: WasmBackend[] = [];
let profiled: WasmNeoNeXt | undefined;
for (const [name, threads] of [[NEOCC_ROW, THREADS], ...(THREADS > 1 ? [[NEOCC_ONE_THREAD_ROW, 1] as const] : [])] as const) {
  try {
    const backend = await WasmBackend.create({ threads, simd: WASM_SIMD });
    neoccBackends.push(backend);
    const t0 = performance.now();
    const model = await backend.loadModel(config, params);
    profiled ??= model;
    peers.push({
      row: { name, runtime: `neocc --backend wasm: ${backend.description}`, status: 'ok', loadMs: round(performance.now() - t0) },
      run: async () => (await model.forward(input)).data,
      samples: [], maxRuns: NEOCC_RUNS,
    });
  } catch (err) {
    failed.push({ name, runtime: `neocc --backend wasm, ${threads} thread(s)`, status: err instanceof NotSupportedError ? 'not supported yet' : 'failed', note: (err as Error).message });
  }
}

for (const p of peers) for (let i = 0; i < WARMUP; i++) p.logits = await p.run();
// Before each timed run the process must be quiet (bench/settle.ts): no row shares the cores with the previous row's
// spinning pool. How long that took is reported (settleMs).
const settleSamples: number[] = [];
const settle = async (): Promise<void> => {
  settleSamples.push(await settleUntilQuiet());
};
// With N > 1 threads, the host's own 1→N ceiling in the rounds neocc's rows run in (bench/thread-ceiling.ts).
const ceiling = THREADS > 1 && neoccBackends.length > 0 ? await threadCeiling(neoccBackends[0]!.target, THREADS) : undefined;
const ceilingRatios: number[] = [];
for (let round_ = 0; round_ < Math.max(RUNS, WEB_RUNS, NEOCC_RUNS); round_++) {
  for (const p of peers) {
    if (p.samples.length >= p.maxRuns) continue;
    await settle();
    const t = performance.now();
    p.logits = await p.run();
    p.samples.push(performance.now() - t);
  }
  if (ceiling && round_ < NEOCC_RUNS) {
    await settle();
    ceilingRatios.push(ceiling.round());
  }
}
await ceiling?.dispose();
const rows: Row[] = [...peers.map((p) => summarize(p.row, p.samples, p.logits!)), ...failed];
for (const r of rows) log(`${r.name}: median ${r.medianMs} ms`);
const profile = profiled ? await neoccProfile(profiled) : undefined;
const target = neoccBackends[0]?.target;
for (const b of neoccBackends) await b.dispose();

// --- neocc float64 reference, one run, for scale. ---
{
  const t = performance.now();
  const logits = neoNeXtForward(config, params, input);
  rows.push(summarize({ name: 'neocc reference (float64)', runtime: 'nn/reference, float64 JS, 1 thread', status: 'ok' }, [performance.now() - t], logits.data));
}

const host = hostInfo(target);
const settleMs = { median: round(median(settleSamples)), max: round(Math.max(...settleSamples)) };
const rowRatios = ratios(rows);
const lines = [
  `NeoNeXt-T-224 (synthetic weights), batch 1, ${threadText} · ${hostLine(host)}`,
  `${'runtime'.padEnd(28)}${'median ms'.padStart(11)}${'min ms'.padStart(10)}${'img/s'.padStart(9)}${'runs'.padStart(6)}${'load ms'.padStart(10)}${'rel L2 vs golden'.padStart(18)}`,
  ...rows.map((r) => r.status !== 'ok'
    ? `${r.name.padEnd(28)}${r.status} (${r.note ?? ''})`
    : `${r.name.padEnd(28)}${String(r.medianMs).padStart(11)}${String(r.minMs).padStart(10)}${String(r.imagesPerSecond).padStart(9)}` +
      `${String(r.runs).padStart(6)}${String(r.loadMs ?? '').padStart(10)}${r.relL2VsGolden!.toExponential(2).padStart(18)}`),
  ...ratioLines(rowRatios),
  ...(profile ? profileLines(profile) : []),
  `quiet before each timed run (bench/settle.ts): median ${settleMs.median} ms, longest ${settleMs.max} ms`,
  `exported models: ${ONNX_FORMS.map((f) => `${f} ${(exports[f]!.bytes / 2 ** 20).toFixed(1)} MiB / ${exports[f]!.nodes} nodes`).join(', ')}`,
];
process.stdout.write(`${lines.join('\n')}\n`);
const report = {
  bench: 'onnx-peers', date: new Date().toISOString(), host, model: config.name, batch: 1, threads: THREADS,
  warmup: WARMUP, settleMs,
  exports, rows, ratios: rowRatios, neoccProfile: profile, totalSeconds: round((performance.now() - started) / 1000),
};
// Against the newest committed result on this host class (read from git HEAD, so not the file written below).
process.stdout.write(`${previousResultReport({ bench: 'onnx-peers', current: report, rowsOf: onnxPeersRows }).join('\n')}\n`);
mkdirSync(dirname(args.out), { recursive: true });
writeFileSync(args.out, `${JSON.stringify(report, null, 2)}\n`);
log(`wrote ${args.out} (${report.totalSeconds} s)`);
process.exit(0);

/** Median ms per dispatch over 3 profiled forwards, summed by kernel and by module (largest first). */
async function neoccProfile(model: WasmNeoNeXt): Promise<{ forwardMs: number; byKernel: ProfileEntry[]; byModule: ProfileEntry[] }> {
  const runs: DispatchTiming[][] = [];
  for (let i = 0; i < 3; i++) runs.push(await model.profile(input));
  const perDispatch = runs[0]!.map((d, i) => ({ ...d, ms: median(runs.map((r) => r[i]!.ms)) }));
  const forwardMs = perDispatch.reduce((sum, d) => sum + d.ms, 0);
  const sumBy = (key: (d: DispatchTiming) => string): ProfileEntry[] => {
    const groups = new Map<string, { ms: number; dispatches: number }>();
    for (const d of perDispatch) {
      const g = groups.get(key(d)) ?? { ms: 0, dispatches: 0 };
      groups.set(key(d), { ms: g.ms + d.ms, dispatches: g.dispatches + 1 });
    }
    return [...groups].map(([name, g]) => ({ name, ms: round(g.ms), dispatches: g.dispatches, share: round(g.ms / forwardMs) }))
      .sort((a, b) => b.ms - a.ms);
  };
  return { forwardMs: round(forwardMs), byKernel: sumBy((d) => d.kernel), byModule: sumBy((d) => d.module) };
}

interface ProfileEntry { name: string; ms: number; dispatches: number; share: number }

function profileLines(p: { forwardMs: number; byKernel: ProfileEntry[]; byModule: ProfileEntry[] }): string[] {
  const table = (title: string, entries: ProfileEntry[]): string[] => [
    `${title.padEnd(36)}${'ms'.padStart(9)}${'share'.padStart(8)}${'dispatches'.padStart(12)}`,
    ...entries.map((e) => `${e.name.padEnd(36)}${e.ms.toFixed(2).padStart(9)}${`${(100 * e.share).toFixed(1)}%`.padStart(8)}${String(e.dispatches).padStart(12)}`),
  ];
  return [
    `neocc wasm per-kernel breakdown (${threadText}, each dispatch timed, median of 3 forwards; sum ${p.forwardMs} ms):`,
    ...table('kernel', p.byKernel), ...table('module', p.byModule),
  ];
}

/** neocc vs onnxruntime-web's fastest form and vs the fastest ONNX Runtime row; 1→N threads when both ran. */
function ratios(all: readonly Row[]): Record<string, number | string> {
  const ok = all.filter((r) => r.status === 'ok' && r.medianMs !== undefined);
  const fastest = (prefix: string): Row | undefined => ok.filter((r) => r.name.startsWith(prefix)).sort((a, b) => a.medianMs! - b.medianMs!)[0];
  const neoccRow = ok.find((r) => r.name === NEOCC_ROW);
  const oneThread = ok.find((r) => r.name === NEOCC_ONE_THREAD_ROW);
  const web = fastest('onnxruntime-web');
  const ort = fastest('onnxruntime');
  const out: Record<string, number | string> = {};
  if (neoccRow && web) Object.assign(out, { fastestOrtWeb: web.name, vsFastestOrtWeb: round(web.medianMs! / neoccRow.medianMs!) });
  if (neoccRow && ort) Object.assign(out, { fastestOrt: ort.name, vsFastestOrt: round(ort.medianMs! / neoccRow.medianMs!) });
  if (neoccRow && oneThread) {
    out.neoccThreadScaling = round(oneThread.medianMs! / neoccRow.medianMs!);
    // Both rows ran once in each round, a second apart: per-round ratios show how much of the spread is the machine's.
    const perRound = neoccRow.samplesMs!.map((ms, i) => oneThread.samplesMs![i]! / ms);
    Object.assign(out, { neoccThreadScalingRoundMedian: round(median(perRound)), neoccThreadScalingRoundMin: round(Math.min(...perRound)), neoccThreadScalingRoundMax: round(Math.max(...perRound)) });
  }
  if (ceilingRatios.length > 0) {
    Object.assign(out, { hostThreadCeiling: round(median(ceilingRatios)), hostThreadCeilingMin: round(Math.min(...ceilingRatios)), hostThreadCeilingMax: round(Math.max(...ceilingRatios)) });
  }
  return out;
}

function ratioLines(r: Record<string, number | string>): string[] {
  return [
    ...(r.vsFastestOrtWeb !== undefined ? [`neocc wasm vs ${r.fastestOrtWeb} (fastest onnxruntime-web form), ${threadText}: ${r.vsFastestOrtWeb}× faster`] : []),
    ...(r.vsFastestOrt !== undefined ? [`neocc wasm vs ${r.fastestOrt} (fastest ONNX Runtime row): ${r.vsFastestOrt}× faster`] : []),
    ...(r.neoccThreadScaling !== undefined
      ? [`neocc wasm 1 → ${THREADS} threads: ${r.neoccThreadScaling}× (medians of the same rounds; per round: median ${r.neoccThreadScalingRoundMedian}×, ${r.neoccThreadScalingRoundMin}–${r.neoccThreadScalingRoundMax}×)`]
      : []),
    ...(r.hostThreadCeiling !== undefined
      ? [`host 1 → ${THREADS} threads, compute-bound probe (bench/thread-ceiling.ts) in the same rounds: median ${r.hostThreadCeiling}×, ${r.hostThreadCeilingMin}–${r.hostThreadCeilingMax}×`]
      : []),
  ];
}
