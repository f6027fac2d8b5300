import type { NeoCellSpec } from '../../compiler/spec/neocell-spec.js';
import type { NeoCellWeights } from '../../nn/reference/neocell.js';
import { Tensor } from '../../nn/tensor.js';

/** Small seeded PRNG (mulberry32) so property-test failures replay exactly from fast-check's seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A tensor of uniform values in [-1, 1). */
export function randomTensor(shape: readonly number[], random: () => number): Tensor {
  const t = Tensor.zeros(shape);
  for (let i = 0; i < t.size; i++) t.data[i] = 2 * random() - 1;
  return t;
}

/** Random NeoCell weights for `spec`: A [channels, h_out, h_in] and B [channels, w_in, w_out] per group. */
export function randomNeoCellWeights(spec: NeoCellSpec, random: () => number): NeoCellWeights {
  return {
    a: spec.groups.map((g) => randomTensor([g.channels, g.hOut, g.hIn], random)),
    b: spec.groups.map((g) => randomTensor([g.channels, g.wIn, g.wOut], random)),
  };
}
