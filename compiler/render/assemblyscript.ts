import { NeoccError } from '../errors.js';
import type { BinaryOp, BuiltinName, Expr, IntrinsicFn, KernelIR, ScalarType, Stmt } from '../ir/ir.js';
import { assemblyScriptPrelude } from './assemblyscript-prelude.js';
import { loopCursors, type CursorAccess } from './loop-cursors.js';
import { splitAtBarriers, type CarriedValue, type WorkgroupNode, type WorkgroupSplit } from './workgroup-split.js';

/**
 * AssemblyScript renderer of the kernel IR. A kernel becomes one exported function that runs workgroups
 * first..first+count-1 of a gx × gy × gz grid (x fastest) on the calling thread — all of them, or one thread's share:
 *
 *   export function <kernel name>(gx: u32, gy: u32, gz: u32, first: u32, count: u32,
 *                                 <one usize pointer per buffer, in binding order>,
 *                                 [<usize pointer to the scratch, if assemblyScriptScratchBytes(kernel) > 0>],
 *                                 <one value per uniform field, in order>): void
 *
 * Buffers and the scratch live in the module's imported linear memory (`env.memory`); pointers are byte addresses.
 * The scratch (assemblyScriptScratchBytes, the artifact's `scratchBytes`) holds the workgroup arrays, then the carry
 * area for per-invocation values live across barriers. Workgroups run one after another; inside one, the body is
 * split at barriers (./workgroup-split.ts) into per-invocation segments, each a function called for
 * local_index = 0..workgroupSize-1, so `return` ends exactly one invocation. What differs from WGSL is data in the
 * tables below.
 */

/** Names the renderer introduces start with this; IR names must not (checked). */
const RESERVED_PREFIX = '__';
/**
 * IR names that would clash with AssemblyScript keywords or with the builtins the renderer calls (a local named
 * `min` would shadow `min<u32>`): printed as `__v_<name>`, which no IR name can be (the prefix is reserved).
 */
const RESERVED_NAMES = new Set([
  'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do', 'else', 'enum', 'export',
  'extends', 'false', 'finally', 'for', 'function', 'if', 'import', 'in', 'instanceof', 'new', 'null', 'return', 'super',
  'switch', 'this', 'throw', 'true', 'try', 'typeof', 'var', 'void', 'while', 'with', 'let', 'static', 'yield', 'type',
  'as', 'is', 'of', 'abstract', 'declare', 'namespace', 'module', 'readonly', 'private', 'protected', 'public', 'interface',
  'load', 'store', 'min', 'max', 'select', 'sqrt', 'abs', 'f32', 'f64', 'i32', 'u32', 'i64', 'u64', 'bool', 'usize', 'isize',
  'Math', 'Mathf', 'NaN', 'Infinity', 'unreachable', 'changetype', 'sizeof', 'offsetof', 'alignof', 'isDefined',
]);

const TYPE: Record<ScalarType, string> = { f32: 'f32', u32: 'u32', i32: 'i32', bool: 'bool', vec4f: 'v128' };
/** vec4f arithmetic as WebAssembly SIMD (f32x4); what is missing here is rejected when printing. */
const VEC4_BINARY: Partial<Record<BinaryOp, string>> = { '+': 'f32x4.add', '-': 'f32x4.sub', '*': 'f32x4.mul', '/': 'f32x4.div' };
type Vec4Intrinsics = Partial<Record<IntrinsicFn, (args: readonly string[]) => string>>;
const VEC4_INTRINSIC: Vec4Intrinsics = {
  min: ([a, b]) => `f32x4.min(${a}, ${b})`,
  max: ([a, b]) => `f32x4.max(${a}, ${b})`,
  sqrt: ([a]) => `f32x4.sqrt(${a})`,
  // No fused multiply-add in baseline SIMD; the IR's fma may round once or twice, so two roundings are allowed.
  fma: ([a, b, c]) => `f32x4.add(f32x4.mul(${a}, ${b}), ${c})`,
};
/**
 * With relaxed SIMD (`relaxedSimd`): fma is f32x4.relaxed_madd, one instruction, which the engine runs fused (one
 * rounding: x86 FMA3, Arm fmla) or as mul then add (two): either is what the IR's fma allows, so results may differ
 * from the plain variant in the last bits of each product-sum, and kernels already tolerate that.
 */
