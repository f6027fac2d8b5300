import erf64 from '@stdlib/math-base-special-erf';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  BlockBuilder, add, bin, builtin, cast, div, f32, finishKernel, i32, lane, load, loadVec4, lt, mod, mul, select, splat, sub, u32, uniform,
} from '../compiler/ir/build.js';
import type { Expr, KernelIR, Stmt } from '../compiler/ir/ir.js';
import { runKernel } from '../compiler/ir/interpret.js';
import { ERF_MAX_ABS_ERROR, erf } from '../compiler/ir/math.js';
import { ASSEMBLYSCRIPT, ASSEMBLYSCRIPT_RELAXED_SIMD, WGSL, type KernelTarget } from '../compiler/targets/index.js';
import { backwardBaked, forwardBaked } from '../kernels/neocell/compile.js';
import { foldBlock } from '../nn/fold-neonext.js';
import { concatTensors, relativeL2Error, type Tensor } from '../nn/tensor.js';
import { readGoldenCase, type BlockCase, type NeoCellCase } from '../runtime/conformance/golden-case.js';
import { listGoldenCases } from '../runtime/conformance/run-conformance.js';
import { blockKernels, modelKernels, type BlockKernels } from '../schedule/model-kernels.js';
import { neoCellBackwardProgram, neoCellForwardProgram } from '../schedule/neocell.js';
import { interpretProgram } from './helpers/interpret-program.js';
import { readFixture } from './helpers/fixtures.js';
import { neoNeXtSchema } from '../compiler/spec/neonext-state-dict.js';
import { foldNeoNeXt } from '../nn/fold-neonext.js';
import { neoNeXtParams } from '../nn/neonext-params.js';
import { resolveModelConfig } from '../runtime/model/resolve-config.js';
import { loadStateDict } from '../runtime/weights/state-dict.js';
import { blockProgram, blockWeights, modelForwardProgram, modelWeights } from '../schedule/neonext.js';
import { parseSafetensors } from '../runtime/weights/safetensors.js';

// The IR interpreter (compiler/ir/interpret.ts): its semantics on small kernels, then the real kernels' IR on the
// upstream golden data — conformance of exactly what the renderers print, without a GPU or asc.

const kernel = (name: string, body: readonly Stmt[], o: Partial<KernelIR> = {}): KernelIR => finishKernel({
  name, workgroupSize: 4, doc: [], shared: [], uniforms: [], body,
  buffers: [{ name: 'src', access: 'read', elem: 'f32' }, { name: 'dst', access: 'read_write', elem: 'f32' }], ...o,
});
const lidx = builtin('local_index');
const nanArray = (n: number): Float32Array => new Float32Array(n).fill(Number.NaN);

