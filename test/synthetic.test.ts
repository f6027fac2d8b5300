import { describe, expect, it } from 'vitest';
import { fnv1a, mix32, syntheticInput, syntheticTensor, syntheticUniform } from '../runtime/weights/synthetic.js';

describe('synthetic weights formula (golden/README.md)', () => {
  it('reproduces the README check values', () => {
    expect(fnv1a('input')).toBe(4191711099);
    expect(Array.from(syntheticUniform('input', 4))).toEqual([0.44813102576881647, 0.4796181332785636, 0.627021623775363, 0.16569382045418024]);
  });

  it('keeps everything in uint32', () => {
    expect(mix32(0)).toBe(0);
    for (const x of [1, 0xffffffff, 0x80000000, 123456789]) {
      const m = mix32(x);
      expect(Number.isInteger(m) && m >= 0 && m < 2 ** 32).toBe(true);
    }
    expect(fnv1a('')).toBe(0x811c9dc5);
  });

  it('applies the per-name value rules, rounded to float32', () => {
    const u = syntheticUniform('stage_1.0.ops.content.norm.running_var', 5);
    const v = syntheticTensor('stage_1.0.ops.content.norm.running_var', [5]);
    expect(v.data).toBeInstanceOf(Float32Array);
    expect(Array.from(v.data)).toEqual(Array.from(u, (x) => Math.fround(1 + 0.5 * x)));

    const r = (name: string, n: number) => Array.from(syntheticUniform(name, n), (x) => 2 * x - 1);
    const expectRule = (name: string, shape: number[], f: (r: number) => number) =>
      expect(Array.from(syntheticTensor(name, shape).data)).toEqual(r(name, shape.reduce((a, b) => a * b)).map((x) => Math.fround(f(x))));
    expectRule('stage_1.0.ops.content.neocell.weight_a.1', [2, 7, 7], (x) => x * Math.sqrt(3 / 7));
    expectRule('downsample_1.neocell.weight_b.0', [3, 2, 1], (x) => x * Math.sqrt(3 / 2));
    expectRule('downsample_1.norm_1.running_mean', [4], (x) => 0.1 * x);
    expectRule('stem.norm.weight', [4], (x) => 1 + 0.1 * x);
    expectRule('head.ln.bias', [4], (x) => 0.1 * x);
    expectRule('stage_2.1.ops.content.layer_scale.gamma', [4], (x) => 0.2 * x);
    expectRule('stage_2.1.ops.content.fc_1.bias', [4], (x) => 0.1 * x);
    expectRule('stage_2.1.ops.content.fc_1.weight', [8, 2], (x) => x * Math.sqrt(3 / 2));
    expectRule('stem.conv.weight', [2, 48, 1, 1], (x) => x * Math.sqrt(3 / 48));
    expect(Array.from(syntheticInput(32).data)).toEqual(r('input', 3 * 32 * 32).map(Math.fround));
  });
});
