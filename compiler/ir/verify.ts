import { NeoccError } from '../errors.js';
import type { BinaryOp, BuiltinName, Expr, KernelIR, ScalarType, Stmt } from './ir.js';
import type { TargetLimits } from '../targets/target.js';

/**
 * Static checks of a kernel against the rules of ./ir.ts, so a builder bug fails here, naming the kernel and the
 * problem, instead of as a WGSL validation error on some adapters, a miscompiled AssemblyScript module or a silent
 * race: types, scoping, memories and access modes, uniform fields, builtins, barrier uniformity, device limits.
 */
/** The target limits a kernel must respect (a target record's `limits`); absent ones are not checked. */
export type VerifyLimits = Partial<Pick<TargetLimits, 'maxComputeWorkgroupStorageSize' | 'maxComputeInvocationsPerWorkgroup'>>;

const BUILTINS: ReadonlySet<BuiltinName> = new Set(['workgroup_id.x', 'workgroup_id.y', 'workgroup_id.z', 'local_index', 'num_workgroups.x']);
const COMPARISONS: ReadonlySet<BinaryOp> = new Set(['<', '<=', '>', '>=', '==', '!=']);
const ARITHMETIC: ReadonlySet<BinaryOp> = new Set(['+', '-', '*', '/', '%']);
const VEC4_ARITHMETIC: ReadonlySet<BinaryOp> = new Set(['+', '-', '*', '/']);
const NUMBERS: ReadonlySet<ScalarType> = new Set(['f32', 'u32', 'i32']);
/** Prefix the renderers keep for their own names. */
const RESERVED_PREFIX = '__';

interface Binding {
  readonly type: ScalarType;
  readonly kind: 'let' | 'var' | 'loop';
  /** Same value in every invocation of a workgroup (may decide control flow around a barrier). */
  readonly uniform: boolean;
}

class Verifier {
  private readonly scopes: Array<Map<string, Binding>> = [];
  private readonly memories = new Map<string, { elem: 'f32' | 'u32'; writable: boolean; readOnlyBuffer: boolean }>();
  /** Set once an invocation may have returned in non-uniform control flow: later barriers are not uniform. */
  private divergentReturn = false;

  constructor(private readonly ir: KernelIR) {}

  fail(problem: string): never {
    throw new NeoccError('bad-kernel-ir', `kernel ${this.ir.name}: ${problem}`);
  }

  run(limits: VerifyLimits): void {
    const ir = this.ir;
    if (!Number.isInteger(ir.workgroupSize) || ir.workgroupSize < 1) this.fail(`workgroup size ${ir.workgroupSize} is not a positive integer`);
    if (limits.maxComputeInvocationsPerWorkgroup !== undefined && ir.workgroupSize > limits.maxComputeInvocationsPerWorkgroup) {
      this.fail(`workgroup size ${ir.workgroupSize} exceeds the limit of ${limits.maxComputeInvocationsPerWorkgroup} invocations`);
    }
    const sharedBytes = ir.shared.reduce((sum, s) => sum + 4 * s.length, 0);
    if (limits.maxComputeWorkgroupStorageSize !== undefined && sharedBytes > limits.maxComputeWorkgroupStorageSize) {
      this.fail(`workgroup arrays take ${sharedBytes} bytes, over the limit of ${limits.maxComputeWorkgroupStorageSize}`);
    }
    for (const b of ir.buffers) this.declareMemory(b.name, { elem: b.elem, writable: b.access === 'read_write', readOnlyBuffer: b.access === 'read' });
    for (const s of ir.shared) {
      if (!Number.isInteger(s.length) || s.length < 1) this.fail(`workgroup array "${s.name}" has length ${s.length}`);
      this.declareMemory(s.name, { elem: s.elem, writable: true, readOnlyBuffer: false });
    }
    const fields = new Set<string>();
    for (const u of ir.uniforms) {
      if (fields.has(u.name)) this.fail(`uniform "${u.name}" is declared twice`);
      fields.add(u.name);
    }
    this.block(ir.body, true);
  }

  private declareMemory(name: string, m: { elem: 'f32' | 'u32'; writable: boolean; readOnlyBuffer: boolean }): void {
    if (this.memories.has(name)) this.fail(`memory "${name}" is declared twice`);
    this.memories.set(name, m);
  }

