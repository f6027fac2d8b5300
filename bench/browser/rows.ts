import type { OnnxForm } from '../../compiler/onnx/export-neonext.js';
import { relativeL2Error } from '../../nn/tensor.js';
import { median } from '../timing.js';
import type { ColdResult, RowResult } from './report.js';
import type { ColdMeasurement, NeoccSimd, RowError, RowOutcome, RowSpec } from './protocol.js';

/** The rows of one bench run, how each outcome becomes a row, and the logits cross-check. */

/** neocc vs the reference ORT row: the logits must agree to this relative L2, or the row is marked failed. */
export const CROSS_CHECK_THRESHOLD = 1e-3;

const round = (x: number): number => Math.round(x * 100) / 100;

/** wasm 1 thread (each neocc SIMD variant, each ORT form), wasm N threads, WebGPU. */
export function rowSpecs(o: { simd: readonly NeoccSimd[]; forms: readonly OnnxForm[]; threads: number; warmup: number; runs: number; budgetMs: number }): RowSpec[] {
  const t = { warmup: o.warmup, runs: o.runs, budgetMs: o.budgetMs };
  const wasm = (threads: number, simd: readonly NeoccSimd[]): RowSpec[] => [
    ...simd.map((s): RowSpec => ({ id: `neocc-wasm-${s}-${threads}t`, engine: 'neocc', device: 'wasm', threads, simd: s, ...t })),
    ...o.forms.map((form): RowSpec => ({ id: `ort-wasm-${form}-${threads}t`, engine: 'onnxruntime-web', device: 'wasm', threads, form, ...t })),
  ];
  return [
    ...wasm(1, o.simd),
    // Threads: relaxed SIMD, the variant whose shared-memory kernels ship (generated/wasm-relaxed-simd-shared); Chromium has it.
    ...wasm(o.threads, ['relaxed']),
    { id: 'neocc-webgpu', engine: 'neocc', device: 'webgpu', threads: 1, ...t },
    ...o.forms.map((form): RowSpec => ({ id: `ort-webgpu-${form}`, engine: 'onnxruntime-web', device: 'webgpu', threads: 1, form, ...t })),
  ];
}

export function rowLabel(s: RowSpec): string {
  const engine = s.engine === 'neocc' ? `neocc ${s.device}${s.simd ? ` ${s.simd}` : ''}` : `ORT-web ${s.device} ${s.form}`;
  return s.device === 'wasm' ? `${engine} ${s.threads}t` : engine;
}

const groupOf = (s: RowSpec): string => (s.device === 'webgpu' ? 'WebGPU' : `wasm, ${s.threads} thread${s.threads > 1 ? 's' : ''}`);

/** A measured row (times rounded to 0.01 ms), or its reason: the engine's `not supported: …`, or an error. */
export function summarizeRow(spec: RowSpec, outcome: RowOutcome, threads: number): RowResult {
  const base = { spec, label: rowLabel(spec), group: groupOf({ ...spec, threads: spec.device === 'wasm' ? spec.threads : threads }) };
  if ('error' in outcome) return { ...base, status: outcome.notSupported ? 'not supported' : 'failed', note: outcome.error };
  const a = outcome.adapter;
  return {
    ...base, status: 'ok', runtime: outcome.runtime,
    ...(a ? { adapter: [a.vendor, a.architecture, a.device, a.description].filter(Boolean).join(' / ') } : {}),
    loadMs: round(outcome.loadMs), firstRunMs: round(outcome.firstRunMs),
    medianMs: round(median(outcome.samplesMs)), minMs: round(Math.min(...outcome.samplesMs)), samplesMs: outcome.samplesMs.map(round),
  };
}

/**
 * The cross-check: every ok row's logits vs the reference — onnxruntime-web's wasm EP, one thread, on the dense form
 * (upstream's method) when it ran, else its first ok form — and vs upstream's golden logits where given. A row over
 * the threshold becomes `failed`; with no reference, every neocc row fails (nothing vouches for its numbers).
 */
