import { IMAGENET_CLASSES } from '../image/imagenet-classes.js';

/** One class of one image's result, as `classify` and `topK` return it. */
export interface ClassScore {
  /** The class index (the logit's position). */
  readonly class: number;
  /** The ImageNet-1k name for a 1000-class model, else `class <index>` (the names of other class sets are not known here). */
  readonly label: string;
  readonly logit: number;
  /** Softmax over all of this image's logits (computed in float64), in [0, 1]. */
  readonly probability: number;
}

/**
 * Softmax of one image's logits in float64, stable for any finite logits: the largest is subtracted before exp, so
 * exp never overflows and the largest term is exactly 1 (the sum is at least 1).
 */
export function softmax(logits: ArrayLike<number>): Float64Array {
  let max = -Infinity;
  for (let i = 0; i < logits.length; i++) max = Math.max(max, logits[i]!);
  const out = new Float64Array(logits.length);
  let sum = 0;
  for (let i = 0; i < logits.length; i++) {
    out[i] = Math.exp(logits[i]! - max);
    sum += out[i]!;
  }
  for (let i = 0; i < out.length; i++) out[i] = out[i]! / sum;
  return out;
}

/** The name of class `index` of a `classes`-class model: ImageNet-1k's for 1000 classes, else `class <index>`. */
export function classLabel(index: number, classes: number): string {
  return (classes === IMAGENET_CLASSES.length ? IMAGENET_CLASSES[index] : undefined) ?? `class ${index}`;
}

/** The k highest logits of one image, best first (ties keep the lower class index first), with labels and probabilities. */
export function topK(logits: ArrayLike<number>, k: number): ClassScore[] {
  const probabilities = softmax(logits);
  return Array.from(logits, (logit, index) => ({ class: index, logit }))
    .sort((a, b) => b.logit - a.logit || a.class - b.class)
    .slice(0, k)
    .map(({ class: index, logit }) => ({ class: index, label: classLabel(index, logits.length), logit, probability: probabilities[index]! }));
}
