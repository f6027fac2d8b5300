import { describe, expect, it } from 'vitest';
import { resolveGenRequest } from '../compiler/gen/gen-request.js';
import { MAX_PARAMETERS, MAX_RESOLUTION, approximateParameters, modelConfig, releasedConfig, type NeoNeXtConfig } from '../compiler/spec/model-config.js';
import { SpecError } from '../compiler/spec/spec-error.js';
import { MAX_CHANNEL_GROUPS, neoCellOutputShape, parseSpecArgument } from '../compiler/spec/neocell-spec.js';
import { Tensor } from '../nn/tensor.js';
import { caught } from './helpers/caught.js';
import { parseSafetensors, writeSafetensors } from '../runtime/weights/safetensors.js';
import { NeoccError } from '../compiler/errors.js';
import { readGoldenCase } from '../runtime/conformance/golden-case.js';
import { readFixture } from './helpers/fixtures.js';
import { checkBindingSize } from '../runtime/webgpu/transfers.js';

/** issue 14, smaller rows: option errors that show what is wanted, and safetensors offsets past 2^53. */

function message(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('expected an error, nothing was thrown');
}

describe('option and header errors', () => {
  it('a wrong count of --shifts / --dims shows the count and an example of the right length', () => {
    expect(message(() => releasedConfig('neonext-t', 224, { shifts: [1, 1] })))
      .toContain('allowed: 4 integers >= 0, one per stage (got 2), e.g. --shifts 1,1,1,0');
    expect(message(() => releasedConfig('neonext-t', 224, { dims: [8, 16, 32] })))
      .toContain('allowed: 4 integers >= 1, one per stage (got 3), e.g. --dims 96,192,384,768');
  });

  it('gen --shift abc says "not a number"', () => {
    expect(message(() => resolveGenRequest({ target: 'wgsl', spec: '4+7', inputShape: [1, 22, 12, 12], shift: Number('abc') })))
      .toBe('gen: --shift is not a number; allowed: an integer >= 0 (default 0)');
  });

  it('refuses safetensors data_offsets at or past 2^53 (JSON.parse rounds them)', () => {
    const json = '{"w":{"dtype":"F32","shape":[1],"data_offsets":[9007199254740993,9007199254740997]}}';
    const bytes = new Uint8Array(8 + json.length);
    new DataView(bytes.buffer).setBigUint64(0, BigInt(json.length), true);
    bytes.set(new TextEncoder().encode(json), 8);
    expect(message(() => parseSafetensors(bytes, 'far.safetensors')))
      .toBe('far.safetensors: tensor "w" has data_offsets [9007199254740992,9007199254740996]; offsets must be below 2^53 (9007199254740992)');
  });
});

