import { NeoccError } from '../../compiler/errors.js';
import { formatShape, type Tensor } from '../../nn/tensor.js';
import { firstNonFinite } from '../weights/finite.js';

/**
 * `logits` unchanged when every element is finite; otherwise a NeoccError ('non-finite-output') naming the image,
 * the class and the value. NaN or ±Infinity logits are never a classification: top-k over them is arbitrary.
 * Weights are checked for finiteness at load, so this catches overflow in the network itself (or a backend bug).
 */
export function checkedLogits(logits: Tensor): Tensor {
  const bad = firstNonFinite(logits);
  if (bad) {
    const classes = logits.shape[logits.shape.length - 1] ?? 1;
    throw new NeoccError('non-finite-output',
      `the forward pass produced ${bad.value} (logits ${formatShape(logits.shape)}, image ${Math.floor(bad.index / classes)}, class ${bad.index % classes}); ` +
      'not a usable result (the network overflowed: are the weights or the input scaled wrongly?)');
  }
  return logits;
}
