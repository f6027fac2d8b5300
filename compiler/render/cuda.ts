import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { canonicalJson } from '../cache-key.js';
import { NeoccError } from '../errors.js';
import type { BinaryOp, BuiltinName, Expr, IntrinsicFn, KernelIR, ScalarType, Stmt } from '../ir/ir.js';
import { cudaPrelude } from './cuda-prelude.js';
import { cudaUses, type CudaUsage } from './cuda-usage.js';

/**
 * CUDA C++ renderer of the kernel IR (compiled by nvcc / NVRTC, C++17). A kernel becomes
 *
 *   struct <entry>_Params { <ir.uniforms in order> };          (only when the kernel has uniforms)
 *   extern "C" __global__ void __launch_bounds__(<workgroupSize>) <entry>(
 *       <one pointer per buffer, in binding order: const T* __restrict__ for read, T* __restrict__ for read_write>,
 *       const <entry>_Params nc_u)                              (the uniform struct passed by value)
 *
 * launched with 1-D blocks of workgroupSize threads and the launch's grid (x, y, z workgroup counts): the same
 * parameter order as the artifact's `bindings`. `<entry>` is the IR name plus 8 hex digits of the IR's hash
 * (cudaEntryPoint), so kernels of one name but different specializations can share a translation unit, a header
 * (`neocc-kernels.h`, cudaHeader) and a link. `__restrict__` is sound because programs never bind a buffer to a
 * writable binding and any other binding of one dispatch (WebGPU rejects that as a usage conflict, and every
 * program is built to run there too); read-only bindings may alias, which restrict allows.
 *
 * How the IR's semantics (compiler/ir/ir.ts) map to CUDA, where they differ from plain C++:
 * - u32 / i32 `/` and `%` go through nc_udiv/nc_umod/nc_idiv/nc_imod (x / 0 = x, x % 0 = 0, MIN / -1 = MIN)
 *   unless the divisor is a literal for which C++ is already defined (non-zero; for i32 also not -1);
 * - u32 arithmetic wraps in C++; i32 + - * and negation go through unsigned helpers (signed overflow is UB);
 * - f32 → u32 / i32 uses __float2uint_rz / __float2int_rz (PTX cvt.rzi saturates, and NaN gives 0), not a C cast
 *   (out of range is UB); u32 ↔ i32 casts keep the bits (two's complement);
 * - select(f, t, c) prints `(c ? t : f)`: IR expressions have no side effects, and the IR makes an unsafe
 *   (out-of-bounds) arm undefined even when unselected, so evaluating only the selected arm computes the same value
 *   and can never add a fault;
 * - fma prints fmaf (fused, one rounding), which the IR allows. A separate * and + print as such, but nvcc contracts
 *   them into FMAs by default (--fmad=true): that rounds once where the IR says twice, a last-bits difference from
 *   WGSL/WebAssembly the IR does not grant (kernels tolerate it, as they tolerate fused fma). Compile with
 *   --fmad=false (nvcc) / -fmad=false (NVRTC) to keep the IR's rule exactly;
 * - vec4f is float4; a load/store marked `aligned` is one 16-byte access (buffers bind at 16-byte boundaries and
 *   workgroup arrays are declared __align__(16)), any other gathers/scatters 4 floats;
 * - f32 literals print the shortest decimal that reads back as the same f32 (`1.5f`, `-0.0f`); NaN and ±Inf print
 *   as __uint_as_float(<bits>), which needs no header;
 * - barrier is __syncthreads(): the verifier only allows barriers in workgroup-uniform control flow and after
 *   returns in uniform control flow, which is exactly CUDA's rule for __syncthreads.
 */

/** Names the renderer introduces start with this; IR names must not (checked). */
const RESERVED_PREFIX = 'nc_';
/**
 * IR names that are C++ keywords or CUDA builtins / functions the renderer prints: printed as `nc_v_<name>`, which
 * no IR name can be (the prefix is reserved).
 */
