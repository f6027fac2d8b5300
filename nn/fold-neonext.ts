import type { NeoCellSpec } from '../compiler/spec/neocell-spec.js';
import { STAGE_COUNT, blockSpec, downsampleSpec, type NeoNeXtConfig } from '../compiler/spec/model-config.js';
import type { BlockParams, DownsampleParams, NeoNeXtParams } from './neonext-params.js';
import type { NeoCellWeights } from './reference/neocell.js';
import type { BatchNormParams } from './reference/ops.js';
import { Tensor } from './tensor.js';

/**
 * Load-time folding (docs/DESIGN-NOTES.md §3): every eval-mode BatchNorm and LayerScale disappears into the weights of the
 * op next to it, so the kernels never see them. All arithmetic is float64; the GPU runtime rounds the result to
 * float32 once. Tensors the fold changes are freshly allocated Float64Arrays; tensors it passes on unchanged (fc_1's
 * W1, the NeoCell B kernels, a downsample's conv) share the input's data, reshaped: copying them was about a fifth of
 * folding a NeoNeXt-T at load time. Inputs and outputs are read-only: nothing writes to either.
 */

/** A dense layer y = W·x + b with W [out, in] (a 1x1 conv's trailing 1, 1 dropped). */
export interface FoldedLinear {
  readonly weight: Tensor;
  readonly bias: Tensor;
}

/** A block as `x + fc2(GELU(fc1(NeoCell(x))))`: BN scale in A, BN shift in fc1's bias, gamma in fc2. */
export interface FoldedBlock {
  readonly neocell: NeoCellWeights;
  readonly fc1: FoldedLinear;
  readonly fc2: FoldedLinear;
}

/** `NeoCell(conv(x)) + bias[c]`: BN scale in A, BN shift as a per-channel bias after the NeoCell. */
export interface FoldedDownsample {
  /** [out, in] */
  readonly conv: Tensor;
  readonly neocell: NeoCellWeights;
  readonly bias: Tensor;
}

export interface FoldedNeoNeXt {
  /** conv(patchify(x)) with the BN folded: weight [C, 48], bias [C]. */
  readonly stem: FoldedLinear;
  readonly stages: readonly (readonly FoldedBlock[])[];
  readonly downsamples: readonly FoldedDownsample[];
  readonly head: NeoNeXtParams['head'];
}

/** Eval BatchNorm as y = x·scale + shift per channel. */
export function batchNormAffine(p: BatchNormParams): { scale: Float64Array; shift: Float64Array } {
  const eps = p.eps ?? 1e-5;
  const c = p.weight.size;
  const scale = new Float64Array(c);
  const shift = new Float64Array(c);
  for (let i = 0; i < c; i++) {
    scale[i] = p.weight.data[i]! / Math.sqrt(p.runningVar.data[i]! + eps);
    shift[i] = p.bias.data[i]! - p.runningMean.data[i]! * scale[i]!;
  }
  return { scale, shift };
}

/** weight_a of every channel c times scale[c]: y_c = (s_c·A_c)·X_c·B_c = s_c·(A_c·X_c·B_c), since A_c is built from weight_a[c] alone. */
export function scaleNeoCellRows(spec: NeoCellSpec, w: NeoCellWeights, scale: ArrayLike<number>): NeoCellWeights {
  let channel = 0;
  const a = spec.groups.map((g, j) => {
    const src = w.a[j]!;
    const out = scaledRows(src.data, g.hOut * g.hIn, scale, channel, g.channels);
    channel += g.channels;
    return new Tensor(src.shape, out);
  });
  return { a, b: w.b };
}

/**
 * A float64 copy of `rows` rows of `per` elements with row r multiplied by scale[first + r] (the same double product
 * as copying, then scaling in place), in one pass. Folding runs at every model load over all 28 M weights of a
 * NeoNeXt-T, so the loops are kept flat: no per-element index arithmetic beyond one running offset.
 */
