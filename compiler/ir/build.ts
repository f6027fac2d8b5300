import type { BinaryOp, BuiltinName, Expr, IntrinsicFn, KernelIR, ScalarType, Stmt } from './ir.js';

/**
 * Expression constructors. They fold constants, so a kernel specialized for a spec prints `5u` where a generic one
 * prints `params.k + 1u`: specialization is just building the same IR with literals in place of loads.
 */
export const u32 = (value: number): Expr => {
  if (!Number.isInteger(value) || value < 0 || value > 0xffffffff) throw new RangeError(`u32 literal out of range: ${value}`);
  return { k: 'lit', type: 'u32', value };
};
export const i32 = (value: number): Expr => ({ k: 'lit', type: 'i32', value });
export const f32 = (value: number): Expr => ({ k: 'lit', type: 'f32', value: Math.fround(value) });
export const bool = (value: boolean): Expr => ({ k: 'lit', type: 'bool', value });
export const builtin = (name: BuiltinName): Expr => ({ k: 'builtin', type: 'u32', name });
export const uniform = (field: string, type: ScalarType = 'u32'): Expr => ({ k: 'uniform', type, field });
export const load = (memory: string, index: Expr, type: ScalarType = 'f32'): Expr => ({ k: 'load', type, memory, index });
export const ref = (name: string, type: ScalarType): Expr => ({ k: 'ref', type, name });
export const cast = (type: ScalarType, a: Expr): Expr => (a.type === type ? a : { k: 'cast', type, a });
/** Four f32 lanes all equal to `a` (f32). */
export function splat(a: Expr): Expr {
  if (a.type !== 'f32') throw new TypeError(`IR: splat of ${a.type}`);
  return { k: 'cast', type: 'vec4f', a };
}
/**
 * Elements index..index+3 of an f32 memory as one vec4f; `aligned` only where the caller proves index is a multiple
 * of 4 in every launch (see `aligned` in ir.ts).
 */
export function loadVec4(memory: string, index: Expr, options: { aligned?: boolean } = {}): Expr {
  return options.aligned ? { k: 'load', type: 'vec4f', memory, index, aligned: true } : load(memory, index, 'vec4f');
}
/** A vec4f with lanes (a, b, c, d), all f32; four equal lanes are a splat. */
export function vec4(a: Expr, b: Expr, c: Expr, d: Expr): Expr {
  const lanes = [a, b, c, d] as const;
  if (lanes.some((l) => l.type !== 'f32')) throw new TypeError(`IR: vec4 of ${lanes.map((l) => l.type).join(', ')}`);
  const same = (l: Expr): boolean => (l.k === 'lit' && a.k === 'lit' && Object.is(l.value, a.value)) || (l.k === 'ref' && a.k === 'ref' && l.name === a.name);
  if (lanes.every(same)) return splat(a);
  return { k: 'vec4', type: 'vec4f', lanes };
}
export function lane(a: Expr, i: number): Expr {
  if (a.type !== 'vec4f' || !Number.isInteger(i) || i < 0 || i > 3) throw new TypeError(`IR: lane ${i} of ${a.type}`);
  return { k: 'lane', type: 'f32', a, lane: i };
}

export function isLit(e: Expr): e is Extract<Expr, { k: 'lit' }> {
  return e.k === 'lit';
}
export function litValue(e: Expr): number | undefined {
  return e.k === 'lit' && typeof e.value === 'number' ? e.value : undefined;
}

const COMPARISONS = new Set<BinaryOp>(['<', '<=', '>', '>=', '==', '!=']);

