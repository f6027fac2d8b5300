import { BlockBuilder, add, div, f32, max, min, mul, splat } from './build.js';
import type { Expr } from './ir.js';

/**
 * Math built from IR arithmetic, for f32 and vec4f operands alike. There is deliberately no erf/exp intrinsic:
 * a function defined here is the same sequence of f32 operations on every target (WGSL, AssemblyScript/WebAssembly
 * SIMD, CUDA, the interpreter), so targets can differ only by fma contraction, never by algorithm.
 */

/**
 * erf(x) = x·P(x²)/Q(x²) on x clamped to [-4, 4]: the float rational fit Eigen and XNNPACK use (arithmetic only, so
 * it vectorizes; no exp). Error bound, evaluated in f32 with one rounding per operation (the interpreter,
 * WebAssembly): |erf(x) - erf_exact(x)| < ERF_MAX_ABS_ERROR = 5e-7 for every finite f32 x (measured: at most
 * 4.46e-7, near x = ±3.92, over 2^22 points of [-6, 6] against float64 erf; test/ir-interpreter.test.ts checks the
 * bound), relative error of the same order near 0, and exactly ±1 for |x| ≥ 4. A target that fuses the mul-adds
 * (WGSL may) differs by a few f32 ulps. GELU's 1e-5 relative-L2 conformance budget is 20x larger. NaN propagates.
 */
export const ERF_MAX_ABS_ERROR = 5e-7;
const ERF_P = [-2.72614225801306e-10, 2.77068142495902e-08, -2.10102402082508e-06, -5.69250639462346e-05, -7.34990630326855e-04, -2.95459980854025e-03, -1.60960333262415e-02];
const ERF_Q = [-1.45660718464996e-05, -2.13374055278905e-04, -1.68282697438203e-03, -7.37332916720468e-03, -1.42647390514189e-02];

/** A constant of x's type: f32, or its splat for vec4f. */
function constantLike(x: Expr, value: number): Expr {
  if (x.type === 'f32') return f32(value);
  if (x.type === 'vec4f') return splat(f32(value));
  throw new TypeError(`IR math: ${x.type} operand (f32 or vec4f only)`);
}

/** Horner's rule: c[0]·x^(n-1) + … + c[n-1]. */
function horner(coefficients: readonly number[], x: Expr): Expr {
  return coefficients.slice(1).reduce((acc, c) => add(mul(acc, x), constantLike(x, c)), constantLike(x, coefficients[0]!));
}

/** erf of an f32 or vec4f (lane-wise); binds its intermediate values in `b`. */
export function erf(b: BlockBuilder, x: Expr): Expr {
  const clamped = b.let('erf_x', min(max(x, constantLike(x, -4)), constantLike(x, 4)));
  const x2 = b.let('erf_x2', mul(clamped, clamped));
  return div(mul(horner(ERF_P, x2), clamped), horner(ERF_Q, x2));
}

/** GELU(a) = a/2 · (1 + erf(a/√2)), the exact (erf) form of torch.nn.GELU(), on an f32 or vec4f. */
export function gelu(b: BlockBuilder, input: Expr): Expr {
  // `a` is used twice: bound once (a no-op when it already is a name).
  const a = b.let('gelu_a', input);
  const e = b.let('erf', erf(b, mul(a, constantLike(a, Math.SQRT1_2))));
  return mul(mul(constantLike(a, 0.5), a), add(constantLike(a, 1), e));
}
