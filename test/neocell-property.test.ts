import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planNeoCell } from '../compiler/plan/neocell-plan.js';
import { parseNeoCellSpec, type NeoCellSpec } from '../compiler/spec/neocell-spec.js';
import { neoCellBackward, neoCellForward } from '../kernels/reference/neocell.js';
import { relativeL2Error } from '../kernels/tensor.js';
import { randomTensor, seededRandom } from './helpers/random.js';
import { upstreamNeoCell } from './oracles/upstream-neocell.js';

/** Along one axis all groups either keep the size (square kernels 1–9) or share one kIn→kOut ratio. */
const axisMode = fc.oneof(
  fc.constant({ square: true as const }),
  fc.record({ square: fc.constant(false as const), kIn: fc.integer({ min: 1, max: 4 }), kOut: fc.integer({ min: 1, max: 4 }) })
    .filter((m) => m.kIn !== m.kOut),
);


/** A raw upstream spec in one of its key forms, plus an input shape it fits. */
const caseArb = fc
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

describe('block-wise reference vs dense upstream A·X·B (property-based)', () => {
  it('forward and all gradients agree on random valid specs', () => {
    fc.assert(
      fc.property(caseArb, ({ spec, shape, seed }) => {
        const random = seededRandom(seed);
        const plan = planNeoCell(spec, shape);
        const x = randomTensor(shape, random);
        const weights = {
          a: spec.groups.map((g) => randomTensor([g.channels, g.hOut, g.hIn], random)),
          b: spec.groups.map((g) => randomTensor([g.channels, g.wIn, g.wOut], random)),
        };
        const gradY = randomTensor(plan.outputShape, random);
        const oracle = upstreamNeoCell(spec.groups, weights.a.map((t) => t.data), weights.b.map((t) => t.data), x.data, shape, gradY.data);

        const y = neoCellForward(plan, x, weights);
        expect(y.size).toBe(oracle.y.length);
        expect(relativeL2Error(y.data, oracle.y)).toBeLessThan(1e-12);
        const grads = neoCellBackward(plan, x, weights, gradY);
        expect(relativeL2Error(grads.gradX.data, oracle.gradX)).toBeLessThan(1e-12);
        grads.gradA.forEach((g, j) => expect(relativeL2Error(g.data, oracle.gradA[j]!)).toBeLessThan(1e-12));
        grads.gradB.forEach((g, j) => expect(relativeL2Error(g.data, oracle.gradB[j]!)).toBeLessThan(1e-12));
      }),
      { numRuns: 300 },
    );
  });

  it('generates the interesting classes of spec (shifts, non-square, partial blocks, batch > 1)', () => {
    const samples = fc.sample(caseArb, { numRuns: 300, seed: 1 });
    const has = (pred: (s: (typeof samples)[number]) => boolean): boolean => samples.some(pred);
    expect(has((s) => s.spec.groups.some((g) => g.shiftA > 0 && g.shiftA !== g.shiftB))).toBe(true);
    expect(has((s) => s.spec.groups.some((g) => g.hIn !== g.hOut))).toBe(true);
    expect(has((s) => s.spec.groups.some((g) => g.hIn < g.hOut))).toBe(true);
    expect(has((s) => s.spec.groups.some((g) => g.hIn === g.hOut && s.shape[2] % g.hIn !== 0))).toBe(true);
    expect(has((s) => s.shape[0] > 1 && s.spec.groups.length > 1)).toBe(true);
    expect(has((s) => s.spec.groups.some((g) => g.hIn === 9))).toBe(true);
  });
});
