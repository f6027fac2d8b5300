import { describe, expect, it } from 'vitest';
import { NeoccError } from '../compiler/errors.js';
import { BlockBuilder, add, builtin, cast, f32, finishKernel, i32, load, loadVec4, lt, ref, u32, uniform } from '../compiler/ir/build.js';
import type { BinaryOp, Expr, KernelIR, Stmt } from '../compiler/ir/ir.js';
import { cudaEntryPoint, renderCuda, shortestF32 } from '../compiler/render/cuda.js';
import { CUDA, targetByName } from '../compiler/targets/index.js';

/** A small kernel: a read f32 buffer, a read_write f32 buffer, a read u32 buffer, uniforms n (u32) and scale (f32). */
export function testKernel(body: readonly Stmt[], extra: Partial<KernelIR> = {}): KernelIR {
  return finishKernel({
    name: 'probe', workgroupSize: 128, doc: ['neocc probe: a hand-built kernel', 'second doc line'],
    buffers: [{ name: 'src', access: 'read', elem: 'f32' }, { name: 'dst', access: 'read_write', elem: 'f32' }, { name: 'ids', access: 'read', elem: 'u32' }],
    uniforms: [{ name: 'n', type: 'u32' }, { name: 'scale', type: 'f32' }],
    shared: [],
    body, ...extra,
  });
}
const lidx = builtin('local_index');
const store = (value: Expr, index: Expr = lidx, memory = 'dst'): Stmt => ({ k: 'store', memory, index, value });
const bin = (op: BinaryOp, a: Expr, b: Expr): Expr => ({ k: 'bin', type: a.type, op, a, b });
/** The kernel's body as printed (between the signature's `{` and the final `}`), whitespace-trimmed lines. */
const bodyOf = (source: string): string[] => {
  const lines = source.split('\n');
  const start = lines.findIndex((l) => l.startsWith('extern "C"'));
  return lines.slice(start + 1, lines.lastIndexOf('}')).map((l) => l.trim());
};

describe('CUDA renderer: kernel shape', () => {
  const ir = testKernel([store(bin('*', load('src', lidx), uniform('scale', 'f32'))), store(cast('f32', load('ids', uniform('n'), 'u32')), u32(0))]);
  const source = renderCuda(ir);
  const entry = cudaEntryPoint(ir);

  it('one extern "C" __global__ kernel with __launch_bounds__, pointers in binding order, the uniform struct by value', () => {
    expect(entry).toMatch(/^probe_[0-9a-f]{8}$/);
    expect(source).toContain(`extern "C" __global__ void __launch_bounds__(128) ${entry}(const float* __restrict__ src, float* __restrict__ dst, ` +
      `const unsigned int* __restrict__ ids, const ${entry}_Params nc_u) {`);
    // The struct comes before the kernel, fields in ir.uniforms order, in an include guard.
    expect(source).toContain(`#ifndef NEOCC_PARAMS_${entry}\n#define NEOCC_PARAMS_${entry}\nstruct ${entry}_Params {\n  unsigned int n;\n  float scale;\n};\n#endif`);
    expect(source.indexOf('struct')).toBeLessThan(source.indexOf('extern "C"'));
    expect(source.startsWith('// neocc probe: a hand-built kernel\n// second doc line\n')).toBe(true);
    expect(bodyOf(source)).toEqual(['dst[threadIdx.x] = (src[threadIdx.x] * nc_u.scale);', 'dst[0u] = __uint2float_rn(ids[nc_u.n]);']);
    expect(CUDA.entryPoint(ir)).toBe(entry);
  });

  it('no uniforms: no struct and no struct parameter; unused buffers are left unnamed', () => {
    const bare = testKernel([store(f32(1))], { uniforms: [] });
    const text = renderCuda(bare);
    expect(text).not.toContain('struct');
    expect(text).toContain(`(const float* __restrict__ /* src (unused) */, float* __restrict__ dst, const unsigned int* __restrict__ /* ids (unused) */) {`);
  });

  it('is pure: the same IR prints the same text; the entry point names the code', () => {
    const again = testKernel([store(bin('*', load('src', lidx), uniform('scale', 'f32'))), store(cast('f32', load('ids', uniform('n'), 'u32')), u32(0))]);
    expect(renderCuda(again)).toBe(source);
    expect(cudaEntryPoint(again)).toBe(entry);
    expect(cudaEntryPoint(testKernel([store(f32(-0))]))).not.toBe(cudaEntryPoint(testKernel([store(f32(0))])));
  });

  it('builtins: workgroup ids, local index, grid width', () => {
    const text = renderCuda(testKernel([store(f32(1), add(add(add(builtin('workgroup_id.x'), builtin('workgroup_id.y')), builtin('workgroup_id.z')), builtin('num_workgroups.x')))]));
    expect(bodyOf(text)).toEqual(['dst[(((blockIdx.x + blockIdx.y) + blockIdx.z) + gridDim.x)] = 1.0f;']);
  });

  it('workgroup arrays are 16-byte aligned __shared__ arrays; barriers are __syncthreads()', () => {
    const b = new BlockBuilder();
    b.store('tile', lidx, load('src', lidx));
    b.barrier();
    b.store('dst', lidx, load('tile', u32(0)));
    const text = renderCuda(testKernel(b.stmts, { shared: [{ name: 'tile', elem: 'f32', length: 256 }] }));
    expect(bodyOf(text)).toEqual(['__shared__ __align__(16) float tile[256];', 'tile[threadIdx.x] = src[threadIdx.x];', '__syncthreads();', 'dst[threadIdx.x] = tile[0u];']);
  });

  it('the record: name, extension, no binary, NVIDIA limits, GPU preferences', () => {
    expect(targetByName('cuda')).toBe(CUDA);
    expect([CUDA.sourceExtension, CUDA.binaryExtension, CUDA.limits.maxComputeInvocationsPerWorkgroup, CUDA.limits.maxComputeWorkgroupStorageSize,
      CUDA.limits.maxComputeWorkgroupsPerDimension, CUDA.prefers.vec4Simd, CUDA.prefers.gemm.family]).toEqual(['.cu', undefined, 1024, 49152, 65535, false, 'register-tiles']);
  });
});

