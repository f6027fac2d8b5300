import { formatShape, shapeSize, Tensor } from '../../../nn/tensor.js';
import type { TensorSource } from '../state-dict.js';
import { WeightsError } from '../weights-error.js';
import { unzip } from './zip.js';
import { describe, PickleDict, TensorRecord, unpickle, type PickleValue, type StorageDtype } from './pickle.js';

/** One tensor of a checkpoint: a strided view (in elements) of the storage record `<archive>/data/<storageKey>`. */
export interface TorchTensorEntry {
  readonly name: string;
  readonly dtype: StorageDtype;
  readonly shape: readonly number[];
  readonly stride: readonly number[];
  readonly storageOffset: number;
  /** The zip record holding the storage bytes. */
  readonly storageRecord: string;
}

/** Keys under which a training checkpoint may wrap its state dict, in the order they are tried. */
export const STATE_DICT_WRAPPER_KEYS = ['state_dict', 'model', 'model_ema'] as const;

/**
 * A parsed `torch.save` checkpoint of a state dict. Floating-point tensors (float32, float64, float16, bfloat16)
 * are available through `tensor()` (float32/float64 keep their precision, half precisions widen to float32;
 * non-contiguous views are materialized row-major); integer tensors such as BatchNorm's `num_batches_tracked` are
 * listed with their shape but `tensor()` refuses them.
 */
export class TorchCheckpoint implements TensorSource {
  readonly source: string;
  /** The folder every record sits in (`neonext-mini` for `neonext-mini/data.pkl`). */
  readonly archiveName: string;
  /** Contents of `<archive>/version` (or `.data/version`), when present. */
  readonly formatVersion: number | undefined;
  /** The top-level key the state dict was found under (`state_dict`, …), or undefined when the file is the state dict. */
  readonly wrapperKey: string | undefined;
  readonly entries: ReadonlyMap<string, TorchTensorEntry>;
  private readonly records: Readonly<Record<string, Uint8Array>>;

  constructor(source: string, archiveName: string, formatVersion: number | undefined, wrapperKey: string | undefined,
    entries: Map<string, TorchTensorEntry>, records: Record<string, Uint8Array>) {
    this.source = source;
    this.archiveName = archiveName;
    this.formatVersion = formatVersion;
    this.wrapperKey = wrapperKey;
    this.entries = entries;
    this.records = records;
  }

  get names(): string[] {
    return [...this.entries.keys()];
  }

  shapeOf(name: string): readonly number[] | undefined {
    return this.entries.get(name)?.shape;
  }

  /** torch's dtype name (float32, int64, …), or undefined when absent. */
  dtypeOf(name: string): string | undefined {
    return this.entries.get(name)?.dtype.name;
  }

  isFloat(name: string): boolean {
    return this.entries.get(name)?.dtype.float === true;
  }

  /** The named floating-point tensor; a WeightsError naming the tensor when it is absent or not floating point. */
  tensor(name: string): Tensor {
    const entry = this.entries.get(name);
    if (!entry) throw new WeightsError('missing-tensor', this.source, `no tensor named "${name}"`);
    if (!entry.dtype.float) {
      throw new WeightsError('non-float-tensor', this.source,
        `tensor "${name}" has dtype ${entry.dtype.name} (${entry.dtype.storageClass}); expected a floating-point tensor (float32, float64, float16, bfloat16)`);
    }
    const bytes = gather(this.records[entry.storageRecord]!, entry);
    const count = shapeSize(entry.shape);
    switch (entry.dtype.name) {
      case 'float32':
        return new Tensor(entry.shape, new Float32Array(bytes.buffer, 0, count));
      case 'float64':
        return new Tensor(entry.shape, new Float64Array(bytes.buffer, 0, count));
      case 'float16': {
        const halves = new Uint16Array(bytes.buffer, 0, count);
        const out = new Float32Array(count);
        for (let i = 0; i < count; i++) out[i] = halfToFloat(halves[i]!);
        return new Tensor(entry.shape, out);
      }
      default: {
        // bfloat16 is the top half of a float32.
        const halves = new Uint16Array(bytes.buffer, 0, count);
        const out = new Float32Array(count);
        const bits = new Uint32Array(out.buffer);
        for (let i = 0; i < count; i++) bits[i] = halves[i]! << 16;
        return new Tensor(entry.shape, out);
      }
    }
  }
}