function foldNumeric(op: BinaryOp, x: number, y: number, type: ScalarType): number | boolean | undefined {
  switch (op) {
    case '+': return type === 'u32' && x + y > 0xffffffff ? undefined : x + y;
    case '-': return type === 'u32' && x - y < 0 ? undefined : x - y;
    case '*': return type === 'f32' ? Math.fround(x * y) : x * y;
    case '/': return y === 0 ? undefined : type === 'f32' ? Math.fround(x / y) : Math.trunc(x / y);
    case '%': return y === 0 || type === 'f32' ? undefined : x % y;
    case '<': return x < y;
    case '<=': return x <= y;
    case '>': return x > y;
    case '>=': return x >= y;
    case '==': return x === y;
    case '!=': return x !== y;
    default: return undefined;
  }
}

export function bin(op: BinaryOp, a: Expr, b: Expr): Expr {
  if (a.type !== b.type) throw new TypeError(`IR: ${op} on ${a.type} and ${b.type}`);
  const type: ScalarType = COMPARISONS.has(op) || op === '&&' || op === '||' ? 'bool' : a.type;
  if (a.type === 'vec4f' && !['+', '-', '*', '/'].includes(op)) throw new TypeError(`IR: ${op} on vec4f (lane-wise + - * / only)`);
  if (a.k === 'lit' && b.k === 'lit') {
    if (op === '&&') return bool(Boolean(a.value) && Boolean(b.value));
    if (op === '||') return bool(Boolean(a.value) || Boolean(b.value));
    const folded = foldNumeric(op, a.value as number, b.value as number, a.type);
    if (folded !== undefined) return { k: 'lit', type, value: folded };
    // WGSL rejects constant expressions that overflow, so a literal u32 wrap is a generator bug: fail here.
    if (a.type === 'u32' && (op === '-' || op === '+')) throw new RangeError(`IR: u32 overflow folding ${a.value} ${op} ${b.value}`);
  }
  // Algebraic identities that specialization makes common (x + 0, x * 1, x * 0 for integers, true && x).
  const av = litValue(a);
  const bv = litValue(b);
  if (op === '+' && bv === 0) return a;
  if (op === '+' && av === 0) return b;
  if (op === '-' && bv === 0) return a;
  if (op === '*' && bv === 1) return a;
  if (op === '*' && av === 1) return b;
  if (op === '*' && a.type !== 'f32' && a.type !== 'vec4f' && (av === 0 || bv === 0)) return { k: 'lit', type, value: 0 };
  if (op === '/' && bv === 1) return a;
  if (op === '&&' && a.k === 'lit') return a.value ? b : a;
  if (op === '&&' && b.k === 'lit') return b.value ? a : b;
  if (op === '||' && a.k === 'lit') return a.value ? a : b;
  if (op === '||' && b.k === 'lit') return b.value ? b : a;
  return { k: 'bin', type, op, a, b };
}

export const add = (a: Expr, b: Expr): Expr => bin('+', a, b);
export const sub = (a: Expr, b: Expr): Expr => bin('-', a, b);
export const mul = (a: Expr, b: Expr): Expr => bin('*', a, b);
export const div = (a: Expr, b: Expr): Expr => bin('/', a, b);
export const mod = (a: Expr, b: Expr): Expr => bin('%', a, b);
export const lt = (a: Expr, b: Expr): Expr => bin('<', a, b);
export const ge = (a: Expr, b: Expr): Expr => bin('>=', a, b);
export const eq = (a: Expr, b: Expr): Expr => bin('==', a, b);
export const and = (a: Expr, b: Expr): Expr => bin('&&', a, b);

export function call(fn: IntrinsicFn, ...args: Expr[]): Expr {
  const type = fn === 'select' ? args[0]!.type : args[0]!.type;
  if (args.every(isLit) && (fn === 'min' || fn === 'max')) {
    const values = args.map((a) => a.value as number);
    return { k: 'lit', type, value: fn === 'min' ? Math.min(...values) : Math.max(...values) };
  }
  if (fn === 'select' && args[2]!.k === 'lit') return args[2]!.value ? args[1]! : args[0]!;
  return { k: 'call', type, fn, args };
}
export const min = (a: Expr, b: Expr): Expr => call('min', a, b);
export const max = (a: Expr, b: Expr): Expr => call('max', a, b);
/** cond ? ifTrue : ifFalse */
export const select = (cond: Expr, ifTrue: Expr, ifFalse: Expr): Expr => call('select', ifFalse, ifTrue, cond);
export const ceilDiv = (a: Expr, b: Expr): Expr => div(add(a, sub(b, u32(1))), b);

