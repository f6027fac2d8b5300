import { describe, expect, it } from 'vitest';
import { runKernel } from '../compiler/ir/interpret.js';
import { ASSEMBLYSCRIPT, ASSEMBLYSCRIPT_RELAXED_SIMD } from '../compiler/targets/assemblyscript.js';
import { WGSL } from '../compiler/targets/wgsl.js';
import type { KernelTarget } from '../compiler/targets/target.js';
import { compileHead, headClassesPerWorkgroup, headKernel, headLaunch, type HeadKernelOptions } from '../kernels/neonext/head.js';
import { neoNeXtHead } from '../nn/reference/neonext.js';
import { relativeL2Error, Tensor } from '../nn/tensor.js';
import { compileStem, defaultStemOptions, stemKernel, stemLaunch, stemWeightLayout } from '../kernels/neonext/stem.js';
import { compileNeoCellBackward } from '../kernels/neocell/compile.js';
import { modelKernels } from '../schedule/model-kernels.js';
import { blockSpec, releasedConfig } from '../compiler/spec/model-config.js';

const T224 = releasedConfig('neonext-t', 224);

/**
 * The wasm stem, head and NeoCell backward kernels have vec4 paths (f32x4). Two guards: the rendered AssemblyScript
 * really contains the SIMD ops (a silent fallback to scalar code would still pass every numeric test), and the
 * vec4 IR computes what the scalar IR computes — bit for bit where each lane keeps the scalar order (stem, head).
 * The golden tests (ir-interpreter, wasm-neocell, wasm-model) check both against the float64 reference.
 */

const random = (n: number, seed: number): Float32Array => {
  let s = seed;
  return Float32Array.from({ length: n }, () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 31 - 1;
  });
};

const SIMD_OP = /f32x4\.(mul|add|relaxed_madd)\(/;

function rendered(target: KernelTarget): Record<string, string> {
  const k = modelKernels(T224, target);
  const bwd = compileNeoCellBackward(blockSpec(T224, 0), target);
  return {
    stem: k.stem.source,
    head: k.head.source,
    ...Object.fromEntries(Object.entries(bwd).map(([name, a]) => [name, a.source])),
  };
}

describe('wasm SIMD paths of the stem, the head and the NeoCell backward (rendered source)', () => {
  it('plain SIMD: the stem, the head, bwd_dt and bwd_dw use v128 loads and f32x4 arithmetic; fwd_t and bwd_dx stay scalar', () => {
    const src = rendered(ASSEMBLYSCRIPT);
    for (const name of ['stem', 'head', 'neocell_bwd_dt', 'neocell_bwd_dw']) {
      expect(src[name], name).toMatch(/load<v128>\(/);
      expect(src[name], name).toMatch(SIMD_OP);
      expect(src[name], name).not.toMatch(/relaxed_madd/);
    }
    expect(src.neocell_bwd_dt).toMatch(/store<v128>\(/);
    for (const name of ['neocell_fwd_t', 'neocell_bwd_dx']) expect(src[name], name).not.toMatch(/v128|f32x4/);
  });

  it('relaxed SIMD: their multiply-adds are f32x4.relaxed_madd', () => {
    const src = rendered(ASSEMBLYSCRIPT_RELAXED_SIMD);
    for (const name of ['stem', 'head', 'neocell_bwd_dt', 'neocell_bwd_dw']) expect(src[name], name).toMatch(/f32x4\.relaxed_madd\(/);
  });

  it('WGSL (scalar preference) keeps the scalar kernels', () => {
    const src = rendered(WGSL);
    for (const [name, text] of Object.entries(src)) expect(text, name).not.toMatch(/vec4<f32>|vec4f/);
  });
});

describe('vec4 stem and head IR against the scalar IR (interpreted)', () => {
  it('stem, C = 24 (three vec4 groups of 8 channels), batch 2 at 20x20: bit-identical to the scalar kernel', () => {
    const [n, c, r] = [2, 24, 20];
    const x = random(n * 3 * r * r, 1);
    const w = random(c * 48, 2);
    const bias = random(c, 3);
    const run = (simd: boolean): Float32Array => {
      const o = defaultStemOptions(c, simd);
      expect(o.simd === true).toBe(simd);
      const y = new Float32Array(n * c * (r / 4) ** 2).fill(Number.NaN);
      const launch = stemLaunch(o, n, r, 65535);
      runKernel(stemKernel(o), { buffers: { x, w: stemWeightLayout(w, o), bias, y }, uniforms: launch.uniforms, grid: launch.grid });
      return y;
    };
    const scalar = run(false);
    expect(scalar.every(Number.isFinite)).toBe(true);
    expect(run(true)).toEqual(scalar);
  });

  it('head, C = 20 and 10 classes (two vec4s of classes, two scalar), 3x3 plane: every slicing bit-identical to one scalar workgroup, and to the float64 head', () => {
    const [n, c, k, plane] = [2, 20, 10, 9];
    const buffers = { x: random(n * c * plane, 4), ln_w: random(c, 5), ln_b: random(c, 6), fc_wt: random(c * k, 7), fc_b: random(k, 8) };
    const run = (o: HeadKernelOptions): Float32Array => {
      const logits = new Float32Array(n * k).fill(Number.NaN);
      const launch = headLaunch(o, n, plane);
      expect(launch.grid).toEqual([Math.ceil(k / headClassesPerWorkgroup(o)), n, 1]);
      runKernel(headKernel(o), { buffers: { ...buffers, logits }, uniforms: launch.uniforms, grid: launch.grid });
      return logits;
    };
    // One workgroup of 16 invocations covers all 10 classes; the other options split them into 2 to 10 slices, the
    // vec4 ones with the two scalar classes in the last slice's first free slot.
    const scalar = run({ channels: c, classes: k, workgroupSize: 16 });
    expect(scalar.every(Number.isFinite)).toBe(true);
    for (const workgroupSize of [1, 2, 4]) {
      expect(run({ channels: c, classes: k, workgroupSize }), `scalar, workgroup ${workgroupSize}`).toEqual(scalar);
      expect(run({ channels: c, classes: k, workgroupSize, simd: true }), `vec4, workgroup ${workgroupSize}`).toEqual(scalar);
    }
    const x = new Tensor([n, c, 3, 3], Float64Array.from(buffers.x));
    const fcWeight = new Tensor([k, c], Float64Array.from({ length: k * c }, (_, i) => buffers.fc_wt[(i % c) * k + Math.floor(i / c)]!));
    const head = { ln: { weight: new Tensor([c], Float64Array.from(buffers.ln_w)), bias: new Tensor([c], Float64Array.from(buffers.ln_b)) }, fc: { weight: fcWeight, bias: new Tensor([k], Float64Array.from(buffers.fc_b)) } };
    expect(relativeL2Error(scalar, neoNeXtHead(x, head).data)).toBeLessThan(1e-6);
  });

  it('the vec4 options change wasm kernel keys only: WGSL stem and head artifacts are those of the scalar options', () => {
    expect(compileStem(defaultStemOptions(96, false), WGSL).key).toBe(modelKernels(T224, WGSL).stem.key);
    const head = { channels: 768, classes: 1000, workgroupSize: 64 };
    expect(compileHead(head, WGSL).key).toBe(modelKernels(T224, WGSL).head.key);
    expect(compileHead(head, ASSEMBLYSCRIPT).key).not.toBe(modelKernels(T224, ASSEMBLYSCRIPT).head.key);
  });
});