const VEC4_INTRINSIC_RELAXED: Vec4Intrinsics = {
  ...VEC4_INTRINSIC,
  fma: ([a, b, c]) => `f32x4.relaxed_madd(${a}, ${b}, ${c})`,
};

/** Renderer choices a target record makes (compiler/targets/assemblyscript.ts). */
export interface AssemblyScriptRenderOptions {
  /** vec4f fma as relaxed SIMD's f32x4.relaxed_madd (the module must be compiled with asc --enable relaxed-simd). */
  readonly relaxedSimd?: boolean;
}
const BUILTIN: Record<BuiltinName, string> = {
  'workgroup_id.x': '__wid_x',
  'workgroup_id.y': '__wid_y',
  'workgroup_id.z': '__wid_z',
  local_index: '__lidx',
  'num_workgroups.x': '__nwg_x',
};
/** Integer division/remainder with WGSL's divide-by-zero results (see the prelude). */
const SAFE_DIVISION: Partial<Record<ScalarType, Partial<Record<BinaryOp, string>>>> = {
  u32: { '/': '__udiv', '%': '__umod' },
  i32: { '/': '__idiv', '%': '__imod' },
};
const INTRINSIC: Record<IntrinsicFn, (args: readonly string[], type: ScalarType) => string> = {
  min: ([a, b], t) => `min<${TYPE[t]}>(${a}, ${b})`,
  max: ([a, b], t) => `max<${TYPE[t]}>(${a}, ${b})`,
  // IR order is WGSL's select(ifFalse, ifTrue, cond); AssemblyScript's is select(ifTrue, ifFalse, cond).
  select: ([f, t, c], type) => `select<${TYPE[type]}>(${t}, ${f}, ${c})`,
  sqrt: ([a], t) => `sqrt<${TYPE[t]}>(${a})`,
  fma: ([a, b, c]) => `(${a} * ${b} + ${c})`,
};
/** Bytes per element and its shift, for address arithmetic. */
const ELEM_SHIFT: Record<'f32' | 'u32', number> = { f32: 2, u32: 2 };

/** Where a memory name lives: a buffer parameter or an offset into the scratch. */
interface Memory {
  readonly base: string;
  readonly offset: number;
  readonly elem: 'f32' | 'u32';
}

/** The byte address of a memory's element 0. */
function baseAddress(m: Memory): string {
  return m.offset === 0 ? m.base : `(${m.base} + ${m.offset})`;
}

/** Bytes of the workgroup arrays at the start of the scratch; the carry area follows. */
function sharedArrayBytes(kernel: KernelIR): number {
  return kernel.shared.reduce((sum, d) => sum + 4 * d.length, 0);
}

/** Scratch bytes a launch must pass (0: the kernel takes no scratch pointer). */
export function assemblyScriptScratchBytes(kernel: KernelIR, split: WorkgroupSplit = splitAtBarriers(kernel)): number {
  return sharedArrayBytes(kernel) + 4 * split.carrySlots * kernel.workgroupSize;
}

class Printer {
  readonly memories = new Map<string, Memory>();
  usesDivision = false;
  /** The cursors of the loops being printed, innermost last (./loop-cursors.ts), and how many were declared. */
  private readonly cursorScopes: Array<ReadonlyMap<Expr | Stmt, CursorAccess>> = [];
  /** Lets of those loops left unprinted: only replaced addresses read them. */
  private readonly deadLets = new Set<string>();
  private cursorCount = 0;

  constructor(readonly kernel: KernelIR, readonly scratchBytes: number, readonly vec4Intrinsics: Vec4Intrinsics) {
    kernel.buffers.forEach((b) => this.memories.set(b.name, { base: `__p_${b.name}`, offset: 0, elem: b.elem }));
    let offset = 0;
    for (const s of kernel.shared) {
      this.memories.set(s.name, { base: SCRATCH, offset, elem: s.elem });
      offset += 4 * s.length;
    }
  }