/**
 * Parses the bytes of a `torch.save` file (the zip format PyTorch writes since 1.6) holding a state dict, or a dict
 * wrapping one under one of STATE_DICT_WRAPPER_KEYS. Validates the container, the pickle and every tensor's
 * storage bounds up front; tensor data is copied out on `tensor()`. Assumes a little-endian host.
 */
export function parseTorchCheckpoint(bytes: Uint8Array, source = '<torch checkpoint>'): TorchCheckpoint {
  const records = unzip(bytes, source);
  const pickles = Object.keys(records).filter((name) => /^([^/]+\/)?data\.pkl$/.test(name));
  if (pickles.length !== 1) {
    const listed = Object.keys(records).slice(0, 5).map((n) => `"${n}"`).join(', ') || 'none';
    throw new WeightsError(pickles.length === 0 ? 'missing-record' : 'corrupt-archive', source,
      pickles.length === 0
        ? `zip has no <archive>/data.pkl record, so it is not a torch.save checkpoint (records: ${listed}${Object.keys(records).length > 5 ? ', …' : ''})`
        : `zip has ${pickles.length} data.pkl records (${pickles.join(', ')}); expected one`);
  }
  const pickleRecord = pickles[0]!;
  const prefix = pickleRecord.slice(0, -'data.pkl'.length);
  const archiveName = prefix.replace(/\/$/, '');

  const byteorder = records[`${prefix}byteorder`];
  if (byteorder !== undefined) {
    const order = new TextDecoder().decode(byteorder).trim();
    if (order !== 'little') {
      throw new WeightsError('unsupported-format', source, `checkpoint was saved with byteorder "${order}" (${prefix}byteorder); only little-endian checkpoints are supported`);
    }
  }
  const formatVersion = readVersion(records, [`${prefix}version`, `${prefix}.data/version`], source);

  const root = unpickle(records[pickleRecord]!, source, pickleRecord);
  const { dict, wrapperKey } = findStateDict(root, source, pickleRecord);
  const entries = new Map<string, TorchTensorEntry>();
  for (const [key, value] of dict.entries) {
    const name = String(key);
    if (typeof key !== 'string' || !(value instanceof TensorRecord)) {
      throw new WeightsError('unsupported-format', source,
        `state dict entry ${JSON.stringify(key)} is a ${describe(value)}, not a tensor`);
    }
    entries.set(name, checkedEntry(name, value, prefix, records, source));
  }
  return new TorchCheckpoint(source, archiveName, formatVersion, wrapperKey, entries, records);
}

function readVersion(records: Record<string, Uint8Array>, names: readonly string[], source: string): number | undefined {
  for (const name of names) {
    const record = records[name];
    if (record === undefined) continue;
    const text = new TextDecoder().decode(record).trim();
    if (!/^\d+$/.test(text)) throw new WeightsError('corrupt-archive', source, `record "${name}" holds ${JSON.stringify(text.slice(0, 20))}, not a format version number`);
    return Number(text);
  }
  return undefined;
}

function findStateDict(root: PickleValue, source: string, record: string): { dict: PickleDict; wrapperKey: string | undefined } {
  if (!(root instanceof PickleDict)) {
    throw new WeightsError('unsupported-format', source, `${record} holds a ${describe(root)}; expected a state dict (a dict of tensors)`);
  }
  const hasTensors = (dict: PickleDict): boolean => [...dict.entries.values()].some((v) => v instanceof TensorRecord);
  if (hasTensors(root)) return { dict: root, wrapperKey: undefined };
  for (const key of STATE_DICT_WRAPPER_KEYS) {
    const inner = root.entries.get(key);
    if (inner instanceof PickleDict && hasTensors(inner)) return { dict: inner, wrapperKey: key };
  }
  const keys = [...root.entries.keys()].slice(0, 8).map((k) => JSON.stringify(k)).join(', ') || 'none';
  throw new WeightsError('unsupported-format', source,
    `${record} holds a dict without tensors (keys: ${keys}); expected a state dict, or a dict wrapping one under ` +
    `${STATE_DICT_WRAPPER_KEYS.map((k) => `"${k}"`).join(', ')}`);
}