describe('IR interpreter semantics', () => {
  it('honours barriers: every invocation writes workgroup memory before any reads a neighbour\'s element', () => {
    const b = new BlockBuilder();
    b.for('round', u32(0), u32(2), (s, r) => {
      s.store('tile', lidx, add(load('src', add(mul(builtin('workgroup_id.x'), u32(4)), lidx)), cast('f32', r)));
      s.barrier();
      s.store('dst', add(mul(add(mul(builtin('workgroup_id.x'), u32(2)), r), u32(4)), lidx), load('tile', mod(add(lidx, u32(1)), u32(4))));
      // Without this barrier the next round's writes would race with this round's reads.
      s.barrier();
    }, { unrollLimit: 0 });
    const ir = kernel('rotate', b.stmts, { shared: [{ name: 'tile', elem: 'f32', length: 4 }] });
    const dst = nanArray(16);
    runKernel(ir, { buffers: { src: Float32Array.of(1, 2, 3, 4, 5, 6, 7, 8), dst }, uniforms: {}, grid: [2, 1, 1] });
    expect(Array.from(dst)).toEqual([2, 3, 4, 1, 3, 4, 5, 2, 6, 7, 8, 5, 7, 8, 9, 6]);
  });

  it('starts each workgroup with uninitialized (NaN) workgroup memory', () => {
    const b = new BlockBuilder();
    b.if(lt(builtin('workgroup_id.x'), u32(1)), (t) => t.store('tile', lidx, f32(1)));
    b.barrier();
    b.store('dst', add(mul(builtin('workgroup_id.x'), u32(4)), lidx), load('tile', lidx));
    const dst = new Float32Array(8);
    runKernel(kernel('fresh', b.stmts, { shared: [{ name: 'tile', elem: 'f32', length: 4 }] }), { buffers: { src: new Float32Array(1), dst }, uniforms: {}, grid: [2, 1, 1] });
    expect(Array.from(dst.subarray(0, 4))).toEqual([1, 1, 1, 1]);
    expect(Array.from(dst.subarray(4)).every(Number.isNaN)).toBe(true);
  });

  it('integer division and remainder by zero as WGSL (x / 0 = x, x % 0 = 0, MIN / -1 = MIN), truncating, u32 and i32', () => {
    const zero = uniform('zero');
    const izero = cast('i32', zero);
    const minusOne = sub(izero, i32(1));
    const min32 = cast('i32', uniform('min'));
    const results: Expr[] = [
      div(u32(7), zero), mod(u32(7), zero), div(u32(7), add(zero, u32(2))), mod(u32(7), add(zero, u32(2))),
      cast('u32', div(add(izero, i32(-7)), i32(0 + 2))), cast('u32', mod(add(izero, i32(-7)), add(izero, i32(2)))),
      cast('u32', div(add(izero, i32(-7)), izero)), cast('u32', mod(add(izero, i32(-7)), izero)),
      cast('u32', div(min32, minusOne)), cast('u32', mod(min32, minusOne)),
    ];
    const ir = kernel('divide', results.map((value, i) => ({ k: 'store', memory: 'out', index: u32(i), value }) as Stmt), {
      workgroupSize: 1, buffers: [{ name: 'out', access: 'read_write', elem: 'u32' }],
      uniforms: [{ name: 'zero', type: 'u32' }, { name: 'min', type: 'u32' }],
    });
    const out = new Uint32Array(results.length);
    runKernel(ir, { buffers: { out }, uniforms: { zero: 0, min: 0x80000000 }, grid: [1, 1, 1] });
    const bits = (v: number): number => v >>> 0;
    expect(Array.from(out)).toEqual([7, 0, 3, 1, bits(-3), bits(-1), bits(-7), 0, 0x80000000, 0]);
  });

  it('u32 wraps modulo 2^32, i32 <-> u32 casts keep the bits, f32 -> integer truncates and saturates, f32 rounds every operation', () => {
    const z = uniform('zero');
    const results: Expr[] = [
      sub(z, u32(1)), mul(add(z, u32(0x80000000)), u32(2)), mul(add(z, u32(0xffffffff)), u32(0xffffffff)), add(add(z, u32(0xffffffff)), u32(2)),
      cast('u32', cast('i32', sub(z, u32(1)))), cast('u32', cast('f32', add(z, u32(16777217)))),
      cast('u32', mul(cast('f32', z), f32(1)) /* 0 */), cast('u32', f32Neg(5.5)), cast('u32', add(cast('f32', z), f32(1e20))), cast('u32', add(cast('f32', z), f32(3.9))),
      cast('u32', cast('i32', add(cast('f32', z), f32(-3.9)))), cast('u32', cast('i32', add(cast('f32', z), f32(-1e20)))),
      cast('u32', add(add(cast('f32', z), f32(16777216)), f32(1))),
    ];
    function f32Neg(v: number): Expr {
      return sub(cast('f32', z), f32(v));
    }
    const ir = kernel('wrap', results.map((value, i) => ({ k: 'store', memory: 'out', index: u32(i), value }) as Stmt), {
      workgroupSize: 1, buffers: [{ name: 'out', access: 'read_write', elem: 'u32' }], uniforms: [{ name: 'zero', type: 'u32' }],
    });
    const out = new Uint32Array(results.length);
    runKernel(ir, { buffers: { out }, uniforms: { zero: 0 }, grid: [1, 1, 1] });
    expect(Array.from(out)).toEqual([
      0xffffffff, 0, 1, 1,
      0xffffffff, 16777216,
      0, 0, 4294967040, 3,
      (-3 >>> 0), 0x80000000,
      16777216,
    ]);
  });

  it('select picks ifTrue when cond holds, but evaluates both arms (an out-of-bounds unselected arm faults)', () => {
    const pick = kernel('pick', [{ k: 'store', memory: 'dst', index: lidx, value: select(lt(lidx, u32(2)), f32(10), load('src', lidx)) }]);
    const dst = nanArray(4);
    runKernel(pick, { buffers: { src: Float32Array.of(1, 2, 3, 4), dst }, uniforms: {}, grid: [1, 1, 1] });
    expect(Array.from(dst)).toEqual([10, 10, 3, 4]);
    const guarded = kernel('guarded', [{ k: 'store', memory: 'dst', index: lidx, value: select(lt(lidx, u32(2)), load('src', lidx), f32(0)) }]);
    expect(() => runKernel(guarded, { buffers: { src: Float32Array.of(1, 2), dst }, uniforms: {}, grid: [1, 1, 1] }))
      .toThrow(/interpret guarded: load from "src" at index 2 is out of bounds \(length 2\)/);
  });

  it('vec4f: loads 4 consecutive elements, works lane-wise with f32 rounding, stores 4 elements; aligned accesses are checked', () => {
    const b = new BlockBuilder();
    const v = b.let('v', mul(loadVec4('src', mul(lidx, u32(4)), { aligned: true }), splat(f32(3))));
    b.store('dst', mul(lidx, u32(4)), add(v, splat(load('src', u32(0)))), { aligned: true });
    b.store('dst', add(u32(16), lidx), lane(v, 3));
    const src = Float32Array.from({ length: 16 }, (_, i) => i + 0.1);
    const dst = nanArray(20);
    runKernel(kernel('lanes', b.stmts), { buffers: { src, dst }, uniforms: {}, grid: [1, 1, 1] });
    const f = Math.fround;
    expect(Array.from(dst.subarray(0, 16))).toEqual(Array.from(src, (x) => f(f(x * 3) + src[0]!)));
    expect(Array.from(dst.subarray(16))).toEqual([3, 7, 11, 15].map((i) => f(src[i]! * 3)));
    const misaligned = kernel('misaligned', [{ k: 'store', memory: 'dst', index: add(lidx, u32(1)), value: loadVec4('src', u32(0)), aligned: true }]);
    expect(() => runKernel(misaligned, { buffers: { src, dst }, uniforms: {}, grid: [1, 1, 1] })).toThrow(/aligned vec4 store to "dst" at index 1, not a multiple of 4/);
  });

  it('return ends one invocation only, inside a loop too, and a returned invocation leaves later barriers', () => {
    const b = new BlockBuilder();
    b.if(bin('==', lidx, u32(1)), (t) => t.return());
    b.store('tile', lidx, f32(5));
    b.barrier();
    const acc = b.var('acc', f32(0));
    b.for('j', u32(0), u32(4), (s, j) => {
      s.if(bin('==', j, lidx), (t) => { t.store('dst', lidx, acc.ref); t.return(); });
      s.assign(acc.name, add(acc.ref, load('tile', j)));
    }, { unrollLimit: 0 });
    const dst = Float32Array.of(-1, -1, -1, -1);
    runKernel(kernel('leave', b.stmts, { shared: [{ name: 'tile', elem: 'f32', length: 4 }] }), { buffers: { src: new Float32Array(1), dst }, uniforms: {}, grid: [1, 1, 1] });
    // Invocation 1 returned before writing tile[1] (NaN): invocations 2 and 3 sum over it, 0 stops before it.
    expect(dst[0]).toBe(0);
    expect(dst[1]).toBe(-1);
    expect(Number.isNaN(dst[2]) && Number.isNaN(dst[3])).toBe(true);
  });

  it('faults name the kernel, the memory and the index; invocations at different barriers fault', () => {
    const oob = kernel('oob', [{ k: 'store', memory: 'dst', index: add(lidx, u32(2)), value: f32(1) }]);
    expect(() => runKernel(oob, { buffers: { src: new Float32Array(1), dst: new Float32Array(4) }, uniforms: {}, grid: [1, 1, 1] }))
      .toThrow(/interpret oob: store to "dst" at index 4 is out of bounds \(length 4\)/);
    const split = kernel('split', [{ k: 'if', cond: lt(lidx, u32(2)), then: [{ k: 'barrier' }], else: [{ k: 'barrier' }] }]);
    expect(() => runKernel(split, { buffers: { src: new Float32Array(1), dst: new Float32Array(1) }, uniforms: {}, grid: [1, 1, 1] })).toThrow(/reached different barriers/);
    expect(() => runKernel(oob, { buffers: { src: new Float32Array(1), dst: new Uint32Array(4) }, uniforms: {}, grid: [1, 1, 1] })).toThrow(/buffer "dst" holds f32/);
  });
});

