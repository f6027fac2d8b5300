import type { FloatArray, Tensor } from '../../nn/tensor.js';
import type { StateDict } from './state-dict.js';

/**
 * `--check-weights`: tensors holding values of absurd magnitude. safetensors has no checksum, so a damaged byte
 * goes unnoticed when the value stays finite: one flipped bit in a float32's exponent byte multiplies the value by
 * 2^16, 2^32, 2^64 or 2^128 (a weight of -1.2e-5 became -4.2e33 in issue 14's sweep) and the network still returns
 * plausible logits.
 *
 * The rule, per tensor: with m the median of |w| over its elements, an element is absurd when
 *
 *     |w| > max(ABSURD_FLOOR, ABSURD_RATIO * m)
 *
 * Why these numbers. In trained networks a tensor's largest |w| is expected within a few hundred times its median
 * (conv, linear and NeoCell weights, biases, LayerScale, BatchNorm statistics; neonext-mini: at most 7x; not
 * measured on a released checkpoint, which cannot be downloaded here), so a ratio of 10^4 leaves a wide margin. A flip that sets exponent bit 27, 28, 29 or 30 multiplies by 2^16, 2^32, 2^64 or 2^128 (all
 * over 10^4). Below 1 in magnitude bit 30 is always clear, so that flip is there for every weight and lands at
 * |w| * 2^128 (3.4e38 |w|): caught for any weight above ~3e-36 (in [1, 2) it gives Infinity or NaN, which the load
 * refuses anyway). The floor keeps tensors whose median is 0 or tiny (mostly-zero biases, small LayerScale gammas)
 * from being flagged for ordinary values: 1000 is chosen above the weights and BatchNorm statistics of trained CNNs. Not
 * caught (wrong but not absurd): sign flips, flips that make a value smaller (bits 24-29 are mostly set below 1),
 * flips that enlarge by 2^1 .. 2^8, and mantissa flips.
 */
export const ABSURD_RATIO = 1e4;
export const ABSURD_FLOOR = 1e3;

/** One tensor with absurd values. */
export interface AbsurdTensor {
  readonly name: string;
  readonly shape: readonly number[];
  /** Median of |w| over the tensor (the lower middle element for an even count). */
  readonly medianAbs: number;
  /** max(ABSURD_FLOOR, ABSURD_RATIO * medianAbs): values above it are absurd. */
  readonly threshold: number;
  /** How many elements exceed the threshold. */
  readonly count: number;
  /** The largest |w|: its flat (row-major) index and value. */
  readonly index: number;
  readonly value: number;
}

export interface MagnitudeReport {
  /** Tensors examined. */
  readonly tensors: number;
  /** Tensors with at least one absurd element, in the state dict's order. */
  readonly flagged: readonly AbsurdTensor[];
}

/** Applies the rule above to every tensor of `dict` (whose values are finite: loadStateDict checks that first). */
export function checkWeightMagnitudes(dict: StateDict): MagnitudeReport {
  const flagged: AbsurdTensor[] = [];
  for (const [name, tensor] of dict) {
    const found = absurdElements(tensor);
    if (found) flagged.push({ name, shape: tensor.shape, ...found });
  }
  return { tensors: dict.size, flagged };
}

/** The rule on one tensor: undefined when nothing exceeds the threshold. */
export function absurdElements(tensor: Tensor): Omit<AbsurdTensor, 'name' | 'shape'> | undefined {
  const data = tensor.data;
  if (data.length === 0) return undefined;
  let index = 0;
  for (let i = 1; i < data.length; i++) if (Math.abs(data[i]!) > Math.abs(data[index]!)) index = i;
  // Cheap exit for the common case: nothing above the floor cannot be absurd, whatever the median.
  if (!(Math.abs(data[index]!) > ABSURD_FLOOR)) return undefined;
  const medianAbs = lowerMedianAbs(data);
  const threshold = Math.max(ABSURD_FLOOR, ABSURD_RATIO * medianAbs);
  let count = 0;
  for (let i = 0; i < data.length; i++) if (Math.abs(data[i]!) > threshold) count++;
  return count === 0 ? undefined : { medianAbs, threshold, count, index, value: data[index]! };
}

function lowerMedianAbs(data: FloatArray): number {
  const abs = Float64Array.from(data, Math.abs).sort();
  return abs[(abs.length - 1) >> 1]!;
}
