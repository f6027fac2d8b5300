import { execFileSync } from 'node:child_process';

/**
 * A bench run compared with the newest committed result of the same bench on the same host class, printed at the
 * end of `bench:onnx` and `bench:wasm-gemm` (issue 13: a figure must not flatter by being set against another CPU).
 *
 * Host class = CPU model string + set of SIMD flags + thread count:
 * - the CPU model and its SIMD flags decide what the kernels can issue (the same code ran 29-40 GFLOP/s on an AMD
 *   EPYC, 23-29 on an Intel Xeon; AVX-512/FMA decide whether relaxed_madd fuses). Flags compare as a set: the order
 *   /proc/cpuinfo lists them in is not part of the hardware;
 * - the thread count changes every wall time in the bench, so a 2-thread run is no baseline for a 1-thread one.
 * Not in the class: core count (a VM of the same CPU with more cores runs a 1-thread bench alike), V8 version, wasm
 * SIMD variant and load average — those are what a comparison should reveal, so they are printed beside it.
 *
 * A committed file is one in git's HEAD (`git show HEAD:path`), not the working tree: a run writes its own result
 * over the committed one by default, and that must not become its own baseline.
 */

/** A result file as read: its repository path and parsed JSON. */
export interface ResultFile {
  readonly path: string;
  readonly json: unknown;
}

export interface HostClass {
  readonly cpu: string;
  /** Sorted, without duplicates. */
  readonly simdFlags: readonly string[];
  readonly threads: number;
}

/** One timed row of a bench (lower is better): onnx-peers' runtimes, wasm-gemm's shape × kernel. */
export interface TimedRow {
  readonly key: string;
  readonly ms: number;
}

export interface RowComparison {
  readonly key: string;
  readonly oldMs: number | undefined;
  readonly newMs: number | undefined;
  /** new / old: above 1 is slower. */
  readonly ratio: number | undefined;
  /** |ratio - 1| beyond the noise bound. */
  readonly moved: boolean;
}

/** Default noise bound: ±15% — medians on a shared 2-core machine moved that much between identical runs. */
export const NOISE_BOUND = 0.15;

const record = (v: unknown): Record<string, unknown> | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

/**
 * The host class of a result, or why it has none. `defaultThreads`: what a bench that has always run one fixed
 * thread count (wasm-gemm: 1) records implicitly; otherwise a file without `threads` has no class.
 */
export function hostClassOf(json: unknown, defaultThreads?: number): HostClass | { readonly missing: string } {
  const r = record(json);
  const host = record(r?.host);
  if (!host) return { missing: r && 'machine' in r ? 'no host record (older run: free-text "machine" only)' : 'no host record' };
  if (typeof host.cpu !== 'string' || host.cpu === '') return { missing: 'no host.cpu' };
  const flags = host.cpuSimdFlags;
  if (!Array.isArray(flags) || !flags.every((f) => typeof f === 'string')) return { missing: 'no host.cpuSimdFlags' };
  if (flags.length === 0) return { missing: 'SIMD flags unknown (empty host.cpuSimdFlags)' };
  const threads = typeof r!.threads === 'number' ? r!.threads : defaultThreads;
  if (threads === undefined) return { missing: 'no thread count' };
  return { cpu: host.cpu, simdFlags: [...new Set(flags as string[])].sort(), threads };
}

export function sameHostClass(a: HostClass, b: HostClass): boolean {
  return a.cpu === b.cpu && a.threads === b.threads && a.simdFlags.length === b.simdFlags.length && a.simdFlags.every((f, i) => f === b.simdFlags[i]);
}

/** Why two host classes differ, in a few words (for the skipped list). */
function difference(a: HostClass, b: HostClass): string {
  if (a.cpu !== b.cpu) return `CPU "${a.cpu}"`;
  if (a.threads !== b.threads) return `${a.threads} thread(s)`;
  return 'other SIMD flags';
}

export interface Selection {
  readonly match?: ResultFile;
  /** Files of the same bench that were not comparable, with the reason. */
  readonly skipped: ReadonlyArray<{ readonly path: string; readonly reason: string }>;
}

/** The newest (by `date`) result of `bench` whose host class is `current`'s. */
export function selectPrevious(files: readonly ResultFile[], bench: string, current: HostClass, defaultThreads?: number): Selection {
  const skipped: Array<{ path: string; reason: string }> = [];
  let match: ResultFile | undefined;
  let matchDate = -Infinity;
  for (const f of files) {
    const r = record(f.json);
    if (r?.bench !== bench) continue;
    const cls = hostClassOf(f.json, defaultThreads);
    if ('missing' in cls) {
      skipped.push({ path: f.path, reason: cls.missing });
      continue;
    }
    if (!sameHostClass(cls, current)) {
      skipped.push({ path: f.path, reason: `different host class: ${difference(cls, current)}` });
      continue;
    }
    const date = typeof r.date === 'string' ? Date.parse(r.date) : Number.NaN;
    if (Number.isNaN(date)) {
      skipped.push({ path: f.path, reason: 'no valid date' });
      continue;
    }
    if (date > matchDate) {
      match = f;
      matchDate = date;
    }
  }
  return { ...(match ? { match } : {}), skipped };
}