describe('the IR erf (compiler/ir/math.ts), the one definition every target computes', () => {
  it(`is within ERF_MAX_ABS_ERROR = ${ERF_MAX_ABS_ERROR} of float64 erf for f32 and vec4f alike, exactly ±1 past ±4`, () => {
    const xs = Float32Array.from({ length: 1 << 16 }, (_, i) => -6 + (12 * i) / ((1 << 16) - 1));
    const b = new BlockBuilder();
    const at = b.let('at', add(mul(builtin('workgroup_id.x'), u32(64)), lidx));
    b.store('dst', at, erf(b, load('src', at)));
    const v = b.let('v', erf(b, loadVec4('src', mul(at, u32(4)))));
    for (let l = 0; l < 4; l++) b.store('dst4', add(mul(at, u32(4)), u32(l)), lane(v, l));
    const ir = kernel('erf_table', b.stmts, { workgroupSize: 64, buffers: [
      { name: 'src', access: 'read', elem: 'f32' }, { name: 'dst', access: 'read_write', elem: 'f32' }, { name: 'dst4', access: 'read_write', elem: 'f32' },
    ] });
    const dst = nanArray(xs.length);
    const dst4 = nanArray(4 * xs.length);
    const src = new Float32Array(4 * xs.length);
    src.set(xs);
    runKernel(ir, { buffers: { src, dst, dst4 }, uniforms: {}, grid: [xs.length / 64, 1, 1] });
    let worst = 0;
    xs.forEach((x, i) => { worst = Math.max(worst, Math.abs(dst[i]! - erf64(x))); });
    expect(worst).toBeLessThan(ERF_MAX_ABS_ERROR);
    expect(worst).toBeGreaterThan(1e-8); // the bound is tight, not vacuous
    expect(dst4.subarray(0, xs.length)).toEqual(dst); // vec4f lanes compute the same f32 function
    expect([dst[0], dst[xs.length - 1]]).toEqual([-1, 1]);
  });
});

