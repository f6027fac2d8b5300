import { IMAGE_CHANNELS } from '../../compiler/spec/model-config.js';
import type { StateDictSchema } from '../../compiler/spec/neonext-state-dict.js';
import { shapeSize, Tensor } from '../../nn/tensor.js';

/**
 * Deterministic weights without a checkpoint: the synthetic formula of the golden data (golden/README.md), so any
 * implementation can rebuild exactly the same NeoNeXt-T and compare logits.
 */

/** 32-bit integer finalizer (uint32 in, uint32 out). */
export function mix32(x: number): number {
  return mix32Bits(x) >>> 0;
}

/** One encoder for every tensor name (a state dict has hundreds). */
const UTF8 = new TextEncoder();

/** FNV-1a over the UTF-8 bytes of `text` (uint32). */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (const byte of UTF8.encode(text)) h = Math.imul(h ^ byte, 0x01000193);
  return h >>> 0;
}

/** u_i = mix32((i + mix32(fnv1a(name))) mod 2^32) / 2^32, i < n: uniform in [0, 1). */
export function syntheticUniform(name: string, n: number): Float64Array {
  const seed = mix32(fnv1a(name));
  const u = new Float64Array(n);
  for (let i = 0; i < n; i++) u[i] = uniformAt(seed, i);
  return u;
}

/** u_i of the tensor whose seed is mix32(fnv1a(name)). */
const uniformAt = (seed: number, i: number): number => mix32((i + seed) >>> 0) / 4294967296;

/**
 * The value rule for a tensor name (first match wins, in the README's order), as v = offset + scale·x with x = 2u − 1
 * (`centered`) or u: every rule of the README has this form, evaluated with the same float64 operations as written
 * there (e.g. r(u)·s as 0 + s·r(u), which is the same double), so syntheticTensor's loop needs no per-element call.
 */
export interface ValueRule {
  readonly offset: number;
  readonly scale: number;
  readonly centered: boolean;
}

export function valueRule(name: string, shape: readonly number[]): ValueRule {
  const r = (scale: number, offset = 0): ValueRule => ({ offset, scale, centered: true });
  if (/\.neocell\.weight_a\./.test(name)) return r(Math.sqrt(3 / shape[2]!));
  if (/\.neocell\.weight_b\./.test(name)) return r(Math.sqrt(3 / shape[1]!));
  if (name.endsWith('running_var')) return { offset: 1, scale: 0.5, centered: false };
  if (name.endsWith('running_mean')) return r(0.1);
  if (name.includes('.norm') || name.includes('.ln.')) {
    if (name.endsWith('.weight')) return r(0.1, 1);
    if (name.endsWith('.bias')) return r(0.1);
  }
  if (name.endsWith('gamma')) return r(0.2);
  if (name.endsWith('bias')) return r(0.1);
  if (name.endsWith('weight')) return r(Math.sqrt(3 / shape[1]!));
  if (name === 'input') return r(1);
  throw new RangeError(`synthetic weights: no rule for tensor "${name}"`);
}

/**
 * One synthetic tensor: values computed in float64, then rounded to float32 (the formula's definition). Written
 * straight into the float32 array, without syntheticUniform's float64 copy: a NeoNeXt-T has 28 M weights, and this
 * loop is a fifth of a cold `neocc infer --weights synthetic`.
 */
export function syntheticTensor(name: string, shape: readonly number[]): Tensor {
  const values = new Float32Array(shapeSize(shape));
  fillSynthetic(values, mix32(fnv1a(name)), valueRule(name, shape));
  return new Tensor(shape, values);
}

/** 2^-32 and 2^-31: multiplying by them is exact, like the README's division by 2^32. */
const TWO_POW_MINUS_32 = 2 ** -32;
const TWO_POW_MINUS_31 = 2 ** -31;

/**
 * values[i] = fround(offset + scale·x_i) with x_i = r_i = 2u_i − 1 (`centered`) or u_i, for the tensor whose seed is
 * mix32(fnv1a(name)) — the same doubles as the plain formula, computed in int32 arithmetic so V8's loop stays on
 * integer registers (no uint32 values above 2^31 boxed as doubles, no division):
 * - (i + seed) mod 2^32 is an int32 counter that wraps; mix32 only looks at the 32 bits, and its last step
 *   m = h ^ (h >>> 16) taken as int32 has the bits of the uint32 result;
 * - u = m / 2^32 = (m >>> 0)·2^-32 exactly (an integer below 2^32 times a power of two);
 * - r = 2u − 1 = (m − 2^31)·2^-31 exactly, and m − 2^31 is the int32 (m ^ 0x80000000) | 0: for m ≥ 2^31 the flip
 *   clears the top bit (leaving m − 2^31 ≥ 0), for m < 2^31 it sets it, which read as int32 is m − 2^31 < 0.
 * The final offset + scale·x is the ValueRule expression as before, so the float32 rounding sees the same double.
 * Exported for the tests (seeds near 2^32 exercise the wrap-around).
 */
export function fillSynthetic(values: Float32Array, seed: number, rule: ValueRule): void {
  const { offset, scale, centered } = rule;
  const n = values.length;
  let x = seed | 0;
  if (centered) {
    for (let i = 0; i < n; i++, x = (x + 1) | 0) values[i] = offset + scale * (((mix32Bits(x) ^ 0x80000000) | 0) * TWO_POW_MINUS_31);
  } else {
    for (let i = 0; i < n; i++, x = (x + 1) | 0) values[i] = offset + scale * ((mix32Bits(x) >>> 0) * TWO_POW_MINUS_32);
  }
}

/** mix32 as int32 bits (its uint32 result is `mix32Bits(x) >>> 0`). */
function mix32Bits(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  return x ^ (x >>> 16);
}

export function syntheticStateDict(schema: StateDictSchema): Map<string, Tensor> {
  return new Map([...schema].map(([name, shape]) => [name, syntheticTensor(name, shape)]));
}

/** The synthetic input image `input` [batch, 3, R, R]. */
export function syntheticInput(resolution: number, batch = 1): Tensor {
  return syntheticTensor('input', [batch, IMAGE_CHANNELS, resolution, resolution]);
}
