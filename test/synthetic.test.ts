import { describe, expect, it } from 'vitest';
import { fillSynthetic, fnv1a, mix32, syntheticInput, syntheticTensor, syntheticUniform } from '../runtime/weights/synthetic.js';
import { releasedConfig } from '../compiler/spec/model-config.js';
import { ASSEMBLYSCRIPT, ASSEMBLYSCRIPT_RELAXED_SIMD, WGSL } from '../compiler/targets/index.js';
import { compileMlpResidual } from '../kernels/neonext/mlp-residual.js';
import { compilePointwiseConv } from '../kernels/neonext/pointwise-conv.js';
import { Tensor, transposed } from '../nn/tensor.js';
import { allArtifacts, modelKernels } from '../schedule/model-kernels.js';

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

  it('fills tensors in int32 arithmetic with the values of the README formula, also where i + seed wraps past 2^32', () => {
    // The README's formula in plain uint32/float64 steps, written out here (not the module's helpers).
    const mixRef = (v: number): number => {
      let x = v >>> 0;
      x = (x ^ (x >>> 16)) >>> 0;
      x = Math.imul(x, 0x7feb352d) >>> 0;
      x = (x ^ (x >>> 15)) >>> 0;
      x = Math.imul(x, 0x846ca68b) >>> 0;
      return (x ^ (x >>> 16)) >>> 0;
    };
    const u = (seed: number, i: number): number => mixRef((i + seed) % 2 ** 32) / 2 ** 32;
    const n = 64;
    for (const seed of [0, 1, 0x7fffffe0, 0x80000000, 0xffffffe0, 0xffffffff]) {
      const centered = new Float32Array(n);
      fillSynthetic(centered, seed, { offset: 0, scale: Math.sqrt(3 / 7), centered: true });
      expect(Array.from(centered)).toEqual(Array.from({ length: n }, (_, i) => Math.fround((2 * u(seed, i) - 1) * Math.sqrt(3 / 7))));
      const shifted = new Float32Array(n);
      fillSynthetic(shifted, seed, { offset: 1, scale: 0.1, centered: true });
      expect(Array.from(shifted)).toEqual(Array.from({ length: n }, (_, i) => Math.fround(1 + 0.1 * (2 * u(seed, i) - 1))));
      const uniform = new Float32Array(n);
      fillSynthetic(uniform, seed, { offset: 1, scale: 0.5, centered: false });
      expect(Array.from(uniform)).toEqual(Array.from({ length: n }, (_, i) => Math.fround(1 + 0.5 * u(seed, i))));
    }
  });
});

describe('transposed (weight layouts at load time)', () => {
  it('is the [cols, rows] transpose in float32 for shapes around its tile size, and of trailing dims flattened', () => {
    for (const [rows, cols] of [[1, 1], [1, 5], [5, 1], [31, 33], [32, 64], [37, 70], [65, 3]] as const) {
      const data = Float64Array.from({ length: rows * cols }, (_, i) => Math.sin(i) * 1e3);
      const out = transposed(new Tensor([rows, cols], data));
      expect(out).toBeInstanceOf(Float32Array);
      for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) expect(out[c * rows + r]).toBe(Math.fround(data[r * cols + c]!));
    }
    expect(Array.from(transposed(new Tensor([2, 3, 1, 1], Float32Array.from([1, 2, 3, 4, 5, 6]))))).toEqual([1, 4, 2, 5, 3, 6]);
  });
});

describe('modelKernels', () => {
  it('gives the same kernel set for equal configs of one target (cached), and distinct sets per target', () => {
    const config = releasedConfig('neonext-t', 224);
    const a = modelKernels(config, ASSEMBLYSCRIPT);
    expect(modelKernels({ ...config }, ASSEMBLYSCRIPT)).toBe(a);
    const relaxed = modelKernels(config, ASSEMBLYSCRIPT_RELAXED_SIMD);
    expect(relaxed).not.toBe(a);
    expect(allArtifacts(relaxed).map((k) => k.key)).not.toEqual(allArtifacts(a).map((k) => k.key));
    expect(allArtifacts(modelKernels({ ...config, classes: 10 }, ASSEMBLYSCRIPT)).find((k) => k.name.includes('head'))!.key)
      .not.toBe(allArtifacts(a).find((k) => k.name.includes('head'))!.key);
  });

  it('builds the fused MLP fallback and the batched pointwise conv on first use: the artifacts built directly, once', () => {
    const k = modelKernels(releasedConfig('neonext-t', 224), WGSL);
    for (const s of k.stages) {
      const direct = compileMlpResidual(s.mlpOptions, WGSL);
      expect(s.mlp).toBe(s.mlp);
      expect([s.mlp.key, s.mlp.source]).toEqual([direct.key, direct.source]);
    }
    const conv = compilePointwiseConv(WGSL);
    expect(k.downsamples.every((d) => d.conv === k.downsamples[0]!.conv && d.convVec4 === undefined)).toBe(true);
    expect([k.downsamples[0]!.conv.key, k.downsamples[0]!.conv.source]).toEqual([conv.key, conv.source]);
  });
});