describe('CUDA renderer: IR semantics', () => {
  const body = (stmts: readonly Stmt[]): string[] => bodyOf(renderCuda(testKernel(stmts)));
  const printed = (e: Expr): string => body([{ k: 'let', name: 'r', value: e }, store(cast('f32', ref('r', e.type)))])[0]!.replace(/^.*? r = (.*);$/, '$1');

  it('aligned vec4 loads and stores are one float4 access; unaligned ones gather and scatter 4 floats', () => {
    const aligned: Stmt = { k: 'store', memory: 'dst', index: u32(4), value: loadVec4('src', uniform('n'), { aligned: true }), aligned: true };
    expect(body([aligned])).toEqual(['*reinterpret_cast<float4*>(dst + 4u) = (*reinterpret_cast<const float4*>(src + nc_u.n));']);
    const text = renderCuda(testKernel([store(loadVec4('src', uniform('n')), u32(4))]));
    expect(bodyOf(text)).toEqual(['nc_scatter4(dst, 4u, nc_gather4(src, nc_u.n));']);
    expect(text).toContain('__device__ __forceinline__ float4 nc_gather4(const float* p, unsigned int i) { return make_float4(p[i], p[i + 1u], p[i + 2u], p[i + 3u]); }');
    expect(renderCuda(testKernel([aligned]))).not.toContain('nc_gather4');
  });

  it('vec4 arithmetic, splat, lanes and intrinsics through float4 helpers', () => {
    const v = loadVec4('src', u32(0), { aligned: true });
    const e: Expr = { k: 'call', type: 'vec4f', fn: 'fma', args: [bin('+', v, cast('vec4f', f32(2))), { k: 'neg', type: 'vec4f', a: v }, { k: 'call', type: 'vec4f', fn: 'sqrt', args: [v] }] };
    expect(body([store({ k: 'lane', type: 'f32', a: e, lane: 3 })])[0]).toBe('dst[threadIdx.x] = nc_fma4(nc_add4((*reinterpret_cast<const float4*>(src + 0u)), nc_splat4(2.0f)), ' +
      'nc_neg4((*reinterpret_cast<const float4*>(src + 0u))), nc_sqrt4((*reinterpret_cast<const float4*>(src + 0u)))).w;');
  });

  it('integer / and % go through the WGSL-rule helpers unless the divisor is a safe literal', () => {
    const n = uniform('n');
    expect(printed(bin('/', lidx, u32(4)))).toBe('(threadIdx.x / 4u)');
    expect(printed(bin('%', lidx, u32(3)))).toBe('(threadIdx.x % 3u)');
    expect(renderCuda(testKernel([store(cast('f32', bin('/', lidx, u32(4))))]))).not.toContain('nc_udiv');
    expect(printed(bin('/', lidx, n))).toBe('nc_udiv(threadIdx.x, nc_u.n)');
    expect(printed(bin('%', lidx, n))).toBe('nc_umod(threadIdx.x, nc_u.n)');
    expect(printed(bin('/', lidx, u32(0)))).toBe('nc_udiv(threadIdx.x, 0u)');
    const signed = cast('i32', lidx);
    expect(printed(bin('/', signed, i32(-1)))).toBe('nc_idiv(((int)(threadIdx.x)), (-1))');
    expect(printed(bin('%', signed, i32(3)))).toBe('(((int)(threadIdx.x)) % 3)');
    const text = renderCuda(testKernel([store(cast('f32', bin('/', lidx, n)))]));
    expect(text).toContain('__device__ __forceinline__ unsigned int nc_udiv(unsigned int a, unsigned int b) { return b == 0u ? a : a / b; }');
    expect(text).toContain('return (b == 0 || (a == (-2147483647 - 1) && b == -1)) ? a : a / b;');
  });

  it('i32 + - * and negation wrap through unsigned helpers; u32 arithmetic is plain (it wraps in C++)', () => {
    const a = cast('i32', lidx);
    expect(printed(bin('+', a, i32(1)))).toBe('nc_iadd(((int)(threadIdx.x)), 1)');
    expect(printed(bin('*', a, a))).toBe('nc_imul(((int)(threadIdx.x)), ((int)(threadIdx.x)))');
    expect(printed({ k: 'neg', type: 'i32', a })).toBe('nc_ineg(((int)(threadIdx.x)))');
    expect(printed(bin('-', lidx, u32(1)))).toBe('(threadIdx.x - 1u)');
    expect(renderCuda(testKernel([store(cast('f32', bin('-', a, i32(1))))]))).toContain('{ return (int)((unsigned int)a - (unsigned int)b); }');
  });

  it('casts: f32 → integer saturates (cvt.rzi), u32 ↔ i32 keep the bits, bools are 0/1 and != 0', () => {
    const x = load('src', lidx);
    expect(printed(cast('u32', x))).toBe('__float2uint_rz(src[threadIdx.x])');
    expect(printed(cast('i32', x))).toBe('__float2int_rz(src[threadIdx.x])');
    expect(printed(cast('i32', lidx))).toBe('((int)(threadIdx.x))');
    expect(printed(cast('u32', cast('i32', lidx)))).toBe('((unsigned int)(((int)(threadIdx.x))))');
    expect(printed(cast('f32', cast('i32', lidx)))).toBe('__int2float_rn(((int)(threadIdx.x)))');
    expect(printed(cast('bool', x))).toBe('(src[threadIdx.x] != 0.0f)');
    expect(printed(cast('u32', lt(lidx, u32(3))))).toBe('((threadIdx.x < 3u) ? 1u : 0u)');
  });

  it('select(ifFalse, ifTrue, cond) is cond ? ifTrue : ifFalse; fma is fmaf; min/max/sqrt; f32 % is fmodf', () => {
    const x = load('src', lidx);
    expect(printed({ k: 'call', type: 'f32', fn: 'select', args: [f32(0), x, lt(lidx, uniform('n'))] })).toBe('((threadIdx.x < nc_u.n) ? src[threadIdx.x] : 0.0f)');
    expect(printed({ k: 'call', type: 'f32', fn: 'fma', args: [x, x, f32(1)] })).toBe('fmaf(src[threadIdx.x], src[threadIdx.x], 1.0f)');
    expect(printed({ k: 'call', type: 'f32', fn: 'max', args: [x, f32(0)] })).toBe('fmaxf(src[threadIdx.x], 0.0f)');
    expect(printed({ k: 'call', type: 'u32', fn: 'min', args: [lidx, u32(7)] })).toBe('min(threadIdx.x, 7u)');
    expect(printed({ k: 'call', type: 'f32', fn: 'sqrt', args: [x] })).toBe('sqrtf(src[threadIdx.x])');
    expect(printed(bin('%', x, f32(2)))).toBe('fmodf(src[threadIdx.x], 2.0f)');
  });

  it('literals print exactly: shortest f32 text, -0, NaN/Inf bit patterns, large u32, i32 MIN', () => {
    const lit = (type: 'f32' | 'u32' | 'i32', value: number): string => printed({ k: 'lit', type, value });
    expect([lit('f32', 1.5), lit('f32', Math.fround(0.1)), lit('f32', -0), lit('f32', Math.fround(1e30)), lit('f32', Math.fround(3.4028234663852886e38))])
      .toEqual(['1.5f', '0.1f', '(-0.0f)', '1e+30f', '3.4028235e+38f']);
    expect([lit('f32', NaN), lit('f32', Infinity), lit('f32', -Infinity)])
      .toEqual(['__uint_as_float(0x7fc00000u)', '__uint_as_float(0x7f800000u)', '__uint_as_float(0xff800000u)']);
    expect([lit('u32', 4294967295), lit('i32', -2147483648), lit('i32', -5), lit('i32', 7)]).toEqual(['4294967295u', '(-2147483647 - 1)', '(-5)', '7']);
    for (const v of [1e-45, 1.17549435e-38, 16777217, 0.3, 123456.789, 2 ** -126]) expect(Math.fround(Number(shortestF32(Math.fround(v))))).toBe(Math.fround(v));
    expect(shortestF32(100)).toBe('100.0');
  });

  it('comparisons of u32 with 0 that are constant print the constant (nvcc warns on them) and keep the operand named', () => {
    expect(printed(bin('>=', lidx, u32(0)))).toBe('((void)(threadIdx.x), true)');
    expect(printed(bin('<', lidx, u32(0)))).toBe('((void)(threadIdx.x), false)');
    expect(printed(bin('<', u32(0), lidx))).toBe('(0u < threadIdx.x)');
  });

  it('loops over u32, if/else, return, comments on one line, unread locals marked [[maybe_unused]]', () => {
    const b = new BlockBuilder();
    b.stmts.push({ k: 'let', name: 'unused_value', value: f32(2) });
    b.comment('a comment\nover two lines \\');
    b.if(lt(lidx, u32(1)), (t) => t.return(), (e) => e.store('dst', lidx, f32(1)));
    b.stmts.push({ k: 'for', v: 'i', from: u32(0), to: uniform('n'), step: u32(2), body: [store(f32(0), ref('i', 'u32'))] });
    expect(body(b.stmts)).toEqual([
      '[[maybe_unused]] const float unused_value = 2.0f;', '// a comment over two lines', 'if ((threadIdx.x < 1u)) {', 'return;', '} else {',
      'dst[threadIdx.x] = 1.0f;', '}', 'for (unsigned int i = 0u; i < nc_u.n; i += 2u) {', 'dst[i] = 0.0f;', '}',
    ]);
  });

  it('renames IR names that clash with C++ or CUDA names; refuses the renderer\'s own prefix', () => {
    const text = renderCuda(testKernel([{ k: 'let', name: 'float', value: f32(1) }, { k: 'var', name: 'min', type: 'u32', init: u32(0) },
      { k: 'assign', name: 'min', value: add(ref('min', 'u32'), u32(1)) }, store(ref('float', 'f32'), ref('min', 'u32'))],
    { buffers: [{ name: 'src', access: 'read', elem: 'f32' }, { name: 'dst', access: 'read_write', elem: 'f32' }, { name: 'threadIdx', access: 'read', elem: 'u32' }] }));
    expect(bodyOf(text)).toEqual(['const float nc_v_float = 1.0f;', 'unsigned int nc_v_min = 0u;', 'nc_v_min = (nc_v_min + 1u);', 'dst[nc_v_min] = nc_v_float;']);
    expect(text).toContain('const unsigned int* __restrict__ /* nc_v_threadIdx (unused) */');
    expect(() => renderCuda(testKernel([{ k: 'let', name: 'nc_x', value: f32(1) }]))).toThrow(NeoccError);
    expect(() => renderCuda(testKernel([{ k: 'let', name: 'nc_x', value: f32(1) }]))).toThrow(/IR name "nc_x" uses the reserved prefix nc_/);
  });
});
