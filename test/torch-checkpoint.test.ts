import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { modelConfig, releasedConfig } from '../compiler/spec/model-config.js';
import { neoNeXtSchema } from '../compiler/spec/neonext-state-dict.js';
import { relativeL2Error, type Tensor } from '../nn/tensor.js';
import { parseTensorFile, readTensorFile } from '../runtime/weights/read-tensor-file.js';
import { parseSafetensors, writeSafetensors } from '../runtime/weights/safetensors.js';
import { loadStateDict } from '../runtime/weights/state-dict.js';
import { parseTorchCheckpoint } from '../runtime/weights/torch/checkpoint.js';
import { PickleDict, unpickle } from '../runtime/weights/torch/pickle.js';
import { WeightsError } from '../runtime/weights/weights-error.js';
import { MODEL_DIR, readFixture } from './helpers/fixtures.js';
import { runCli } from './helpers/run-cli.js';
import { loadNeoNeXt } from '../runtime/model/load-neonext.js';
import { caught } from './helpers/caught.js';

const PT = `${MODEL_DIR}/neonext-mini.pt`;
const PT_DDP = `${MODEL_DIR}/neonext-mini-ddp.pt`;
const MINI_GOLDEN = `${MODEL_DIR}/neonext-mini.golden.safetensors`;

const safetensors = (): ReturnType<typeof parseSafetensors> => parseSafetensors(readFileSync(`${MODEL_DIR}/neonext-mini.safetensors`), 'mini.safetensors');
const miniSchema = neoNeXtSchema(modelConfig({ ...releasedConfig('neonext-t', 224), name: 'mini', layers: [1, 1, 2, 1], dims: [16, 32, 64, 128], classes: 10, resolution: 128 }));

const weightsError = (fn: () => unknown): WeightsError => caught(WeightsError, fn);

/** Whether two tensors hold the same dtype, shape and bits (NaN payloads and -0 included). */
function sameBits(a: Tensor, b: Tensor): boolean {
  const raw = (t: Tensor): Buffer => Buffer.from(t.data.buffer, t.data.byteOffset, t.data.byteLength);
  return a.data.constructor === b.data.constructor && a.shape.join() === b.shape.join() && raw(a).equals(raw(b));
}

/** The fixture's zip records, to edit and zip again. */
function records(path = PT): Record<string, Uint8Array> {
  return unzipSync(readFileSync(path));
}

/** Zips records the way torch.save does (stored, no compression). */
function zip(recs: Record<string, Uint8Array>): Uint8Array {
  return zipSync(recs, { level: 0 });
}

/** Rewrites one BINUNICODE string (opcode 'X', u32 length, UTF-8) inside a pickle. */
function replacePickleString(pickle: Uint8Array, from: string, to: string): Uint8Array {
  const encode = (s: string): Uint8Array => {
    const utf8 = new TextEncoder().encode(s);
    const out = new Uint8Array(5 + utf8.length);
    out[0] = 0x58;
    new DataView(out.buffer).setUint32(1, utf8.length, true);
    out.set(utf8, 5);
    return out;
  };
  return replaceBytes(pickle, encode(from), encode(to));
}

function replaceBytes(haystack: Uint8Array, from: Uint8Array, to: Uint8Array): Uint8Array {
  const at = Buffer.from(haystack).indexOf(Buffer.from(from));
  if (at < 0) throw new Error('test setup: bytes to replace not found');
  const out = new Uint8Array(haystack.length - from.length + to.length);
  out.set(haystack.subarray(0, at));
  out.set(to, at);
  out.set(haystack.subarray(at + from.length), at + to.length);
  return out;
}

const ascii = (s: string): Uint8Array => new TextEncoder().encode(s);

/** A storage written in a given torch dtype. */
interface StorageSpec {
  key: string;
  cls: 'FloatStorage' | 'DoubleStorage' | 'HalfStorage' | 'BFloat16Storage' | 'LongStorage';
  numel: number;
}
interface TensorSpec {
  name: string;
  storage: StorageSpec;
  offset: number;
  size: number[];
  stride: number[];
  parameter?: boolean;
}