describe('model budgets from the config alone, before any allocation', () => {
  it('refuses a spec of more than MAX_CHANNEL_GROUPS groups at once (1500 groups took minutes; 1000+ overflowed the stack)', () => {
    const started = performance.now();
    for (const [spec, field] of [
      [JSON.stringify(Array.from({ length: 1500 }, () => ({ kernel: 1, channels: 1 }))), 'channel_specs.length'],
      [Array.from({ length: 1500 }, () => '1').join('+'), 'kernel_spec.length'],
    ] as const) {
      const err = caught(SpecError, () => parseSpecArgument(spec, 1500, 0));
      expect(err.code).toBe('too-many-groups');
      expect(err.message).toBe(`invalid spec: ${field} = 1500; allowed: at most ${MAX_CHANNEL_GROUPS} channel groups (MAX_CHANNEL_GROUPS)`);
    }
    expect(parseSpecArgument(Array.from({ length: MAX_CHANNEL_GROUPS }, () => '1').join('+'), MAX_CHANNEL_GROUPS, 0).groups).toHaveLength(MAX_CHANNEL_GROUPS);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('refuses an input shape of 1,96,10000000000,56 by its element count (a V8 heap abort after 20-33 s)', () => {
    const spec = parseSpecArgument('4+7', 96, 0);
    const err = caught(SpecError, () => neoCellOutputShape(spec, [1, 96, 10000000000, 56]));
    expect(err.message).toMatch(/^invalid spec: input_shape = \[1,96,10000000000,56\]; allowed: at most 1073741824 elements in the input and in the output \(MAX_TENSOR_ELEMENTS/);
  });

  it('refuses an absurd resolution, class count or width with the limit named', () => {
    const t = releasedConfig('neonext-t', 224);
    const specError = (overrides: Partial<NeoNeXtConfig>): SpecError => caught(SpecError, () => modelConfig({ ...t, ...overrides }));
    expect(specError({ resolution: 100000 }).message).toBe('invalid spec: resolution = 100000; allowed: a multiple of 4 from 32 (the stem patchifies 4x4, three downsamples halve) to 4096 (MAX_RESOLUTION)');
    expect(specError({ classes: 100_000_000 }).message).toMatch(/^invalid spec: classes = 100000000; allowed: a network of at most 1073741824 parameters \(MAX_PARAMETERS/);
    expect(specError({ dims: [100000, 2, 3, 4] }).message).toMatch(/^invalid spec: dims = \[100000,2,3,4\]; allowed: a network of at most 1073741824 parameters/);
    // The released sizes are far inside the budget (NeoNeXt-L ~0.2e9 parameters).
    expect(approximateParameters(releasedConfig('neonext-l', 384))).toBeLessThan(MAX_PARAMETERS / 4);
    expect(modelConfig({ ...t, resolution: MAX_RESOLUTION }).resolution).toBe(MAX_RESOLUTION);
  });
});

describe('golden conformance files are checked like checkpoints', () => {
  it('a NeoCell case whose expected output has the wrong shape fails naming the tensor (it passed unchecked)', () => {
    const file = readFixture('neocell/k4_s1_12x12.safetensors');
    const tensors = new Map(file.names.map((n) => [n, file.tensor(n)] as const));
    const y = tensors.get('y')!;
    const [n, c, h, w] = y.shape as [number, number, number, number];
    tensors.set('y', new Tensor([n, c, h - 1, w], y.data.subarray(0, n * c * (h - 1) * w)));
    const bad = parseSafetensors(writeSafetensors(tensors, file.metadata), 'short-y.safetensors');
    const err = caught(NeoccError, () => readGoldenCase('short-y', bad));
    expect(err.message).toBe(`short-y.safetensors: tensor "y" has shape [${n}, ${c}, ${h - 1}, ${w}], the architecture expects [${n}, ${c}, ${h}, ${w}]`);
  });

  it('a NeoCell case whose metadata kernel disagrees with its weights fails naming the tensor and both shapes', () => {
    const file = readFixture('neocell/k4_s1_12x12.safetensors');
    const tensors = new Map(file.names.map((n) => [n, file.tensor(n)] as const));
    const meta = { ...file.metadata, channel_specs: JSON.stringify(JSON.parse(file.metadata.channel_specs!).map((g: Record<string, unknown>) => ({ ...g, kernel: 5 }))) };
    const bad = parseSafetensors(writeSafetensors(tensors, meta), 'k5-claims.safetensors');
    const err = caught(NeoccError, () => readGoldenCase('k5-claims', bad));
    expect(err.message).toMatch(/k5-claims\.safetensors.*weight_a\.0.*\[\d+, 5, 5\].*\[\d+, 4, 4\]|k5-claims\.safetensors.*weight_a\.0.*\[\d+, 4, 4\].*\[\d+, 5, 5\]/);
  });
});

describe('binding-size advice fits the batch', () => {
  it('says "smaller batch" only when the batch is above 1', () => {
    const device = { limits: { maxStorageBufferBindingSize: 1024 } } as unknown as GPUDevice;
    expect(() => checkBindingSize(device, 'activations (batch 1)', 4096)).toThrow(/; use a smaller input resolution$/);
    expect(() => checkBindingSize(device, 'input [1, 3, 4096, 4096]', 4096)).toThrow(/; use a smaller input resolution$/);
    expect(() => checkBindingSize(device, 'activations (batch 8)', 4096)).toThrow(/; use a smaller batch or input resolution$/);
  });
});

describe('--spec given a single JSON object', () => {
  it('says channel_specs is a list and shows how to wrap it, instead of calling it a bad spec code', () => {
    expect(() => parseSpecArgument('{"kernel":4,"channels":8}', 8, 0)).toThrow('channel_specs = "{\\"kernel\\":4,\\"channels\\":8}"; allowed: a JSON list of channel spec objects: wrap the object in [ ]');
  });
});
