import erf from '@stdlib/math-base-special-erf';
import { describe, expect, it } from 'vitest';
import { makeArtifact, type KernelArtifact } from '../compiler/artifact.js';
import { NotSupportedError } from '../compiler/errors.js';
import {
  BlockBuilder, add, builtin, call, cast, div, f32, finishKernel, ge, load, lt, mod, mul, select, sub, u32, uniform,
} from '../compiler/ir/build.js';
import type { BufferDecl, KernelIR, SharedDecl, UniformField } from '../compiler/ir/ir.js';
import { ERF_MAX_ABS_ERROR, erf as erfIR } from '../compiler/ir/math.js';
import { renderAssemblyScript } from '../compiler/render/assemblyscript.js';
import { runKernel } from '../compiler/ir/interpret.js';
import { denseMatmulKernel } from '../kernels/baselines/dense-matmul.js';
import { compileNeoCellBackward, compileNeoCellForward } from '../kernels/neocell/compile.js';
import { planNeoCell } from '../compiler/plan/neocell-plan.js';
import { specFromCode } from '../compiler/spec/neocell-spec.js';
import { splitAtBarriers } from '../compiler/render/workgroup-split.js';
import type { Grid, UniformValues } from '../compiler/launch.js';
import { LinearMemory } from '../runtime/wasm/linear-memory.js';
import { WasmKernelRunner } from '../runtime/wasm/wasm-kernels.js';
import { KernelCompileError } from '../compiler/kernel-error.js';
import { ASSEMBLYSCRIPT, WGSL } from '../compiler/targets/index.js';

const IN: BufferDecl = { name: 'src', access: 'read', elem: 'f32' };
const OUT: BufferDecl = { name: 'dst', access: 'read_write', elem: 'f32' };

function kernel(name: string, body: BlockBuilder, o: { wg?: number; uniforms?: UniformField[]; shared?: SharedDecl[]; buffers?: BufferDecl[] } = {}): KernelIR {
  return finishKernel({
    name, workgroupSize: o.wg ?? 4, buffers: o.buffers ?? [IN, OUT], uniforms: o.uniforms ?? [], shared: o.shared ?? [], body: body.stmts, doc: [`neocc ${name}: test`],
  });
}

/** Compiles `ir` for wasm, runs it over `grid` on `input`, returns `outLength` outputs (NaN where never written). */
async function run(ir: KernelIR, input: readonly number[], outLength: number, uniforms: UniformValues, grid: Grid): Promise<{ out: Float32Array; artifact: KernelArtifact }> {
  const artifact = makeArtifact(ir, ASSEMBLYSCRIPT, { test: ir.name });
  const memory = new LinearMemory();
  const src = memory.put(Float32Array.from(input));
  const dst = memory.output(outLength, true);
  await new WasmKernelRunner(memory).run(artifact, [src, dst], uniforms, grid);
  return { out: memory.read(dst, outLength), artifact };
}