/** Writes the pickle torch.save would write for these tensors (protocol 2, no memo), optionally wrapped under a key. */
function statePickle(tensors: readonly TensorSpec[], wrapKey?: string): Uint8Array {
  const out: number[] = [0x80, 2];
  const op = (...b: number[]): void => void out.push(...b);
  const str = (s: string): void => {
    const utf8 = ascii(s);
    op(0x58, utf8.length & 0xff, (utf8.length >> 8) & 0xff, 0, 0, ...utf8);
  };
  const int = (n: number): void => op(0x4a, n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff);
  const global = (module: string, name: string): void => op(0x63, ...ascii(`${module}\n${name}\n`));
  const orderedDict = (): void => {
    global('collections', 'OrderedDict');
    op(0x29, 0x52); // EMPTY_TUPLE REDUCE
  };
  if (wrapKey !== undefined) {
    op(0x7d); // EMPTY_DICT
    str('epoch');
    int(7);
    op(0x73); // SETITEM
    str(wrapKey);
  }
  orderedDict();
  for (const t of tensors) {
    str(t.name);
    if (t.parameter) global('torch._utils', '_rebuild_parameter');
    global('torch._utils', '_rebuild_tensor_v2');
    op(0x28, 0x28); // MARK MARK
    str('storage');
    global('torch', t.storage.cls);
    str(t.storage.key);
    str('cpu');
    int(t.storage.numel);
    op(0x74, 0x51); // TUPLE BINPERSID
    int(t.offset);
    op(0x28);
    t.size.forEach(int);
    op(0x74, 0x28);
    t.stride.forEach(int);
    op(0x74, 0x89); // TUPLE NEWFALSE
    orderedDict();
    op(0x74, 0x52); // TUPLE REDUCE
    if (t.parameter) {
      op(0x89);
      orderedDict();
      op(0x87, 0x52); // TUPLE3 REDUCE
    }
    op(0x73); // SETITEM
  }
  if (wrapKey !== undefined) op(0x73);
  op(0x2e); // STOP
  return Uint8Array.from(out);
}

function checkpoint(tensors: readonly TensorSpec[], storages: Record<string, Uint8Array>, wrapKey?: string): Uint8Array {
  const recs: Record<string, Uint8Array> = { 'archive/data.pkl': statePickle(tensors, wrapKey), 'archive/byteorder': ascii('little'), 'archive/version': ascii('3\n') };
  for (const [key, data] of Object.entries(storages)) recs[`archive/data/${key}`] = data;
  recs['archive/.data/version'] = ascii('3\n');
  return zip(recs);
}

const f32 = (values: number[]): Uint8Array => new Uint8Array(Float32Array.from(values).buffer);