/** How many times a strided view may repeat its storage's elements (zero/overlapping strides), and its largest size. */
const MAX_VIEW_AMPLIFICATION = 64;
const MAX_VIEW_ELEMENTS = 2 ** 31;

function checkedEntry(name: string, tensor: TensorRecord, prefix: string, records: Record<string, Uint8Array>, source: string): TorchTensorEntry {
  const { storage, storageOffset, size, stride } = tensor;
  const storageRecord = `${prefix}data/${storage.key}`;
  const data = records[storageRecord];
  if (data === undefined) {
    throw new WeightsError('missing-record', source, `tensor "${name}" lives in storage record "${storageRecord}", which the zip does not have`);
  }
  const count = shapeSize(size);
  const elements = count === 0 ? 0 : storageOffset + size.reduce((end, d, i) => end + (d - 1) * stride[i]!, 0) + 1;
  const what = `tensor "${name}" (${storage.dtype.name} ${formatShape(size)}, stride ${formatShape(stride)}, offset ${storageOffset})`;
  // Zero or overlapping strides let a few stored bytes claim a huge tensor (a 1 MB file asking for GBs): checked
  // before anything is gathered. Broadcast views torch saves stay far below the bound.
  if (count > Math.max(storage.numel, 1) * MAX_VIEW_AMPLIFICATION || count > MAX_VIEW_ELEMENTS) {
    throw new WeightsError('view-too-large', source,
      `${what} has ${count} elements from a storage of ${storage.numel}: views may repeat stored elements at most ` +
      `${MAX_VIEW_AMPLIFICATION}x and hold at most ${MAX_VIEW_ELEMENTS} elements`);
  }
  if (elements * storage.dtype.bytes > data.length) {
    throw new WeightsError('storage-too-small', source,
      `${what} needs ${elements * storage.dtype.bytes} bytes of storage "${storageRecord}", which has only ${data.length} bytes`);
  }
  if (elements > storage.numel) {
    throw new WeightsError('storage-too-small', source, `${what} needs ${elements} elements of storage "${storageRecord}", which declares only ${storage.numel}`);
  }
  return { name, dtype: storage.dtype, shape: size, stride, storageOffset, storageRecord };
}

/** Copies the elements of a strided view into a fresh, row-major, aligned buffer (bit for bit). */
function gather(storage: Uint8Array, entry: TorchTensorEntry): Uint8Array {
  const { shape, stride, storageOffset: offset } = entry;
  const b = entry.dtype.bytes;
  const count = shapeSize(shape);
  const out = new Uint8Array(count * b);
  if (count === 0) return out;
  if (isContiguous(shape, stride)) {
    out.set(storage.subarray(offset * b, (offset + count) * b));
    return out;
  }
  const rank = shape.length;
  const inner = shape[rank - 1]!;
  const innerStride = stride[rank - 1]!;
  const index = new Array<number>(rank - 1).fill(0);
  let at = 0;
  for (;;) {
    let base = offset;
    for (let d = 0; d < rank - 1; d++) base += index[d]! * stride[d]!;
    if (innerStride === 1) {
      out.set(storage.subarray(base * b, (base + inner) * b), at);
      at += inner * b;
    } else {
      for (let i = 0; i < inner; i++) {
        const from = (base + i * innerStride) * b;
        for (let k = 0; k < b; k++) out[at++] = storage[from + k]!;
      }
    }
    let d = rank - 2;
    for (; d >= 0; d--) {
      if (++index[d]! < shape[d]!) break;
      index[d] = 0;
    }
    if (d < 0) return out;
  }
}

/** Row-major contiguous; the stride of a size-1 dimension does not matter (torch leaves it arbitrary). */
function isContiguous(shape: readonly number[], stride: readonly number[]): boolean {
  let expected = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    if (shape[d] !== 1 && stride[d] !== expected) return false;
    expected *= shape[d]!;
  }
  return true;
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
