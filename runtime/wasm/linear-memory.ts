import { NeoccError } from '../../compiler/errors.js';
import { wasmApi, type WasmMemory } from './wasm-api.js';

const PAGE = 65536;
/**
 * Bytes at the start of memory that tensors never use: asc may place static data (none in kernels today) right after
 * address 0, and a null pointer should never alias a tensor.
 */
export const RESERVED_BYTES = PAGE;
/** wasm32 addresses 4 GiB; V8 allows memories up to that size. */
const MAX_PAGES = 65536;
const ALIGN = 64;

/**
 * One WebAssembly.Memory shared by every kernel module of a backend, with a bump allocator that is reset between
 * operations (tensors are copied in for each call and copied out after it). Grows on demand; views are re-created
 * after every grow, since growing detaches the old ArrayBuffer.
 */
export class LinearMemory {
  readonly memory: WasmMemory;
  private top = RESERVED_BYTES;

  /** `shared`: a shared memory (SharedArrayBuffer) that kernel threads use together (wasm-threads modules only). */
  constructor(readonly shared = false) {
    this.memory = new wasmApi.Memory({ initial: 2, maximum: MAX_PAGES, shared });
  }

  /** Bytes in use by the current operation. */
  get used(): number {
    return this.top;
  }

  /** Forgets every allocation (the memory itself is kept for the next operation). */
  reset(): void {
    this.top = RESERVED_BYTES;
  }

  /**
   * Marks everything below byte address `top` as allocated again after a reset (data laid out there earlier, such as
   * a model's weights, stays where it was: allocation is deterministic).
   */
  reserveUpTo(top: number): void {
    if (top < this.top || top > this.memory.buffer.byteLength) throw new NeoccError('wasm-bad-launch', `wasm: cannot reserve up to ${top} (allocated up to ${this.top} of ${this.memory.buffer.byteLength})`);
    this.top = top;
  }

  /** Room for `count` f32/u32 elements; returns the byte address. */
  alloc(count: number): number {
    const ptr = this.top;
    const end = ptr + Math.ceil((count * 4) / ALIGN) * ALIGN;
    if (end > MAX_PAGES * PAGE) throw new NeoccError('wasm-out-of-memory', `wasm: ${end} bytes needed; wasm32 memory holds at most 4 GiB`);
    const have = this.memory.buffer.byteLength;
    if (end > have) this.memory.grow(Math.ceil((end - have) / PAGE));
    this.top = end;
    return ptr;
  }

  /** Allocates and copies `data` in (float64 data is rounded to f32). */
  put(data: Float32Array | Float64Array | Uint32Array): number {
    const ptr = this.alloc(data.length);
    if (data instanceof Uint32Array) this.u32(ptr, data.length).set(data);
    else this.f32(ptr, data.length).set(data);
    return ptr;
  }

  /** Allocates `count` f32, optionally filled with NaN (so elements a kernel never writes cannot pass a check). */
  output(count: number, poison: boolean): number {
    const ptr = this.alloc(count);
    if (poison) this.f32(ptr, count).fill(Number.NaN);
    return ptr;
  }

  /** A copy of `count` f32 at `ptr`. */
  read(ptr: number, count: number): Float32Array {
    return this.f32(ptr, count).slice();
  }

  f32(ptr: number, count: number): Float32Array {
    return new Float32Array(this.memory.buffer, ptr, count);
  }

  u32(ptr: number, count: number): Uint32Array {
    return new Uint32Array(this.memory.buffer, ptr, count);
  }
}