describe('torch.save checkpoint reader', () => {
  it.each([[PT, ''], [PT_DDP, 'module.']])('%s: every tensor equals the safetensors export bit for bit', (path, prefix) => {
    const ck = parseTorchCheckpoint(readFileSync(path), path);
    const st = safetensors();
    expect(ck.formatVersion).toBe(3);
    expect(ck.wrapperKey).toBeUndefined();
    expect(ck.names).toEqual(st.names.map((n) => prefix + n));
    for (const name of st.names) {
      expect(ck.shapeOf(prefix + name)).toEqual(st.shapeOf(name));
      if (!st.isFloat(name)) {
        expect(name).toMatch(/\.num_batches_tracked$/);
        expect(ck.dtypeOf(prefix + name)).toBe('int64');
        continue;
      }
      const t = ck.tensor(prefix + name);
      expect(t.data).toBeInstanceOf(Float32Array);
      expect(sameBits(t, st.tensor(name)), name).toBe(true);
    }
    // Through the state-dict loader: `module.` stripped, num_batches_tracked ignored, same tensors.
    const fromPt = loadStateDict(ck, miniSchema);
    const fromSt = loadStateDict(st, miniSchema);
    expect([...fromPt.keys()]).toEqual([...fromSt.keys()]);
    for (const [key, t] of fromSt) expect(sameBits(fromPt.get(key)!, t), key).toBe(true);
  });

  it('dispatches by magic bytes, not by name', async () => {
    expect((await readTensorFile(PT)).names).toContain('stem.conv.weight');
    const st = readFileSync(`${MODEL_DIR}/neonext-mini.safetensors`);
    expect(parseTensorFile(st, 'weights.bin').shapeOf('stem.conv.weight')).toEqual([16, 48, 1, 1]);
    expect(parseTensorFile(readFileSync(PT), 'weights.bin').shapeOf('stem.conv.weight')).toEqual([16, 48, 1, 1]);
    let err = weightsError(() => parseTensorFile(ascii('just some text, not tensors'), 'notes.txt'));
    expect(err.code).toBe('unsupported-format');
    expect(err.message).toBe('notes.txt: not a recognized tensor file; supported: a PyTorch torch.save checkpoint (.pt/.pth, zip format) or a .safetensors file');
    err = weightsError(() => parseTensorFile(Uint8Array.from([0x80, 0x02, 0x8a, 0x0a, 0x6c, 0xfc, 0x9c, 0x46, 0xf9, 0x20, 0x6a, 0xa8]), 'old.pt'));
    expect(err.message).toMatch(/^old\.pt: this is a legacy \(non-zip\) torch\.save file/);
    await expect(readTensorFile('no/such/model.pt')).rejects.toThrow('no/such/model.pt: cannot read: ENOENT');
  });

  it('materializes non-contiguous, offset, broadcast and parameter views row-major, bit for bit', () => {
    const values = [0, 1, 2, 3, 4, 5];
    const storage = { key: '0', cls: 'FloatStorage', numel: 6 } as const;
    const nanBits = new Uint8Array(Uint32Array.from([0x7fc01234]).buffer); // a NaN with a payload
    const bytes = new Uint8Array(24);
    bytes.set(f32(values));
    bytes.set(nanBits, 20); // element 5
    const ck = parseTorchCheckpoint(checkpoint([
      { name: 'transposed', storage, offset: 0, size: [3, 2], stride: [1, 3] },
      { name: 'every_other', storage, offset: 1, size: [2], stride: [2] },
      { name: 'broadcast', storage, offset: 3, size: [2, 3], stride: [0, 1] },
      { name: 'scalar', storage, offset: 4, size: [], stride: [] },
      { name: 'empty', storage, offset: 0, size: [0, 5], stride: [5, 1] },
      { name: 'param', storage, offset: 2, size: [2, 1], stride: [1, 7], parameter: true },
    ], { 0: bytes }), 'views.pt');
    expect(ck.names).toEqual(['transposed', 'every_other', 'broadcast', 'scalar', 'empty', 'param']);
    expect(ck.archiveName).toBe('archive');
    expect(Array.from(ck.tensor('transposed').data.subarray(0, 5))).toEqual([0, 3, 1, 4, 2]);
    expect(new Uint32Array(ck.tensor('transposed').data.buffer)[5]).toBe(0x7fc01234);
    expect(ck.tensor('transposed').shape).toEqual([3, 2]);
    expect(Array.from(ck.tensor('every_other').data)).toEqual([1, 3]);
    expect(Array.from(ck.tensor('broadcast').data.subarray(0, 2))).toEqual([3, 4]);
    expect(new Uint32Array(ck.tensor('broadcast').data.buffer)[2]).toBe(0x7fc01234);
    expect(Array.from(ck.tensor('broadcast').data.subarray(3, 5))).toEqual([3, 4]);
    expect(Array.from(ck.tensor('scalar').data)).toEqual([4]);
    expect(ck.tensor('empty').shape).toEqual([0, 5]);
    expect(Array.from(ck.tensor('param').data)).toEqual([2, 3]);
  });

  it('refuses zero-stride views that claim far more elements than their storage, before gathering them', () => {
    const storage = { key: '0', cls: 'FloatStorage', numel: 1 } as const;
    for (const size of [[2e9, 128], [3e6, 128]]) {
      const started = performance.now();
      const err = weightsError(() => parseTorchCheckpoint(checkpoint([{ name: 'w', storage, offset: 0, size, stride: [0, 0] }], { 0: f32([1]) }), 'zero.pt').tensor('w'));
      expect(err.code).toBe('view-too-large');
      expect(err.message).toContain(`tensor "w" (float32 [${size.join(', ')}], stride [0, 0], offset 0) has ${size[0]! * size[1]!} elements from a storage of 1`);
      expect(performance.now() - started).toBeLessThan(1000);
    }
  });

  it('widens float16 and bfloat16, keeps float64, and unwraps {"state_dict": …}', () => {
    const half = new Uint8Array(Uint16Array.from([0x3c00, 0xc000, 0x0001, 0x7c00]).buffer); // 1, -2, 2^-24, inf
    const bf16 = new Uint8Array(Uint16Array.from([0x3f80, 0xbfc0]).buffer); // 1, -1.5
    const f64 = new Uint8Array(Float64Array.from([0.1, -3]).buffer);
    const ck = parseTorchCheckpoint(checkpoint([
      { name: 'h', storage: { key: 'a', cls: 'HalfStorage', numel: 4 }, offset: 0, size: [4], stride: [1] },
      { name: 'b', storage: { key: 'b', cls: 'BFloat16Storage', numel: 2 }, offset: 0, size: [2], stride: [1] },
      { name: 'd', storage: { key: 'c', cls: 'DoubleStorage', numel: 2 }, offset: 0, size: [2], stride: [1] },
    ], { a: half, b: bf16, c: f64 }, 'state_dict'), 'train.pt');
    expect(ck.wrapperKey).toBe('state_dict');
    expect(Array.from(ck.tensor('h').data)).toEqual([1, -2, 2 ** -24, Infinity]);
    expect(ck.tensor('h').data).toBeInstanceOf(Float32Array);
    expect(Array.from(ck.tensor('b').data)).toEqual([1, -1.5]);
    expect(ck.tensor('d').data).toBeInstanceOf(Float64Array);
    expect(Array.from(ck.tensor('d').data)).toEqual([0.1, -3]);

    const unknownWrapper = checkpoint([{ name: 'w', storage: { key: '0', cls: 'FloatStorage', numel: 1 }, offset: 0, size: [1], stride: [1] }], { 0: f32([1]) }, 'weights');
    const err = weightsError(() => parseTorchCheckpoint(unknownWrapper, 'train.pt'));
    expect(err.code).toBe('unsupported-format');
    expect(err.message).toBe('train.pt: archive/data.pkl holds a dict without tensors (keys: "epoch", "weights"); expected a state dict, ' +
      'or a dict wrapping one under "state_dict", "model", "model_ema"');
  });

  it.each([100, 5000, 0.5, -100, -1])('names the file when it is truncated (cut at %d)', (cut) => {
    const bytes = readFileSync(PT);
    const end = Number.isInteger(cut) ? (cut < 0 ? bytes.length + cut : cut) : Math.floor(bytes.length * cut);
    const err = weightsError(() => parseTorchCheckpoint(bytes.subarray(0, end), 'cut.pt'));
    expect(err.code).toBe('truncated-file');
    expect(err.message).toBe(`cut.pt: zip end-of-central-directory record not found at the end of the ${end}-byte file (truncated download or copy?)`);
  });

  it('rejects files that are not zips, zips without data.pkl, and damaged central directories', () => {
    let err = weightsError(() => parseTorchCheckpoint(readFileSync(PT).subarray(0, 3), 'tiny.pt'));
    expect(err.code).toBe('unsupported-format');
    expect(err.message).toBe('tiny.pt: not a zip archive (file starts with 50 4b 03); torch.save checkpoints (PyTorch >= 1.6) are zip files');
    err = weightsError(() => parseTorchCheckpoint(zip({ 'model/weights.bin': f32([1]) }), 'other.zip'));
    expect(err.code).toBe('missing-record');
    expect(err.message).toBe('other.zip: zip has no <archive>/data.pkl record, so it is not a torch.save checkpoint (records: "model/weights.bin")');
    // Point the central directory past its end record: fflate would read garbage; the reader stops with the file name.
    // torch.save writes ZIP64 end records (found through the locator 20 bytes before the classic one) …
    const bytes = Uint8Array.from(readFileSync(PT));
    const view = new DataView(bytes.buffer);
    const eocd = bytes.length - 22;
    expect(view.getUint32(eocd - 20, true)).toBe(0x07064b50);
    const zip64 = Number(view.getBigUint64(eocd - 20 + 8, true));
    view.setBigUint64(zip64 + 48, BigInt(bytes.length), true);
    err = weightsError(() => parseTorchCheckpoint(bytes, 'dir.pt'));
    expect(err.code).toBe('corrupt-archive');
    expect(err.message).toBe(`dir.pt: zip central directory ends at byte ${bytes.length + Number(view.getBigUint64(zip64 + 40, true))}, past its end record at byte ${zip64}`);
    // … while fflate's zipSync writes classic ones.
    const small = Uint8Array.from(zip({ 'a/data.pkl': Uint8Array.from([0x80, 2, 0x7d, 0x2e]) }));
    new DataView(small.buffer).setUint32(small.length - 22 + 16, small.length, true);
    err = weightsError(() => parseTorchCheckpoint(small, 'small.pt'));
    expect(err.message).toMatch(/^small\.pt: zip central directory ends at byte \d+, past its end record at byte \d+$/);
  });

  it('checks every record against its CRC-32, so a flipped bit in a weight is caught', () => {
    const bytes = Uint8Array.from(readFileSync(PT));
    const at = Buffer.from(bytes).indexOf(Buffer.from(records()['neonext-mini/data/7']!));
    expect(at).toBeGreaterThan(0);
    bytes[at + 101] ^= 0x10;
    const err = weightsError(() => parseTorchCheckpoint(bytes, 'flipped.pt'));
    expect(err.code).toBe('corrupt-archive');
    expect(err.message).toMatch(/^flipped\.pt: zip record "neonext-mini\/data\/7" fails its CRC-32 check \(stored 0x[0-9a-f]{8}, computed 0x[0-9a-f]{8}\): the file is damaged$/);
  });

  it('reports a corrupt data.pkl with the record and byte position', () => {
    const recs = records();
    const pkl = recs['neonext-mini/data.pkl']!;
    recs['neonext-mini/data.pkl'] = pkl.subarray(0, 5000);
    let err = weightsError(() => parseTorchCheckpoint(zip(recs), 'cut-pickle.pt'));
    expect(err.code).toBe('corrupt-pickle');
    expect(err.message).toMatch(/^cut-pickle\.pt: corrupt pickle neonext-mini\/data\.pkl at byte \d+: /);

    // A memo reference to nothing (BINGET 0xee right after the first opcodes).
    recs['neonext-mini/data.pkl'] = Uint8Array.from([0x80, 0x02, 0x68, 0xee, 0x2e]);
    err = weightsError(() => parseTorchCheckpoint(zip(recs), 'memo.pt'));
    expect(err.message).toBe('memo.pt: corrupt pickle neonext-mini/data.pkl at byte 2: memo entry 238 was never stored');

    recs['neonext-mini/data.pkl'] = Uint8Array.from([...pkl.subarray(0, 33), 0x56, 0x78, 0x0a]); // UNICODE (text protocol 0)
    err = weightsError(() => parseTorchCheckpoint(zip(recs), 'op.pt'));
    expect(err.code).toBe('unsupported-pickle');
    expect(err.message).toMatch(/^op\.pt: not supported: pickle opcode 0x56 \('V'\) at byte 33 of neonext-mini\/data\.pkl/);
  });

  it('runs the protocol 4 opcodes too (FRAME, SHORT_BINUNICODE, MEMOIZE, STACK_GLOBAL, NEWOBJ, LONG1, BINFLOAT, lists)', () => {
    const u = (text: string): number[] => [0x8c, text.length, ...ascii(text)]; // SHORT_BINUNICODE
    const float = new Uint8Array(8);
    new DataView(float.buffer).setFloat64(0, 1.5, false);
    const pickle = Uint8Array.from([
      0x80, 4, 0x95, 0, 1, 0, 0, 0, 0, 0, 0, // PROTO 4, FRAME
      0x7d, 0x94, 0x28, // EMPTY_DICT MEMOIZE(0) MARK
      ...u('a'), 0x8a, 6, 0, 0, 0, 0, 0, 1, // LONG1 2^40
      ...u('b'), 0x47, ...float, // BINFLOAT
      ...u('c'), 0x5d, 0x94, 0x28, 0x4e, 0x88, 0x4a, 0xf9, 0xff, 0xff, 0xff, 0x65, // [None, True, -7] (memo 1)
      ...u('d'), 0x68, 1, // BINGET 1: the same list
      ...u('e'), 0x8a, 1, 0xff, // LONG1 -1
      ...u('f'), ...u('collections'), ...u('OrderedDict'), 0x93, 0x29, 0x81, // OrderedDict.__new__()
      0x75, 0x2e, // SETITEMS STOP
    ]);
    const root = unpickle(pickle, 'p4.pt', 'data.pkl');
    expect(root).toBeInstanceOf(PickleDict);
    const entries = (root as PickleDict).entries;
    expect([...entries.keys()]).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(entries.get('a')).toBe(2 ** 40);
    expect(entries.get('b')).toBe(1.5);
    expect(entries.get('c')).toEqual([null, true, -7]);
    expect(entries.get('d')).toBe(entries.get('c'));
    expect(entries.get('e')).toBe(-1);
    expect(entries.get('f')).toEqual(new PickleDict(true));
    // Trailing bytes after STOP, or STOP with a MARK still open, are corruption.
    expect(weightsError(() => unpickle(Uint8Array.from([0x80, 2, 0x7d, 0x2e, 0]), 'x.pt', 'data.pkl')).message)
      .toBe('x.pt: corrupt pickle data.pkl at byte 3: STOP at byte 3 but the record has 5 bytes');
    expect(weightsError(() => unpickle(Uint8Array.from([0x80, 2, 0x28, 0x7d, 0x2e]), 'x.pt', 'data.pkl')).code).toBe('corrupt-pickle');
  });

  it('refuses any global beyond the state-dict subset, naming it', () => {
    const recs = records();
    recs['neonext-mini/data.pkl'] = replaceBytes(recs['neonext-mini/data.pkl']!, ascii('ccollections\nOrderedDict\n'), ascii('cargparse\nNamespace\n'));
    let err = weightsError(() => parseTorchCheckpoint(zip(recs), 'args.pt'));
    expect(err.code).toBe('unsupported-pickle');
    expect(err.message).toMatch(/^args\.pt: not supported: pickle global argparse\.Namespace in neonext-mini\/data\.pkl/);
    // The same through the VM alone, with STACK_GLOBAL (protocol 4): the classic os.system payload never runs.
    err = weightsError(() => unpickle(Uint8Array.from([0x80, 4, 0x8c, 2, ...ascii('os'), 0x8c, 6, ...ascii('system'), 0x93, 0x2e]), 'evil.pt', 'data.pkl'));
    expect(err.message).toMatch(/^evil\.pt: not supported: pickle global os\.system in data\.pkl/);
  });

  it('names the tensor whose storage is too short, with expected and found bytes', () => {
    const recs = records(PT_DDP);
    recs['neonext-mini-ddp/data/0'] = recs['neonext-mini-ddp/data/0']!.subarray(0, 3000);
    const err = weightsError(() => parseTorchCheckpoint(zip(recs), 'short.pt'));
    expect(err.code).toBe('storage-too-small');
    expect(err.message).toBe('short.pt: tensor "module.stem.conv.weight" (float32 [16, 48, 1, 1], stride [48, 1, 1, 1], offset 0) ' +
      'needs 3072 bytes of storage "neonext-mini-ddp/data/0", which has only 3000 bytes');
    delete recs['neonext-mini-ddp/data/0'];
    expect(weightsError(() => parseTorchCheckpoint(zip(recs), 'gone.pt')).message)
      .toBe('gone.pt: tensor "module.stem.conv.weight" lives in storage record "neonext-mini-ddp/data/0", which the zip does not have');
  });

  it('refuses an int64 tensor under a weight key, naming key and dtype', () => {
    // Swap the names of stem.norm.weight (float32) and stem.norm.num_batches_tracked (int64).
    const recs = records();
    let pkl = recs['neonext-mini/data.pkl']!;
    pkl = replacePickleString(pkl, 'stem.norm.weight', 'stem.norm.TEMP');
    pkl = replacePickleString(pkl, 'stem.norm.num_batches_tracked', 'stem.norm.weight');
    pkl = replacePickleString(pkl, 'stem.norm.TEMP', 'stem.norm.num_batches_tracked');
    recs['neonext-mini/data.pkl'] = pkl;
    const ck = parseTorchCheckpoint(zip(recs), 'swapped.pt');
    expect(ck.dtypeOf('stem.norm.weight')).toBe('int64');
    const err = weightsError(() => loadStateDict(ck, miniSchema));
    expect(err.code).toBe('non-float-tensor');
    expect(err.message).toBe('swapped.pt: tensor "stem.norm.weight" has dtype int64 (torch.LongStorage); ' +
      'expected a floating-point tensor (float32, float64, float16, bfloat16)');
  });

  it('refuses big-endian checkpoints', () => {
    const recs = records();
    recs['neonext-mini/byteorder'] = ascii('big');
    const err = weightsError(() => parseTorchCheckpoint(zip(recs), 'be.pt'));
    expect(err.code).toBe('unsupported-format');
    expect(err.message).toBe('be.pt: checkpoint was saved with byteorder "big" (neonext-mini/byteorder); only little-endian checkpoints are supported');
  });
});

