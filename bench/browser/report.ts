import { barChart, escapeHtml } from '../../compiler/html-chart.js';
import type { HostInfo } from '../host.js';
import type { PageInfo, RowSpec } from './protocol.js';

/** The bench's JSON (bench/results/browser-<host tag>.json), terminal table and HTML chart. */

export type RowStatus = 'ok' | 'not supported' | 'failed';

export interface RowResult {
  readonly spec: RowSpec;
  readonly label: string;
  /** Which comparison the row belongs to: `wasm, 1 thread`, `wasm, 2 threads`, `WebGPU`. */
  readonly group: string;
  readonly status: RowStatus;
  /** Why a row is not ok: the engine's own message (`not supported: …`), an error, or a failed cross-check. */
  readonly note?: string;
  readonly runtime?: string;
  readonly adapter?: string;
  readonly loadMs?: number;
  readonly firstRunMs?: number;
  readonly medianMs?: number;
  readonly minMs?: number;
  readonly samplesMs?: readonly number[];
  /** Relative L2 of the logits vs the reference ORT row's (the cross-check: < crossCheck.threshold or the row fails). */
  readonly relL2VsOrt?: number;
  /** vs upstream's golden logits (test/fixtures), where the config has them. */
  readonly relL2VsGolden?: number;
}

export interface ColdResult {
  readonly id: string;
  readonly label: string;
  readonly status: RowStatus;
  readonly note?: string;
  readonly pageToFirstResultMs?: number;
  readonly scriptStartMs?: number;
  readonly loadMs?: number;
  readonly firstRunMs?: number;
  readonly relL2VsOrt?: number;
}

export interface BrowserBenchReport {
  readonly bench: 'browser';
  readonly date: string;
  readonly host: Omit<HostInfo, 'wasm'> & { readonly chromium: string; readonly chromiumV8: string; readonly page: PageInfo };
  readonly model: string;
  readonly batch: 1;
  readonly threads: number;
  readonly warmup: number;
  readonly runs: number;
  /** Per-row time budget: a row stops timing after this many seconds (at least one timed run); its `samplesMs` says how many ran. */
  readonly rowSeconds: number;
  readonly quick: boolean;
  /** neocc's wasm kernels: which SIMD variants ran and where their binaries came from. */
  readonly neoccKernels: Readonly<Record<string, string>>;
  readonly exports: Readonly<Record<string, { readonly bytes: number; readonly nodes: number }>>;
  readonly crossCheck: { readonly reference: string; readonly threshold: number; readonly passed: boolean };
  readonly rows: readonly RowResult[];
  readonly cold: readonly ColdResult[];
  readonly totalSeconds: number;
}

const ms = (v: number | undefined, w: number): string => (v === undefined ? '' : v.toFixed(1)).padStart(w);
const sci = (v: number | undefined, w: number): string => (v === undefined ? '' : v.toExponential(1)).padStart(w);

/** `ok`, or the status and its reason (an engine's message already reads `not supported: …`). */
const statusText = (r: { status: RowStatus; note?: string }): string =>
  r.status === 'ok' ? 'ok' : r.note?.startsWith(r.status) ? r.note : `${r.status}: ${r.note ?? ''}`;

/** Per group: neocc's best row vs onnxruntime-web's fastest form, as median ORT / median neocc. */
export function comparisons(rows: readonly RowResult[]): { group: string; neocc?: RowResult; ort?: RowResult; ratio?: number }[] {
  const groups = [...new Set(rows.map((r) => r.group))];
  const fastest = (list: RowResult[]): RowResult | undefined => list.filter((r) => r.status === 'ok').sort((a, b) => a.medianMs! - b.medianMs!)[0];
  return groups.map((group) => {
    const neocc = fastest(rows.filter((r) => r.group === group && r.spec.engine === 'neocc'));
    const ort = fastest(rows.filter((r) => r.group === group && r.spec.engine === 'onnxruntime-web'));
    return { group, neocc, ort, ...(neocc && ort ? { ratio: ort.medianMs! / neocc.medianMs! } : {}) };
  });
}

