import { describe, expect, it } from 'vitest';
import { neoNeXtSchema } from '../compiler/spec/neonext-state-dict.js';
import { ASSEMBLYSCRIPT, ASSEMBLYSCRIPT_RELAXED_SIMD, WGSL } from '../compiler/targets/index.js';
import type { GemmOptions } from '../kernels/neonext/mlp-two-gemm.js';
import { packTransposedWeightPanels } from '../kernels/neonext/unfused/linear-vec4.js';
import { foldNeoNeXt } from '../nn/fold-neonext.js';
import { neoNeXtParams } from '../nn/neonext-params.js';
import type { NeoCellWeights } from '../nn/reference/neocell.js';
import type { BatchNormParams } from '../nn/reference/ops.js';
import { Tensor } from '../nn/tensor.js';
import { resolveModelConfig } from '../runtime/model/resolve-config.js';
import { loadStateDict } from '../runtime/weights/state-dict.js';
import { modelKernels } from '../schedule/model-kernels.js';
import { modelWeights } from '../schedule/neonext.js';
import { readFixture } from './helpers/fixtures.js';

// Load-time folding and weight layouts were rewritten for speed (one pass per tensor, no intermediate copies); their
// results must stay bit for bit those of the plain formulas. The expected values here come from textbook loops over
// (row, column) written in this file, never from the code under test. The fold's float64 operations are the ones of
// docs/DESIGN-NOTES.md §3 in a fixed order, so "the same" means identical doubles, not a tolerance.

const weights = readFixture('model/neonext-mini.safetensors');
const config = resolveModelConfig({ resolution: 128 }, weights);
const params = neoNeXtParams(config, loadStateDict(weights, neoNeXtSchema(config)));
const folded = foldNeoNeXt(config, params);

/** Fails at the first element whose value differs (Object.is: -0 and NaN count), naming it. */
function expectSameValues(got: ArrayLike<number>, want: ArrayLike<number>, what: string): void {
  expect(got.length, `${what}: length`).toBe(want.length);
  let first = -1;
  for (let i = 0; i < want.length && first < 0; i++) if (!Object.is(got[i], want[i])) first = i;
  expect(first < 0 ? 'all equal' : `element ${first}: ${got[first]} != ${want[first]}`, what).toBe('all equal');
}

/** Eval BatchNorm as y = x·scale + shift (eps 1e-5, PyTorch's default), element by element. */
function bnAffine(p: BatchNormParams): { scale: number[]; shift: number[] } {
  const scale: number[] = [];
  const shift: number[] = [];
  for (let i = 0; i < p.weight.size; i++) {
    scale.push(p.weight.data[i]! / Math.sqrt(p.runningVar.data[i]! + 1e-5));
    shift.push(p.bias.data[i]! - p.runningMean.data[i]! * scale[i]!);
  }
  return { scale, shift };
}

/** Row o of an [out, ...] tensor times s[o]. */
function rowsScaled(t: Tensor, s: readonly number[]): number[] {
  const per = t.size / t.shape[0]!;
  return Array.from(t.data, (v, i) => v * s[Math.floor(i / per)]!);
}

/** A NeoCell's kernels with channel c of weight_a times s[c] (channels numbered across groups); B unchanged. */
function expectNeoCellFold(got: NeoCellWeights, w: NeoCellWeights, s: readonly number[], what: string): void {
  let channel = 0;
  w.a.forEach((a, j) => {
    const channels = a.shape[0]!;
    expectSameValues(got.a[j]!.data, rowsScaled(a, s.slice(channel, channel + channels)), `${what}.weight_a.${j}`);
    channel += channels;
  });
  w.b.forEach((b, j) => expectSameValues(got.b[j]!.data, b.data, `${what}.weight_b.${j}`));
}

describe('load-time folding, bit for bit (neonext-mini)', () => {
  it('folds every block: BN scale into A, W1·shift + b1 into fc_1 bias, gamma into W2 and b2', () => {
    params.stages.forEach((blocks, s) => blocks.forEach((p, b) => {
      const f = folded.stages[s]![b]!;
      const what = `stage_${s + 1}.${b}`;
      const { scale, shift } = bnAffine(p.norm);
      expectNeoCellFold(f.neocell, p.neocell, scale, what);
      const [hidden, c] = [p.fc1.weight.shape[0]!, p.fc1.weight.size / p.fc1.weight.shape[0]!];
      expectSameValues(f.fc1.weight.data, p.fc1.weight.data, `${what}.fc_1.weight`);
      expect(f.fc1.weight.shape).toEqual([hidden, c]);
      const b1: number[] = [];
      for (let o = 0; o < hidden; o++) {
        let acc = p.fc1.bias!.data[o]!;
        for (let i = 0; i < c; i++) acc += p.fc1.weight.data[o * c + i]! * shift[i]!;
        b1.push(acc);
      }
      expectSameValues(f.fc1.bias.data, b1, `${what}.fc_1.bias`);
      const gamma = Array.from(p.gamma!.data);
      expectSameValues(f.fc2.weight.data, rowsScaled(p.fc2.weight, gamma), `${what}.fc_2.weight`);
      expect(f.fc2.weight.shape).toEqual([c, hidden]);
      expectSameValues(f.fc2.bias.data, gamma.map((g, o) => g * p.fc2.bias!.data[o]!), `${what}.fc_2.bias`);
    }));
  });

  it('folds the stem (BN into the conv) and the downsamples (BN scale into A, shift as the bias)', () => {
    const stem = bnAffine(params.stem.norm);
    expectSameValues(folded.stem.weight.data, rowsScaled(params.stem.conv, stem.scale), 'stem.weight');
    expect(folded.stem.weight.shape).toEqual([config.dims[0], 48]);
    expectSameValues(folded.stem.bias.data, stem.shift, 'stem.bias');
    params.downsamples.forEach((p, i) => {
      const f = folded.downsamples[i]!;
      const { scale, shift } = bnAffine(p.norm);
      expectSameValues(f.conv.data, p.conv.data, `downsample_${i + 1}.conv`);
      expect(f.conv.shape).toEqual([config.dims[i + 1], config.dims[i]]);
      expectNeoCellFold(f.neocell, p.neocell, scale, `downsample_${i + 1}`);
      expectSameValues(f.bias.data, shift, `downsample_${i + 1}.bias`);
    });
  });
});