  /** Address of carried value `v` of the current invocation: slot-major, so consecutive invocations are adjacent. */
  carryAddress(v: CarriedValue): string {
    // Carry slots are 4 bytes wide.
    if (v.type === 'vec4f') throw new NeoccError('bad-kernel-ir', `kernel ${this.kernel.name}: vec4f value "${v.name}" is live across a barrier (not supported)`);
    const offset = sharedArrayBytes(this.kernel) + 4 * v.slot * this.kernel.workgroupSize;
    return `${SCRATCH} + ${offset} + (<usize>${BUILTIN.local_index} << 2)`;
  }

  private literal(e: Extract<Expr, { k: 'lit' }>): string {
    if (e.type === 'bool') return String(e.value);
    const v = e.value as number;
    if (e.type === 'f32') {
      if (Number.isNaN(v)) return 'f32.NaN';
      if (!Number.isFinite(v)) return v > 0 ? 'f32.POSITIVE_INFINITY' : 'f32.NEGATIVE_INFINITY';
      // The shortest text of the f32 value parses (as f64) to a number that rounds back to exactly that f32.
      return `<f32>(${Object.is(v, -0) ? '-0.0' : String(v)})`;
    }
    return `<${TYPE[e.type]}>(${v})`;
  }

  private memory(name: string): Memory {
    const m = this.memories.get(name);
    if (!m) throw new NeoccError('bad-kernel-ir', `kernel ${this.kernel.name}: "${name}" is neither a buffer nor a workgroup array`);
    return m;
  }

  /**
   * Arguments of load<T>/store<T> for element `index`: the byte address, then — when the index is `i + literal` — the
   * literal as the instruction's static offset, so neighbouring elements (a register tile's columns and rows) share
   * one address computation and V8 folds the rest into its addressing modes. An access a loop cursor covers (`node`,
   * see ./loop-cursors.ts) is the cursor plus its static offset.
   */
  private address(name: string, index: Expr, node: Expr | Stmt): { ptr: string; offset: string } {
    const m = this.memory(name);
    const cursor = this.cursorScopes.map((scope) => scope.get(node)).find((c) => c !== undefined);
    if (cursor) return { ptr: cursor.cursor, offset: cursor.elementOffset > 0 ? `, ${cursor.elementOffset * 2 ** ELEM_SHIFT[m.elem]}` : '' };
    const base = baseAddress(m);
    const shift = ELEM_SHIFT[m.elem];
    const literal = index.k === 'bin' && index.op === '+' && index.b.k === 'lit' && index.type === 'u32' ? (index.b.value as number) * 2 ** shift : 0;
    // A static offset is a u32 immediate (and must stay one after the address computation it replaces).
    const useOffset = literal > 0 && literal < 2 ** 31;
    const dynamic = useOffset && index.k === 'bin' ? index.a : index;
    return { ptr: `${base} + ((<usize>${this.expr(dynamic)}) << ${shift})`, offset: useOffset ? `, ${literal}` : '' };
  }

  expr(e: Expr): string {
    switch (e.k) {
      case 'lit': return this.literal(e);
      case 'ref': return this.name(e.name);
      case 'bin': {
        if (e.a.type === 'vec4f') return `${this.vec4(VEC4_BINARY[e.op], e.op)}(${this.expr(e.a)}, ${this.expr(e.b)})`;
        const safe = SAFE_DIVISION[e.a.type]?.[e.op];
        const divisor = e.b.k === 'lit' ? (e.b.value as number) : 0;
        if (safe && divisor === 0) {
          this.usesDivision = true;
          return `${safe}(${this.expr(e.a)}, ${this.expr(e.b)})`;
        }
        return `(${this.expr(e.a)} ${e.op} ${this.expr(e.b)})`;
      }
      case 'neg': return e.type === 'vec4f' ? `f32x4.neg(${this.expr(e.a)})` : `(-${this.expr(e.a)})`;
      case 'lane': return `f32x4.extract_lane(${this.expr(e.a)}, ${e.lane})`;
      // asc's f32x4(...) literal takes constants only.
      case 'vec4': return this.vec4Lanes(e.lanes);
      case 'call':
        if (e.type === 'vec4f') return this.vec4(this.vec4Intrinsics[e.fn], e.fn)(e.args.map((a) => this.expr(a)));
        return INTRINSIC[e.fn](e.args.map((a) => this.expr(a)), e.type);
      case 'cast': return this.cast(e.type, e.a);
      case 'load': {
        const at = this.address(e.memory, e.index, e);
        return `load<${e.type === 'vec4f' ? 'v128' : TYPE[this.memory(e.memory).elem]}>(${at.ptr}${at.offset})`;
      }
      case 'uniform': return `__u_${e.field}`;
      case 'builtin': return BUILTIN[e.name];
    }
  }