  private lookup(name: string): Binding | undefined {
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const b = this.scopes[i]!.get(name);
      if (b) return b;
    }
    return undefined;
  }

  private declare(name: string, binding: Binding): void {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) || name.startsWith(RESERVED_PREFIX)) this.fail(`"${name}" is not a valid IR name (identifier, no "${RESERVED_PREFIX}" prefix)`);
    if (this.lookup(name)) this.fail(`"${name}" is redefined while an outer "${name}" is in scope`);
    this.scopes[this.scopes.length - 1]!.set(name, binding);
  }

  private memory(name: string, what: string): { elem: 'f32' | 'u32'; writable: boolean; readOnlyBuffer: boolean } {
    return this.memories.get(name) ?? this.fail(`${what} "${name}", which is neither a buffer nor a workgroup array`);
  }

  /** Checks `e` and returns its type, which must equal the type it is labelled with. */
  expr(e: Expr): ScalarType {
    const type = this.typeOf(e);
    if (type !== e.type) this.fail(`${describe(e)} is labelled ${e.type} but its operands make it ${type}`);
    return type;
  }

  private typeOf(e: Expr): ScalarType {
    switch (e.k) {
      case 'lit': {
        const v = e.value;
        if (e.type === 'bool' ? typeof v !== 'boolean' : typeof v !== 'number') this.fail(`${e.type} literal ${String(v)} has the wrong kind of value`);
        if (e.type === 'vec4f') this.fail('vec4f literal (splat an f32 instead)');
        if (e.type === 'u32' && !(Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 0xffffffff)) this.fail(`u32 literal ${String(v)} out of range`);
        if (e.type === 'i32' && !(Number.isInteger(v) && (v as number) >= -(2 ** 31) && (v as number) < 2 ** 31)) this.fail(`i32 literal ${String(v)} out of range`);
        return e.type;
      }
      case 'ref': {
        const b = this.lookup(e.name) ?? this.fail(`"${e.name}" is used before it is defined or outside its scope`);
        if (b.type !== e.type) this.fail(`"${e.name}" is ${b.type} but referenced as ${e.type}`);
        return b.type;
      }
      case 'bin': {
        const [a, b] = [this.expr(e.a), this.expr(e.b)];
        if (a !== b) this.fail(`${e.op} on ${a} and ${b} (operands must have the same type)`);
        if (e.op === '&&' || e.op === '||') {
          if (a !== 'bool') this.fail(`${e.op} on ${a} (bool only)`);
          return 'bool';
        }
        if (a === 'vec4f' && !VEC4_ARITHMETIC.has(e.op)) this.fail(`${e.op} on vec4f (lane-wise + - * / only)`);
        if (COMPARISONS.has(e.op)) {
          if (a === 'bool' && e.op !== '==' && e.op !== '!=') this.fail(`${e.op} on bool`);
          return 'bool';
        }
        if (ARITHMETIC.has(e.op) && a === 'bool') this.fail(`${e.op} on bool`);
        return a;
      }
      case 'neg': {
        const a = this.expr(e.a);
        if (a !== 'f32' && a !== 'i32' && a !== 'vec4f') this.fail(`negation of ${a} (f32, i32 or vec4f only)`);
        return a;
      }
      case 'call': return this.call(e);
      case 'cast': {
        const from = this.expr(e.a);
        if (e.type === 'vec4f' ? from !== 'f32' : from === 'vec4f') this.fail(`cast from ${from} to ${e.type} (vec4f only from f32, as a splat)`);
        return e.type;
      }
      case 'lane':
        if (this.expr(e.a) !== 'vec4f' || !Number.isInteger(e.lane) || e.lane < 0 || e.lane > 3) this.fail(`lane ${e.lane} of ${e.a.type} (lanes 0..3 of a vec4f)`);
        return 'f32';
      case 'vec4':
        if (e.lanes.length !== 4 || e.lanes.some((l) => this.expr(l) !== 'f32')) this.fail('vec4 from lanes that are not four f32s');
        return 'vec4f';
      case 'load': {
        const m = this.memory(e.memory, 'load from');
        this.index(e.index, `load from "${e.memory}"`);
        this.access(e.type, m.elem, e.aligned, e.index, `load from "${e.memory}"`);
        return e.type;
      }
      case 'uniform': {
        const field = this.ir.uniforms.find((u) => u.name === e.field) ?? this.fail(`uniform "${e.field}" is not declared`);
        return field.type;
      }
      case 'builtin':
        if (!BUILTINS.has(e.name)) this.fail(`unknown builtin "${String(e.name)}"`);
        return 'u32';
    }
  }

  private call(e: Extract<Expr, { k: 'call' }>): ScalarType {
    const args = e.args.map((a) => this.expr(a));
    const arity = { min: 2, max: 2, select: 3, sqrt: 1, fma: 3 }[e.fn];
    if (arity === undefined) this.fail(`unknown intrinsic "${String(e.fn)}"`);
    if (args.length !== arity) this.fail(`${e.fn} takes ${arity} arguments, got ${args.length}`);
    if (e.fn === 'select') {
      if (args[2] !== 'bool') this.fail(`select condition is ${args[2]} (bool only)`);
      if (args[0] !== args[1]) this.fail(`select arms are ${args[0]} and ${args[1]} (same type)`);
      if (args[0] === 'vec4f') this.fail('select on vec4f');
      return args[0]!;
    }
    if (args.some((a) => a !== args[0])) this.fail(`${e.fn} on ${args.join(', ')} (same type)`);
    const allowed = e.fn === 'min' || e.fn === 'max' ? [...NUMBERS, 'vec4f'] : ['f32', 'vec4f'];
    if (!allowed.includes(args[0]!)) this.fail(`${e.fn} on ${args[0]}`);
    return args[0]!;
  }

  private index(index: Expr, what: string): void {
    if (this.expr(index) !== 'u32') this.fail(`${what}: index is ${index.type} (u32 only)`);
  }

  private access(type: ScalarType, elem: 'f32' | 'u32', aligned: true | undefined, index: Expr, what: string): void {
    if (type !== elem && !(type === 'vec4f' && elem === 'f32')) this.fail(`${what}: ${type} from ${elem} elements`);
    if (aligned && type !== 'vec4f') this.fail(`${what}: aligned access of ${type} (vec4f only)`);
    if (aligned && index.k === 'lit' && (index.value as number) % 4 !== 0) this.fail(`${what}: aligned vec4 at index ${String(index.value)}, not a multiple of 4`);
  }

  /** Same value in every invocation of the workgroup (read-only buffers never change during a launch). */
  private uniform(e: Expr): boolean {
    switch (e.k) {
      case 'lit':
      case 'uniform': return true;
      case 'builtin': return e.name !== 'local_index';
      case 'ref': return this.lookup(e.name)?.uniform === true;
      case 'load': return this.memories.get(e.memory)?.readOnlyBuffer === true && this.uniform(e.index);
      case 'bin': return this.uniform(e.a) && this.uniform(e.b);
      case 'neg':
      case 'lane':
      case 'cast': return this.uniform(e.a);
      case 'call': return e.args.every((a) => this.uniform(a));
      case 'vec4': return e.lanes.every((a) => this.uniform(a));
    }
  }

  private block(stmts: readonly Stmt[], uniformFlow: boolean, loopVar?: { name: string; uniform: boolean }): void {
    this.scopes.push(new Map());
    if (loopVar) this.declare(loopVar.name, { type: 'u32', kind: 'loop', uniform: loopVar.uniform });
    for (const s of stmts) this.stmt(s, uniformFlow);
    this.scopes.pop();
  }

  private stmt(s: Stmt, uniformFlow: boolean): void {
    switch (s.k) {
      case 'let': {
        const type = this.expr(s.value);
        this.declare(s.name, { type, kind: 'let', uniform: this.uniform(s.value) });
        break;
      }
      case 'var':
        if (this.expr(s.init) !== s.type) this.fail(`var "${s.name}" is ${s.type} but its initial value is ${s.init.type}`);
        // Conservative: a var may be assigned per invocation, so it never decides control flow around a barrier.
        this.declare(s.name, { type: s.type, kind: 'var', uniform: false });
        break;
      case 'assign': {
        const b = this.lookup(s.name) ?? this.fail(`assignment to "${s.name}", which is not defined in scope`);
        if (b.kind !== 'var') this.fail(`assignment to ${b.kind === 'let' ? 'let' : 'loop variable'} "${s.name}" (only vars are assigned)`);
        if (this.expr(s.value) !== b.type) this.fail(`assignment of ${s.value.type} to ${b.type} var "${s.name}"`);
        break;
      }
      case 'store': {
        const m = this.memory(s.memory, 'store to');
        if (!m.writable) this.fail(`store to read-only buffer "${s.memory}"`);
        this.index(s.index, `store to "${s.memory}"`);
        this.access(this.expr(s.value), m.elem, s.aligned, s.index, `store to "${s.memory}"`);
        break;
      }
      case 'if': {
        if (this.expr(s.cond) !== 'bool') this.fail(`if condition is ${s.cond.type} (bool only)`);
        const inner = uniformFlow && this.uniform(s.cond);
        this.block(s.then, inner);
        this.block(s.else, inner);
        break;
      }
      case 'for': {
        for (const [part, e] of [['start', s.from], ['bound', s.to], ['step', s.step]] as const) {
          if (this.expr(e) !== 'u32') this.fail(`loop "${s.v}": ${part} is ${e.type} (loop variables are u32)`);
        }
        const uniformLoop = uniformFlow && [s.from, s.to, s.step].every((e) => this.uniform(e));
        this.block(s.body, uniformLoop, { name: s.v, uniform: uniformLoop });
        break;
      }
      case 'barrier':
        if (!uniformFlow) this.fail('barrier in non-uniform control flow (a condition or loop bound depends on local_index, loaded data or a var)');
        if (this.divergentReturn) this.fail('barrier after a return in non-uniform control flow (some invocations may have left)');
        break;
      case 'return':
        if (!uniformFlow) this.divergentReturn = true;
        break;
      case 'comment': break;
    }
  }
}

function describe(e: Expr): string {
  switch (e.k) {
    case 'ref': return `reference to "${e.name}"`;
    case 'bin': return `${e.op} expression`;
    case 'call': return `${e.fn}(…)`;
    case 'load': return `load from "${e.memory}"`;
    case 'uniform': return `uniform "${e.field}"`;
    default: return `${e.k} expression`;
  }
}

/** Throws NeoccError('bad-kernel-ir') naming the kernel and the first problem found; returns when `ir` is valid. */
export function verifyKernel(ir: KernelIR, limits: VerifyLimits = {}): void {
  new Verifier(ir).run(limits);
}
