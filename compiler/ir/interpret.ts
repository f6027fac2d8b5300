import { NeoccError } from '../errors.js';
import type { BinaryOp, Expr, IntrinsicFn, KernelIR, ScalarType, Stmt } from './ir.js';

/**
 * A reference executor of the kernel IR with the semantics written down in ./ir.ts: f32 rounded at every operation
 * (vec4f as 4 f32 lanes), u32/i32 wrapping, WGSL's integer division by zero, both select arms evaluated, workgroup
 * arrays uninitialized (NaN) per workgroup, barriers honoured. Out-of-bounds accesses, misaligned `aligned` vec4
 * accesses and invocations reaching different barriers throw, naming the kernel: the interpreter is a kernel
 * checker as much as an executor. It is a test tool (GPU-free conformance of the exact IR the renderers print),
 * not a fast path.
 *
 * The IR is compiled once per kernel into JS closures (a tree walk per element is ~10x slower). Each invocation
 * runs to completion when the kernel has no barrier; otherwise each is a generator that yields at every barrier,
 * and a workgroup's invocations are stepped in lockstep, so all reach a barrier before any continues.
 */
export type InterpreterBuffer = Float32Array | Uint32Array;

export interface InterpreterLaunch {
  /** Every storage buffer of the kernel, by name: Float32Array for f32 buffers, Uint32Array for u32 ones. */
  readonly buffers: Readonly<Record<string, InterpreterBuffer>>;
  /** Every uniform field, by name. */
  readonly uniforms: Readonly<Record<string, number>>;
  /** Workgroups per axis. */
  readonly grid: readonly [number, number, number];
}

type Value = number | boolean | Float32Array;
/** One workgroup's view: memories (buffers, then its own workgroup arrays), uniforms, ids. */
interface Workgroup {
  readonly mem: readonly InterpreterBuffer[];
  readonly u: readonly number[];
  readonly x: number;
  readonly y: number;
  readonly z: number;
  readonly nx: number;
}
interface Invocation {
  readonly vars: Value[];
  readonly lidx: number;
  readonly w: Workgroup;
}
type Ev = (c: Invocation) => Value;
/** Runs a barrier-free statement; true when the invocation returned. */
type Exec = (c: Invocation) => boolean;
/** Runs a statement with barriers inside, yielding at each; returns true when the invocation returned. */
type Step = (c: Invocation) => Generator<Stmt, boolean, void>;
type Compiled = { readonly exec: Exec } | { readonly step: Step };

const I32_MIN = -2147483648;
/** WGSL's saturation bounds for f32 → integer: the largest f32 values inside the integer ranges. */
const U32_SATURATED = 4294967040;
const I32_SATURATED = 2147483520;

class Compiler {
  private readonly scopes: Array<Map<string, number>> = [new Map()];
  slots = 0;
  readonly memories: Map<string, number>;

  constructor(readonly ir: KernelIR) {
    this.memories = new Map([...ir.buffers.map((b) => b.name), ...ir.shared.map((s) => s.name)].map((name, i) => [name, i]));
  }

  fail(message: string): never {
    throw new NeoccError('bad-kernel-ir', `interpret ${this.ir.name}: ${message}`);
  }

  declare(name: string): number {
    const slot = this.slots++;
    this.scopes[this.scopes.length - 1]!.set(name, slot);
    return slot;
  }

