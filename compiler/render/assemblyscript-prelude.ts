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

/** The helper source for a module; only helpers the kernel calls are included (keeps modules small to compile). */
export function assemblyScriptPrelude(uses: { readonly division: boolean }): string {
  return uses.division ? DIVISION.trim() : '';
}