/**
 * Collects statements for one block. `let` returns a reference to the new name (or the expression itself when it is
 * a literal, so constants keep folding); names are made unique per kernel.
 */
export class BlockBuilder {
  readonly stmts: Stmt[] = [];
  private readonly names: Map<string, number>;

  constructor(names: Map<string, number> = new Map()) {
    this.names = names;
  }

  private fresh(base: string): string {
    const n = this.names.get(base) ?? 0;
    this.names.set(base, n + 1);
    return n === 0 ? base : `${base}_${n}`;
  }

  let(base: string, value: Expr): Expr {
    if (value.k === 'lit' || value.k === 'ref' || value.k === 'builtin' || value.k === 'uniform') return value;
    const name = this.fresh(base);
    this.stmts.push({ k: 'let', name, value });
    return ref(name, value.type);
  }

  var(base: string, init: Expr): { ref: Expr; name: string } {
    const name = this.fresh(base);
    this.stmts.push({ k: 'var', name, type: init.type, init });
    return { ref: ref(name, init.type), name };
  }

  assign(name: string, value: Expr): void {
    this.stmts.push({ k: 'assign', name, value });
  }

  /** `aligned`: a vec4f store whose index the caller proves is a multiple of 4 (see ir.ts). */
  store(memory: string, index: Expr, value: Expr, options: { aligned?: boolean } = {}): void {
    if (options.aligned && value.type !== 'vec4f') throw new TypeError(`IR: aligned store of ${value.type} (vec4f only)`);
    this.stmts.push(options.aligned ? { k: 'store', memory, index, value, aligned: true } : { k: 'store', memory, index, value });
  }

  comment(text: string): void {
    this.stmts.push({ k: 'comment', text });
  }

  barrier(): void {
    this.stmts.push({ k: 'barrier' });
  }

  return(): void {
    this.stmts.push({ k: 'return' });
  }

  /** if (cond) { then } else { otherwise }; a literal condition keeps only the taken side. */
  if(cond: Expr, then: (b: BlockBuilder) => void, otherwise?: (b: BlockBuilder) => void): void {
    if (cond.k === 'lit') {
      if (cond.value) then(this);
      else otherwise?.(this);
      return;
    }
    const t = this.child();
    then(t);
    const e = this.child();
    otherwise?.(e);
    if (t.stmts.length === 0 && e.stmts.length === 0) return;
    this.stmts.push({ k: 'if', cond, then: t.stmts, else: e.stmts });
  }

  /** A u32 loop; unrolled when both bounds are literals and the trip count is at most `unrollLimit`. */
  for(base: string, from: Expr, to: Expr, body: (b: BlockBuilder, v: Expr) => void, options: { step?: Expr; unrollLimit?: number } = {}): void {
    const step = options.step ?? u32(1);
    const [f, t, s] = [litValue(from), litValue(to), litValue(step)];
    if (f !== undefined && t !== undefined && s !== undefined && (t - f) / s <= (options.unrollLimit ?? 16)) {
      for (let v = f; v < t; v += s) body(this, u32(v));
      return;
    }
    const name = this.fresh(base);
    const inner = this.child();
    body(inner, ref(name, 'u32'));
    this.stmts.push({ k: 'for', v: name, from, to, step, body: inner.stmts });
  }

  child(): BlockBuilder {
    return new BlockBuilder(this.names);
  }
}

/** Freezes a finished kernel so no pass can change it after construction. */
export function finishKernel(kernel: KernelIR): KernelIR {
  return deepFreeze(kernel);
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as object)) deepFreeze(v);
  }
  return value;
}
