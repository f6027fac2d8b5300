import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { u32, sub } from '../compiler/ir/build.js';
import { MAX_BLOCK_KERNEL, compileNeoCellBackward, compileNeoCellForward, chooseTiling } from '../kernels/neocell/compile.js';
import { planNeoCell } from '../compiler/plan/neocell-plan.js';
import { canonicalJson } from '../compiler/cache-key.js';
import { canonicalSpec, parseNeoCellSpec, specFromCode } from '../compiler/spec/neocell-spec.js';
import { forwardLaunch } from '../kernels/neocell/launch.js';
import { WGSL } from '../compiler/targets/index.js';

describe('WGSL generation: what is baked and what is passed at run time', () => {
  it('gives byte-identical source and key for two run-time shapes of one spec, with different launch values', () => {
    const spec = specFromCode('4+7', 96, 1);
    const small = planNeoCell(spec, [1, 96, 56, 56]);
    const large = planNeoCell(spec, [8, 96, 96, 96]);
    const a = compileNeoCellForward(small.spec, WGSL);
    const b = compileNeoCellForward(large.spec, WGSL);
    expect(b.source).toBe(a.source);
    expect(b.key).toBe(a.key);
    for (const name of ['neocell_fwd_t', 'neocell_bwd_dt', 'neocell_bwd_dx', 'neocell_bwd_dw'] as const) {
      expect(compileNeoCellBackward(large.spec, WGSL)[name].source).toBe(compileNeoCellBackward(small.spec, WGSL)[name].source);
    }
    const tiling = chooseTiling(spec, WGSL.limits);
    expect(forwardLaunch(small, tiling, false)).not.toEqual(forwardLaunch(large, tiling, false));
    // Spatial sizes never appear as literals: they are uniforms.
    expect(a.source).not.toMatch(/\b56u\b/);
    expect(a.source).toContain('params.in_w');
  });

  it('bakes kernel sizes, shifts and channel groups as literals', () => {
    const source = compileNeoCellForward(specFromCode('4+7', 96, 1), WGSL).source;
    expect(source).toContain('if ((wid.y < 48u))'); // the 4x4 group's channel range
    expect(source).toContain('min((wid.y / 12u), 3u)'); // 4 shift sub-groups of 12 channels
    expect(source).toContain('(768u + (local_c * 49u))'); // 7x7 kernels start after 48 4x4 ones
    expect(source).not.toContain('cfg');
    const generic = compileNeoCellForward(undefined, WGSL, { mode: 'generic' }).source;
    expect(generic).toContain('cfg[');
    expect(generic).not.toContain('48u');
  });

  it('never gives two different specs, layouts or modes the same key', () => {
    const group = fc.record({ kernel: fc.integer({ min: 1, max: 9 }), channels: fc.integer({ min: 1, max: 32 }), shift: fc.integer({ min: 0, max: 8 }) })
      .map((g) => ({ ...g, shift: g.shift % g.kernel }));
    fc.assert(fc.property(fc.array(group, { minLength: 1, maxLength: 3 }), fc.array(group, { minLength: 1, maxLength: 3 }), (g1, g2) => {
      const [s1, s2] = [parseNeoCellSpec(g1), parseNeoCellSpec(g2)];
      const same = canonicalJson(canonicalSpec(s1)) === canonicalJson(canonicalSpec(s2));
      const [a, b] = [compileNeoCellForward(s1, WGSL), compileNeoCellForward(s2, WGSL)];
      expect(a.key === b.key).toBe(same);
      expect(a.source === b.source).toBe(same);
    }), { numRuns: 60 });
    const spec = specFromCode('4+7', 96, 1);
    const keys = [
      compileNeoCellForward(spec, WGSL).key,
      compileNeoCellForward(spec, WGSL, { layout: 'nhwc' }).key,
      compileNeoCellForward(spec, WGSL, { channelBias: true }).key,
      compileNeoCellForward(spec, WGSL, { tiling: { kind: 'blocks', workgroupSize: 32 } }).key,
      compileNeoCellForward(spec, WGSL, { tiling: { kind: 'shared-t', tileWidth: 32, workgroupSize: 64 } }).key,
      compileNeoCellForward(undefined, WGSL, { mode: 'generic' }).key,
      ...Object.values(compileNeoCellBackward(spec, WGSL)).map((a) => a.key),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('tiles against the adapter limits and says which limit a kernel exceeds', () => {
    const roomy = { maxComputeWorkgroupStorageSize: 16384, maxComputeInvocationsPerWorkgroup: 256 };
    expect(chooseTiling(specFromCode('7', 8, 0), roomy)).toEqual({ kind: 'blocks', workgroupSize: 64 });
    expect(chooseTiling(specFromCode('7', 8, 0), { ...roomy, maxComputeInvocationsPerWorkgroup: 32 })).toEqual({ kind: 'blocks', workgroupSize: 32 });
    // Past MAX_BLOCK_KERNEL the T tile goes to workgroup memory, as wide as the storage allows.
    const wide = specFromCode(String(MAX_BLOCK_KERNEL + 1), 8, 0);
    expect(chooseTiling(wide, roomy)).toEqual({ kind: 'shared-t', tileWidth: 64, workgroupSize: 64 });
    expect(chooseTiling(wide, { ...roomy, maxComputeWorkgroupStorageSize: 2048 })).toEqual({ kind: 'shared-t', tileWidth: 32, workgroupSize: 64 });
    expect(compileNeoCellForward(wide, WGSL).source).toContain('var<workgroup>');
    expect(compileNeoCellForward(specFromCode('7', 8, 0), WGSL).source).not.toContain('var<workgroup>');
    const huge = parseNeoCellSpec([{ kernel: 600, channels: 1 }]);
    expect(() => chooseTiling(huge, WGSL.limits)).toThrow(/maxComputeWorkgroupStorageSize/);
  });

  it('keeps artifacts immutable and refuses literal u32 overflow in the IR', () => {
    const artifact = compileNeoCellForward(specFromCode('4', 4, 0), WGSL);
    expect(Object.isFrozen(artifact)).toBe(true);
    expect(() => sub(u32(3), u32(5))).toThrow(/overflow/);
  });
});