describe('neocc infer --weights <.pt>', () => {
  it.each([PT, PT_DDP])('%s reproduces the golden logits (--json)', async (path) => {
    const { code, stdout, stderr } = await runCli(['infer', '--weights', path, '--input', MINI_GOLDEN, '--json', '--quiet']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as { logits: number[][]; weights: string };
    expect(out.weights).toBe(path);
    const golden = readFixture('model/neonext-mini.golden.safetensors').tensor('logits');
    expect(relativeL2Error(out.logits.flat(), golden.data)).toBeLessThanOrEqual(1e-5);
  });

  // The acceptance command, on WebGPU (CI: lavapipe): every released checkpoint form, same golden logits.
  it.each([PT, PT_DDP, `${MODEL_DIR}/neonext-mini.safetensors`])('%s reproduces the golden logits with --backend webgpu (--json)', async (path) => {
    const { code, stdout, stderr } = await runCli(['infer', '--weights', path, '--input', MINI_GOLDEN, '--backend', 'webgpu', '--json', '--quiet']);
    expect(code, stderr).toBe(0);
    const out = JSON.parse(stdout) as { logits: number[][]; backend: string };
    expect(out.backend).toBe('webgpu');
    const golden = readFixture('model/neonext-mini.golden.safetensors').tensor('logits');
    expect(relativeL2Error(out.logits.flat(), golden.data)).toBeLessThanOrEqual(1e-5);
  });

  it('exits 1 with the file name for a truncated checkpoint and an unknown format', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'neocc-pt-'));
    const cut = join(dir, 'cut.pt');
    writeFileSync(cut, readFileSync(PT).subarray(0, 20_000));
    let r = await runCli(['infer', '--weights', cut, '--input', MINI_GOLDEN]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${cut}: zip end-of-central-directory record not found at the end of the 20000-byte file`);
    const text = join(dir, 'weights.txt');
    writeFileSync(text, 'hello');
    r = await runCli(['infer', '--weights', text, '--input', MINI_GOLDEN]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${text}: not a recognized tensor file; supported: a PyTorch torch.save checkpoint`);
    // Dispatch is by content: a safetensors file named .pt is read as safetensors (same reader for --input).
    const inputPt = join(dir, 'input.pt');
    const golden = readFixture('model/neonext-mini.golden.safetensors');
    writeFileSync(inputPt, writeSafetensors(new Map([['input', golden.tensor('input')]])));
    r = await runCli(['infer', '--weights', PT, '--input', inputPt, '--json', '--quiet']);
    expect(r.code).toBe(0);
  });
});

describe('loadNeoNeXt on checkpoint bytes', () => {
  it.each([PT_DDP, `${MODEL_DIR}/neonext-mini.safetensors`])('%s: classify() gives the golden top-5 and logits', async (path) => {
    const golden = readFixture('model/neonext-mini.golden.safetensors');
    const model = await loadNeoNeXt({ weights: new Uint8Array(readFileSync(path)), resolution: 128, backend: 'reference' });
    try {
      const logits = await model.forward(golden.tensor('input'));
      expect(relativeL2Error(logits.data, golden.tensor('logits').data)).toBeLessThanOrEqual(1e-5);
      const top5 = await model.classify(golden.tensor('input'));
      const want = Array.from(golden.tensor('logits').data.subarray(0, 10)).map((logit, i) => ({ i, logit })).sort((a, b) => b.logit - a.logit);
      expect(top5[0]!.map((t) => t.class)).toEqual(want.slice(0, 5).map((t) => t.i));
    } finally {
      await model.dispose();
    }
  });
});
