import { formatShape, shapeSize, Tensor } from '../../nn/tensor.js';
import { WeightsError } from './weights-error.js';

/** Element size in bytes of every dtype the safetensors format defines. */
const DTYPE_BYTES: Readonly<Record<string, number>> = {
  F64: 8, F32: 4, F16: 2, BF16: 2, I64: 8, U64: 8, I32: 4, U32: 4, I16: 2, U16: 2, I8: 1, U8: 1, BOOL: 1,
  F8_E4M3: 1, F8_E5M2: 1,
};
const FLOAT_DTYPES = new Set(['F64', 'F32', 'F16', 'BF16']);

export interface SafetensorsEntry {
  readonly name: string;
  readonly dtype: string;
  readonly shape: readonly number[];
  /** Byte range inside the data section (after the header). */
  readonly begin: number;
  readonly end: number;
}

/**
 * A parsed safetensors file. Floating-point tensors (F32, F64, F16, BF16) are available as tensors (F32/F64 keep
 * their precision, half precisions widen to F32); integer tensors (e.g. BatchNorm's `num_batches_tracked`) are
 * listed in `entries` but `tensor()` refuses them.
 */
export class SafetensorsFile {
  readonly source: string;
  readonly metadata: Readonly<Record<string, string>>;
  readonly entries: ReadonlyMap<string, SafetensorsEntry>;
  private readonly data: Uint8Array;

  constructor(source: string, metadata: Record<string, string>, entries: Map<string, SafetensorsEntry>, data: Uint8Array) {
    this.source = source;
    this.metadata = Object.freeze({ ...metadata });
    this.entries = entries;
    this.data = data;
  }

  get names(): string[] {
    return [...this.entries.keys()];
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  shapeOf(name: string): readonly number[] | undefined {
    return this.entries.get(name)?.shape;
  }

  isFloat(name: string): boolean {
    const entry = this.entries.get(name);
    return entry !== undefined && FLOAT_DTYPES.has(entry.dtype);
  }

  /** The named floating-point tensor; a WeightsError naming the tensor when it is absent or not floating point. */
  tensor(name: string): Tensor {
    const entry = this.entries.get(name);
    if (!entry) throw new WeightsError('missing-tensor', this.source, `no tensor named "${name}"`);
    if (!FLOAT_DTYPES.has(entry.dtype)) {
      throw new WeightsError('non-float-tensor', this.source, `tensor "${name}" has dtype ${entry.dtype}; expected one of ${[...FLOAT_DTYPES].join(', ')}`);
    }
    // Copy out: the data section is not necessarily aligned to the element size, and callers may keep tensors
    // after dropping the file buffer. (Not `slice`: on a Node Buffer it returns a view.)
    const bytes = new Uint8Array(entry.end - entry.begin);
    bytes.set(this.data.subarray(entry.begin, entry.end));
    const view = new DataView(bytes.buffer);
    const count = shapeSize(entry.shape);
    switch (entry.dtype) {
      case 'F32':
        return new Tensor(entry.shape, new Float32Array(bytes.buffer));
      case 'F64':
        return new Tensor(entry.shape, new Float64Array(bytes.buffer));
      case 'F16': {
        const out = new Float32Array(count);
        for (let i = 0; i < count; i++) out[i] = halfToFloat(view.getUint16(2 * i, true));
        return new Tensor(entry.shape, out);
      }
      default: {
        // BF16 is the top half of an F32.
        const out = new Float32Array(count);
        const widened = new DataView(out.buffer);
        for (let i = 0; i < count; i++) widened.setUint32(4 * i, view.getUint16(2 * i, true) << 16, true);
        return new Tensor(entry.shape, out);
      }
    }
  }
}

/**
 * Parses safetensors bytes: an 8-byte little-endian header length, a JSON header, then the data section.
 * Validates what a truncated, corrupt or hand-edited file gets wrong: header bounds, dtypes, shapes, byte ranges
 * that match dtype x shape, overlaps, and data bytes no tensor claims. Assumes a little-endian host (every
 * platform Node and browsers ship on).
 */
export function parseSafetensors(bytes: Uint8Array, source = '<safetensors>'): SafetensorsFile {
  const fail = (code: ConstructorParameters<typeof WeightsError>[0], message: string): never => {
    throw new WeightsError(code, source, message);
  };
  if (bytes.length < 8) fail('truncated-file', `file is ${bytes.length} bytes; a safetensors file starts with an 8-byte header length`);
  const headerLength = Number(new DataView(bytes.buffer, bytes.byteOffset, 8).getBigUint64(0, true));
  if (headerLength > bytes.length - 8) {
    fail('truncated-file', `header claims ${headerLength} bytes but only ${bytes.length - 8} follow the length field (truncated or not safetensors)`);
  }
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(8, 8 + headerLength)));
  } catch (err) {
    fail('corrupt-header', `header is not valid UTF-8 JSON: ${(err as Error).message}`);
  }
  if (typeof header !== 'object' || header === null || Array.isArray(header)) fail('corrupt-header', 'header is not a JSON object');
  const data = bytes.subarray(8 + headerLength);

  const metadata: Record<string, string> = {};
  const entries = new Map<string, SafetensorsEntry>();
  for (const [name, info] of Object.entries(header as Record<string, unknown>)) {
    if (name === '__metadata__') {
      if (typeof info !== 'object' || info === null) fail('corrupt-header', '__metadata__ is not an object of strings');
      for (const [k, v] of Object.entries(info as Record<string, unknown>)) {
        if (typeof v !== 'string') fail('corrupt-header', `__metadata__.${k} is not a string`);
        metadata[k] = v as string;
      }
      continue;
    }
    entries.set(name, parseEntry(name, info, data.length, fail));
  }

  const sorted = [...entries.values()].sort((a, b) => a.begin - b.begin || a.end - b.end);
  let covered = 0;
  for (const entry of sorted) {
    if (entry.begin < covered) fail('overlapping-tensors', `tensor "${entry.name}" bytes [${entry.begin}, ${entry.end}) overlap an earlier tensor ending at ${covered}`);
    if (entry.begin > covered) fail('unindexed-bytes', `data bytes [${covered}, ${entry.begin}) belong to no tensor`);
    covered = entry.end;
  }
  if (covered < data.length) fail('unindexed-bytes', `data bytes [${covered}, ${data.length}) belong to no tensor`);
  return new SafetensorsFile(source, metadata, entries, data);
}

