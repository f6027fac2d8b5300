import { seededRandom } from '../helpers/random.js';

/** Operands of a two-GEMM MLP test (kernels/neonext/mlp-two-gemm.ts bindings), random but reproducible. */
export interface TwoGemmCase {
  readonly n: number;
  readonly c: number;
  readonly plane: number;
  /** [n·plane, c] channels-last NeoCell output. */
  readonly m: Float32Array;
  /** [n, c, plane] block input (NCHW). */
  readonly x: Float32Array;
  readonly w1t: Float32Array;
  readonly b1: Float32Array;
  readonly w2t: Float32Array;
  readonly b2: Float32Array;
}

export function twoGemmCase(n: number, c: number, plane: number, seed: number): TwoGemmCase {
  const random = seededRandom(seed);
  const rnd = (len: number, scale: number): Float32Array => Float32Array.from({ length: len }, () => scale * (2 * random() - 1));
  return {
    n, c, plane,
    m: rnd(n * plane * c, 1.5),
    x: rnd(n * c * plane, 1),
    w1t: rnd(c * 4 * c, 1 / Math.sqrt(c)),
    b1: rnd(4 * c, 0.3),
    w2t: rnd(4 * c * c, 1 / Math.sqrt(4 * c)),
    b2: rnd(c, 0.3),
  };
}

/** float64: y[n, c, p] = x[n, c, p] + b2[c] + Σ_j w2t[j, c] · GELU(b1[j] + Σ_k w1t[k, j] · m[n, p, k]). */
export function twoGemmReference({ n, c, plane, m, x, w1t, b1, w2t, b2 }: TwoGemmCase): Float64Array {
  const hd = 4 * c;
  const y = new Float64Array(n * c * plane);
  const h = new Float64Array(hd);
  for (let img = 0; img < n; img++) {
    for (let p = 0; p < plane; p++) {
      const row = img * plane + p;
      for (let j = 0; j < hd; j++) {
        let a = b1[j]!;
        for (let k = 0; k < c; k++) a += w1t[k * hd + j]! * m[row * c + k]!;
        h[j] = 0.5 * a * (1 + erf64(a / Math.SQRT2));
      }
      for (let o = 0; o < c; o++) {
        let a = b2[o]!;
        for (let j = 0; j < hd; j++) a += w2t[j * c + o]! * h[j]!;
        const at = (img * c + o) * plane + p;
        y[at] = x[at]! + a;
      }
    }
  }
  return y;
}

/** erf to ~1e-15 (Taylor series for |z| < 3, continued fraction beyond). */
export function erf64(z: number): number {
  const a = Math.abs(z);
  if (a < 3) {
    let sum = a;
    let term = a;
    for (let k = 1; k < 100; k++) {
      term *= (-a * a) / k;
      const add = term / (2 * k + 1);
      sum += add;
      if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
    }
    return Math.sign(z) * (2 / Math.sqrt(Math.PI)) * sum;
  }
  let f = 0;
  for (let k = 60; k >= 1; k--) f = (k / 2) / (a + f);
  return Math.sign(z) * (1 - Math.exp(-a * a) / Math.sqrt(Math.PI) / (a + f));
}

