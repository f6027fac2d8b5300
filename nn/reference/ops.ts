import erf from '@stdlib/math-base-special-erf';
import { formatShape, Tensor } from '../tensor.js';

/** Eval-mode BatchNorm parameters (PyTorch names). */
export interface BatchNormParams {
  readonly weight: Tensor;
  readonly bias: Tensor;
  readonly runningMean: Tensor;
  readonly runningVar: Tensor;
  /** PyTorch's BatchNorm2d default. */
  readonly eps?: number;
}

export interface LinearParams {
  /** [out, in] (a 1x1 conv's [out, in, 1, 1] is accepted too). */
  readonly weight: Tensor;
  readonly bias?: Tensor;
}

function dims4(x: Tensor, op: string): [number, number, number, number] {
  if (x.shape.length !== 4) throw new RangeError(`${op}: expected an [N, C, H, W] tensor, got ${formatShape(x.shape)}`);
  return x.shape as unknown as [number, number, number, number];
}

/** y = (x - mean) / sqrt(var + eps) * weight + bias, per channel of an NCHW tensor. */
export function batchNorm2d(x: Tensor, p: BatchNormParams): Tensor {
  const [n, c, h, w] = dims4(x, 'batchNorm2d');
  const eps = p.eps ?? 1e-5;
  const y = Tensor.zeros(x.shape);
  const plane = h * w;
  for (let ch = 0; ch < c; ch++) {
    const scale = p.weight.data[ch]! / Math.sqrt(p.runningVar.data[ch]! + eps);
    const shift = p.bias.data[ch]! - p.runningMean.data[ch]! * scale;
    for (let img = 0; img < n; img++) {
      const off = (img * c + ch) * plane;
      for (let i = 0; i < plane; i++) y.data[off + i] = x.data[off + i]! * scale + shift;
    }
  }
  return y;
}

/** LayerNorm over the last dimension (biased variance, as PyTorch). */
export function layerNorm(x: Tensor, weight: Tensor, bias: Tensor, eps: number): Tensor {
  const d = x.shape[x.shape.length - 1]!;
  const rows = x.size / d;
  const y = Tensor.zeros(x.shape);
  for (let r = 0; r < rows; r++) {
    let mean = 0;
    for (let i = 0; i < d; i++) mean += x.data[r * d + i]!;
    mean /= d;
    let variance = 0;
    for (let i = 0; i < d; i++) variance += (x.data[r * d + i]! - mean) ** 2;
    const inv = 1 / Math.sqrt(variance / d + eps);
    for (let i = 0; i < d; i++) y.data[r * d + i] = (x.data[r * d + i]! - mean) * inv * weight.data[i]! + bias.data[i]!;
  }
  return y;
}

/** Exact GELU: x/2 · (1 + erf(x/√2)) (PyTorch's default, not the tanh approximation). */
export function geluInPlace(data: Float64Array): void {
  for (let i = 0; i < data.length; i++) data[i] = 0.5 * data[i]! * (1 + erf(data[i]! * Math.SQRT1_2));
}

/** x [..., in] · W^T + b over the last dimension. */
export function linear(x: Tensor, p: LinearParams): Tensor {
  const out = p.weight.shape[0]!;
  const inDim = p.weight.size / out;
  const last = x.shape[x.shape.length - 1]!;
  if (last !== inDim) throw new RangeError(`linear: input has ${last} features, weight ${formatShape(p.weight.shape)} expects ${inDim}`);
  const rows = x.size / inDim;
  const y = Tensor.zeros([...x.shape.slice(0, -1), out]);
  const w = p.weight.data;
  for (let r = 0; r < rows; r++) {
    const xOff = r * inDim;
    for (let o = 0; o < out; o++) {
      let acc = p.bias ? p.bias.data[o]! : 0;
      const wOff = o * inDim;
      for (let i = 0; i < inDim; i++) acc += x.data[xOff + i]! * w[wOff + i]!;
      y.data[r * out + o] = acc;
    }
  }
  return y;
}

/** NCHW ↔ NHWC. */
export function toChannelsLast(x: Tensor): Tensor {
  const [n, c, h, w] = dims4(x, 'toChannelsLast');
  const y = Tensor.zeros([n, h, w, c]);
  for (let img = 0; img < n; img++)
    for (let ch = 0; ch < c; ch++)
      for (let p = 0; p < h * w; p++) y.data[(img * h * w + p) * c + ch] = x.data[(img * c + ch) * h * w + p]!;
  return y;
}

export function toChannelsFirst(x: Tensor): Tensor {
  const [n, h, w, c] = dims4(x, 'toChannelsFirst');
  const y = Tensor.zeros([n, c, h, w]);
  for (let img = 0; img < n; img++)
    for (let ch = 0; ch < c; ch++)
      for (let p = 0; p < h * w; p++) y.data[(img * c + ch) * h * w + p] = x.data[(img * h * w + p) * c + ch]!;
  return y;
}

/** 1x1 convolution without bias: weight [out, in, 1, 1] applied per pixel of an NCHW tensor. */
export function conv1x1(x: Tensor, weight: Tensor): Tensor {
  return toChannelsFirst(linear(toChannelsLast(x), { weight }));
}

/**
 * Upstream `Patchify(p)`: [N, C, H, W] → [N, C·p·p, H/p, W/p] with output channel c·p² + dy·p + dx
 * (reshape to N,C,H/p,p,W/p,p then permute to N,C,p,p,H/p,W/p).
 */
export function patchify(x: Tensor, p: number): Tensor {
  const [n, c, h, w] = dims4(x, 'patchify');
  if (h % p !== 0 || w % p !== 0) throw new RangeError(`patchify: input ${formatShape(x.shape)} is not divisible by patch ${p}`);
  const h1 = h / p;
  const w1 = w / p;
  const y = Tensor.zeros([n, c * p * p, h1, w1]);
  for (let img = 0; img < n; img++)
    for (let ch = 0; ch < c; ch++)
      for (let dy = 0; dy < p; dy++)
        for (let dx = 0; dx < p; dx++) {
          const outC = (ch * p + dy) * p + dx;
          for (let i = 0; i < h1; i++)
            for (let j = 0; j < w1; j++) {
              y.data[((img * c * p * p + outC) * h1 + i) * w1 + j] = x.data[((img * c + ch) * h + i * p + dy) * w + j * p + dx]!;
            }
        }
  return y;
}

/** Mean over H and W: [N, C, H, W] → [N, C]. */
export function globalAveragePool(x: Tensor): Tensor {
  const [n, c, h, w] = dims4(x, 'globalAveragePool');
  const y = Tensor.zeros([n, c]);
  for (let i = 0; i < n * c; i++) {
    let acc = 0;
    for (let p = 0; p < h * w; p++) acc += x.data[i * h * w + p]!;
    y.data[i] = acc / (h * w);
  }
  return y;
}