const RESERVED_NAMES = new Set([
  'alignas', 'alignof', 'and', 'and_eq', 'asm', 'auto', 'bitand', 'bitor', 'bool', 'break', 'case', 'catch', 'char',
  'char8_t', 'char16_t', 'char32_t', 'class', 'compl', 'concept', 'const', 'consteval', 'constexpr', 'constinit',
  'const_cast', 'continue', 'co_await', 'co_return', 'co_yield', 'decltype', 'default', 'delete', 'do', 'double',
  'dynamic_cast', 'else', 'enum', 'explicit', 'export', 'extern', 'false', 'float', 'for', 'friend', 'goto', 'if',
  'inline', 'int', 'long', 'mutable', 'namespace', 'new', 'noexcept', 'not', 'not_eq', 'nullptr', 'operator', 'or',
  'or_eq', 'private', 'protected', 'public', 'register', 'reinterpret_cast', 'requires', 'return', 'short', 'signed',
  'sizeof', 'static', 'static_assert', 'static_cast', 'struct', 'switch', 'template', 'this', 'thread_local', 'throw',
  'true', 'try', 'typedef', 'typeid', 'typename', 'union', 'unsigned', 'using', 'virtual', 'void', 'volatile',
  'wchar_t', 'while', 'xor', 'xor_eq', 'main', 'std', 'NULL',
  'threadIdx', 'blockIdx', 'blockDim', 'gridDim', 'warpSize', 'float4', 'make_float4', 'min', 'max', 'fminf',
  'fmaxf', 'sqrtf', 'fmaf', 'fmodf', 'abs', 'fabsf', 'sqrt', 'fma', 'fmod', 'uint', 'dim3', 'assert', 'printf',
  'clock', 'select', 'signbit', 'isnan', 'isinf', 'isfinite', 'exp', 'log', 'pow', 'floor', 'ceil', 'round',
]);

const TYPE: Record<ScalarType, string> = { f32: 'float', u32: 'unsigned int', i32: 'int', bool: 'bool', vec4f: 'float4' };
const LANE = ['x', 'y', 'z', 'w'] as const;
const BUILTIN: Record<BuiltinName, string> = {
  'workgroup_id.x': 'blockIdx.x',
  'workgroup_id.y': 'blockIdx.y',
  'workgroup_id.z': 'blockIdx.z',
  local_index: 'threadIdx.x',
  'num_workgroups.x': 'gridDim.x',
};
/** The by-value uniform struct's parameter name. */
const UNIFORMS = 'nc_u';
const SAFE_DIVISION: Partial<Record<ScalarType, Partial<Record<BinaryOp, string>>>> = {
  u32: { '/': 'nc_udiv', '%': 'nc_umod' },
  i32: { '/': 'nc_idiv', '%': 'nc_imod' },
};
const I32_WRAP: Partial<Record<BinaryOp, string>> = { '+': 'nc_iadd', '-': 'nc_isub', '*': 'nc_imul' };
const VEC4_BINARY: Partial<Record<BinaryOp, string>> = { '+': 'nc_add4', '-': 'nc_sub4', '*': 'nc_mul4', '/': 'nc_div4' };
const VEC4_INTRINSIC: Partial<Record<IntrinsicFn, string>> = { min: 'nc_min4', max: 'nc_max4', sqrt: 'nc_sqrt4', fma: 'nc_fma4' };
const F32_INTRINSIC: Partial<Record<IntrinsicFn, string>> = { min: 'fminf', max: 'fmaxf', sqrt: 'sqrtf', fma: 'fmaf' };

/** The shortest decimal text that reads back (as a C++ float literal) to exactly the f32 `v`; finite v only. */
export function shortestF32(v: number): string {
  if (Object.is(v, -0)) return '-0.0';
  for (let digits = 1; digits <= 9; digits++) {
    const text = v.toPrecision(digits);
    if (Math.fround(Number(text)) === v) {
      // JavaScript's own text of that number: no more digits, fixed notation where it is short (100, not 1e+2); C++
      // needs a '.' or an exponent for a floating literal.
      const js = String(Number(text));
      return /[.e]/.test(js) ? js : `${js}.0`;
    }
  }
  throw new RangeError(`not an f32 value: ${v}`);
}

/** A C++ literal of `e`, parenthesized when it is not a plain token (negative values, bit casts). */
function literal(e: Extract<Expr, { k: 'lit' }>): string {
  switch (e.type) {
    case 'bool': return String(e.value);
    case 'u32': return `${e.value as number}u`;
    // -2147483648 would be the negation of a long literal; i32 literals are otherwise plain ints.
    case 'i32': return (e.value as number) === -2147483648 ? '(-2147483647 - 1)' : (e.value as number) < 0 ? `(${e.value as number})` : String(e.value);
    case 'vec4f': throw new RangeError('IR has no vec4f literals (splat an f32)');
    case 'f32': {
      const v = e.value as number;
      if (Number.isNaN(v)) return '__uint_as_float(0x7fc00000u)';
      if (!Number.isFinite(v)) return v > 0 ? '__uint_as_float(0x7f800000u)' : '__uint_as_float(0xff800000u)';
      if (Math.fround(v) !== v) throw new RangeError(`f32 literal ${v} is not an f32 value`);
      const text = `${shortestF32(v)}f`;
      return text.startsWith('-') ? `(${text})` : text;
    }
  }
}

