import { modelKernels } from '../schedule/model-kernels.js';
import { describe, expect, it } from 'vitest';
import { makeArtifact } from '../compiler/artifact.js';
import { BlockBuilder, add, builtin, f32, finishKernel, lane, load, loadVec4, lt, mul, select, splat, u32 } from '../compiler/ir/build.js';
import type { KernelIR, Stmt } from '../compiler/ir/ir.js';
import { releasedConfig } from '../compiler/spec/model-config.js';
import { renderAssemblyScript } from '../compiler/render/assemblyscript.js';
import { compileGemm, compileMlpTwoGemm, gemmLaunch, gemmWeightLayout, mlpTwoGemmLaunch, twoGemmHiddenElements, type GemmOptions, type TwoGemmKernels } from '../kernels/neonext/mlp-two-gemm.js';
import { chooseVec4Tile, linearVec4Launch, packWeightPanels, vec4Gemm } from '../kernels/neonext/unfused/linear-vec4.js';
import { relativeL2Error } from '../nn/tensor.js';
import { LinearMemory } from '../runtime/wasm/linear-memory.js';
import { WasmKernelRunner } from '../runtime/wasm/wasm-kernels.js';
import { erf64, twoGemmCase, twoGemmReference, type TwoGemmCase } from './oracles/two-gemm.js';
import { ASSEMBLYSCRIPT, ASSEMBLYSCRIPT_RELAXED_SIMD } from '../compiler/targets/index.js';
import { relaxedMaddFuses, wasmSimdVariant } from '../runtime/wasm/simd-variant.js';
import { RELAXED_SIMD } from './helpers/wasm-simd.js';

// The vec4f IR (WebAssembly SIMD) and the SIMD GEMM micro-kernel the wasm model runs its MLPs with, against float64.

/** Runs fc_1 then fc_2 on wasm (hidden and y poisoned with NaN); returns y (NCHW). */
async function runTwoGemmOnWasm(k: TwoGemmKernels, d: TwoGemmCase): Promise<Float32Array> {
  const mem = new LinearMemory();
  // The weights in the layout the kernels read (column panels for the SIMD kernels, as the runtime lays them out).
  const [m, x, w1t, b1, w2t, b2] = [d.m, d.x, gemmWeightLayout(d.w1t, k.fc1Options), d.b1, gemmWeightLayout(d.w2t, k.fc2Options), d.b2].map((a) => mem.put(a));
  const hidden = mem.output(twoGemmHiddenElements(d.c, d.n, d.plane), true);
  const y = mem.output(d.n * d.c * d.plane, true);
  const runner = new WasmKernelRunner(mem);
  const l = mlpTwoGemmLaunch(k, d.n, d.plane);
  await runner.run(k.fc1, [m!, w1t!, b1!, hidden], l.fc1.uniforms, l.fc1.grid);
  await runner.run(k.fc2, [hidden, w2t!, b2!, x!, y], l.fc2.uniforms, l.fc2.grid);
  return mem.read(y, d.n * d.c * d.plane);
}

const PLAIN = vec4Gemm(ASSEMBLYSCRIPT)!;
// Relaxed SIMD is on in this process (helpers/wasm-simd.ts): the relaxed variant's kernels compile and run below.
expect(RELAXED_SIMD).toBe(true);

