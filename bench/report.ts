import type { VariantName } from './neocell-variants.js';

/** One variant at one shape, as measured. */
export interface VariantResult {
  readonly medianUs: number;
  readonly gflops: number;
  readonly gbs: number;
  /** Launches per timed sample (one pass). */
  readonly reps: number;
  /** Relative L2 error of y against the float64 reference (checked < 1e-5 before timing). */
  readonly relL2: number;
  readonly samplesUs: readonly number[];
  readonly detail: Readonly<Record<string, unknown>>;
}

export interface ShapeResult {
  readonly id: string;
  readonly label: string;
  readonly inputShape: readonly number[];
  readonly outputShape: readonly number[];
  readonly spec: unknown;
  /** 2 × the block-aware MACs (neoCellForwardMacs): the work every variant is credited with. */
  readonly usefulFlops: number;
  /** 2 × the MACs the dense method actually executes. */
  readonly denseFlops: number;
  /** x read once + y written once + the compact weights once, f32. */
  readonly minBytes: number;
  readonly variants: Readonly<Record<VariantName, VariantResult>>;
  /** Median over rounds of the per-round time ratio other/specialized (paired, so machine drift cancels). */
  readonly speedup: { readonly specializedOverDense: number; readonly specializedOverGeneric: number };
}

const num = (v: number, digits: number, width: number): string => v.toFixed(digits).padStart(width);

/** Per-shape rows (one per variant) followed by a one-line-per-shape summary of the ratios. */
export function formatTable(shapes: readonly ShapeResult[]): string {
  const lines: string[] = [];
  const head = `${'shape'.padEnd(9)} ${'variant'.padEnd(12)} ${'time µs'.padStart(10)} ${'GFLOP/s'.padStart(8)} ${'GB/s'.padStart(7)} ${'rel.L2'.padStart(8)} ${'reps'.padStart(4)}`;
  lines.push(head, '-'.repeat(head.length));
  for (const s of shapes) {
    lines.push(`${s.id.padEnd(9)} ${s.label}`);
    const dense = s.variants.dense;
    const denseRate = s.denseFlops / (dense.medianUs * 1e3);
    lines.push(`${''.padEnd(9)} useful ${(s.usefulFlops / 1e6).toFixed(2)} MFLOP, fewest bytes ${(s.minBytes / 1e6).toFixed(3)} MB; dense executes ${(s.denseFlops / 1e6).toFixed(1)} MFLOP (${denseRate.toFixed(2)} GFLOP/s executed)`);
    const steps = (dense.detail.steps ?? []) as readonly { op: string; tile: string }[];
    lines.push(`${''.padEnd(9)} dense kernels: ${steps.map((st) => `${st.op} ${st.tile}`).join('; ')}`);
    for (const [name, v] of Object.entries(s.variants)) {
      lines.push(`${''.padEnd(9)} ${name.padEnd(12)} ${num(v.medianUs, 1, 10)} ${num(v.gflops, 2, 8)} ${num(v.gbs, 2, 7)} ${v.relL2.toExponential(1).padStart(8)} ${String(v.reps).padStart(4)}`);
    }
  }
  lines.push('', 'summary (median µs; speedup = median of per-round time ratios, > 1 means specialized is faster)');
  const sumHead = `${'shape'.padEnd(9)} ${'C x H x W'.padEnd(14)} ${'specialized'.padStart(11)} ${'generic'.padStart(10)} ${'dense'.padStart(10)} ${'spec/dense'.padStart(10)} ${'spec/generic'.padStart(12)}`;
  lines.push(sumHead, '-'.repeat(sumHead.length));
  for (const s of shapes) {
    const [, c, h, w] = s.inputShape;
    lines.push(`${s.id.padEnd(9)} ${`${c}x${h}x${w}`.padEnd(14)} ${num(s.variants.specialized.medianUs, 1, 11)} ${num(s.variants.generic.medianUs, 1, 10)} ${num(s.variants.dense.medianUs, 1, 10)} ${`${s.speedup.specializedOverDense.toFixed(2)}x`.padStart(10)} ${`${s.speedup.specializedOverGeneric.toFixed(2)}x`.padStart(12)}`);
  }
  return lines.join('\n');
}