/** Plain data for hashing: -0, NaN and ±Inf as tagged strings (canonicalJson refuses non-finite numbers). */
function hashable(value: unknown): unknown {
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0) ? value : `#num:${Object.is(value, -0) ? '-0' : String(value)}`;
  if (Array.isArray(value)) return value.map(hashable);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, hashable(v)]));
  return value;
}

/**
 * The kernel's `extern "C"` name: `<ir.name>_<8 hex of sha256(canonical IR)>`. Equal IR gives an equal name, so
 * the name identifies the code (one header can declare every kernel of a folder; duplicates are the same kernel).
 */
export function cudaEntryPoint(kernel: KernelIR): string {
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(kernel.name)) throw new NeoccError('bad-kernel-ir', `kernel name "${kernel.name}" is not an identifier`);
  return `${kernel.name}_${bytesToHex(sha256(utf8ToBytes(canonicalJson(hashable(kernel))))).slice(0, 8)}`;
}

/** Name of the uniform struct of a kernel whose entry point is `entry`. */
export const cudaParamsStruct = (entry: string): string => `${entry}_Params`;

class Printer {
  division = false;
  i32Wrap = false;
  vec4 = false;

  constructor(readonly kernel: KernelIR, readonly usage: CudaUsage) {}

  /** How an IR name prints: itself, or `nc_v_<name>` where it would clash (RESERVED_NAMES). */
  name(name: string): string {
    if (name.startsWith(RESERVED_PREFIX)) throw new NeoccError('bad-kernel-ir', `kernel ${this.kernel.name}: IR name "${name}" uses the reserved prefix ${RESERVED_PREFIX}`);
    return RESERVED_NAMES.has(name) ? `${RESERVED_PREFIX}v_${name}` : name;
  }

  expr(e: Expr): string {
    switch (e.k) {
      case 'lit': return literal(e);
      case 'ref': return this.name(e.name);
      case 'bin': return this.binary(e.op, e.a, e.b);
      case 'neg':
        if (e.type === 'vec4f') return this.use4(`nc_neg4(${this.expr(e.a)})`);
        if (e.type === 'i32') {
          this.i32Wrap = true;
          return `nc_ineg(${this.expr(e.a)})`;
        }
        return `(-${this.expr(e.a)})`;
      case 'call': return this.call(e.fn, e.args, e.type);
      case 'cast': return this.cast(e.type, e.a);
      case 'lane': return `${this.expr(e.a)}.${LANE[e.lane]!}`;
      case 'vec4': return `make_float4(${e.lanes.map((l) => this.expr(l)).join(', ')})`;
      case 'load': {
        const memory = this.name(e.memory);
        const index = this.expr(e.index);
        if (e.type !== 'vec4f') return `${memory}[${index}]`;
        if (e.aligned) return `(*reinterpret_cast<const float4*>(${memory} + ${index}))`;
        return this.use4(`nc_gather4(${memory}, ${index})`);
      }
      case 'uniform': return `${UNIFORMS}.${this.name(e.field)}`;
      case 'builtin': return BUILTIN[e.name];
    }
  }

  private use4(text: string): string {
    this.vec4 = true;
    return text;
  }

  private binary(op: BinaryOp, a: Expr, b: Expr): string {
    const type = a.type;
    if (type === 'vec4f') {
      const fn = VEC4_BINARY[op];
      if (!fn) throw new NeoccError('bad-kernel-ir', `kernel ${this.kernel.name}: ${op} on vec4f is not supported by the CUDA renderer`);
      return this.use4(`${fn}(${this.expr(a)}, ${this.expr(b)})`);
    }
    if (type === 'f32' && op === '%') return `fmodf(${this.expr(a)}, ${this.expr(b)})`;
    const safe = SAFE_DIVISION[type]?.[op];
    if (safe) {
      // C++ is defined (and equal to WGSL) for a non-zero literal divisor, except i32 by -1 (MIN / -1 overflows).
      const divisor = b.k === 'lit' ? (b.value as number) : 0;
      if (divisor === 0 || (type === 'i32' && divisor === -1)) {
        this.division = true;
        return `${safe}(${this.expr(a)}, ${this.expr(b)})`;
      }
    }
    const constant = type === 'u32' ? unsignedZeroComparison(op, a, b) : undefined;
    // nvcc warns (an error under -Werror) on `x >= 0u` and `x < 0u`; the operand is still named, so it stays used.
    if (constant !== undefined) return `((void)(${this.expr(constant.operand)}), ${String(constant.value)})`;
    const wrap = type === 'i32' ? I32_WRAP[op] : undefined;
    if (wrap) {
      this.i32Wrap = true;
      return `${wrap}(${this.expr(a)}, ${this.expr(b)})`;
    }
    return `(${this.expr(a)} ${op} ${this.expr(b)})`;
  }

