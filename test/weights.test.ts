import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { modelConfig, releasedConfig } from '../compiler/spec/model-config.js';
import { neoNeXtSchema } from '../compiler/spec/neonext-state-dict.js';
import { Tensor } from '../nn/tensor.js';
import { inferArchitecture } from '../runtime/weights/infer-architecture.js';
import { parseSafetensors, writeSafetensors } from '../runtime/weights/safetensors.js';
import { loadStateDict, tensorSourceFromMap } from '../runtime/weights/state-dict.js';
import { WeightsError, type WeightsErrorCode } from '../runtime/weights/weights-error.js';
import { MODEL_DIR } from './helpers/fixtures.js';
import { caught } from './helpers/caught.js';

const weightsError = (fn: () => unknown): WeightsError => caught(WeightsError, fn);

/** Builds a safetensors file by hand so each corruption can be aimed precisely. */
function rawSafetensors(header: Record<string, unknown>, dataBytes: number): Uint8Array {
  const json = new TextEncoder().encode(JSON.stringify(header));
  const out = new Uint8Array(8 + json.length + dataBytes);
  new DataView(out.buffer).setBigUint64(0, BigInt(json.length), true);
  out.set(json, 8);
  return out;
}

const mini = (): Uint8Array => readFileSync(`${MODEL_DIR}/neonext-mini.safetensors`);

describe('safetensors reader', () => {
  it('round-trips tensors and metadata', () => {
    const a = new Tensor([2, 3], Float64Array.from([1, 2, 3, 4, 5, 6.5]));
    const b = new Tensor([4], Float64Array.from([-1, 0, 1, 2]));
    const file = parseSafetensors(writeSafetensors(new Map([['a', a], ['b', b]]), { note: 'x' }), 'mem');
    expect(file.metadata).toEqual({ note: 'x' });
    expect(file.names).toEqual(['a', 'b']);
    expect(Array.from(file.tensor('a').data)).toEqual([1, 2, 3, 4, 5, 6.5]);
    expect(file.tensor('b').shape).toEqual([4]);
  });

  it('decodes F16, BF16 and F64 and refuses integer tensors by name', () => {
    const header = {
      h: { dtype: 'F16', shape: [3], data_offsets: [0, 6] },
      bf: { dtype: 'BF16', shape: [1], data_offsets: [6, 8] },
      d: { dtype: 'F64', shape: [1], data_offsets: [8, 16] },
      n: { dtype: 'I64', shape: [], data_offsets: [16, 24] },
    };
    const bytes = rawSafetensors(header, 24);
    const data = new DataView(bytes.buffer, bytes.length - 24);
    [0x3c00, 0xc000, 0x3555].forEach((h, i) => data.setUint16(2 * i, h, true)); // 1, -2, ~1/3
    data.setUint16(6, 0x3fc0, true); // bf16 1.5
    data.setFloat64(8, Math.PI, true);
    const file = parseSafetensors(bytes, 'mixed');
    expect(Array.from(file.tensor('h').data)).toEqual([1, -2, 0.333251953125]);
    expect(file.tensor('bf').data[0]).toBe(1.5);
    expect(file.tensor('d').data[0]).toBe(Math.PI);
    const err = weightsError(() => file.tensor('n'));
    expect(err.code).toBe('non-float-tensor');
    expect(err.message).toMatch(/"n".*I64/);
  });

  const corruptions: Array<[string, WeightsErrorCode, () => Uint8Array, RegExp]> = [
    ['a file shorter than the length field', 'truncated-file', () => new Uint8Array(5), /8-byte header length/],
    ['a truncated checkpoint', 'truncated-file', () => mini().subarray(0, mini().length - 1000), /truncated/],
    ['a header cut short', 'truncated-file', () => mini().subarray(0, 100), /header claims/],
    ['a header that is not JSON', 'corrupt-header', () => { const b = Uint8Array.from(mini()); b[9] = 0x7b; b[10] = 0x7b; return b; }, /not valid UTF-8 JSON/],
    ['an unknown dtype', 'unsupported-dtype', () => rawSafetensors({ t: { dtype: 'F12', shape: [1], data_offsets: [0, 4] } }, 4), /"t".*F12/],
    ['offsets that disagree with the shape', 'bad-offsets', () => rawSafetensors({ t: { dtype: 'F32', shape: [2], data_offsets: [0, 4] } }, 4), /needs 8 bytes/],
    ['overlapping tensors', 'overlapping-tensors', () => rawSafetensors({
      a: { dtype: 'F32', shape: [2], data_offsets: [0, 8] }, b: { dtype: 'F32', shape: [2], data_offsets: [4, 12] } }, 12), /"b".*overlap/],
    ['bytes no tensor claims', 'unindexed-bytes', () => rawSafetensors({ a: { dtype: 'F32', shape: [1], data_offsets: [0, 4] } }, 8), /belong to no tensor/],
    ['a tensor past the end', 'truncated-file', () => rawSafetensors({ a: { dtype: 'F32', shape: [4], data_offsets: [0, 16] } }, 8), /"a".*truncated/],
    ['a bad shape', 'corrupt-header', () => rawSafetensors({ a: { dtype: 'F32', shape: [-1], data_offsets: [0, 0] } }, 0), /"a".*shape/],
  ];

  it.each(corruptions)('rejects %s with %s', (_what, code, bytes, message) => {
    const err = weightsError(() => parseSafetensors(bytes(), 'bad.safetensors'));
    expect(err.code).toBe(code);
    expect(err.message).toMatch(/^bad\.safetensors: /);
    expect(err.message).toMatch(message);
  });
});