  lookup(name: string): number {
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const slot = this.scopes[i]!.get(name);
      if (slot !== undefined) return slot;
    }
    return this.fail(`"${name}" is not defined`);
  }

  scoped<T>(body: () => T): T {
    this.scopes.push(new Map());
    try {
      return body();
    } finally {
      this.scopes.pop();
    }
  }

  memory(name: string): number {
    return this.memories.get(name) ?? this.fail(`"${name}" is neither a buffer nor a workgroup array`);
  }

  /** Throws the kernel fault for an access at [index, index + width) of memory `slot` of length `length`. */
  checkAccess(kind: 'load from' | 'store to', name: string, index: number, width: number, length: number, aligned: boolean): void {
    if (index + width > length) {
      throw new NeoccError('kernel-fault', `interpret ${this.ir.name}: ${kind} "${name}" at index ${index}${width > 1 ? `..${index + width - 1}` : ''} is out of bounds (length ${length})`);
    }
    if (aligned && index % 4 !== 0) throw new NeoccError('kernel-fault', `interpret ${this.ir.name}: aligned vec4 ${kind} "${name}" at index ${index}, not a multiple of 4`);
  }

  expr(e: Expr): Ev {
    switch (e.k) {
      case 'lit': {
        const v = e.type === 'bool' ? Boolean(e.value) : numeric(e.type, e.value as number);
        return () => v;
      }
      case 'ref': {
        const slot = this.lookup(e.name);
        return (c) => c.vars[slot]!;
      }
      case 'bin': return binary(e.op, e.a.type, this.expr(e.a), this.expr(e.b));
      case 'neg': {
        const a = this.expr(e.a);
        if (e.type === 'vec4f') return (c) => lanes(a(c) as Float32Array, (x) => -x);
        return e.type === 'i32' ? (c) => -(a(c) as number) | 0 : (c) => -(a(c) as number);
      }
      case 'call': return intrinsic(e.fn, e.type, e.args.map((a) => this.expr(a)));
      case 'cast': return cast(e.type, e.a.type, this.expr(e.a));
      case 'lane': {
        const a = this.expr(e.a);
        const l = e.lane;
        return (c) => (a(c) as Float32Array)[l]!;
      }
      case 'vec4': {
        const [a, b, d, f] = e.lanes.map((l) => this.expr(l)) as [Ev, Ev, Ev, Ev];
        return (c) => Float32Array.of(a(c) as number, b(c) as number, d(c) as number, f(c) as number);
      }
      case 'load': {
        const m = this.memory(e.memory);
        const index = this.expr(e.index);
        const name = e.memory;
        const aligned = e.aligned === true;
        if (e.type === 'vec4f') {
          return (c) => {
            const arr = c.w.mem[m]!;
            const i = index(c) as number;
            this.checkAccess('load from', name, i, 4, arr.length, aligned);
            return arr.slice(i, i + 4) as Float32Array;
          };
        }
        return (c) => {
          const arr = c.w.mem[m]!;
          const i = index(c) as number;
          if (i >= arr.length) this.checkAccess('load from', name, i, 1, arr.length, false);
          return arr[i]!;
        };
      }
      case 'uniform': {
        const field = this.ir.uniforms.findIndex((u) => u.name === e.field);
        if (field < 0) this.fail(`uniform "${e.field}" is not declared`);
        return (c) => c.w.u[field]!;
      }
      case 'builtin':
        switch (e.name) {
          case 'local_index': return (c) => c.lidx;
          case 'workgroup_id.x': return (c) => c.w.x;
          case 'workgroup_id.y': return (c) => c.w.y;
          case 'workgroup_id.z': return (c) => c.w.z;
          case 'num_workgroups.x': return (c) => c.w.nx;
        }
    }
  }

  block(stmts: readonly Stmt[]): Compiled {
    return this.scoped(() => {
      const parts = stmts.map((s) => this.stmt(s));
      if (parts.every((p): p is { exec: Exec } => 'exec' in p)) {
        const execs = parts.map((p) => p.exec);
        return { exec: (c) => { for (const f of execs) if (f(c)) return true; return false; } };
      }
      return {
        step: function* (c) {
          for (const p of parts) {
            if ('exec' in p ? p.exec(c) : yield* p.step(c)) return true;
          }
          return false;
        },
      };
    });
  }

  stmt(s: Stmt): Compiled {
    switch (s.k) {
      case 'let':
      case 'var': {
        const value = this.expr(s.k === 'let' ? s.value : s.init);
        const slot = this.declare(s.name);
        return { exec: (c) => { c.vars[slot] = value(c); return false; } };
      }
      case 'assign': {
        const value = this.expr(s.value);
        const slot = this.lookup(s.name);
        return { exec: (c) => { c.vars[slot] = value(c); return false; } };
      }
      case 'store': {
        const m = this.memory(s.memory);
        const index = this.expr(s.index);
        const value = this.expr(s.value);
        const name = s.memory;
        const aligned = s.aligned === true;
        if (s.value.type === 'vec4f') {
          return {
            exec: (c) => {
              const arr = c.w.mem[m]!;
              const i = index(c) as number;
              const v = value(c) as Float32Array;
              this.checkAccess('store to', name, i, 4, arr.length, aligned);
              arr.set(v, i);
              return false;
            },
          };
        }
        return {
          exec: (c) => {
            const arr = c.w.mem[m]!;
            const i = index(c) as number;
            const v = value(c) as number;
            if (i >= arr.length) this.checkAccess('store to', name, i, 1, arr.length, false);
            arr[i] = v;
            return false;
          },
        };
      }
      case 'if': {
        const cond = this.expr(s.cond);
        const t = this.block(s.then);
        const e = this.block(s.else);
        if ('exec' in t && 'exec' in e) return { exec: (c) => (cond(c) ? t.exec(c) : e.exec(c)) };
        const run = (p: Compiled, c: Invocation): Generator<Stmt, boolean, void> | boolean => ('exec' in p ? p.exec(c) : p.step(c));
        return {
          step: function* (c) {
            const r = run(cond(c) ? t : e, c);
            return typeof r === 'boolean' ? r : yield* r;
          },
        };
      }
      case 'for': return this.loop(s);
      case 'barrier': return { step: function* () { yield s; return false; } };
      case 'return': return { exec: () => true };
      case 'comment': return { exec: () => false };
    }
  }

  private loop(s: Extract<Stmt, { k: 'for' }>): Compiled {
    const [from, to, step] = [this.expr(s.from), this.expr(s.to), this.expr(s.step)];
    return this.scoped(() => {
      const slot = this.declare(s.v);
      const body = this.block(s.body);
      const advance = (c: Invocation): void => {
        const by = step(c) as number;
        if (by === 0) this.fail(`loop "${s.v}" has step 0 (it would never end)`);
        c.vars[slot] = ((c.vars[slot] as number) + by) >>> 0;
      };
      const more = (c: Invocation): boolean => (c.vars[slot] as number) < (to(c) as number);
      if ('exec' in body) {
        const run = body.exec;
        return { exec: (c) => { for (c.vars[slot] = from(c); more(c); advance(c)) if (run(c)) return true; return false; } };
      }
      const run = body.step;
      return {
        step: function* (c) {
          for (c.vars[slot] = from(c); more(c); advance(c)) if (yield* run(c)) return true;
          return false;
        },
      };
    });
  }
}