/** W [out, in] → Wᵀ [in, out] in float32, or Wᵀ in column panels of `cols` (panel p = columns p·cols.., each [in, cols] row-major). */
function expectedLayout(w: Tensor, cols: number | undefined): Float32Array {
  const [out, inn] = [w.shape[0]!, w.size / w.shape[0]!];
  const want = new Float32Array(w.size);
  for (let o = 0; o < out; o++) {
    for (let k = 0; k < inn; k++) {
      const at = cols === undefined ? k * out + o : (Math.floor(o / cols) * inn + k) * cols + (o % cols);
      want[at] = Math.fround(w.data[o * inn + k]!);
    }
  }
  return want;
}

const panelColumns = (o: GemmOptions): number | undefined => (o.kind === 'vec4' && o.packedWt ? 4 * o.rv : undefined);

describe('weight layouts, bit for bit (neonext-mini)', () => {
  it.each([['assemblyscript relaxed-simd', ASSEMBLYSCRIPT_RELAXED_SIMD], ['assemblyscript', ASSEMBLYSCRIPT], ['wgsl', WGSL]] as const)('modelWeights for %s: fc weights transposed (in column panels for SIMD GEMMs), biases in float32', (_, target) => {
    const k = modelKernels(config, target);
    const got = new Map(modelWeights(folded, k).map((w) => [w.name, w.data]));
    let panels = 0;
    folded.stages.forEach((blocks, s) => blocks.forEach((f, b) => {
      const ks = k.stages[s]!;
      const name = `stage_${s + 1}.${b}`;
      const [c1, c2] = ks.mlpPath === 'two-gemm' ? [panelColumns(ks.twoGemm.fc1Options), panelColumns(ks.twoGemm.fc2Options)] : [undefined, undefined];
      panels += (c1 ? 1 : 0) + (c2 ? 1 : 0);
      expectSameValues(got.get(`${name}.w1t`)!, expectedLayout(f.fc1.weight, c1), `${name}.w1t`);
      expectSameValues(got.get(`${name}.w2t`)!, expectedLayout(f.fc2.weight, c2), `${name}.w2t`);
      expectSameValues(got.get(`${name}.b1`)!, Array.from(f.fc1.bias.data, Math.fround), `${name}.b1`);
      expectSameValues(got.get(`${name}.b2`)!, Array.from(f.fc2.bias.data, Math.fround), `${name}.b2`);
    }));
    // The SIMD targets pack every block's GEMM weights (mini's widths are multiples of 16); WGSL packs none.
    expect(panels).toBe(target === WGSL ? 0 : 2 * config.layers.reduce((a, b) => a + b, 0));
    expectSameValues(got.get('head.fc_wt')!, expectedLayout(folded.head.fc.weight, undefined), 'head.fc_wt');
    folded.downsamples.forEach((d, i) => {
      expectSameValues(got.get(`downsample_${i + 1}.conv`)!, Array.from(d.conv.data, Math.fround), `downsample_${i + 1}.conv`);
      expectSameValues(got.get(`downsample_${i + 1}.bias`)!, Array.from(d.bias.data, Math.fround), `downsample_${i + 1}.bias`);
    });
  });

  it('packTransposedWeightPanels: W [out, in] to Wᵀ in column panels, for panel widths 4 to 16 and odd in sizes', () => {
    for (const [out, inn, cols] of [[4, 1, 4], [8, 3, 4], [24, 5, 8], [48, 7, 16], [32, 33, 16], [12, 2, 12]] as const) {
      const data = Float64Array.from({ length: out * inn }, (_, i) => Math.sin(i + 0.5) * 1e3);
      const got = packTransposedWeightPanels(data, inn, out, cols);
      expect(got).toBeInstanceOf(Float32Array);
      expectSameValues(got, expectedLayout(new Tensor([out, inn], data), cols), `[${out}, ${inn}] in ${cols}-column panels`);
    }
    expect(() => packTransposedWeightPanels(new Float32Array(12), 2, 6, 4)).toThrow(/panels of 4 columns/);
    expect(() => packTransposedWeightPanels(new Float32Array(10), 2, 8, 4)).toThrow(/packTransposedWeightPanels/);
  });
});