describe('SIMD GEMM micro-kernels on WebAssembly (vec4f IR → f32x4)', () => {
  it('are what the wasm NeoNeXt-T-224 model runs for every MLP (2x16 tiles, weights in 16-column panels)', () => {
    const k = modelKernels(releasedConfig('neonext-t', 224), ASSEMBLYSCRIPT);
    for (const s of k.stages) {
      expect(s.mlpPath).toBe('two-gemm');
      expect([s.twoGemm.fc1Options.kind, s.twoGemm.fc2Options.kind]).toEqual(['vec4', 'vec4']);
      expect(s.twoGemm.fc1.source).toContain('f32x4.mul(');
      // The k loop walks wt's panel and x's rows with two cursors (compiler/render/loop-cursors.ts): 16 floats and
      // one float per k, x broadcast straight from memory.
      for (const gemm of [s.twoGemm.fc1, s.twoGemm.fc2]) {
        // …and counts by the panel cursor: no k, no index lets left (compiler/render/loop-cursors.ts).
        expect(gemm.source).toMatch(/\n {4}__c0 \+= 64;\n {4}__c1 \+= 4;\n {2}\} while \(__c0 != __c0_end\);/);
        expect(gemm.source).not.toMatch(/w_base|x_k|for \(let k/);
        expect(gemm.source).toMatch(/const w_3: v128 = load<v128>\(__c0, 48\);/);
        expect(gemm.source).toMatch(/const a: v128 = v128\.load32_splat\(__c1\);/);
      }
    }
    expect(k.stages[3]!.twoGemm.fc2Options).toMatchObject({ inFeatures: 3072, rm: 2, rv: 4, packedWt: true });
    expect(packWeightPanels([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15], 2, 8, 4)).toEqual(new Float32Array([0, 1, 2, 3, 8, 9, 10, 11, 4, 5, 6, 7, 12, 13, 14, 15]));
    expect(k.stages[2]!.twoGemm.fc2Options).toMatchObject({ inFeatures: 1536, rm: 2, rv: 4 });
    expect(chooseVec4Tile(20, Infinity, PLAIN)).toEqual({ rm: 8, rv: 1 });
    expect(chooseVec4Tile(20, 3, PLAIN)).toEqual({ rm: 3, rv: 1 });
    expect(chooseVec4Tile(32, Infinity, { accumulators: 4, maxColumns: 4 })).toEqual({ rm: 1, rv: 4 });
    expect(chooseVec4Tile(19, Infinity, PLAIN)).toBeUndefined();
    const o: GemmOptions = { kind: 'vec4', inFeatures: 8, outFeatures: 16, epilogue: 'bias', rm: 4, rv: 4, workgroupSize: 1 };
    expect(() => gemmLaunch(o, 3)).toThrow(/linear-vec4: 3 rows, fewer than the kernel's 4-row tile/);
  });

  it('threads split a GEMM launch at whole cache lines of output columns where a column tile is narrower than a line', () => {
    const k = modelKernels(releasedConfig('neonext-t', 224), ASSEMBLYSCRIPT);
    // NeoNeXt-T-224's last downsample conv: Y [768, 196] in 8x4 tiles, 4 tiles per 64-byte line of a row.
    const conv = k.downsamples[2]!.convVec4!;
    expect(conv).toMatchObject({ outFeatures: 196, rm: 8, rv: 1 });
    expect(linearVec4Launch(conv, 768)).toEqual({ grid: [96, 49, 1], uniforms: { rows: 768 }, splitGranule: 96 * 4 });
    expect(linearVec4Launch({ ...conv, outFeatures: 200, rv: 2 }, 768).splitGranule).toBe(96 * 2);
    // 16-column tiles are whole lines: any split.
    expect(gemmLaunch(k.stages[0]!.twoGemm.fc1Options, 3136)).not.toHaveProperty('splitGranule');
  });

  // Odd row counts (n·plane not a multiple of rm) and every column tile width (rv = 4, 2, 1), and the > 1536-deep tile.
  // A 1x1 plane at batch 1 (one row): the tiles shrink to one row (chooseVec4Tile's minRows).
  for (const [n, c, hh, ww] of [[3, 20, 5, 7], [2, 24, 3, 3], [1, 40, 4, 5], [2, 19, 3, 5], [1, 400, 2, 3], [1, 24, 1, 1]] as const) {
    // Both kernel variants: plain SIMD (mul + add) and relaxed SIMD (fma as f32x4.relaxed_madd).
    for (const target of [ASSEMBLYSCRIPT, ASSEMBLYSCRIPT_RELAXED_SIMD]) {
      it(`fc_1 + GELU and fc_2 + residual (NCHW) equal the float64 MLP: batch ${n}, C = ${c}, ${hh}x${ww}, ${wasmSimdVariant(target)}`, async () => {
        const data = twoGemmCase(n, c, hh * ww, 3 * c + n);
        const k = compileMlpTwoGemm({ channels: c, target, minRows: hh * ww });
        // C = 19 is not a multiple of 4: the register-tiled kernel is the fallback.
        expect(k.fc2Options.kind).toBe(c % 4 === 0 ? 'vec4' : 'registers');
        if (k.fc2Options.kind === 'vec4') expect(k.fc2.source.includes('relaxed_madd')).toBe(target.variant !== undefined);
        const got = await runTwoGemmOnWasm(k, data);
        expect(got.every(Number.isFinite)).toBe(true);
        expect(relativeL2Error(got, twoGemmReference(data))).toBeLessThan(1e-5);
      });
    }
  }

  it('FMA GEMM rounds as the engine\'s relaxed_madd does (the probe), the plain GEMM twice: (1 + 2^-12)^2 - (1 + 2^-11)', async () => {
    // y = bias + x·w with K = 1: fused, 1 + 2^-11 + 2^-24 survives and leaves 2^-24; rounded twice, the product is
    // 1 + 2^-11 (a tie, to even) and y = 0. Exact values, so the test tells which happened.
    const x = 1 + 2 ** -12;
    const results = await Promise.all([ASSEMBLYSCRIPT, ASSEMBLYSCRIPT_RELAXED_SIMD].map(async (target) => {
      const o: GemmOptions = { kind: 'vec4', inFeatures: 1, outFeatures: 4, epilogue: 'bias', rm: 1, rv: 1, workgroupSize: 1, ...(vec4Gemm(target)!.fma ? { fma: true } : {}) };
      const mem = new LinearMemory();
      const [px, pw, pb] = [new Float32Array([x]), new Float32Array(4).fill(x), new Float32Array(4).fill(-(1 + 2 ** -11))].map((a) => mem.put(a));
      const py = mem.output(4, true);
      const l = gemmLaunch(o, 1);
      await new WasmKernelRunner(mem).run(compileGemm(o, target), [px!, pw!, pb!, py], l.uniforms, l.grid);
      return Array.from(mem.read(py, 4));
    }));
    expect(results[0]).toEqual([0, 0, 0, 0]);
    const fused = relaxedMaddFuses();
    expect(results[1]).toEqual(new Array(4).fill(fused ? 2 ** -24 : 0));
    process.stderr.write(`relaxed-SIMD GEMM on this host: ${fused ? 'fused' : 'not fused'}\n`);
  });

  it('plain bias epilogue stores whole vec4s: y = x · wt + bias (rows = 13, 8 → 32)', async () => {
    const o: GemmOptions = { kind: 'vec4', inFeatures: 8, outFeatures: 32, epilogue: 'bias', rm: 4, rv: 2, workgroupSize: 1 };
    const rows = 13;
    const d = twoGemmCase(1, 8, rows, 99);
    const wt = d.w1t; // [8, 32]
    const bias = d.b1; // [32]
    const mem = new LinearMemory();
    const px = mem.put(d.m);
    const pw = mem.put(wt);
    const pb = mem.put(bias);
    const py = mem.output(rows * 32 + 8, true);
    const l = gemmLaunch(o, rows);
    await new WasmKernelRunner(mem).run(compileGemm(o, ASSEMBLYSCRIPT), [px, pw, pb, py], l.uniforms, l.grid);
    const got = mem.read(py, rows * 32 + 8);
    const want = new Float64Array(rows * 32);
    for (let r = 0; r < rows; r++) for (let j = 0; j < 32; j++) {
      let a = bias[j]!;
      for (let k = 0; k < 8; k++) a += d.m[r * 8 + k]! * wt[k * 32 + j]!;
      want[r * 32 + j] = a;
    }
    expect(relativeL2Error(got.subarray(0, rows * 32), want)).toBeLessThan(1e-6);
    // Nothing past the last row is written (clamped rows read, never store).
    expect(Array.from(got.subarray(rows * 32)).every(Number.isNaN)).toBe(true);
  });

  it('covers more than 65535 row tiles (the rest continue along z): 65540 rows, 1 row per invocation', async () => {
    const o: GemmOptions = { kind: 'vec4', inFeatures: 1, outFeatures: 4, epilogue: 'bias', rm: 1, rv: 1, workgroupSize: 1 };
    const rows = 65540;
    const l = gemmLaunch(o, rows);
    expect(l.grid).toEqual([65535, 1, 2]);
    const mem = new LinearMemory();
    const xs = Float32Array.from({ length: rows }, (_, i) => i % 1000);
    const px = mem.put(xs);
    const pw = mem.put(new Float32Array([1, 2, 3, 4]));
    const pb = mem.put(new Float32Array([0.5, 0.5, 0.5, 0.5]));
    const py = mem.output(rows * 4 + 4, true);
    await new WasmKernelRunner(mem).run(compileGemm(o, ASSEMBLYSCRIPT), [px, pw, pb, py], l.uniforms, l.grid);
    const got = mem.read(py, rows * 4 + 4);
    const bad = xs.findIndex((x, r) => [1, 2, 3, 4].some((w, j) => got[r * 4 + j] !== x * w + 0.5));
    expect(bad).toBe(-1);
    expect(Array.from(got.subarray(rows * 4)).every(Number.isNaN)).toBe(true);
  });

  it('GELU on 4 lanes (rational erf, no exp) is within 1e-6·max(1, |x|) of float64 GELU on [-12, 12] and exact at ±inf limits', async () => {
    // K = 1, wt = 1, bias = 0: y[r, j] = GELU(x[r]) for each of the 4 columns.
    const o: GemmOptions = { kind: 'vec4', inFeatures: 1, outFeatures: 4, epilogue: 'bias-gelu', rm: 8, rv: 1, workgroupSize: 1 };
    const xs = Float32Array.from({ length: 24001 }, (_, i) => -12 + i * 0.001);
    const mem = new LinearMemory();
    const px = mem.put(xs);
    const pw = mem.put(new Float32Array([1, 1, 1, 1]));
    const pb = mem.put(new Float32Array(4));
    const py = mem.output(xs.length * 4, true);
    const l = gemmLaunch(o, xs.length);
    await new WasmKernelRunner(mem).run(compileGemm(o, ASSEMBLYSCRIPT), [px, pw, pb, py], l.uniforms, l.grid);
    const got = mem.read(py, xs.length * 4);
    let worst = 0;
    xs.forEach((x, r) => {
      const want = 0.5 * x * (1 + erf64(x / Math.SQRT2));
      for (let j = 0; j < 4; j++) worst = Math.max(worst, Math.abs(got[r * 4 + j]! - want) / Math.max(1, Math.abs(x)));
    });
    expect(worst).toBeLessThan(1e-6);
    expect(got[0]).toBe(-0); // GELU(-12) underflows to -0 (erf clamps to -1 exactly)
    expect(got[xs.length * 4 - 1]).toBeCloseTo(12, 6);
  });
});

describe('vec4f in the AssemblyScript renderer', () => {
  const kernel = (body: Stmt[], wg = 1): KernelIR => finishKernel({
    name: 'v', workgroupSize: wg, buffers: [{ name: 'a', access: 'read', elem: 'f32' }, { name: 'b', access: 'read_write', elem: 'f32' }],
    uniforms: [], shared: [], body, doc: [],
  });

  it('prints SIMD loads, splats, lane-wise arithmetic and lane reads', () => {
    const b = new BlockBuilder();
    const v = b.let('v', mul(loadVec4('a', u32(4)), splat(load('a', u32(0)))));
    const s = b.let('s', load('a', u32(1)));
    b.store('b', u32(0), add(v, splat(s)));
    b.store('b', u32(4), lane(v, 3));
    const src = renderAssemblyScript(kernel(b.stmts));
    expect(src).toContain('load<v128>(');
    // A splat of a load is one load-and-broadcast; of any other value, f32x4.splat.
    expect(src).toContain('v128.load32_splat(__p_a + ((<usize><u32>(0)) << 2))');
    expect(src).toContain('f32x4.splat(s)');
    expect(src).toContain('f32x4.mul(');
    expect(src).toContain('store<v128>(');
    expect(src).toContain('f32x4.extract_lane(v, 3)');
  });

  it('rejects what it cannot print with a clear error: select on vec4f, a vec4f live across a barrier, vec4f comparisons and mixed operands', () => {
    const s = new BlockBuilder();
    const v = s.let('v', loadVec4('a', u32(0)));
    s.store('b', u32(0), select(lt(builtin('local_index'), u32(2)), v, v));
    expect(() => makeArtifact(kernel(s.stmts), ASSEMBLYSCRIPT, {})).toThrow(/select on vec4f is not supported/);

    const c = new BlockBuilder();
    const w = c.let('w', loadVec4('a', builtin('local_index')));
    c.barrier();
    c.store('b', builtin('local_index'), lane(w, 0));
    expect(() => makeArtifact(kernel(c.stmts, 4), ASSEMBLYSCRIPT, {})).toThrow(/vec4f value "w" is live across a barrier/);

    expect(() => lt(loadVec4('a', u32(0)), loadVec4('a', u32(4)))).toThrow(/< on vec4f/);
    expect(() => mul(loadVec4('a', u32(0)), f32(2))).toThrow(/\* on vec4f and f32/);
  });
});
