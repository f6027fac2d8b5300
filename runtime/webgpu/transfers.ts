import type { UniformField } from '../../compiler/ir/ir.js';
import { NeoccError } from '../../compiler/errors.js';
import { BufferUsage, MapMode } from './constants.js';

export const STORAGE_USAGE = BufferUsage.STORAGE | BufferUsage.COPY_DST | BufferUsage.COPY_SRC;

/** A smaller batch helps only when there is more than one image; otherwise only a smaller input does. */
function shrinkAdvice(name: string): string {
  return /\bbatch 1\b|\[1, /.test(name) ? 'use a smaller input resolution' : 'use a smaller batch or input resolution';
}

/** Fails with the adapter's limit when a tensor is too large to bind, instead of a validation error deep in Dawn. */
export function checkBindingSize(device: GPUDevice, name: string, byteLength: number): void {
  const limit = device.limits.maxStorageBufferBindingSize;
  if (byteLength > limit) {
    throw new NeoccError('adapter-limits-exceeded',
      `tensor "${name}" needs ${byteLength} bytes, more than this adapter's maxStorageBufferBindingSize (${limit}); ${shrinkAdvice(name)}`);
  }
}

/** Packs uniform values in the kernel's field order (every field is 4 bytes); size rounded to 16 bytes. */
export function packUniforms(fields: readonly UniformField[], values: Readonly<Record<string, number>>): ArrayBuffer {
  const data = new ArrayBuffer(Math.max(16, Math.ceil((4 * fields.length) / 16) * 16));
  const view = new DataView(data);
  fields.forEach((f, i) => {
    const value = values[f.name];
    if (value === undefined) throw new Error(`uniform "${f.name}" has no value`);
    if (f.type === 'u32') view.setUint32(4 * i, value, true);
    else view.setFloat32(4 * i, value, true);
  });
  return data;
}

/** Copies `elements` f32 values out of `buffer` (submits its own copy). */
export async function download(device: GPUDevice, buffer: GPUBuffer, elements: number): Promise<Float32Array> {
  const staging = device.createBuffer({ size: Math.max(4, 4 * elements), usage: BufferUsage.MAP_READ | BufferUsage.COPY_DST });
  const encoder = device.createCommandEncoder();
  encoder.copyBufferToBuffer(buffer, 0, staging, 0, 4 * elements);
  device.queue.submit([encoder.finish()]);
  await staging.mapAsync(MapMode.READ);
  const out = new Float32Array(staging.getMappedRange().slice(0));
  staging.unmap();
  staging.destroy();
  return out;
}