/** A number as a value of `type` (literals and uniforms). */
function numeric(type: ScalarType, v: number): number {
  return type === 'f32' ? Math.fround(v) : type === 'u32' ? v >>> 0 : type === 'i32' ? v | 0 : v;
}

function lanes(a: Float32Array, f: (x: number, i: number) => number): Float32Array {
  // Writing a Float32Array rounds each lane to f32.
  return Float32Array.of(f(a[0]!, 0), f(a[1]!, 1), f(a[2]!, 2), f(a[3]!, 3));
}

/** Arithmetic on two numbers of `type`, as one closure per operator (no second call per operation: ~2x faster). */
function arithmetic(op: BinaryOp, type: 'f32' | 'u32' | 'i32', a: Ev, b: Ev): Ev | undefined {
  const fr = Math.fround;
  const n = (e: Ev, c: Invocation): number => e(c) as number;
  switch (`${type}${op}`) {
    case 'f32+': return (c) => fr(n(a, c) + n(b, c));
    case 'f32-': return (c) => fr(n(a, c) - n(b, c));
    case 'f32*': return (c) => fr(n(a, c) * n(b, c));
    case 'f32/': return (c) => fr(n(a, c) / n(b, c));
    case 'f32%': return (c) => fr(n(a, c) % n(b, c));
    case 'u32+': return (c) => (n(a, c) + n(b, c)) >>> 0;
    case 'u32-': return (c) => (n(a, c) - n(b, c)) >>> 0;
    case 'u32*': return (c) => Math.imul(n(a, c), n(b, c)) >>> 0;
    case 'u32/': return (c) => { const x = n(a, c); const y = n(b, c); return y === 0 ? x : Math.floor(x / y); };
    case 'u32%': return (c) => { const x = n(a, c); const y = n(b, c); return y === 0 ? 0 : x % y; };
    case 'i32+': return (c) => (n(a, c) + n(b, c)) | 0;
    case 'i32-': return (c) => (n(a, c) - n(b, c)) | 0;
    case 'i32*': return (c) => Math.imul(n(a, c), n(b, c));
    case 'i32/': return (c) => { const x = n(a, c); const y = n(b, c); return y === 0 || (x === I32_MIN && y === -1) ? x : (x / y) | 0; };
    case 'i32%': return (c) => { const x = n(a, c); const y = n(b, c); return y === 0 || (x === I32_MIN && y === -1) ? 0 : (x % y) | 0; };
    default: return undefined;
  }
}

