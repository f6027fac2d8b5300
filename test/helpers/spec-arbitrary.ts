import fc from 'fast-check';
import { planNeoCell } from '../../compiler/plan/neocell-plan.js';
import { parseNeoCellSpec, type NeoCellSpec } from '../../compiler/spec/neocell-spec.js';

/** Along one axis all groups either keep the size (square kernels 1–9) or share one kIn→kOut ratio. */
const axisMode = fc.oneof(
  fc.constant({ square: true as const }),
  fc.record({ square: fc.constant(false as const), kIn: fc.integer({ min: 1, max: 4 }), kOut: fc.integer({ min: 1, max: 4 }) })
    .filter((m) => m.kIn !== m.kOut),
);

/**
 * A raw upstream NeoCell spec in one of its key forms (kernel sizes 1–9, shifts, non-square up/down-sampling,
 * sizes that do not divide the kernel, 1–3 groups, batch 1–3), plus an input shape it fits and a data seed.
 */
export const neoCellCaseArb = fc
  .record({
    hMode: axisMode,
    wMode: axisMode,
    groups: fc.array(
      fc.record({
        kh: fc.integer({ min: 1, max: 9 }),
        kw: fc.integer({ min: 1, max: 9 }),
        shiftA: fc.integer({ min: 0, max: 8 }),
        shiftB: fc.integer({ min: 0, max: 8 }),
        channels: fc.integer({ min: 1, max: 6 }),
        sameKernel: fc.boolean(),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    batch: fc.integer({ min: 1, max: 3 }),
    h: fc.integer({ min: 1, max: 20 }),
    w: fc.integer({ min: 1, max: 20 }),
    seed: fc.integer(),
  })
  .map(({ hMode, wMode, groups, batch, h, w, seed }) => {
    const raw = groups.map((g) => {
      const [hIn, hOut] = hMode.square ? [g.kh, g.kh] : [hMode.kIn, hMode.kOut];
      const kw = g.sameKernel && hMode.square ? g.kh : g.kw;
      const [wIn, wOut] = wMode.square ? [kw, kw] : [wMode.kIn, wMode.kOut];
      const shiftA = hMode.square ? g.shiftA % hIn : 0;
      const shiftB = wMode.square ? g.shiftB % wIn : 0;
      if (hMode.square && wMode.square && hIn === wIn && shiftA === shiftB) return { kernel: hIn, shift: shiftA, channels: g.channels };
      if (hMode.square && wMode.square) return { kernel_a: hIn, kernel_b: wIn, shift_a: shiftA, shift_b: shiftB, channels: g.channels };
      return { h_in: hIn, h_out: hOut, w_in: wIn, w_out: wOut, shift_a: shiftA, shift_b: shiftB, channels: g.channels };
    });
    const spec = parseNeoCellSpec(raw);
    return { raw, spec, shape: [batch, spec.channels, h, w] as const, seed };
  })
  .filter(({ spec, shape }) => fits(spec, shape));

function fits(spec: NeoCellSpec, shape: readonly number[]): boolean {
  try {
    planNeoCell(spec, shape);
    return true;
  } catch {
    return false;
  }
}

