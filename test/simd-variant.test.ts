import { describe, expect, it } from 'vitest';
import { makeArtifact } from '../compiler/artifact.js';
import { call, f32, finishKernel, loadVec4, splat, BlockBuilder, u32 } from '../compiler/ir/build.js';
import { releasedConfig } from '../compiler/spec/model-config.js';
import { ASSEMBLYSCRIPT, ASSEMBLYSCRIPT_RELAXED_SIMD, TARGET_RECORDS } from '../compiler/targets/index.js';
import { RELAXED_SIMD } from './helpers/wasm-simd.js';
import { defaultWasmSimdMode, engineHas, relaxedMaddFuses, wasmSimdTarget, wasmSimdTargetHere, wasmSimdVariant } from '../runtime/wasm/simd-variant.js';
import { allArtifacts, modelKernels } from '../schedule/model-kernels.js';
import { NeoccError } from '../compiler/errors.js';
import { caught } from './helpers/caught.js';
import { WasmBackend } from '../runtime/wasm/wasm-backend.js';

/** y[0..3] = fma(a, b, c) on vec4s: the smallest kernel with the IR's vec4 fma. */
function fmaKernel() {
  const b = new BlockBuilder();
  const v = (name: string) => loadVec4(name, u32(0), { aligned: true });
  b.store('y', u32(0), call('fma', v('a'), v('b'), v('c')), { aligned: true });
  b.store('y', u32(4), splat(f32(1)), { aligned: true });
  return finishKernel({
    name: 'fma_probe', workgroupSize: 1, uniforms: [], shared: [], body: b.stmts, doc: [],
    buffers: [...['a', 'b', 'c'].map((name) => ({ name, access: 'read' as const, elem: 'f32' as const })), { name: 'y', access: 'read_write', elem: 'f32' }],
  });
}

describe('the relaxed-SIMD AssemblyScript variant', () => {
  it('renders the IR\'s vec4 fma as f32x4.relaxed_madd; the plain record as mul + add', () => {
    const ir = fmaKernel();
    const relaxed = makeArtifact(ir, ASSEMBLYSCRIPT_RELAXED_SIMD, {});
    const plain = makeArtifact(ir, ASSEMBLYSCRIPT, {});
    expect(relaxed.source).toContain('f32x4.relaxed_madd(');
    expect(plain.source).not.toContain('relaxed');
    expect(plain.source).toContain('f32x4.add(f32x4.mul(');
    expect(relaxed.features).toEqual(['relaxed-simd']);
    expect(plain.features).toBeUndefined();
    expect(relaxed.key).not.toBe(plain.key);
  });

  it('builds NeoNeXt-T-224\'s GEMMs with fma (relaxed_madd) and keys every kernel apart from the plain set', () => {
    const config = releasedConfig('neonext-t', 224);
    const plain = allArtifacts(modelKernels(config, ASSEMBLYSCRIPT));
    const relaxed = allArtifacts(modelKernels(config, ASSEMBLYSCRIPT_RELAXED_SIMD));
    const gemms = relaxed.filter((a) => a.name.includes('_vec4'));
    // 4 stages x 2 GEMMs + 3 downsample convs.
    expect(gemms).toHaveLength(11);
    for (const a of gemms) expect(a.source, a.name).toContain('f32x4.relaxed_madd(');
    for (const a of plain) expect(a.source, a.name).not.toContain('relaxed_madd');
    const plainKeys = new Set(plain.map((a) => a.key));
    for (const a of relaxed) expect(plainKeys.has(a.key), a.name).toBe(false);
  });

  it('is a record of the assemblyscript target, after its baseline', () => {
    const records = TARGET_RECORDS[ASSEMBLYSCRIPT.name];
    expect(records).toEqual([ASSEMBLYSCRIPT, ASSEMBLYSCRIPT_RELAXED_SIMD]);
    expect(ASSEMBLYSCRIPT_RELAXED_SIMD.name).toBe(ASSEMBLYSCRIPT.name);
    expect(ASSEMBLYSCRIPT.variant).toBeUndefined();
    expect(wasmSimdVariant(ASSEMBLYSCRIPT_RELAXED_SIMD)).toBe('relaxed-simd');
  });
});

describe('choosing the wasm SIMD variant at run time', () => {
  it('detects relaxed SIMD with WebAssembly.validate once the engine has it (Node 20: the V8 flag) and picks it for auto', () => {
    expect(RELAXED_SIMD).toBe(true);
    expect(engineHas('relaxed-simd')).toBe(true);
    expect(wasmSimdTarget('auto')).toBe(ASSEMBLYSCRIPT_RELAXED_SIMD);
    expect(wasmSimdTarget('relaxed')).toBe(ASSEMBLYSCRIPT_RELAXED_SIMD);
    expect(wasmSimdTarget('plain')).toBe(ASSEMBLYSCRIPT);
  });

  it('auto keeps to the plain (prebuilt) kernels where asc cannot build the relaxed ones; relaxed asked for is relaxed', async () => {
    expect(wasmSimdTarget('auto', false)).toBe(ASSEMBLYSCRIPT);
    expect(wasmSimdTarget('relaxed', false)).toBe(ASSEMBLYSCRIPT_RELAXED_SIMD);
    // Here asc is installed (a dev dependency): auto may compile, so it takes relaxed SIMD.
    expect(await wasmSimdTargetHere('auto')).toBe(ASSEMBLYSCRIPT_RELAXED_SIMD);
    expect(await wasmSimdTargetHere('plain')).toBe(ASSEMBLYSCRIPT);
    expect((await WasmBackend.create({ simd: 'auto' })).target).toBe(ASSEMBLYSCRIPT_RELAXED_SIMD);
  });

  it('reads NEOCC_WASM_SIMD, refusing unknown values in one line', () => {
    const saved = process.env.NEOCC_WASM_SIMD;
    try {
      process.env.NEOCC_WASM_SIMD = 'plain';
      expect(defaultWasmSimdMode()).toBe('plain');
      expect(wasmSimdTarget()).toBe(ASSEMBLYSCRIPT);
      process.env.NEOCC_WASM_SIMD = 'fast';
      expect(caught(NeoccError, () => defaultWasmSimdMode()).message).toBe('NEOCC_WASM_SIMD = "fast"; allowed: auto | plain | relaxed');
      delete process.env.NEOCC_WASM_SIMD;
      expect(defaultWasmSimdMode()).toBe('auto');
    } finally {
      if (saved === undefined) delete process.env.NEOCC_WASM_SIMD;
      else process.env.NEOCC_WASM_SIMD = saved;
    }
  });

  it('says whether relaxed_madd fused on this CPU (an exact-value probe; the IR allows either)', () => {
    const fused = relaxedMaddFuses();
    expect(typeof fused).toBe('boolean');
    process.stderr.write(`relaxed_madd on this host: ${fused ? 'fused (one rounding)' : 'mul then add (two roundings)'}\n`);
  });
});