// ---- golden conformance through the IR ----

function loadCases<T>(directory: string): Promise<T[]> {
  return listGoldenCases(directory).then((paths) => paths.map((p) => readGoldenCase(p.replace(/^.*\/|\.safetensors$/g, ''), parseSafetensors(readFileSync(p), p)) as T));
}

const flat = (ts: readonly Tensor[]): Float32Array => concatTensors(ts);
const TOLERANCE = 1e-5;

describe('NeoCell golden cases through the kernels\' IR: the schedule\'s programs, interpreted (rel. L2 <= 1e-5)', async () => {
  const cases = await loadCases<NeoCellCase>('test/fixtures/neocell');
  it('reads all 15 cases', () => expect(cases).toHaveLength(15));
  for (const c of cases) {
    it(`${c.name}: forward (WGSL's scalar kernel and wasm's SIMD kernel) and backward (dX, dA, dB; scalar and vec4 kernels)`, () => {
      const data = { x: Float32Array.from(c.x.data), weight_a: flat(c.weights.a), weight_b: flat(c.weights.b), grad_y: Float32Array.from(c.gradY.data) };
      for (const target of [WGSL, ASSEMBLYSCRIPT]) {
        const forward = neoCellForwardProgram(c.plan, target);
        expect(forwardBaked(forward.dispatches[0]!.artifact).simd === true).toBe(target.prefers.vec4Simd);
        const y = interpretProgram(forward, { data }).get('y')!;
        expect(relativeL2Error(y, c.y.data), `forward ${target.name}`).toBeLessThanOrEqual(TOLERANCE);
      }
      // Backward: WGSL's scalar kernels, wasm's vec4 ones (bwd_dt per 4 columns, dWa along W') and their fma form.
      for (const target of [WGSL, ASSEMBLYSCRIPT, ASSEMBLYSCRIPT_RELAXED_SIMD]) {
        const backward = neoCellBackwardProgram(c.plan, target);
        expect(backwardBaked(backward.dispatches[1]!.artifact).simd === true, target.description).toBe(target.prefers.vec4Simd);
        const grads = interpretProgram(backward, { data });
        expect(relativeL2Error(grads.get('grad_x')!, c.gradX.data), `gradX ${target.description}`).toBeLessThanOrEqual(TOLERANCE);
        expect(relativeL2Error(grads.get('grad_weight_a')!, flat(c.gradA)), `gradA ${target.description}`).toBeLessThanOrEqual(TOLERANCE);
        expect(relativeL2Error(grads.get('grad_weight_b')!, flat(c.gradB)), `gradB ${target.description}`).toBeLessThanOrEqual(TOLERANCE);
      }
    });
  }
});

