/**
 * classify()'s scores (runtime/model/top-k.ts): softmax probabilities in float64 and labels, checked against values
 * worked out by hand from the definition p_i = e^{x_i} / Σ_j e^{x_j}.
 */
import { describe, expect, it } from 'vitest';
import { IMAGENET_CLASSES } from '../runtime/image/imagenet-classes.js';
import { classLabel, softmax, topK } from '../runtime/model/top-k.js';

describe('softmax', () => {
  it('gives e^x / Σ e^x: logits 0, ln 2, ln 3 → 1/6, 2/6, 3/6', () => {
    const p = softmax([0, Math.LN2, Math.log(3)]);
    expect(p[0]).toBeCloseTo(1 / 6, 15);
    expect(p[1]).toBeCloseTo(2 / 6, 15);
    expect(p[2]).toBeCloseTo(3 / 6, 15);
  });

  it('1, 2, 3 → e/(e+e²+e³), …; float32 logits are read as they are', () => {
    const e = Math.E;
    const sum = e + e * e + e * e * e;
    expect(Array.from(softmax(new Float32Array([1, 2, 3])))).toEqual([e / sum, (e * e) / sum, (e * e * e) / sum].map((v) => expect.closeTo(v, 15)));
  });

  it('is stable where exp overflows or underflows: 1000, 1000 → ½, ½; -1000, 0 → 0, 1; and sums to 1 over 1000 classes', () => {
    expect(Array.from(softmax([1000, 1000]))).toEqual([0.5, 0.5]);
    expect(Array.from(softmax([-1000, 0]))).toEqual([0, 1]);
    const many = softmax(Array.from({ length: 1000 }, (_, i) => Math.sin(i) * 30));
    expect(many.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(many.every((v) => v >= 0 && v <= 1)).toBe(true);
  });
});

describe('topK', () => {
  it('best first with ties by class index; probabilities of the whole row, ImageNet labels for 1000 classes', () => {
    const logits = new Float32Array(1000);
    logits[281] = 3;
    logits[282] = 3;
    logits[7] = 2;
    const top = topK(logits, 3);
    expect(top.map((t) => [t.class, t.label, t.logit])).toEqual([[281, 'tabby', 3], [282, 'tiger cat', 3], [7, 'cock', 2]]);
    // 997 logits of 0, one of 2, two of 3.
    const sum = 997 + Math.exp(2) + 2 * Math.exp(3);
    expect(top.map((t) => t.probability)).toEqual([Math.exp(3) / sum, Math.exp(3) / sum, Math.exp(2) / sum].map((v) => expect.closeTo(v, 15)));
  });

  it('labels `class <i>` for other class counts', () => {
    expect(topK([0.5, 2, -1], 2).map((t) => t.label)).toEqual(['class 1', 'class 0']);
    expect(classLabel(3, 10)).toBe('class 3');
    expect(classLabel(3, 1000)).toBe(IMAGENET_CLASSES[3]);
  });
});