function scaledRows(src: ArrayLike<number>, per: number, scale: ArrayLike<number>, first: number, rows: number): Float64Array {
  const out = new Float64Array(rows * per);
  for (let r = 0, at = 0; r < rows; r++) {
    const s = scale[first + r]!;
    for (const end = at + per; at < end; at++) out[at] = src[at]! * s;
  }
  return out;
}

/** A Linear / 1x1 conv weight as [out, in] (a 1x1 conv's trailing 1, 1 dropped), sharing its data. */
function matrix2d(weight: Tensor): Tensor {
  const out = weight.shape[0]!;
  return weight.reshape([out, weight.size / out]);
}

/** BN(NeoCell(x)) → fc1: s into A, fc1 bias' = b1 + W1·t; gamma·(W2·h + b2) → W2' = diag(gamma)·W2, b2' = gamma·b2. */
export function foldBlock(spec: NeoCellSpec, p: BlockParams): FoldedBlock {
  const { scale, shift } = batchNormAffine(p.norm);
  const w1 = matrix2d(p.fc1.weight);
  const [hidden, c] = w1.shape as [number, number];
  const w1Data = w1.data;
  const b1 = new Float64Array(hidden);
  for (let o = 0, row = 0; o < hidden; o++, row += c) {
    let acc = p.fc1.bias ? p.fc1.bias.data[o]! : 0;
    for (let i = 0; i < c; i++) acc += w1Data[row + i]! * shift[i]!;
    b1[o] = acc;
  }
  // diag(gamma)·W2 (no layer scale: gamma = 1, and x·1 is x exactly).
  const out2 = p.fc2.weight.shape[0]!;
  const in2 = p.fc2.weight.size / out2;
  const gamma = p.gamma ? p.gamma.data : new Float64Array(out2).fill(1);
  const w2 = new Tensor([out2, in2], scaledRows(p.fc2.weight.data, in2, gamma, 0, out2));
  const b2 = new Float64Array(c);
  for (let o = 0; o < c; o++) b2[o] = gamma[o]! * (p.fc2.bias ? p.fc2.bias.data[o]! : 0);
  return {
    neocell: scaleNeoCellRows(spec, p.neocell, scale),
    fc1: { weight: w1, bias: new Tensor([hidden], b1) },
    fc2: { weight: w2, bias: new Tensor([c], b2) },
  };
}

/** BN(conv(patchify(x))): W' = diag(s)·W, bias t. */
export function foldStem(p: NeoNeXtParams['stem']): FoldedLinear {
  const { scale, shift } = batchNormAffine(p.norm);
  const c = p.conv.shape[0]!;
  const k = p.conv.size / c;
  return { weight: new Tensor([c, k], scaledRows(p.conv.data, k, scale, 0, c)), bias: new Tensor([c], shift) };
}

/** BN(NeoCell(conv(x))): s into A; the shift t stays a per-channel bias after the NeoCell (it cannot move before it). */
export function foldDownsample(spec: NeoCellSpec, p: DownsampleParams): FoldedDownsample {
  const { scale, shift } = batchNormAffine(p.norm);
  return { conv: matrix2d(p.conv), neocell: scaleNeoCellRows(spec, p.neocell, scale), bias: new Tensor([scale.length], shift) };
}

export function foldNeoNeXt(config: NeoNeXtConfig, params: NeoNeXtParams): FoldedNeoNeXt {
  const stages: FoldedBlock[][] = [];
  const downsamples: FoldedDownsample[] = [];
  for (let s = 0; s < STAGE_COUNT; s++) {
    if (s > 0) downsamples.push(foldDownsample(downsampleSpec(config.dims[s]!), params.downsamples[s - 1]!));
    const spec = blockSpec(config, s);
    stages.push(params.stages[s]!.map((b) => foldBlock(spec, b)));
  }
  return { stem: foldStem(params.stem), stages, downsamples, head: params.head };
}
