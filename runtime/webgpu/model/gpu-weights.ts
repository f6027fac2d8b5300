import type { FoldedBlock, FoldedDownsample, FoldedLinear, FoldedNeoNeXt } from '../../../kernels/fold-neonext.js';
import type { NeoCellWeights } from '../../../kernels/reference/neocell.js';
import type { Tensor } from '../../../kernels/tensor.js';
import { concatTensors } from '../../../kernels/tensor.js';
import { BufferUsage } from '../constants.js';
import { NeoccError } from '../../../compiler/errors.js';

/**
 * Folded parameters as float32 storage buffers, in the layouts the kernels index: NeoCell kernels of all groups
 * back to back, fc_1/fc_2/head weights transposed (so neighbouring invocations read neighbouring addresses).
 * Uploaded once per model; every buffer is exactly its tensor's size (weights are not pooled: they live as long
 * as the model).
 */
export interface BlockBuffers {
  readonly wa: GPUBuffer;
  readonly wb: GPUBuffer;
  readonly w1t: GPUBuffer;
  readonly b1: GPUBuffer;
  readonly w2t: GPUBuffer;
  readonly b2: GPUBuffer;
}

export interface DownsampleBuffers {
  readonly conv: GPUBuffer;
  readonly wa: GPUBuffer;
  readonly wb: GPUBuffer;
  readonly bias: GPUBuffer;
}

export interface ModelBuffers {
  readonly stem: { readonly w: GPUBuffer; readonly bias: GPUBuffer };
  readonly stages: readonly (readonly BlockBuffers[])[];
  readonly downsamples: readonly DownsampleBuffers[];
  readonly head: { readonly lnW: GPUBuffer; readonly lnB: GPUBuffer; readonly fcWt: GPUBuffer; readonly fcB: GPUBuffer };
}

/** Creates and fills a storage buffer; fails naming the tensor when it exceeds maxStorageBufferBindingSize. */
export class WeightUploader {
  readonly buffers: GPUBuffer[] = [];
  constructor(private readonly device: GPUDevice) {}

  upload(name: string, data: Float32Array): GPUBuffer {
    const limit = this.device.limits.maxStorageBufferBindingSize;
    if (data.byteLength > limit) {
      // Not checkBindingSize: its advice (a smaller batch) does not help with a weight.
      throw new NeoccError('adapter-limits-exceeded',
        `weight tensor "${name}" needs ${data.byteLength} bytes, more than this adapter's maxStorageBufferBindingSize (${limit}); this model does not fit this adapter`);
    }
    const buffer = this.device.createBuffer({ label: name, size: Math.max(16, Math.ceil(data.byteLength / 4) * 4), usage: BufferUsage.STORAGE | BufferUsage.COPY_DST });
    this.device.queue.writeBuffer(buffer, 0, data.buffer, data.byteOffset, data.byteLength);
    this.buffers.push(buffer);
    return buffer;
  }

  destroy(): void {
    for (const b of this.buffers) b.destroy();
    this.buffers.length = 0;
  }
}

/** [rows, cols] row-major → [cols, rows], rounded to float32. */
export function transposeF32(t: Tensor): Float32Array {
  const [rows, cols] = [t.shape[0]!, t.size / t.shape[0]!];
  const out = new Float32Array(t.size);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[c * rows + r] = t.data[r * cols + c]!;
  return out;
}

function neoCell(up: WeightUploader, name: string, w: NeoCellWeights): { wa: GPUBuffer; wb: GPUBuffer } {
  return { wa: up.upload(`${name}.weight_a`, concatTensors(w.a)), wb: up.upload(`${name}.weight_b`, concatTensors(w.b)) };
}

export function uploadBlock(up: WeightUploader, name: string, p: FoldedBlock): BlockBuffers {
  return {
    ...neoCell(up, `${name}.neocell`, p.neocell),
    w1t: up.upload(`${name}.fc_1.weight`, transposeF32(p.fc1.weight)),
    b1: up.upload(`${name}.fc_1.bias (folded)`, Float32Array.from(p.fc1.bias.data)),
    w2t: up.upload(`${name}.fc_2.weight`, transposeF32(p.fc2.weight)),
    b2: up.upload(`${name}.fc_2.bias (folded)`, Float32Array.from(p.fc2.bias.data)),
  };
}

function uploadDownsample(up: WeightUploader, name: string, p: FoldedDownsample): DownsampleBuffers {
  return {
    conv: up.upload(`${name}.conv.weight`, Float32Array.from(p.conv.data)),
    ...neoCell(up, `${name}.neocell`, p.neocell),
    bias: up.upload(`${name}.norm_1 (folded shift)`, Float32Array.from(p.bias.data)),
  };
}

function uploadStem(up: WeightUploader, p: FoldedLinear): ModelBuffers['stem'] {
  return { w: up.upload('stem.conv.weight', Float32Array.from(p.weight.data)), bias: up.upload('stem.norm (folded shift)', Float32Array.from(p.bias.data)) };
}

export function uploadModel(up: WeightUploader, p: FoldedNeoNeXt): ModelBuffers {
  return {
    stem: uploadStem(up, p.stem),
    stages: p.stages.map((blocks, s) => blocks.map((b, i) => uploadBlock(up, `stage_${s + 1}.${i}`, b))),
    downsamples: p.downsamples.map((d, i) => uploadDownsample(up, `downsample_${i + 1}`, d)),
    head: {
      lnW: up.upload('head.ln.weight', Float32Array.from(p.head.ln.weight.data)),
      lnB: up.upload('head.ln.bias', Float32Array.from(p.head.ln.bias.data)),
      fcWt: up.upload('head.fc.weight', transposeF32(p.head.fc.weight)),
      fcB: up.upload('head.fc.bias', p.head.fc.bias ? Float32Array.from(p.head.fc.bias.data) : new Float32Array(p.head.fc.weight.shape[0]!)),
    },
  };
}