export function checkRows(rows: readonly RowResult[], outcomes: readonly RowOutcome[], golden?: readonly number[]):
  { rows: RowResult[]; reference?: readonly number[]; referenceLabel: string; threshold: number; passed: boolean } {
  const candidates = rows.map((r, i) => ({ r, i })).filter(({ r }) => r.status === 'ok' && r.spec.engine === 'onnxruntime-web' && r.spec.device === 'wasm' && r.spec.threads === 1);
  const ref = candidates.find(({ r }) => r.spec.form === 'dense') ?? candidates[0];
  const reference = ref ? (outcomes[ref.i] as Exclude<RowOutcome, RowError>).logits : undefined;
  const checked = rows.map((r, i): RowResult => {
    if (r.status !== 'ok') return r;
    const logits = (outcomes[i] as Exclude<RowOutcome, RowError>).logits;
    const vsGolden = golden ? { relL2VsGolden: relativeL2Error(logits, golden) } : {};
    if (!reference) return { ...r, ...vsGolden, status: 'failed', note: 'no onnxruntime-web wasm 1-thread logits to check against' };
    const e = relativeL2Error(logits, reference);
    const ok = e < CROSS_CHECK_THRESHOLD;
    return { ...r, ...vsGolden, relL2VsOrt: e, ...(ok ? {} : { status: 'failed', note: `logits off: rel. L2 ${e.toExponential(2)} vs the reference >= ${CROSS_CHECK_THRESHOLD}` }) };
  });
  return {
    rows: checked, ...(reference ? { reference } : {}), referenceLabel: ref ? ref.r.label : 'none (no ORT wasm 1-thread row ran)',
    threshold: CROSS_CHECK_THRESHOLD, passed: reference !== undefined && checked.every((r) => r.status !== 'failed'),
  };
}

/** One cold start per engine and device: neocc's best 1-thread wasm variant and WebGPU, ORT's fastest form of each. */
export function coldRowSpecs(rows: readonly RowResult[]): RowSpec[] {
  const best = (engine: RowSpec['engine'], device: RowSpec['device']): RowSpec | undefined => {
    const list = rows.filter((r) => r.spec.engine === engine && r.spec.device === device && r.spec.threads === 1);
    const ok = list.filter((r) => r.status === 'ok').sort((a, b) => a.medianMs! - b.medianMs!);
    return (ok[0] ?? list[0])?.spec;
  };
  const picks = [best('neocc', 'wasm'), best('onnxruntime-web', 'wasm'), best('neocc', 'webgpu'), best('onnxruntime-web', 'webgpu')];
  return picks.filter((s): s is RowSpec => s !== undefined).map((s) => ({ ...s, id: `cold-${s.id}`, warmup: 0, runs: 0 }));
}

export function summarizeCold(spec: RowSpec, outcome: ColdMeasurement | RowError, reference: readonly number[] | undefined): ColdResult {
  const label = rowLabel(spec);
  if ('error' in outcome) return { id: spec.id, label, status: outcome.notSupported ? 'not supported' : 'failed', note: outcome.error };
  const e = reference ? relativeL2Error(outcome.logits, reference) : undefined;
  const ok = e !== undefined && e < CROSS_CHECK_THRESHOLD;
  return {
    id: spec.id, label, status: ok ? 'ok' : 'failed', ...(ok ? {} : { note: e === undefined ? 'no reference logits' : `logits off: rel. L2 ${e.toExponential(2)}` }),
    pageToFirstResultMs: round(outcome.pageToFirstResultMs), scriptStartMs: round(outcome.scriptStartMs),
    loadMs: round(outcome.loadMs), firstRunMs: round(outcome.firstRunMs), ...(e !== undefined ? { relL2VsOrt: e } : {}),
  };
}