  /** Splat of lane 0 (or of 0 when a lane is a literal +0: padding), then replace_lane for the other lanes. */
  private vec4Lanes(lanes: readonly Expr[]): string {
    const zero = (l: Expr): boolean => l.k === 'lit' && l.value === 0 && !Object.is(l.value, -0);
    const padded = lanes.some(zero);
    let out = `f32x4.splat(${padded ? '<f32>(0)' : this.expr(lanes[0]!)})`;
    lanes.forEach((l, i) => {
      if ((i > 0 || padded) && !zero(l)) out = `f32x4.replace_lane(${out}, ${i}, ${this.expr(l)})`;
    });
    return out;
  }

  private vec4<T>(printer: T | undefined, what: string): T {
    if (printer === undefined) throw new NeoccError('bad-kernel-ir', `kernel ${this.kernel.name}: ${what} on vec4f is not supported by the AssemblyScript renderer`);
    return printer;
  }

  /** WGSL conversions: f32 → integer saturates (AssemblyScript emits trunc_sat), to bool is `!= 0`, f32 → vec4f splats. */
  private cast(to: ScalarType, a: Expr): string {
    if (to === 'vec4f' && a.k === 'load') {
      // One load-and-broadcast instruction (x86 vbroadcastss from memory) instead of a scalar load and a shuffle.
      const at = this.address(a.memory, a.index, a);
      return `v128.load32_splat(${at.ptr}${at.offset})`;
    }
    const inner = this.expr(a);
    if (to === 'vec4f') return `f32x4.splat(${inner})`;
    if (to === 'bool') return a.type === 'f32' ? `(${inner} != <f32>0)` : `(${inner} != 0)`;
    return `<${TYPE[to]}>(${inner})`;
  }

  stmt(s: Stmt, indent: string, out: string[]): void {
    switch (s.k) {
      case 'let':
        if (!this.deadLets.has(s.name)) out.push(`${indent}const ${this.name(s.name)}: ${TYPE[s.value.type]} = ${this.expr(s.value)};`);
        break;
      case 'var': out.push(`${indent}let ${this.name(s.name)}: ${TYPE[s.type]} = ${this.expr(s.init)};`); break;
      case 'assign': out.push(`${indent}${this.name(s.name)} = ${this.expr(s.value)};`); break;
      case 'store': {
        const elem = s.value.type === 'vec4f' ? 'v128' : TYPE[this.memory(s.memory).elem];
        const at = this.address(s.memory, s.index, s);
        out.push(`${indent}store<${elem}>(${at.ptr}, ${this.expr(s.value)}${at.offset});`);
        break;
      }
      case 'barrier': throw new NeoccError('bad-kernel-ir', `kernel ${this.kernel.name}: barrier inside a per-invocation segment`);
      case 'return': out.push(`${indent}return;`); break;
      case 'comment': out.push(`${indent}// ${s.text}`); break;
      case 'if':
        out.push(`${indent}if (${this.expr(s.cond)}) {`);
        for (const t of s.then) this.stmt(t, `${indent}  `, out);
        if (s.else.length > 0) {
          out.push(`${indent}} else {`);
          for (const t of s.else) this.stmt(t, `${indent}  `, out);
        }
        out.push(`${indent}}`);
        break;
      case 'for': this.forLoop(s, indent, out); break;
    }
  }