/** Lane-wise vec4f arithmetic (each lane rounded to f32 when written). */
const VEC4_ARITHMETIC: Partial<Record<BinaryOp, (x: number, y: number) => number>> = {
  '+': (x, y) => x + y, '-': (x, y) => x - y, '*': (x, y) => x * y, '/': (x, y) => x / y,
};

function binary(op: BinaryOp, type: ScalarType, a: Ev, b: Ev): Ev {
  switch (op) {
    case '&&': return (c) => (a(c) as boolean) && (b(c) as boolean);
    case '||': return (c) => (a(c) as boolean) || (b(c) as boolean);
    case '<': return (c) => (a(c) as number) < (b(c) as number);
    case '<=': return (c) => (a(c) as number) <= (b(c) as number);
    case '>': return (c) => (a(c) as number) > (b(c) as number);
    case '>=': return (c) => (a(c) as number) >= (b(c) as number);
    case '==': return (c) => a(c) === b(c);
    case '!=': return (c) => a(c) !== b(c);
    default: break;
  }
  const f = type === 'vec4f' ? VEC4_ARITHMETIC[op] : undefined;
  if (f) return (c) => { const y = b(c) as Float32Array; return lanes(a(c) as Float32Array, (x, i) => f(x, y[i]!)); };
  const scalar = type === 'f32' || type === 'u32' || type === 'i32' ? arithmetic(op, type, a, b) : undefined;
  return scalar ?? ((): never => { throw new NeoccError('bad-kernel-ir', `interpret: ${op} on ${type}`); })();
}

function intrinsic(fn: IntrinsicFn, type: ScalarType, args: readonly Ev[]): Ev {
  const [a, b, d] = args as [Ev, Ev, Ev];
  const vec = type === 'vec4f';
  switch (fn) {
    case 'min':
      return vec ? (c) => { const y = b(c) as Float32Array; return lanes(a(c) as Float32Array, (x, i) => Math.min(x, y[i]!)); } : (c) => Math.min(a(c) as number, b(c) as number);
    case 'max':
      return vec ? (c) => { const y = b(c) as Float32Array; return lanes(a(c) as Float32Array, (x, i) => Math.max(x, y[i]!)); } : (c) => Math.max(a(c) as number, b(c) as number);
    case 'sqrt': return vec ? (c) => lanes(a(c) as Float32Array, Math.sqrt) : (c) => Math.fround(Math.sqrt(a(c) as number));
    // Rounded twice (product, then sum): one of the two roundings ./ir.ts allows.
    case 'fma':
      return vec
        ? (c) => { const y = b(c) as Float32Array; const z = d(c) as Float32Array; return lanes(a(c) as Float32Array, (x, i) => Math.fround(x * y[i]!) + z[i]!); }
        : (c) => Math.fround(Math.fround((a(c) as number) * (b(c) as number)) + (d(c) as number));
    // Both arms are evaluated (an unselected out-of-bounds load still faults), then one is picked.
    case 'select': return (c) => { const ifFalse = a(c); const ifTrue = b(c); return d(c) ? ifTrue : ifFalse; };
  }
}

