import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cacheKey, canonicalJson } from '../compiler/cache-key.js';
import { canonicalSpec, neoCellOutputShape, parseNeoCellSpec, specFromCode } from '../compiler/spec/neocell-spec.js';
import { SpecError, type SpecErrorCode } from '../compiler/spec/spec-error.js';
import { caught } from './helpers/caught.js';

const specError = (fn: () => unknown): SpecError => caught(SpecError, fn);

describe('channel spec forms', () => {
  it('parses every upstream size and shift form into one canonical group', () => {
    const [a] = parseNeoCellSpec([{ kernel: 4, channels: 8, shift: 1 }]).groups;
    expect(a).toEqual({ hIn: 4, hOut: 4, wIn: 4, wOut: 4, shiftA: 1, shiftB: 1, channels: 8 });
    const [b] = parseNeoCellSpec([{ kernel_a: 3, kernel_b: 5, channels: 6, shift_a: 2, shift_b: 4 }]).groups;
    expect(b).toEqual({ hIn: 3, hOut: 3, wIn: 5, wOut: 5, shiftA: 2, shiftB: 4, channels: 6 });
    const [c] = parseNeoCellSpec('[{"h_in": 3, "h_out": 2, "w_in": 2, "w_out": 3, "channels": 5}]').groups;
    expect(c).toEqual({ hIn: 3, hOut: 2, wIn: 2, wOut: 3, shiftA: 0, shiftB: 0, channels: 5 });
  });

  it('expands spec codes with the remainder in the last group', () => {
    expect(specFromCode('4+7', 96, 1).groups.map((g) => [g.hIn, g.channels, g.shiftA])).toEqual([[4, 48, 1], [7, 48, 1]]);
    expect(specFromCode('4+7', 97, 0).groups.map((g) => g.channels)).toEqual([48, 49]);
    expect(specFromCode('4+7+9', 10, 0).groups.map((g) => g.channels)).toEqual([3, 3, 4]);
    expect(specFromCode('7', 16, 0).groups).toHaveLength(1);
  });

  it('computes output sizes: square keeps the size, otherwise floor(size / k_in * k_out)', () => {
    expect(neoCellOutputShape(parseNeoCellSpec([{ kernel: 7, channels: 6 }]), [1, 6, 10, 10])).toEqual([1, 6, 10, 10]);
    const down = parseNeoCellSpec([{ h_in: 2, h_out: 1, w_in: 2, w_out: 1, channels: 16 }]);
    expect(neoCellOutputShape(down, [1, 16, 7, 8])).toEqual([1, 16, 3, 4]);
    const odd = parseNeoCellSpec([{ h_in: 3, h_out: 2, w_in: 2, w_out: 3, channels: 5 }]);
    expect(neoCellOutputShape(odd, [2, 5, 10, 8])).toEqual([2, 5, 6, 12]);
  });
});

describe('canonical form and cache keys', () => {
  it('gives equal keys to different spellings of the same NeoCell', () => {
    const spellings = [
      [{ kernel: 4, channels: 8, shift: 1 }],
      [{ kernel_a: 4, kernel_b: 4, channels: 8, shift_a: 1, shift_b: 1 }],
      [{ channels: 8, w_out: 4, w_in: 4, h_out: 4, h_in: 4, shift: 1 }],
    ];
    const keys = spellings.map((s) => cacheKey('wgsl', canonicalSpec(parseNeoCellSpec(s))));
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toMatch(/^[0-9a-f]{64}$/);
  });

  it('never gives two different specs (or targets) the same key', () => {
    const group = fc.record({
      kernel: fc.integer({ min: 1, max: 9 }), channels: fc.integer({ min: 1, max: 64 }), shift: fc.integer({ min: 0, max: 8 }),
    }).map((g) => ({ ...g, shift: g.shift % g.kernel }));
    fc.assert(
      fc.property(fc.array(group, { minLength: 1, maxLength: 3 }), fc.array(group, { minLength: 1, maxLength: 3 }), (s1, s2) => {
        const c1 = canonicalSpec(parseNeoCellSpec(s1));
        const c2 = canonicalSpec(parseNeoCellSpec(s2));
        const sameSpec = canonicalJson(c1) === canonicalJson(c2);
        expect(cacheKey('wgsl', c1) === cacheKey('wgsl', c2)).toBe(sameSpec);
        expect(cacheKey('wgsl', c1)).not.toBe(cacheKey('cuda', c1));
      }),
      { numRuns: 200 },
    );
  });

  it('serializes objects with sorted keys at every level', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe('{"a":[{"c":3,"d":2}],"b":1}');
    expect(() => canonicalJson({ a: NaN })).toThrow(/non-finite/);
  });
});