  private call(fn: IntrinsicFn, args: readonly Expr[], type: ScalarType): string {
    const printed = args.map((a) => this.expr(a));
    if (fn === 'select') {
      // IR order is WGSL's select(ifFalse, ifTrue, cond); see the module comment for why a ?: is exact.
      const [f, t, c] = printed;
      return `(${c!} ? ${t!} : ${f!})`;
    }
    if (type === 'vec4f') {
      const helper = VEC4_INTRINSIC[fn];
      if (!helper) throw new NeoccError('bad-kernel-ir', `kernel ${this.kernel.name}: ${fn} on vec4f is not supported by the CUDA renderer`);
      return this.use4(`${helper}(${printed.join(', ')})`);
    }
    if (type === 'f32') return `${F32_INTRINSIC[fn]!}(${printed.join(', ')})`;
    // min / max on u32 and i32: CUDA's overloads for unsigned int and int (same-typed operands).
    if (fn === 'min' || fn === 'max') return `${fn}(${printed.join(', ')})`;
    throw new NeoccError('bad-kernel-ir', `kernel ${this.kernel.name}: ${fn} on ${type} is not supported by the CUDA renderer`);
  }

  /** WGSL conversions (see ir.ts `cast`). */
  private cast(to: ScalarType, a: Expr): string {
    const inner = this.expr(a);
    const from = a.type;
    if (from === to) return inner;
    if (to === 'vec4f') return this.use4(`nc_splat4(${inner})`);
    if (to === 'bool') return `(${inner} != ${from === 'f32' ? '0.0f' : from === 'u32' ? '0u' : '0'})`;
    if (from === 'bool') return `(${inner} ? ${to === 'f32' ? '1.0f : 0.0f' : to === 'u32' ? '1u : 0u' : '1 : 0'})`;
    if (from === 'f32') return to === 'u32' ? `__float2uint_rz(${inner})` : `__float2int_rz(${inner})`;
    if (to === 'f32') return from === 'u32' ? `__uint2float_rn(${inner})` : `__int2float_rn(${inner})`;
    // u32 <-> i32: the bits are kept (two's complement).
    return `((${TYPE[to]})(${inner}))`;
  }

  /** `[[maybe_unused]] ` for a local the kernel never reads (nvcc warns about those, and we build with -Werror). */
  private unused(name: string): string {
    return this.usage.read.has(name) ? '' : '[[maybe_unused]] ';
  }

  stmt(s: Stmt, indent: string, out: string[]): void {
    switch (s.k) {
      case 'let': out.push(`${indent}${this.unused(s.name)}const ${TYPE[s.value.type]} ${this.name(s.name)} = ${this.expr(s.value)};`); break;
      case 'var': out.push(`${indent}${this.unused(s.name)}${TYPE[s.type]} ${this.name(s.name)} = ${this.expr(s.init)};`); break;
      case 'assign': out.push(`${indent}${this.name(s.name)} = ${this.expr(s.value)};`); break;
      case 'store': {
        const memory = this.name(s.memory);
        const index = this.expr(s.index);
        const value = this.expr(s.value);
        if (s.value.type !== 'vec4f') out.push(`${indent}${memory}[${index}] = ${value};`);
        else if (s.aligned) out.push(`${indent}*reinterpret_cast<float4*>(${memory} + ${index}) = ${value};`);
        else out.push(`${indent}${this.use4(`nc_scatter4(${memory}, ${index}, ${value})`)};`);
        break;
      }
      case 'barrier': out.push(`${indent}__syncthreads();`); break;
      case 'return': out.push(`${indent}return;`); break;
      case 'comment': out.push(`${indent}${comment(s.text)}`); break;
      case 'if':
        out.push(`${indent}if (${this.expr(s.cond)}) {`);
        for (const t of s.then) this.stmt(t, `${indent}  `, out);
        if (s.else.length > 0) {
          out.push(`${indent}} else {`);
          for (const t of s.else) this.stmt(t, `${indent}  `, out);
        }
        out.push(`${indent}}`);
        break;
      case 'for': {
        // `to` and `step` are evaluated before every iteration, and v wraps modulo 2^32: both as in the IR.
        const v = this.name(s.v);
        out.push(`${indent}for (unsigned int ${v} = ${this.expr(s.from)}; ${v} < ${this.expr(s.to)}; ${v} += ${this.expr(s.step)}) {`);
        for (const t of s.body) this.stmt(t, `${indent}  `, out);
        out.push(`${indent}}`);
        break;
      }
    }
  }
}