describe('AssemblyScript renderer', () => {
  it('renders if / for / return / select / min / casts / erf / division by a run-time zero, and computes them', async () => {
    // dst[e] for e = wid.x * 4 + lidx < n: sum_{j < e % 3} src[j] + select(…) + erf(src[e]) + (e / zero), others untouched.
    const b = new BlockBuilder();
    const e = b.let('e', add(mul(builtin('workgroup_id.x'), u32(4)), builtin('local_index')));
    b.if(ge(e, uniform('n')), (r) => r.return());
    const acc = b.var('acc', f32(0));
    b.for('j', u32(0), mod(e, u32(3)), (t, j) => {
      // A return inside a loop must end only this invocation, not the workgroup.
      t.if(ge(j, u32(5)), (r) => r.return());
      t.assign(acc.name, add(acc.ref, load('src', j)));
    });
    const x = b.let('x', load('src', e));
    const picked = select(lt(x, f32(0)), f32(-10), call('min', x, f32(0.25)));
    const q = cast('f32', div(e, uniform('zero')));
    b.store('dst', e, add(add(add(acc.ref, picked), erfIR(b, x)), add(q, cast('f32', call('max', sub(u32(9), e), u32(3))))));
    const ir = kernel('mixed', b, { uniforms: [{ name: 'n', type: 'u32' }, { name: 'zero', type: 'u32' }] });
    const input = [0.5, -0.3, 1.7, 0.01, -2.2, 3.5, 0.2, -0.7, 0.9, 6.5];
    const { out, artifact } = await run(ir, input, 12, { n: 10, zero: 0 }, [3, 1, 1]);
    expect(artifact.source).toContain('__udiv(');
    expect(artifact.source).not.toContain('erf('); // erf is IR arithmetic: no helper function
    input.forEach((v, i) => {
      const xf = Math.fround(v);
      let want = 0;
      for (let j = 0; j < i % 3; j++) want += Math.fround(input[j]!);
      want += xf < 0 ? -10 : Math.min(xf, 0.25);
      want += erf(xf) + i /* WGSL: i / 0 = i */ + Math.max(9 - i, 3);
      expect(out[i], `element ${i}`).toBeCloseTo(want, 5);
    });
    expect(Number.isNaN(out[10]) && Number.isNaN(out[11])).toBe(true); // e >= n returned before storing
  });

  it('computes the IR erf (compiler/ir/math.ts) within its stated bound of @stdlib/math-base-special-erf over [-7, 7]', async () => {
    const b = new BlockBuilder();
    const e = b.let('e', add(mul(builtin('workgroup_id.x'), u32(64)), builtin('local_index')));
    b.store('dst', e, erfIR(b, load('src', e)));
    const xs = Array.from({ length: 64 * 64 }, (_, i) => Math.fround(-7 + (14 * i) / (64 * 64 - 1)));
    xs.push(0, 1e-30, -1e-7, 0.4999, 0.5, 0.5001);
    while (xs.length % 64 !== 0) xs.push(0);
    const { out } = await run(kernel('erf_table', b, { wg: 64 }), xs, xs.length, {}, [xs.length / 64, 1, 1]);
    let worst = 0;
    xs.forEach((x, i) => {
      worst = Math.max(worst, Math.abs(out[i]! - erf(x)));
    });
    expect(worst).toBeLessThan(ERF_MAX_ABS_ERROR);
  });

  it('renames IR names that would clash with AssemblyScript keywords or builtins (min, load, type)', async () => {
    const b = new BlockBuilder();
    const min = b.let('min', add(mul(builtin('workgroup_id.x'), u32(4)), builtin('local_index')));
    const load_ = b.let('load', call('min', load('src', min), f32(2)));
    const type = b.var('type', load_);
    b.assign(type.name, add(type.ref, f32(1)));
    b.store('dst', min, type.ref);
    const { out, artifact } = await run(kernel('clash', b), [0, 1, 2, 3, 4, 5, 6, 7], 8, {}, [2, 1, 1]);
    expect(artifact.source).toContain('const __v_min: u32');
    expect(Array.from(out)).toEqual([1, 2, 3, 3, 3, 3, 3, 3]);
  });

  it('splits a kernel at a uniform barrier, so workgroup memory written before it is read after it', async () => {
    // Reverse each workgroup's 8 elements through workgroup memory.
    const wg = 8;
    const b = new BlockBuilder();
    const base = b.let('base', mul(builtin('workgroup_id.x'), u32(wg)));
    b.store('tile', builtin('local_index'), load('src', add(base, builtin('local_index'))));
    b.barrier();
    b.store('dst', add(base, builtin('local_index')), load('tile', sub(u32(wg - 1), builtin('local_index'))));
    const ir = kernel('reverse', b, { wg, shared: [{ name: 'tile', elem: 'f32', length: wg }] });
    expect(splitAtBarriers(ir).segments).toBe(2);
    const input = Array.from({ length: 24 }, (_, i) => i);
    const { out } = await run(ir, input, 24, {}, [3, 1, 1]);
    expect(Array.from(out)).toEqual([7, 6, 5, 4, 3, 2, 1, 0, 15, 14, 13, 12, 11, 10, 9, 8, 23, 22, 21, 20, 19, 18, 17, 16]);
  });

  it('carries per-invocation values across barriers: a tiled matmul with shared-memory staging (accumulators live across)', async () => {
    for (const tile of [{ staging: 'shared', tm: 8, tn: 8, tk: 8, rm: 1, rn: 1 }, { staging: 'shared', tm: 16, tn: 16, tk: 16, rm: 2, rn: 2 }] as const) {
      const ir = denseMatmulKernel(tile);
      const split = splitAtBarriers(ir);
      expect(split.carrySlots).toBeGreaterThan(0);
      const artifact = makeArtifact(ir, ASSEMBLYSCRIPT, { tile });
      expect(artifact.scratchBytes).toBe(4 * (tile.tm * tile.tk + tile.tk * tile.tn) + 4 * split.carrySlots * ir.workgroupSize);
      const [m, n, k, planes] = [13, 11, 21, 2];
      const lhs = Float32Array.from({ length: planes * m * k }, (_, i) => Math.sin(i));
      const rhs = Float32Array.from({ length: planes * k * n }, (_, i) => Math.cos(i * 0.7));
      const memory = new LinearMemory();
      const ptrs = [memory.put(lhs), memory.put(rhs), memory.output(planes * m * n, true)];
      await new WasmKernelRunner(memory).run(artifact, ptrs, { m, n, k, lhs_mod: planes, rhs_mod: planes },
        [Math.ceil(n / tile.tn), Math.ceil(m / tile.tm), planes]);
      const out = memory.read(ptrs[2]!, planes * m * n);
      for (let p = 0; p < planes; p++) {
        for (let i = 0; i < m; i++) {
          for (let j = 0; j < n; j++) {
            let want = 0;
            for (let q = 0; q < k; q++) want += lhs[(p * m + i) * k + q]! * rhs[(p * k + q) * n + j]!;
            expect(out[(p * m + i) * n + j], `${tile.tm} plane ${p} (${i}, ${j})`).toBeCloseTo(want, 4);
          }
        }
      }
    }
  });

  it('bakes the spec, not the shapes: one AssemblyScript source and key for every batch and resolution', () => {
    const spec = specFromCode('4+7', 24, 1);
    const sources = [[1, 24, 56, 56], [3, 24, 14, 9]].map((shape) => {
      planNeoCell(spec, shape); // both shapes are valid for the spec; nothing about them reaches the compiler
      return [compileNeoCellForward(spec, ASSEMBLYSCRIPT), ...Object.values(compileNeoCellBackward(spec, ASSEMBLYSCRIPT))];
    });
    expect(sources[0]!.map((a) => a.source)).toEqual(sources[1]!.map((a) => a.source));
    expect(sources[0]!.map((a) => a.key)).toEqual(sources[1]!.map((a) => a.key));
    // …and the target is part of the key: the WGSL kernel of the same spec has another.
    expect(compileNeoCellForward(spec, WGSL).key).not.toBe(sources[0]![0]!.key);
  });

  it('refuses barriers it cannot split with a clear "not supported" error', () => {
    const shared = [{ name: 'tile', elem: 'f32', length: 4 } as const];
    // 1. A barrier under a condition that differs between invocations.
    const b1 = new BlockBuilder();
    b1.if(lt(builtin('local_index'), u32(2)), (t) => t.barrier());
    expect(() => renderAssemblyScript(kernel('divergent', b1, { shared }))).toThrow(NotSupportedError);
    expect(() => renderAssemblyScript(kernel('divergent', b1, { shared }))).toThrow(/^not supported: barrier in AssemblyScript kernels where an if condition differs/);
    // 2. An invocation that may return before a later barrier-separated part.
    const b3 = new BlockBuilder();
    b3.if(lt(builtin('local_index'), u32(2)), (t) => t.return());
    b3.store('tile', builtin('local_index'), f32(1));
    b3.barrier();
    b3.store('dst', builtin('local_index'), load('tile', u32(0)));
    expect(() => renderAssemblyScript(kernel('early', b3, { shared }))).toThrow(/may return early/);
  });

  it('walks affine access streams of a loop with cursors (loop strength reduction) and computes what the interpreter does', async () => {
    // Invocation e: for j = e % 2, e % 2 + 2, … < n: acc += 2·src[3j + e + 1] + src[3j + e] (one stream, two offsets),
    // + src[5e + j] when j < 4 (a conditional stream), + src[j + i] for i < m (a nested loop: the inner loop's
    // stream), + src[q + j] with q a var the loop assigns (not affine: no cursor); aux[10e + j] = acc (a store stream).
    const AUX: BufferDecl = { name: 'aux', access: 'read_write', elem: 'f32' };
    const b = new BlockBuilder();
    const e = b.let('e', add(mul(builtin('workgroup_id.x'), u32(4)), builtin('local_index')));
    const acc = b.var('acc', f32(0));
    const q = b.var('q', u32(0));
    b.for('j', mod(e, u32(2)), uniform('n'), (t, j) => {
      const at = t.let('t', add(mul(j, u32(3)), e));
      t.assign(acc.name, add(acc.ref, add(mul(load('src', add(at, u32(1))), f32(2)), load('src', at))));
      t.if(lt(j, u32(4)), (c) => c.assign(acc.name, add(acc.ref, load('src', add(mul(e, u32(5)), j)))));
      t.for('i', u32(0), uniform('m'), (inner, i) => inner.assign(acc.name, add(acc.ref, load('src', add(j, i)))));
      t.assign(acc.name, add(acc.ref, load('src', add(q.ref, j))));
      t.assign(q.name, mod(add(q.ref, u32(7)), u32(5)));
      t.store('aux', add(mul(e, u32(10)), j), acc.ref);
    }, { step: u32(2) });
    b.store('dst', e, acc.ref);
    const uniforms = [{ name: 'n', type: 'u32' as const }, { name: 'm', type: 'u32' as const }];
    const ir = kernel('cursors', b, { wg: 4, uniforms, buffers: [IN, OUT, AUX] });
    const source = renderAssemblyScript(ir);
    // Three outer streams (src[3j + e + …], src[5e + j], aux[10e + j]) and the inner loop's src[j + i].
    expect(source.match(/let __c\d+: usize = /g)).toHaveLength(4);
    expect(source).toMatch(/__c\d+ \+= 24;/); // 3 elements per j, step 2
    expect(source).toMatch(/load<f32>\(__c\d+, 4\)/); // src[3j + e + 1]: the stream's cursor plus one element
    expect(source).toMatch(/load<f32>\(__p_src \+ \(\(<usize>\(q \+ j\)\) << 2\)\)/); // q changes in the loop: computed

    const input = Float32Array.from({ length: 64 }, (_, i) => Math.sin(i + 0.5));
    const [n, m, invocations] = [9, 3, 8];
    const memory = new LinearMemory();
    const ptrs = [memory.put(input), memory.output(invocations, true), memory.output(10 * invocations, true)];
    await new WasmKernelRunner(memory).run(makeArtifact(ir, ASSEMBLYSCRIPT, { test: 'cursors' }), ptrs, { n, m }, [2, 1, 1]);
    const want = { src: input, dst: new Float32Array(invocations).fill(Number.NaN), aux: new Float32Array(10 * invocations).fill(Number.NaN) };
    runKernel(ir, { buffers: want, uniforms: { n, m }, grid: [2, 1, 1] });
    expect(Array.from(memory.read(ptrs[1]!, invocations))).toEqual(Array.from(want.dst));
    expect(Array.from(memory.read(ptrs[2]!, 10 * invocations))).toEqual(Array.from(want.aux));
  });

  it('a loop whose counter only fed cursor addresses runs as a do-while on its first cursor; one that reads it keeps it', async () => {
    // dst[e] = Σ_{j < 40} src[e + 2j] (j only in the address: counted by the cursor), aux[e] = Σ_j j·src[e + 2j] (j read).
    const AUX: BufferDecl = { name: 'aux', access: 'read_write', elem: 'f32' };
    const b = new BlockBuilder();
    const e = b.let('e', builtin('local_index'));
    const sum = b.var('sum', f32(0));
    b.for('j', u32(0), u32(40), (t, j) => {
      const at = t.let('at', add(e, mul(j, u32(2))));
      t.assign(sum.name, add(sum.ref, load('src', at)));
    });
    b.store('dst', e, sum.ref);
    const weighted = b.var('weighted', f32(0));
    b.for('i', u32(0), u32(40), (t, i) => t.assign(weighted.name, add(weighted.ref, mul(cast('f32', i), load('src', add(e, mul(i, u32(2))))))));
    b.store('aux', e, weighted.ref);
    const ir = kernel('counted', b, { wg: 4, buffers: [IN, OUT, AUX] });
    const source = renderAssemblyScript(ir);
    expect(source).toContain('const __c0_end: usize = __c0 + 320;'); // 40 iterations of 8 bytes
    expect(source).toContain('} while (__c0 != __c0_end);');
    expect(source).not.toContain('const at: u32'); // only the replaced address read it
    expect(source).toMatch(/for \(let i: u32 = <u32>\(0\); i < <u32>\(40\); i \+= <u32>\(1\)\) \{/);
    const input = Float32Array.from({ length: 84 }, (_, i) => Math.cos(i));
    const memory = new LinearMemory();
    const ptrs = [memory.put(input), memory.output(4, true), memory.output(4, true)];
    await new WasmKernelRunner(memory).run(makeArtifact(ir, ASSEMBLYSCRIPT, { test: 'counted' }), ptrs, {}, [1, 1, 1]);
    const want = { src: input, dst: new Float32Array(4), aux: new Float32Array(4) };
    runKernel(ir, { buffers: want, uniforms: {}, grid: [1, 1, 1] });
    expect(Array.from(memory.read(ptrs[1]!, 4))).toEqual(Array.from(want.dst));
    expect(Array.from(memory.read(ptrs[2]!, 4))).toEqual(Array.from(want.aux));
  });

  it('reports a kernel asc rejects with its log, key and numbered source', async () => {
    const b = new BlockBuilder();
    b.store('dst', u32(0), { k: 'ref', type: 'f32', name: 'undefined_name' });
    const error = await run(kernel('broken', b), [0], 1, {}, [1, 1, 1]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KernelCompileError);
    const message = (error as Error).message;
    expect(message).toContain('kernel broken');
    expect(message).toMatch(/undefined_name/);
    expect(message).toMatch(/\n\s*\d+ \| export function broken\(/);
  });
});