describe('invalid specs: one typed error per class, naming the field and the allowed values', () => {
  const cases: Array<[SpecErrorCode, () => unknown, string]> = [
    ['not-an-object', () => parseNeoCellSpec([4]), 'channel_specs[0]'],
    ['not-an-object', () => parseNeoCellSpec('[{"kernel": 4,'), 'channel_specs'],
    ['empty-spec', () => parseNeoCellSpec([]), 'channel_specs'],
    ['unknown-key', () => parseNeoCellSpec([{ kernel: 4, channels: 8, stride: 2 }]), 'channel_specs[0].stride'],
    ['missing-key', () => parseNeoCellSpec([{ kernel: 4 }]), 'channel_specs[0].channels'],
    ['missing-key', () => parseNeoCellSpec([{ kernel_a: 4, channels: 8 }]), 'channel_specs[0].kernel_b'],
    ['missing-key', () => parseNeoCellSpec([{ channels: 8 }]), 'channel_specs[0].kernel'],
    ['missing-key', () => parseNeoCellSpec([{ kernel: 4, channels: 8, shift_a: 1 }]), 'channel_specs[0].shift_b'],
    ['conflicting-keys', () => parseNeoCellSpec([{ kernel: 4, h_in: 4, h_out: 4, w_in: 4, w_out: 4, channels: 8 }]), 'channel_specs[0]'],
    ['conflicting-keys', () => parseNeoCellSpec([{ kernel: 4, channels: 8, shift: 1, shift_a: 1 }]), 'channel_specs[0]'],
    ['not-positive-integer', () => parseNeoCellSpec([{ kernel: 0, channels: 8 }]), 'channel_specs[0].kernel'],
    ['not-positive-integer', () => parseNeoCellSpec([{ kernel: 2.5, channels: 8 }]), 'channel_specs[0].kernel'],
    ['not-positive-integer', () => parseNeoCellSpec([{ kernel: 4, channels: -3 }]), 'channel_specs[0].channels'],
    ['not-positive-integer', () => parseNeoCellSpec([{ kernel: '4', channels: 8 }]), 'channel_specs[0].kernel'],
    ['negative-shift', () => parseNeoCellSpec([{ kernel: 4, channels: 8, shift: -1 }]), 'channel_specs[0].shift'],
    ['shift-not-less-than-kernel', () => parseNeoCellSpec([{ kernel: 4, channels: 8, shift: 4 }]), 'channel_specs[0].shift'],
    ['shift-not-less-than-kernel', () => parseNeoCellSpec([{ kernel: 5, channels: 8, shift_a: 1, shift_b: 7 }]), 'channel_specs[0].shift_b'],
    ['shift-on-non-square-kernel', () => parseNeoCellSpec([{ h_in: 2, h_out: 1, w_in: 2, w_out: 1, channels: 4, shift: 1 }]), 'channel_specs[0].shift'],
    ['channel-sum-mismatch', () => neoCellOutputShape(parseNeoCellSpec([{ kernel: 4, channels: 8 }]), [1, 9, 8, 8]), 'channel_specs[*].channels'],
    ['invalid-shape', () => neoCellOutputShape(parseNeoCellSpec([{ kernel: 4, channels: 8 }]), [8, 8, 8]), 'input_shape'],
    ['not-positive-integer', () => neoCellOutputShape(parseNeoCellSpec([{ kernel: 4, channels: 8 }]), [1, 8, 0, 8]), 'input_shape[2]'],
    ['output-size-zero', () => neoCellOutputShape(parseNeoCellSpec([{ h_in: 4, h_out: 1, w_in: 1, w_out: 1, channels: 2 }]), [1, 2, 3, 3]), 'channel_specs[0].h_in'],
    ['mixed-output-sizes', () => neoCellOutputShape(parseNeoCellSpec([{ kernel: 4, channels: 2 }, { h_in: 2, h_out: 1, w_in: 1, w_out: 1, channels: 2 }]), [1, 4, 8, 8]), 'channel_specs[1]'],
    ['spatial-too-small', () => neoCellOutputShape(parseNeoCellSpec([{ kernel: 7, channels: 14, shift: 1 }]), [1, 14, 5, 14]), 'channel_specs[0].shift_a'],
    ['invalid-spec-code', () => specFromCode('4+x', 8, 0), 'kernel_spec'],
    ['channel-sum-mismatch', () => specFromCode('4+7+9', 2, 0), 'kernel_spec.channels'],
  ];

  it.each(cases)('%s for %s', (code, fn, field) => {
    const err = specError(fn);
    expect(err.code).toBe(code);
    expect(err.field).toBe(field);
    expect(err.allowed.length).toBeGreaterThan(0);
    expect(err.message).toContain(field);
    expect(err.message).toContain('allowed:');
  });

  it('covers every error code that NeoCell specs can raise', () => {
    const raised = new Set(cases.map(([code]) => code));
    for (const code of ['unknown-key', 'missing-key', 'conflicting-keys', 'not-positive-integer', 'negative-shift',
      'shift-not-less-than-kernel', 'shift-on-non-square-kernel', 'channel-sum-mismatch', 'invalid-shape',
      'output-size-zero', 'mixed-output-sizes', 'spatial-too-small', 'invalid-spec-code', 'empty-spec', 'not-an-object'] as const) {
      expect(raised.has(code), code).toBe(true);
    }
  });

  it('rejects every shift >= kernel, and accepts every shift below it', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 0, max: 20 }), (kernel, shift) => {
      const parse = () => parseNeoCellSpec([{ kernel, channels: 4, shift }]);
      if (shift < kernel) expect(parse().groups[0]!.shiftA).toBe(shift);
      else expect(specError(parse).code).toBe('shift-not-less-than-kernel');
    }));
  });

  it('rejects every channel list that does not sum to C', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: 16 }), { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 64 }), (channels, c) => {
      const spec = parseNeoCellSpec(channels.map((ch) => ({ kernel: 3, channels: ch })));
      const check = () => neoCellOutputShape(spec, [1, c, 9, 9]);
      if (channels.reduce((a, b) => a + b, 0) === c) expect(check()[1]).toBe(c);
      else expect(specError(check).code).toBe('channel-sum-mismatch');
    }));
  });
});