  /**
   * A loop with cursors for its affine access streams (./loop-cursors.ts), advanced at the end of every iteration;
   * without a counter (a do-while on the first cursor) where nothing else reads the loop variable.
   */
  private forLoop(s: Extract<Stmt, { k: 'for' }>, indent: string, out: string[]): void {
    const elementBytes = (memory: string): number => 2 ** ELEM_SHIFT[this.memory(memory).elem];
    const { cursors, accesses, deadLets, countedByCursor } = loopCursors(s, (i) => `${RESERVED_PREFIX}c${i}`, this.cursorCount, elementBytes);
    this.cursorCount += cursors.length;
    for (const c of cursors) {
      const m = this.memory(c.memory);
      out.push(`${indent}let ${c.name}: usize = ${baseAddress(m)} + ((<usize>${this.expr(c.start)}) << ${ELEM_SHIFT[m.elem]});`);
    }
    const end = countedByCursor && `${cursors[0]!.name}_end`;
    if (end) {
      out.push(`${indent}const ${end}: usize = ${cursors[0]!.name} + ${countedByCursor.endBytes};`);
      out.push(`${indent}do {`);
    } else {
      const v = this.name(s.v);
      out.push(`${indent}for (let ${v}: u32 = ${this.expr(s.from)}; ${v} < ${this.expr(s.to)}; ${v} += ${this.expr(s.step)}) {`);
    }
    this.cursorScopes.push(accesses);
    deadLets.forEach((n) => this.deadLets.add(n));
    for (const t of s.body) this.stmt(t, `${indent}  `, out);
    this.cursorScopes.pop();
    // usize is 32 bits: the stride in bytes wraps as the addresses it replaces do.
    for (const c of cursors) out.push(`${indent}  ${c.name} += ${(c.stride * elementBytes(c.memory)) % 2 ** 32};`);
    out.push(end ? `${indent}} while (${cursors[0]!.name} != ${end});` : `${indent}}`);
  }

  /** How an IR name prints: itself, or `__v_<name>` where it would clash (RESERVED_NAMES). */
  name(name: string): string {
    if (name.startsWith(RESERVED_PREFIX)) throw new NeoccError('bad-kernel-ir', `kernel ${this.kernel.name}: IR name "${name}" uses the reserved prefix ${RESERVED_PREFIX}`);
    return RESERVED_NAMES.has(name) ? `${RESERVED_PREFIX}v_${name}` : name;
  }
}

const SCRATCH = '__scratch';

/** Parameters every workgroup and segment function takes: ids, buffer pointers, scratch, uniforms. */
function contextParams(p: Printer): Array<{ name: string; type: string }> {
  return [
    { name: BUILTIN['workgroup_id.x'], type: 'u32' },
    { name: BUILTIN['workgroup_id.y'], type: 'u32' },
    { name: BUILTIN['workgroup_id.z'], type: 'u32' },
    { name: BUILTIN['num_workgroups.x'], type: 'u32' },
    ...pointerParams(p),
    ...p.kernel.uniforms.map((u) => ({ name: `__u_${u.name}`, type: TYPE[u.type] })),
  ];
}

function pointerParams(p: Printer): Array<{ name: string; type: string }> {
  return [
    ...p.kernel.buffers.map((b) => ({ name: `__p_${b.name}`, type: 'usize' })),
    ...(p.scratchBytes > 0 ? [{ name: SCRATCH, type: 'usize' }] : []),
  ];
}

const signature = (params: ReadonlyArray<{ name: string; type: string }>): string => params.map((p) => `${p.name}: ${p.type}`).join(', ');
const args = (params: ReadonlyArray<{ name: string }>): string => params.map((p) => p.name).join(', ');