/** A block as the runtimes run it: blockProgram for these kernels, interpreted. */
function runBlock(c: BlockCase, k: BlockKernels, target: KernelTarget): Float32Array {
  const weights = blockWeights('block', foldBlock(c.plan.spec, c.params), k);
  const data = { x: Float32Array.from(c.x.data), ...Object.fromEntries(weights.map((w) => [w.name, w.data])) };
  return interpretProgram(blockProgram(c.plan, k, target, weights), { data }).get('y')!;
}

describe('NeoNeXt block golden cases through the kernels\' IR (rel. L2 <= 1e-5)', async () => {
  const cases = await loadCases<BlockCase>('test/fixtures/block');
  it('reads both cases', () => expect(cases.map((c) => c.name)).toEqual(['block_k4p7_s1_c24_14x14', 'block_k7_s0_c16_7x7_nols']));
  for (const c of cases) {
    it(`${c.name}: register-tiled GEMMs (WGSL), SIMD GEMMs (wasm) and the fused MLP`, () => {
      const webgpu = blockKernels(c.plan, WGSL);
      const wasm = blockKernels(c.plan, ASSEMBLYSCRIPT);
      expect([webgpu.twoGemm.fc1Options.kind, wasm.twoGemm.fc1Options.kind]).toEqual(['registers', 'vec4']);
      expect(relativeL2Error(runBlock(c, webgpu, WGSL), c.y.data), 'registers').toBeLessThanOrEqual(TOLERANCE);
      expect(relativeL2Error(runBlock(c, wasm, ASSEMBLYSCRIPT), c.y.data), 'vec4').toBeLessThanOrEqual(TOLERANCE);
      const fma = blockKernels(c.plan, ASSEMBLYSCRIPT_RELAXED_SIMD);
      expect(fma.twoGemm.fc1Options).toMatchObject({ kind: 'vec4', fma: true });
      expect(relativeL2Error(runBlock(c, fma, ASSEMBLYSCRIPT_RELAXED_SIMD), c.y.data), 'vec4 fma').toBeLessThanOrEqual(TOLERANCE);
      expect(relativeL2Error(runBlock(c, blockKernels(c.plan, WGSL, 'fused'), WGSL), c.y.data), 'fused').toBeLessThanOrEqual(TOLERANCE);
    });
  }
});

describe('a whole NeoNeXt forward through the kernels\' IR', () => {
  // The model program both runtimes execute, run by the interpreter: the schedule is target-free.
  it('neonext-mini (batch 2): the WGSL and the WebAssembly kernel sets reach the golden logits and module outputs (rel. L2 <= 1e-4)', () => {
    const weights = readFixture('model/neonext-mini.safetensors');
    const golden = readFixture('model/neonext-mini.golden.safetensors');
    const config = resolveModelConfig({ resolution: 128 }, weights);
    const folded = foldNeoNeXt(config, neoNeXtParams(config, loadStateDict(weights, neoNeXtSchema(config))));
    const input = golden.tensor('input');
    // (The relaxed-SIMD record's set differs only by fma in the GEMMs, the stem and the head's Linear, which the
    // interpreter rounds as mul + add: the block cases above and test/simd-kernels.test.ts cover its IR; the wasm
    // tests run its whole model.)
    for (const target of [WGSL, ASSEMBLYSCRIPT]) {
      const kernels = modelKernels(config, target);
      const modelWeightList = modelWeights(folded, kernels);
      const program = modelForwardProgram(config, kernels, target, input.shape[0]!, modelWeightList);
      const seen: string[] = [];
      const out = interpretProgram(program, {
        data: { input: Float32Array.from(input.data), ...Object.fromEntries(modelWeightList.map((w) => [w.name, w.data])) },
        observe: (module, t) => {
          seen.push(module);
          if (golden.has(module)) expect(relativeL2Error(t.data, golden.tensor(module).data), `${target.name} ${module}`).toBeLessThanOrEqual(1e-4);
        },
      });
      expect(seen).toEqual(['stem', 'stage_1', 'downsample_1', 'stage_2', 'downsample_2', 'stage_3', 'downsample_3', 'stage_4', 'head']);
      expect(relativeL2Error(out.get('logits')!, golden.tensor('logits').data), target.name).toBeLessThanOrEqual(1e-4);
    }
  });
});