function cast(to: ScalarType, from: ScalarType, a: Ev): Ev {
  if (to === from) return a;
  if (to === 'vec4f') return (c) => { const v = a(c) as number; return Float32Array.of(v, v, v, v); };
  if (to === 'bool') return (c) => a(c) !== 0;
  if (from === 'bool') return (c) => (a(c) ? 1 : 0);
  if (to === 'f32') return (c) => Math.fround(a(c) as number);
  if (from === 'f32') {
    const [lo, hi] = to === 'u32' ? [0, U32_SATURATED] : [I32_MIN, I32_SATURATED];
    return (c) => { const v = a(c) as number; return Number.isNaN(v) ? 0 : Math.min(hi, Math.max(lo, Math.trunc(v))); };
  }
  // u32 <-> i32: the same 32 bits.
  return to === 'u32' ? (c) => (a(c) as number) >>> 0 : (c) => (a(c) as number) | 0;
}

interface Program {
  readonly body: Compiled;
  readonly slots: number;
}
const PROGRAMS = new WeakMap<KernelIR, Program>();

function compile(ir: KernelIR): Program {
  let program = PROGRAMS.get(ir);
  if (!program) {
    const compiler = new Compiler(ir);
    const body = compiler.block(ir.body);
    program = { body, slots: compiler.slots };
    PROGRAMS.set(ir, program);
  }
  return program;
}

/** Launch arguments in the kernel's order, checked against its declarations. */
function bind(ir: KernelIR, launch: InterpreterLaunch): { buffers: InterpreterBuffer[]; uniforms: number[] } {
  const fail = (message: string): never => {
    throw new NeoccError('bad-launch', `interpret ${ir.name}: ${message}`);
  };
  const buffers = ir.buffers.map((d) => {
    const buffer = launch.buffers[d.name] ?? fail(`no buffer "${d.name}"`);
    if ((d.elem === 'f32') !== buffer instanceof Float32Array) fail(`buffer "${d.name}" holds ${d.elem}: pass a ${d.elem === 'f32' ? 'Float32Array' : 'Uint32Array'}`);
    return buffer;
  });
  const uniforms = ir.uniforms.map((u) => numeric(u.type, launch.uniforms[u.name] ?? fail(`no value for uniform "${u.name}"`)));
  if (!launch.grid.every((n) => Number.isInteger(n) && n >= 0)) fail(`grid ${launch.grid.join('x')} is not whole numbers`);
  return { buffers, uniforms };
}

/** Runs `ir` over `launch.grid`, writing its output buffers in place. */
export function runKernel(ir: KernelIR, launch: InterpreterLaunch): void {
  const { body, slots } = compile(ir);
  const { buffers, uniforms } = bind(ir, launch);
  const [gx, gy, gz] = launch.grid;
  const vars = new Array<Value>(slots).fill(0);
  for (let z = 0; z < gz; z++) {
    for (let y = 0; y < gy; y++) {
      for (let x = 0; x < gx; x++) {
        // Workgroup arrays start uninitialized: NaN makes a read-before-write visible.
        const shared = ir.shared.map((s) => new Float32Array(s.length).fill(Number.NaN));
        const w: Workgroup = { mem: [...buffers, ...shared], u: uniforms, x, y, z, nx: gx };
        if ('exec' in body) {
          // One invocation after another: they can share one set of variables (each is defined before it is read).
          for (let lidx = 0; lidx < ir.workgroupSize; lidx++) body.exec({ vars, lidx, w });
        } else {
          const invocations = Array.from({ length: ir.workgroupSize }, (_, lidx): Invocation => ({ vars: new Array<Value>(slots), lidx, w }));
          runLockstep(ir, invocations.map((c) => body.step(c)));
        }
      }
    }
  }
}

/** Steps every invocation to its next barrier (or its end) before any passes it. */
function runLockstep(ir: KernelIR, invocations: Array<Generator<Stmt, boolean, void>>): void {
  let active = invocations;
  while (active.length > 0) {
    let barrier: Stmt | undefined;
    const waiting: Array<Generator<Stmt, boolean, void>> = [];
    for (const g of active) {
      const r = g.next();
      if (r.done) continue;
      if (barrier !== undefined && r.value !== barrier) throw new NeoccError('kernel-fault', `interpret ${ir.name}: invocations of one workgroup reached different barriers (non-uniform control flow)`);
      barrier = r.value;
      waiting.push(g);
    }
    active = waiting;
  }
}