function renderNodes(p: Printer, nodes: readonly WorkgroupNode[], indent: string, out: string[], segments: string[][]): void {
  const ctx = contextParams(p);
  for (const node of nodes) {
    switch (node.k) {
      case 'stmt': p.stmt(node.stmt, indent, out); break;
      case 'if':
        out.push(`${indent}if (${p.expr(node.cond)}) {`);
        renderNodes(p, node.then, `${indent}  `, out, segments);
        if (node.else.length > 0) {
          out.push(`${indent}} else {`);
          renderNodes(p, node.else, `${indent}  `, out, segments);
        }
        out.push(`${indent}}`);
        break;
      case 'for': {
        const v = p.name(node.v);
        out.push(`${indent}for (let ${v}: u32 = ${p.expr(node.from)}; ${v} < ${p.expr(node.to)}; ${v} += ${p.expr(node.step)}) {`);
        renderNodes(p, node.body, `${indent}  `, out, segments);
        out.push(`${indent}}`);
        break;
      }
      case 'segment': {
        const live = node.liveIn.map((l) => ({ name: p.name(l.name), type: TYPE[l.type] }));
        const fn = `__segment_${node.index}`;
        const body: string[] = [`@inline function ${fn}(${signature([{ name: BUILTIN.local_index, type: 'u32' }, ...ctx, ...live])}): void {`];
        for (const v of node.fills) body.push(`  let ${p.name(v.name)}: ${TYPE[v.type]} = load<${TYPE[v.type]}>(${p.carryAddress(v)});`);
        for (const s of node.stmts) p.stmt(s, '  ', body);
        for (const v of node.spills) body.push(`  store<${TYPE[v.type]}>(${p.carryAddress(v)}, ${p.name(v.name)});`);
        body.push('}');
        segments.push(body);
        out.push(`${indent}for (let ${BUILTIN.local_index}: u32 = 0; ${BUILTIN.local_index} < ${p.kernel.workgroupSize}; ${BUILTIN.local_index}++) {`);
        out.push(`${indent}  ${fn}(${args([{ name: BUILTIN.local_index }, ...ctx, ...live])});`);
        out.push(`${indent}}`);
        break;
      }
    }
  }
}

/** The exported function's name for `kernel` (its IR name; checked to be an identifier). */
export function assemblyScriptEntryPoint(kernel: Pick<KernelIR, 'name'>): string {
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(kernel.name)) throw new NeoccError('bad-kernel-ir', `kernel name "${kernel.name}" is not an identifier`);
  return kernel.name;
}

/** Prints `kernel` as an AssemblyScript module (see the module comment for the exported function's contract). */
export function renderAssemblyScript(kernel: KernelIR, options: AssemblyScriptRenderOptions = {}): string {
  const entry = assemblyScriptEntryPoint(kernel);
  const split = splitAtBarriers(kernel);
  const p = new Printer(kernel, assemblyScriptScratchBytes(kernel, split), options.relaxedSimd ? VEC4_INTRINSIC_RELAXED : VEC4_INTRINSIC);
  const { nodes } = split;
  const ctx = contextParams(p);
  const wgBody: string[] = [];
  const segments: string[][] = [];
  renderNodes(p, nodes, '  ', wgBody, segments);

  const uniformParams = kernel.uniforms.map((u) => ({ name: `__u_${u.name}`, type: TYPE[u.type] }));
  const exportParams = [
    { name: '__gx', type: 'u32' }, { name: '__gy', type: 'u32' }, { name: '__gz', type: 'u32' }, { name: '__first', type: 'u32' }, { name: '__count', type: 'u32' },
    ...pointerParams(p), ...uniformParams,
  ];
  const wgArgs = ['__x', '__y', '__z', '__gx', ...pointerParams(p).map((q) => q.name), ...uniformParams.map((q) => q.name)].join(', ');
  const out: string[] = [
    ...kernel.doc.map((line) => `// ${line}`),
    `// AssemblyScript: workgroups of ${kernel.workgroupSize} run one after another, split into ${split.segments} per-invocation segment(s) at barriers; ` +
      `scratch ${p.scratchBytes} bytes (workgroup arrays, then ${split.carrySlots} carried value(s) per invocation)`,
    '',
  ];
  const prelude = assemblyScriptPrelude({ division: p.usesDivision });
  if (prelude) out.push(prelude, '');
  for (const seg of segments) out.push(...seg, '');
  out.push(`@inline function __workgroup(${signature(ctx)}): void {`, ...wgBody, '}', '');
  out.push(`export function ${entry}(${signature(exportParams)}): void {`);
  out.push('  // One division per row of workgroups, not per workgroup: x runs fastest.');
  out.push('  let __i: u32 = __first;');
  out.push('  const __end: u32 = __first + __count;');
  out.push('  while (__i < __end) {');
  out.push('    const __row: u32 = __i / __gx;');
  out.push('    const __y: u32 = __row % __gy;');
  out.push('    const __z: u32 = __row / __gy;');
  out.push('    const __stop: u32 = min<u32>(__end, (__row + 1) * __gx);');
  out.push(`    for (let __x: u32 = __i - __row * __gx; __i < __stop; __i++, __x++) __workgroup(${wgArgs});`);
  out.push('  }', '}', '');
  return out.join('\n');
}