function parseEntry(
  name: string, info: unknown, dataLength: number,
  fail: (code: 'corrupt-header' | 'unsupported-dtype' | 'bad-offsets' | 'truncated-file', message: string) => never,
): SafetensorsEntry {
  if (typeof info !== 'object' || info === null) fail('corrupt-header', `entry "${name}" is not an object`);
  const { dtype, shape, data_offsets: offsets } = info as Record<string, unknown>;
  if (typeof dtype !== 'string' || !(dtype in DTYPE_BYTES)) {
    fail('unsupported-dtype', `tensor "${name}" has dtype ${JSON.stringify(dtype)}; allowed: ${Object.keys(DTYPE_BYTES).join(', ')}`);
  }
  if (!Array.isArray(shape) || !shape.every((d) => Number.isInteger(d) && d >= 0)) {
    fail('corrupt-header', `tensor "${name}" has shape ${JSON.stringify(shape)}; expected a list of non-negative integers`);
  }
  // JSON numbers past 2^53 are rounded by JSON.parse, so an offset there cannot be trusted to the byte: refused.
  if (Array.isArray(offsets) && offsets.some((o) => typeof o === 'number' && o > Number.MAX_SAFE_INTEGER)) {
    fail('bad-offsets', `tensor "${name}" has data_offsets ${JSON.stringify(offsets)}; offsets must be below 2^53 (${Number.MAX_SAFE_INTEGER + 1})`);
  }
  if (Array.isArray(shape) && shape.some((d) => typeof d === 'number' && d > Number.MAX_SAFE_INTEGER)) {
    fail('corrupt-header', `tensor "${name}" has shape ${JSON.stringify(shape)}; dimensions must be below 2^53`);
  }
  if (!Array.isArray(offsets) || offsets.length !== 2 || !offsets.every((o) => Number.isInteger(o) && o >= 0) || offsets[0] > offsets[1]) {
    fail('bad-offsets', `tensor "${name}" has data_offsets ${JSON.stringify(offsets)}; expected [begin, end] with 0 <= begin <= end`);
  }
  const [begin, end] = offsets as [number, number];
  const dims = shape as number[];
  const expected = shapeSize(dims) * DTYPE_BYTES[dtype as string]!;
  if (end - begin !== expected) {
    fail('bad-offsets', `tensor "${name}" (${dtype} ${formatShape(dims)}) needs ${expected} bytes but data_offsets span ${end - begin}`);
  }
  if (end > dataLength) {
    fail('truncated-file', `tensor "${name}" ends at byte ${end} of the data section, which has only ${dataLength} bytes (truncated file)`);
  }
  return { name, dtype: dtype as string, shape: dims, begin, end };
}

/** IEEE half → float (exact: every half is representable in float32). */
function halfToFloat(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exponent = (h >> 10) & 0x1f;
  const fraction = h & 0x3ff;
  if (exponent === 0) return sign * fraction * 2 ** -24;
  if (exponent === 0x1f) return fraction ? NaN : sign * Infinity;
  return sign * (1 + fraction / 1024) * 2 ** (exponent - 15);
}

/** Serializes tensors (as F32) and string metadata to safetensors bytes: what `--input` files and tests use. */
export function writeSafetensors(tensors: ReadonlyMap<string, Tensor>, metadata: Record<string, string> = {}): Uint8Array {
  const header: Record<string, unknown> = {};
  if (Object.keys(metadata).length > 0) header.__metadata__ = metadata;
  let offset = 0;
  for (const [name, t] of tensors) {
    header[name] = { dtype: 'F32', shape: t.shape, data_offsets: [offset, offset + 4 * t.size] };
    offset += 4 * t.size;
  }
  const json = new TextEncoder().encode(JSON.stringify(header));
  // Pad with spaces so the data section starts 8-byte aligned, as the reference writer does.
  const headerBytes = new Uint8Array(json.length + ((8 - (json.length % 8)) % 8)).fill(0x20);
  headerBytes.set(json);
  const out = new Uint8Array(8 + headerBytes.length + offset);
  new DataView(out.buffer).setBigUint64(0, BigInt(headerBytes.length), true);
  out.set(headerBytes, 8);
  let at = 8 + headerBytes.length;
  for (const t of tensors.values()) {
    out.set(new Uint8Array(Float32Array.from(t.data).buffer), at);
    at += 4 * t.size;
  }
  return out;
}