export function formatTable(r: BrowserBenchReport): string {
  const p = r.host.page;
  const adapter = 'error' in p.adapter ? `no adapter (${p.adapter.error})` : `${p.adapter.vendor} ${p.adapter.architecture} ${p.adapter.description}`.trim();
  const lines = [
    `${r.model} (synthetic weights), batch 1, headless Chromium ${r.host.chromium} (V8 ${r.host.chromiumV8}) · ${r.host.cpu}, ${r.host.cores} cores · load ${r.host.loadAverage}`,
    `page: cross-origin isolated ${p.crossOriginIsolated}, hardwareConcurrency ${p.hardwareConcurrency}, relaxed SIMD ${p.relaxedSimd}` +
      `${p.relaxedMaddFused === null ? '' : ` (relaxed_madd ${p.relaxedMaddFused ? 'fused' : 'not fused'})`} · WebGPU adapter: ${adapter}`,
    `neocc wasm kernels: ${Object.entries(r.neoccKernels).map(([k, v]) => `${k} = ${v}`).join('; ')}`,
    `warm: ${r.warmup} warm-up runs after the first, then median/min of ${r.runs} (fewer where a row passed ${r.rowSeconds} s: see runs)${r.quick ? ' (--quick)' : ''}; cross-check: rel. L2 of logits vs ${r.crossCheck.reference} < ${r.crossCheck.threshold}`,
    '',
  ];
  const head = `${'row'.padEnd(34)}${'median ms'.padStart(11)}${'min ms'.padStart(10)}${'load ms'.padStart(10)}${'1st ms'.padStart(10)}${'runs'.padStart(5)}${'vs ORT'.padStart(9)}  status`;
  lines.push(head, '-'.repeat(head.length + 10));
  for (const row of r.rows) {
    lines.push(`${row.label.padEnd(34)}${ms(row.medianMs, 11)}${ms(row.minMs, 10)}${ms(row.loadMs, 10)}${ms(row.firstRunMs, 10)}${String(row.samplesMs?.length ?? '').padStart(5)}${sci(row.relL2VsOrt, 9)}  ` +
      `${statusText(row)}`);
  }
  lines.push('', 'neocc best vs onnxruntime-web fastest form (median; > 1: neocc faster)');
  for (const c of comparisons(r.rows)) {
    lines.push(`  ${c.group.padEnd(18)} ${c.ratio === undefined ? 'no pair of ok rows' : `${c.ratio.toFixed(2)}x  (${c.neocc!.label} ${c.neocc!.medianMs!.toFixed(1)} ms vs ${c.ort!.label} ${c.ort!.medianMs!.toFixed(1)} ms)`}`);
  }
  if (r.cold.length > 0) {
    const coldHead = `${'cold start (fresh profile)'.padEnd(34)}${'page→1st ms'.padStart(12)}${'script ms'.padStart(10)}${'load ms'.padStart(10)}${'1st ms'.padStart(10)}${'vs ORT'.padStart(9)}  status`;
    lines.push('', coldHead, '-'.repeat(coldHead.length + 10));
    for (const c of r.cold) {
      lines.push(`${c.label.padEnd(34)}${ms(c.pageToFirstResultMs, 12)}${ms(c.scriptStartMs, 10)}${ms(c.loadMs, 10)}${ms(c.firstRunMs, 10)}${sci(c.relL2VsOrt, 9)}  ${statusText(c)}`);
    }
  }
  return lines.join('\n');
}

export function reportHtml(r: BrowserBenchReport): string {
  const ok = r.rows.filter((row) => row.status === 'ok');
  const charts = [...new Set(ok.map((row) => row.group))].map((group) =>
    barChart(`${r.model}, ${group}: median ms per forward (shorter is faster)`, ok.filter((row) => row.group === group).map((row) => ({ label: row.label, value: row.medianMs! })), 'ms', 240));
  const cold = r.cold.filter((c) => c.status === 'ok');
  if (cold.length > 0) charts.push(barChart('cold start: page load to first logits', cold.map((c) => ({ label: c.label, value: c.pageToFirstResultMs! })), 'ms', 240));
  const title = `neocc vs onnxruntime-web in Chromium: ${r.model}`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font-family:sans-serif;margin:2em;max-width:70em}pre{background:#f4f4f4;padding:1em;overflow-x:auto}</style></head>
<body><h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(r.date)} · ${escapeHtml(r.host.cpu)}, ${r.host.cores} cores · load ${r.host.loadAverage}</p>
${charts.join('\n')}
<pre>${escapeHtml(formatTable(r))}</pre>
</body></html>
`;
}
