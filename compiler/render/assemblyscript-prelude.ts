/**
 * Helper functions every AssemblyScript kernel module starts with: what WGSL has built in and WebAssembly lacks
 * or does differently. They are `@inline`, so a kernel that does not use one pays nothing.
 */

/**
 * WGSL defines integer division and remainder by zero (x / 0 = x, x % 0 = 0; i32 MIN / -1 = MIN); WebAssembly
 * traps. Kernels only divide by sizes that are never zero, but a trap would take the whole module down, so divisors
 * that are not non-zero literals go through these.
 */
const DIVISION = `
@inline function __udiv(a: u32, b: u32): u32 { return b == 0 ? a : a / b; }
@inline function __umod(a: u32, b: u32): u32 { return b == 0 ? 0 : a % b; }
@inline function __idiv(a: i32, b: i32): i32 { return b == 0 || (a == i32.MIN_VALUE && b == -1) ? a : a / b; }
@inline function __imod(a: i32, b: i32): i32 { return b == 0 || (a == i32.MIN_VALUE && b == -1) ? 0 : a % b; }
`;

/**
 * erf for the 'erf' intrinsic (exact GELU), evaluated in f64 and rounded once to f32, so the result is within about
 * one f32 ulp (relative error < 1.2e-7 from the approximation): |x| < 0.5 uses the Maclaurin series (terms to x^17,
 * truncation < 1e-13), elsewhere erfc from the Chebyshev fit of Numerical Recipes (erfcc, fractional error < 1.2e-7).
 */
const ERF = `
function __erf(xf: f32): f32 {
  const x: f64 = <f64>xf;
  const z: f64 = Math.abs(x);
  if (z < 0.5) {
    const x2: f64 = x * x;
    let term: f64 = x;
    let sum: f64 = x;
    for (let n: i32 = 1; n <= 8; n++) {
      term *= -x2 / <f64>n;
      sum += term / <f64>(2 * n + 1);
    }
    return <f32>(sum * 1.1283791670955126);
  }
  if (z >= 6.0) return x > 0 ? <f32>1.0 : <f32>-1.0;
  const t: f64 = 1.0 / (1.0 + 0.5 * z);
  const erfc: f64 = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 +
    t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
  return <f32>(x > 0 ? 1.0 - erfc : erfc - 1.0);
}
`;

/** The helper source for a module; only helpers the kernel calls are included (keeps modules small to compile). */
export function assemblyScriptPrelude(uses: { readonly division: boolean; readonly erf: boolean }): string {
  return [uses.division ? DIVISION : '', uses.erf ? ERF : ''].filter((s) => s !== '').join('').trim();
}
