import { STORAGE_USAGE, checkBindingSize } from '../../runtime/webgpu/transfers.js';

/**
 * Test helper (direct kernel launches): reuses GPU buffers by (usage, size class). Sizes round up to a power of two (min 256 bytes) so buffers of
 * neighbouring shapes share a class; a released buffer goes back to its class and is handed out again as is (its
 * old contents included — callers that need a defined state write it).
 */
export class BufferPool {
  private readonly free = new Map<string, GPUBuffer[]>();
  private readonly classOf = new WeakMap<GPUBuffer, string>();

  constructor(private readonly device: GPUDevice) {}

  acquire(byteLength: number, usage: number, label?: string): GPUBuffer {
    const size = Math.max(256, 2 ** Math.ceil(Math.log2(Math.max(1, byteLength))));
    const key = `${usage}:${size}`;
    const reused = this.free.get(key)?.pop();
    if (reused) return reused;
    const buffer = this.device.createBuffer({ size, usage, label });
    this.classOf.set(buffer, key);
    return buffer;
  }

  release(buffer: GPUBuffer): void {
    const key = this.classOf.get(buffer);
    if (!key) {
      buffer.destroy();
      return;
    }
    let list = this.free.get(key);
    if (!list) this.free.set(key, (list = []));
    list.push(buffer);
  }

  destroy(): void {
    for (const list of this.free.values()) for (const b of list) b.destroy();
    this.free.clear();
  }
}

/** A pooled storage buffer holding `data` as f32 (or u32 for Uint32Array). */
export function upload(device: GPUDevice, pool: BufferPool, name: string, data: ArrayLike<number> | Uint32Array): GPUBuffer {
  const bytes = data instanceof Uint32Array ? data : Float32Array.from(data);
  checkBindingSize(device, name, bytes.byteLength);
  const buffer = pool.acquire(bytes.byteLength, STORAGE_USAGE, name);
  device.queue.writeBuffer(buffer, 0, bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return buffer;
}

/** A pooled storage buffer for `elements` f32 results; filled with NaN when `poison` so unwritten outputs show. */
export function outputBuffer(device: GPUDevice, pool: BufferPool, name: string, elements: number, poison: boolean): GPUBuffer {
  checkBindingSize(device, name, 4 * elements);
  const buffer = pool.acquire(4 * elements, STORAGE_USAGE, name);
  if (poison) device.queue.writeBuffer(buffer, 0, new Float32Array(elements).fill(NaN));
  return buffer;
}
