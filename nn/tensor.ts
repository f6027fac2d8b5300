/**
 * The dense tensor every CPU-side module exchanges: a row-major shape plus a flat typed array.
 *
 * Storage may be float32 (weights and inputs as they come from checkpoints) or float64 (everything the reference
 * computes). Arithmetic in `nn/reference` always happens in float64: reading a Float32Array element yields a
 * double, so float32 storage only fixes the *values*, never the precision of the computation.
 */
export type FloatArray = Float32Array | Float64Array;

export class Tensor {
  readonly shape: readonly number[];
  readonly data: FloatArray;

  constructor(shape: readonly number[], data: FloatArray) {
    const size = shapeSize(shape);
    if (data.length !== size) {
      throw new RangeError(`Tensor: shape [${shape.join(', ')}] needs ${size} elements, data has ${data.length}`);
    }
    this.shape = Object.freeze([...shape]);
    this.data = data;
  }

  static zeros(shape: readonly number[]): Tensor {
    return new Tensor(shape, new Float64Array(shapeSize(shape)));
  }

  get size(): number {
    return this.data.length;
  }

  /** Same data, new shape (no copy); sizes must agree. */
  reshape(shape: readonly number[]): Tensor {
    return new Tensor(shape, this.data);
  }
}

export function shapeSize(shape: readonly number[]): number {
  let size = 1;
  for (const d of shape) {
    if (!Number.isInteger(d) || d < 0) throw new RangeError(`invalid dimension ${d} in shape [${shape.join(', ')}]`);
    size *= d;
  }
  return size;
}

export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

export function formatShape(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}

/**
 * Relative L2 error ||out - ref|| / ||ref|| (docs/DESIGN-NOTES.md §5); NaN anywhere in `out` yields NaN so a poisoned,
 * unwritten element can never pass. A zero reference falls back to the absolute norm of the difference.
 */
export function relativeL2Error(out: ArrayLike<number>, ref: ArrayLike<number>): number {
  if (out.length !== ref.length) {
    throw new RangeError(`relativeL2Error: lengths differ (${out.length} vs ${ref.length})`);
  }
  let diff = 0;
  let norm = 0;
  for (let i = 0; i < ref.length; i++) {
    const r = ref[i]!;
    const d = out[i]! - r;
    diff += d * d;
    norm += r * r;
  }
  return norm === 0 ? Math.sqrt(diff) : Math.sqrt(diff / norm);
}

/**
 * The tensors' data back to back as float32: e.g. a NeoCell's per-group weight tensors in the layout its kernels
 * index with their baked group offsets.
 */
export function concatTensors(tensors: readonly Tensor[]): Float32Array {
  const out = new Float32Array(tensors.reduce((s, t) => s + t.size, 0));
  let at = 0;
  for (const t of tensors) {
    out.set(t.data, at);
    at += t.size;
  }
  return out;
}

/**
 * A weight [rows, cols…] (row-major; trailing dims such as a 1x1 conv's are flattened) transposed to [cols, rows]
 * in float32: fc weights as the GEMMs read them (neighbouring invocations read neighbouring addresses) and as a
 * channels-last MatMul takes them.
 */
export function transposed(t: Tensor): Float32Array {
  const rows = t.shape[0]!;
  const cols = t.size / rows;
  const data = t.data;
  const out = new Float32Array(t.size);
  // In TILE×TILE tiles: the strided writes of a tile stay in cache (NeoNeXt-T's fc weights are 768×3072; a plain
  // row-by-row loop was the largest part of its weight layout at load time).
  for (let r0 = 0; r0 < rows; r0 += TRANSPOSE_TILE) {
    const r1 = Math.min(rows, r0 + TRANSPOSE_TILE);
    for (let c0 = 0; c0 < cols; c0 += TRANSPOSE_TILE) {
      const c1 = Math.min(cols, c0 + TRANSPOSE_TILE);
      for (let r = r0; r < r1; r++) for (let c = c0; c < c1; c++) out[c * rows + r] = data[r * cols + c]!;
    }
  }
  return out;
}

const TRANSPOSE_TILE = 32;
