import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planNeoCell } from '../compiler/plan/neocell-plan.js';
import { neoCellBackward, neoCellForward } from '../nn/reference/neocell.js';
import { relativeL2Error } from '../nn/tensor.js';
import { randomNeoCellWeights, randomTensor, seededRandom } from './helpers/random.js';
import { upstreamNeoCell } from './oracles/upstream-neocell.js';
import { neoCellCaseArb as caseArb } from './helpers/spec-arbitrary.js';

describe('block-wise reference vs dense upstream A·X·B (property-based)', () => {
  it('forward and all gradients agree on random valid specs', () => {
    fc.assert(
      fc.property(caseArb, ({ spec, shape, seed }) => {
        const random = seededRandom(seed);
        const plan = planNeoCell(spec, shape);
        const x = randomTensor(shape, random);
        const weights = randomNeoCellWeights(spec, random);
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