describe('state dict loading', () => {
  const config = modelConfig({ ...releasedConfig('neonext-t', 224), name: 'mini', layers: [1, 1, 2, 1], dims: [16, 32, 64, 128], classes: 10, resolution: 128 });
  const schema = neoNeXtSchema(config);

  it('loads the mini checkpoint, ignoring num_batches_tracked', () => {
    const dict = loadStateDict(parseSafetensors(mini(), 'mini'), schema);
    expect(dict.size).toBe(schema.size);
    expect([...dict.keys()].some((k) => k.includes('num_batches_tracked'))).toBe(false);
  });

  it('accepts keys prefixed with "module." (DistributedDataParallel checkpoints)', () => {
    const file = parseSafetensors(mini(), 'mini');
    const prefixed = new Map(file.names.filter((n) => file.isFloat(n)).map((n) => [`module.${n}`, file.tensor(n)]));
    const dict = loadStateDict(tensorSourceFromMap('ddp', prefixed), schema);
    expect(dict.get('head.fc.weight')!.shape).toEqual([10, 128]);
  });

  it('names the missing key, the unexpected key, and expected vs found shapes', () => {
    const file = parseSafetensors(mini(), 'mini');
    const all = new Map(file.names.filter((n) => file.isFloat(n)).map((n) => [n, file.tensor(n)]));
    const without = new Map(all);
    without.delete('stage_3.1.ops.content.fc_2.weight');
    let err = weightsError(() => loadStateDict(tensorSourceFromMap('m', without), schema));
    expect(err.code).toBe('missing-tensor');
    expect(err.message).toContain('"stage_3.1.ops.content.fc_2.weight"');

    const extra = new Map(all).set('stage_3.2.ops.content.fc_2.weight', all.get('stage_3.1.ops.content.fc_2.weight')!);
    err = weightsError(() => loadStateDict(tensorSourceFromMap('m', extra), schema));
    expect(err.code).toBe('unexpected-tensor');
    expect(err.message).toContain('"stage_3.2.ops.content.fc_2.weight"');

    const wrong = new Map(all).set('head.fc.weight', Tensor.zeros([11, 128]));
    err = weightsError(() => loadStateDict(tensorSourceFromMap('m', wrong), schema));
    expect(err.code).toBe('shape-mismatch');
    expect(err.message).toContain('"head.fc.weight" has shape [11, 128], the architecture expects [10, 128]');
  });

  it('rejects the mini checkpoint as NeoNeXt-T (mismatched architecture)', () => {
    const err = weightsError(() => loadStateDict(parseSafetensors(mini(), 'mini'), neoNeXtSchema(releasedConfig('neonext-t', 224))));
    expect(err.code).toBe('missing-tensor');
    expect(err.message).toMatch(/does the architecture .* match the checkpoint/);
  });

  it('infers layers, dims, kernel spec, classes and options from the checkpoint shapes', () => {
    expect(inferArchitecture(parseSafetensors(mini(), 'mini'))).toEqual({
      layers: [1, 1, 2, 1], dims: [16, 32, 64, 128], kernelSpecs: ['4+7', '4+7', '4+7', '4+7'], classes: 10, layerScale: true, linearBias: true,
    });
  });
});
