import { NeoccError } from '../../compiler/errors.js';
import { programArtifacts, type Program, type ProgramBuffer, type ProgramRunOptions, type WeightTensor } from '../../schedule/program.js';
import { Tensor } from '../../nn/tensor.js';
import { BufferUsage, MapMode } from './constants.js';
import type { GpuContext } from './gpu-context.js';
import { KernelLauncher } from './kernel-launcher.js';
import type { PipelineCache } from './pipeline-cache.js';
import { STORAGE_USAGE, checkBindingSize } from './transfers.js';


/** A storage buffer for `b`, checked against the binding limit first (a clear error instead of a Dawn one). */
export function createProgramBuffer(device: GPUDevice, b: ProgramBuffer): GPUBuffer {
  checkBindingSize(device, b.label, 4 * b.elements);
  return device.createBuffer({ label: b.label, size: Math.max(16, 4 * b.elements), usage: STORAGE_USAGE });
}

/** Uploads weight tensors once (a model's lifetime), each a buffer of exactly its size. */
export function uploadWeights(device: GPUDevice, weights: readonly WeightTensor[]): Map<string, GPUBuffer> {
  const out = new Map<string, GPUBuffer>();
  try {
    for (const w of weights) {
      const limit = device.limits.maxStorageBufferBindingSize;
      if (w.data.byteLength > limit) {
        throw new NeoccError('adapter-limits-exceeded',
          `weight tensor "${w.label}" needs ${w.data.byteLength} bytes, more than this adapter's maxStorageBufferBindingSize (${limit}); this model does not fit this adapter`);
      }
      const buffer = device.createBuffer({ label: w.label, size: Math.max(16, w.data.byteLength), usage: BufferUsage.STORAGE | BufferUsage.COPY_DST });
      device.queue.writeBuffer(buffer, 0, w.data.buffer, w.data.byteOffset, w.data.byteLength);
      out.set(w.name, buffer);
    }
  } catch (err) {
    for (const b of out.values()) b.destroy();
    throw err;
  }
  return out;
}

function write(device: GPUDevice, buffer: GPUBuffer, data: Float32Array): void {
  device.queue.writeBuffer(buffer, 0, data.buffer, data.byteOffset, data.byteLength);
}

/**
 * Executes a program (schedule/program.ts) on WebGPU: every dispatch recorded into one command buffer, one submit
 * (with an observer: one submit per observed module). Returns the program's `output` buffers, read back, by name.
 */
export async function runGpuProgram(ctx: GpuContext, pipelines: PipelineCache, program: Program, options: ProgramRunOptions<GPUBuffer>): Promise<Map<string, Float32Array>> {
  const { device } = ctx;
  await Promise.all(programArtifacts(program).map((a) => pipelines.get(a)));
  const transient: GPUBuffer[] = [];
  const buffers = new Map<string, GPUBuffer>();
  const readbacks: { buffer: GPUBuffer; name: string; module?: string; shape: readonly number[] }[] = [];
  try {
    for (const b of program.buffers) {
      let buffer = options.resident?.get(b.name);
      if (!buffer) {
        buffer = createProgramBuffer(device, b);
        transient.push(buffer);
      }
      buffers.set(b.name, buffer);
      if (b.role === 'input' || (b.role === 'weight' && !options.resident?.has(b.name))) {
        const data = options.data[b.name];
        if (!data || data.length !== b.elements) throw new NeoccError('bad-launch', `program input "${b.name}": ${data ? `${data.length} elements` : 'missing'}, expected ${b.elements}`);
        write(device, buffer, data);
      } else if (options.poison && b.role !== 'weight') {
        write(device, buffer, new Float32Array(b.elements).fill(Number.NaN));
      }
    }
    let launcher = new KernelLauncher(ctx, pipelines);
    const copyOut = (name: string, elements: number, shape: readonly number[], module?: string): void => {
      const buffer = device.createBuffer({ size: Math.max(16, 4 * elements), usage: BufferUsage.MAP_READ | BufferUsage.COPY_DST });
      transient.push(buffer);
      launcher.encoder.copyBufferToBuffer(buffers.get(name)!, 0, buffer, 0, 4 * elements);
      readbacks.push({ buffer, name, shape, ...(module === undefined ? {} : { module }) });
    };
    const outputs = new Map<string, Float32Array>();
    /** Submits what is recorded, waits for it, and hands every readback so far to its observer or the outputs. */
    const submitAndRead = async (): Promise<void> => {
      await launcher.submit();
      for (const r of readbacks.splice(0)) {
        await r.buffer.mapAsync(MapMode.READ);
        const data = new Float32Array(r.buffer.getMappedRange().slice(0, 4 * r.shape.reduce((p, d) => p * d, 1)));
        r.buffer.unmap();
        if (r.module !== undefined) options.observe?.(r.module, new Tensor(r.shape, data));
        else outputs.set(r.name, data);
      }
    };
    // Observed runs submit at every observation and wait for it, so an observer is called when its module is done
    // on the GPU (per-module timings, as on the CPU runtimes); unobserved runs are one submit.
    const observeAt = async (done: number): Promise<void> => {
      if (!options.observe) return;
      const due = program.observations.filter((o) => o.after === done);
      if (due.length === 0) return;
      for (const o of due) copyOut(o.buffer, o.shape.reduce((p, d) => p * d, 1), o.shape, o.module);
      await submitAndRead();
      launcher = new KernelLauncher(ctx, pipelines);
    };
    await observeAt(0);
    for (const [i, d] of program.dispatches.entries()) {
      const bound = d.bindings.map((b) => ({ buffer: buffers.get(b.buffer)!, offset: 4 * b.offset }));
      await launcher.dispatch(d.artifact, bound, d.uniforms, d.grid);
      await observeAt(i + 1);
    }
    for (const b of program.buffers) if (b.role === 'output') copyOut(b.name, b.elements, [b.elements]);
    await submitAndRead();
    return outputs;
  } finally {
    for (const b of transient) b.destroy();
  }
}