/** Rows of both runs by key, in the new run's order, then rows only the old run had. */
export function compareRows(old: readonly TimedRow[], now: readonly TimedRow[], noise = NOISE_BOUND): RowComparison[] {
  const before = new Map(old.map((r) => [r.key, r.ms]));
  const keys = [...now.map((r) => r.key), ...old.map((r) => r.key).filter((k) => !now.some((r) => r.key === k))];
  const after = new Map(now.map((r) => [r.key, r.ms]));
  return keys.map((key) => {
    const oldMs = before.get(key);
    const newMs = after.get(key);
    const ratio = oldMs !== undefined && newMs !== undefined && oldMs > 0 ? newMs / oldMs : undefined;
    return { key, oldMs, newMs, ratio, moved: ratio !== undefined && Math.abs(ratio - 1) > noise };
  });
}

/** The comparison as text lines: a header naming the baseline, then one line per row. */
export function formatComparison(previous: ResultFile, rows: readonly RowComparison[], current: unknown, noise = NOISE_BOUND): string[] {
  const describe = (json: unknown): string => {
    const r = record(json);
    const host = record(r?.host);
    const wasm = record(host?.wasm);
    return `V8 ${String(host?.v8 ?? '?')}, wasm SIMD ${String(wasm?.simdVariant ?? '?')}, load ${String(host?.loadAverage ?? '?')}`;
  };
  const prev = record(previous.json);
  const width = Math.max(12, ...rows.map((r) => r.key.length + 2));
  const num = (v: number | undefined): string => (v === undefined ? '-' : String(Math.round(v * 1000) / 1000));
  return [
    `vs ${previous.path} (${String(prev?.date ?? '?')}; same host class; then: ${describe(previous.json)}; now: ${describe(current)}):`,
    `${'row'.padEnd(width)}${'old ms'.padStart(11)}${'new ms'.padStart(11)}${'new/old'.padStart(9)}`,
    ...rows.map((r) => `${r.key.padEnd(width)}${num(r.oldMs).padStart(11)}${num(r.newMs).padStart(11)}` +
      `${(r.ratio === undefined ? '-' : r.ratio.toFixed(2)).padStart(9)}${r.moved ? `  moved > ±${Math.round(noise * 100)}%` : ''}`),
  ];
}

/** Every committed (git HEAD) JSON file under `dir`; throws when git cannot list them. */
export function committedResults(dir = 'bench/results'): ResultFile[] {
  const git = (...args: string[]): string => execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 * 2 ** 20 });
  const paths = git('ls-tree', '-r', '--name-only', 'HEAD', '--', `${dir}/`).split('\n').filter((p) => p.endsWith('.json'));
  return paths.flatMap((path) => {
    try {
      return [{ path, json: JSON.parse(git('show', `HEAD:${path}`)) as unknown }];
    } catch {
      return [];
    }
  });
}

/**
 * The lines a bench prints at its end: the comparison with the newest committed result of `bench` on this host
 * class, or one line saying why there is none. `rowsOf` extracts a result's timed rows (old files may lack some).
 */
export function previousResultReport(o: {
  readonly bench: string;
  readonly current: unknown;
  readonly rowsOf: (json: unknown) => TimedRow[];
  readonly defaultThreads?: number;
  readonly files?: readonly ResultFile[];
  readonly noise?: number;
}): string[] {
  const cls = hostClassOf(o.current, o.defaultThreads);
  if ('missing' in cls) return [`previous result: none compared (this run has ${cls.missing})`];
  let files: readonly ResultFile[];
  try {
    files = o.files ?? committedResults();
  } catch {
    return ['previous result: none compared (git cannot list the committed bench/results)'];
  }
  const { match, skipped } = selectPrevious(files, o.bench, cls, o.defaultThreads);
  if (!match) {
    const why = skipped.length === 0 ? `no committed ${o.bench} result` : `no committed ${o.bench} result on this host class (${skipped.map((s) => `${s.path}: ${s.reason}`).join('; ')})`;
    return [`previous result: none — ${why}`];
  }
  return formatComparison(match, compareRows(o.rowsOf(match.json), o.rowsOf(o.current), o.noise), o.current, o.noise);
}

const rowsArray = (v: unknown): Array<Record<string, unknown>> => (Array.isArray(v) ? v.map(record).filter((r) => r !== undefined) : []);
const timed = (key: unknown, ms: unknown): TimedRow[] => (typeof key === 'string' && typeof ms === 'number' && Number.isFinite(ms) ? [{ key, ms }] : []);

/** bench:onnx rows: each runtime's median (failed runtimes and rows without a median left out). */
export function onnxPeersRows(json: unknown): TimedRow[] {
  return rowsArray(record(json)?.rows).filter((r) => r.status === undefined || r.status === 'ok').flatMap((r) => timed(r.name, r.medianMs));
}

/** bench:wasm-gemm rows: every kernel's median at every shape, keyed "shape kernel". */
export function wasmGemmRows(json: unknown): TimedRow[] {
  return rowsArray(record(json)?.shapes).flatMap((s) => rowsArray(s.kernels).flatMap((k) => timed(`${String(s.id)} ${String(k.name)}`, k.medianMs)));
}