/** `x >= 0u`, `0u <= x` (always true) and `x < 0u`, `0u > x` (always false): the other operand and the value. */
function unsignedZeroComparison(op: BinaryOp, a: Expr, b: Expr): { operand: Expr; value: boolean } | undefined {
  const zero = (e: Expr): boolean => e.k === 'lit' && e.value === 0;
  if (zero(b) && (op === '>=' || op === '<')) return { operand: a, value: op === '>=' };
  if (zero(a) && (op === '<=' || op === '>')) return { operand: b, value: op === '<=' };
  return undefined;
}

/** A `//` comment on one line (a newline would end it; a trailing backslash would splice the next line into it). */
function comment(text: string): string {
  return `// ${text.replace(/[\r\n]+/g, ' ').replace(/\\+\s*$/, '')}`.trimEnd();
}

/** The uniform struct, in an include guard so the kernel file and `neocc-kernels.h` can share a translation unit. */
function paramsStruct(kernel: KernelIR, entry: string, p: Printer): string[] {
  if (kernel.uniforms.length === 0) return [];
  const guard = `NEOCC_PARAMS_${entry}`;
  return [
    `#ifndef ${guard}`, `#define ${guard}`,
    `struct ${cudaParamsStruct(entry)} {`, ...kernel.uniforms.map((u) => `  ${TYPE[u.type]} ${p.name(u.name)};`), '};',
    '#endif',
  ];
}

/** The kernel's parameters in binding order; an unused one is left unnamed (no warning, same ABI). */
function parameters(kernel: KernelIR, entry: string, p: Printer): string[] {
  const named = (name: string, used: boolean): string => (used ? p.name(name) : `/* ${p.name(name)} (unused) */`);
  return [
    ...kernel.buffers.map((b) => `${b.access === 'read' ? 'const ' : ''}${TYPE[b.elem]}* __restrict__ ${named(b.name, p.usage.memories.has(b.name))}`),
    ...(kernel.uniforms.length > 0 ? [`const ${cudaParamsStruct(entry)} ${p.usage.uniforms ? UNIFORMS : `/* ${UNIFORMS} (unused) */`}`] : []),
  ];
}

/** The signature line every kernel file has; cudaHeader turns it into the prototype. */
export const CUDA_SIGNATURE_PREFIX = 'extern "C" __global__ void ';

/** Prints `kernel` as one CUDA C++ kernel file (see the module comment for the launch ABI). */
export function renderCuda(kernel: KernelIR): string {
  const entry = cudaEntryPoint(kernel);
  const p = new Printer(kernel, cudaUses(kernel));
  const body: string[] = [];
  for (const s of kernel.shared) {
    // 16-byte aligned so that `aligned` vec4 accesses may use float4.
    const unused = p.usage.memories.has(s.name) ? '' : '[[maybe_unused]] ';
    body.push(`  ${unused}__shared__ __align__(16) float ${p.name(s.name)}[${s.length}];`);
  }
  for (const s of kernel.body) p.stmt(s, '  ', body);
  const out: string[] = [
    ...kernel.doc.map(comment),
    `// CUDA: ${entry}<<<grid (x, y, z workgroups), ${kernel.workgroupSize} threads>>>; parameters in binding order ` +
      `(${[...kernel.buffers.map((b) => b.name), ...(kernel.uniforms.length > 0 ? ['params by value'] : [])].join(', ')}).`,
    '',
  ];
  const prelude = cudaPrelude({ division: p.division, i32Wrap: p.i32Wrap, vec4: p.vec4 });
  if (prelude) out.push(prelude, '');
  const struct = paramsStruct(kernel, entry, p);
  if (struct.length > 0) out.push(...struct, '');
  out.push(`${CUDA_SIGNATURE_PREFIX}__launch_bounds__(${kernel.workgroupSize}) ${entry}(${parameters(kernel, entry, p).join(', ')}) {`);
  out.push(...body, '}', '');
  return out.join('\n');
}
