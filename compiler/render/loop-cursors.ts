import { add, mul, u32 } from '../ir/build.js';
import type { Expr, Stmt } from '../ir/ir.js';

/**
 * Loop strength reduction for CPU renderers. In a kernel's inner loop most addresses are affine in the loop variable
 * (a GEMM's `wt[panel + 16·k + 4j]`, `x[row·K + k]`): printed as written, every iteration recomputes `base + (index
 * << 2)` from k for each access stream, and V8's TurboFan does not strength-reduce that itself. A *cursor* is one
 * byte pointer per stream instead: set before the loop to the address at the first iteration, advanced by a literal
 * stride at the end of each iteration, and each access becomes `cursor + literal offset`, which folds into the load's
 * addressing mode. On the GEMM micro-kernel that is the difference between ~55% and ~80% of the core's FMA peak
 * (docs/ARCHITECTURE.md, "WebAssembly kernels").
 *
 * Exactness: wasm32 addresses are u32 and IR indices wrap modulo 2^32, so `cursor = base + 4·(rest + c·from) + 4·c·step`
 * per iteration is the same number as `base + 4·(rest + c·k)` — modular arithmetic, for every iteration, including
 * accesses under a condition that never runs. No bounds change, nothing is read that the kernel would not read.
 *
 * An access qualifies when its element index is `rest + c·v + literal` with v the loop variable, c a nonzero literal,
 * and `rest` invariant in the loop: built from literals, uniforms, builtins and names declared outside the loop that
 * the loop never assigns (no loads: memory may change inside the loop). `let`s of the loop body are looked through.
 * Accesses with the same memory, c and rest share one cursor (their literals become the static offsets).
 */

/** One byte pointer the renderer declares before the loop and advances at the end of every iteration. */
export interface Cursor {
  /** The printed name (unique in the kernel). */
  readonly name: string;
  readonly memory: string;
  /** The element index the cursor points at on the first iteration (u32 IR, evaluated before the loop). */
  readonly start: Expr;
  /** Elements the cursor advances per iteration (c · step, modulo 2^32). */
  readonly stride: number;
}

/** How the renderer prints one access: the cursor plus a static element offset (≥ 0). */
export interface CursorAccess {
  readonly cursor: string;
  readonly elementOffset: number;
}

export interface LoopCursors {
  readonly cursors: readonly Cursor[];
  /** Keyed by the load Expr or store Stmt node (object identity) inside the loop body. */
  readonly accesses: ReadonlyMap<Expr | Stmt, CursorAccess>;
  /** `let`s of the body that only fed replaced addresses (a GEMM's `w_base`, `x_k`): not printed. */
  readonly deadLets: ReadonlySet<string>;
  /**
   * Set when the loop needs no counter: literal bounds (trip ≥ 1 iterations), the loop variable read by nothing left,
   * and cursors[0] moving less than 2^32 bytes in all. The renderer then loops until cursors[0] reaches its end,
   * `endBytes` past its start: one add and one compare-and-branch per iteration instead of two adds and a compare.
   */
  readonly countedByCursor?: { readonly endBytes: number };
}

/**
 * At most this many cursors per loop: each one is a general-purpose register held across the loop, and x86-64 V8 has
 * about a dozen for everything. Streams past the budget keep their computed addresses (those with the fewest accesses).
 */
const MAX_CURSORS = 4;
/** Static offsets are u32 immediates of load/store; keep them well inside. */
const MAX_OFFSET_ELEMENTS = 2 ** 28;
const U32 = 2 ** 32;

/** `rest + coef·v + konst`: rest a list of invariant u32 terms, coef and konst modulo 2^32. */
interface Affine {
  readonly coef: number;
  readonly terms: readonly Expr[];
  readonly konst: number;
}

const wrap = (x: number): number => ((x % U32) + U32) % U32;
/** (a · b) mod 2^32 without losing bits to float rounding. */
const mulWrap = (a: number, b: number): number => Number((BigInt(a) * BigInt(b)) % BigInt(U32));

type ForStmt = Extract<Stmt, { k: 'for' }>;

/** Names declared or assigned anywhere in `stmts` (nested blocks included): their values may change per iteration. */
function variantNames(stmts: readonly Stmt[], into: Set<string>): Set<string> {
  for (const s of stmts) {
    switch (s.k) {
      case 'let': case 'var': into.add(s.name); break;
      case 'assign': into.add(s.name); break;
      case 'if': variantNames(s.then, into); variantNames(s.else, into); break;
      case 'for': into.add(s.v); variantNames(s.body, into); break;
      default: break;
    }
  }
  return into;
}

/** The body's `let`s by name (names are unique per kernel, so nested blocks can share one map). */
function bodyLets(stmts: readonly Stmt[], into: Map<string, Expr>): Map<string, Expr> {
  for (const s of stmts) {
    if (s.k === 'let') into.set(s.name, s.value);
    else if (s.k === 'if') { bodyLets(s.then, into); bodyLets(s.else, into); } else if (s.k === 'for') bodyLets(s.body, into);
  }
  return into;
}

class AffineAnalysis {
  private readonly memo = new Map<string, Affine | undefined>();

  constructor(private readonly v: string, private readonly variant: ReadonlySet<string>, private readonly lets: ReadonlyMap<string, Expr>) {}

  invariant(e: Expr): boolean {
    switch (e.k) {
      case 'lit': case 'uniform': case 'builtin': return true;
      case 'ref': return !this.variant.has(e.name);
      case 'load': return false;
      case 'bin': return this.invariant(e.a) && this.invariant(e.b);
      case 'neg': case 'cast': case 'lane': return this.invariant(e.a);
      case 'call': return e.args.every((a) => this.invariant(a));
      case 'vec4': return e.lanes.every((l) => this.invariant(l));
    }
  }

  of(e: Expr): Affine | undefined {
    if (e.type !== 'u32') return undefined;
    if (e.k === 'lit') return { coef: 0, terms: [], konst: e.value as number };
    if (this.invariant(e)) return { coef: 0, terms: [e], konst: 0 };
    if (e.k === 'ref') {
      if (e.name === this.v) return { coef: 1, terms: [], konst: 0 };
      const value = this.lets.get(e.name);
      if (value === undefined) return undefined;
      if (!this.memo.has(e.name)) this.memo.set(e.name, this.of(value));
      return this.memo.get(e.name);
    }
    if (e.k !== 'bin') return undefined;
    if (e.op === '+') {
      const a = this.of(e.a);
      const b = a && this.of(e.b);
      return a && b ? { coef: wrap(a.coef + b.coef), terms: [...a.terms, ...b.terms], konst: wrap(a.konst + b.konst) } : undefined;
    }
    if (e.op === '*') {
      const [x, c] = e.b.k === 'lit' ? [e.a, e.b.value as number] : e.a.k === 'lit' ? [e.b, e.a.value as number] : [undefined, 0];
      const a = x && this.of(x);
      return a ? { coef: mulWrap(a.coef, c), terms: a.terms.map((t) => mul(t, u32(c))), konst: mulWrap(a.konst, c) } : undefined;
    }
    return undefined;
  }
}

/** Every load and store in `stmts` (nested blocks and loops included) with its memory and index. */
function accesses(stmts: readonly Stmt[], into: Array<{ node: Expr | Stmt; memory: string; index: Expr }>): void {
  const expr = (e: Expr): void => {
    switch (e.k) {
      case 'load': into.push({ node: e, memory: e.memory, index: e.index }); expr(e.index); break;
      case 'bin': expr(e.a); expr(e.b); break;
      case 'neg': case 'cast': case 'lane': expr(e.a); break;
      case 'call': e.args.forEach(expr); break;
      case 'vec4': e.lanes.forEach(expr); break;
      default: break;
    }
  };
  for (const s of stmts) {
    switch (s.k) {
      case 'let': expr(s.value); break;
      case 'var': expr(s.init); break;
      case 'assign': expr(s.value); break;
      case 'store': into.push({ node: s, memory: s.memory, index: s.index }); expr(s.index); expr(s.value); break;
      case 'if': expr(s.cond); accesses(s.then, into); accesses(s.else, into); break;
      case 'for': expr(s.from); expr(s.to); expr(s.step); accesses(s.body, into); break;
      default: break;
    }
  }
}

/**
 * The cursors for loop `s` (empty when its step is not a literal or no access qualifies); `name(i)` names the i-th
 * cursor the kernel declares, `firstIndex` is how many the kernel has declared so far.
 */
export function loopCursors(s: ForStmt, name: (index: number) => string, firstIndex: number, elementBytes: (memory: string) => number): LoopCursors {
  const none: LoopCursors = { cursors: [], accesses: new Map(), deadLets: new Set() };
  if (s.step.k !== 'lit') return none;
  const step = s.step.value as number;
  const analysis = new AffineAnalysis(s.v, variantNames(s.body, new Set([s.v])), bodyLets(s.body, new Map()));
  const found: Array<{ node: Expr | Stmt; memory: string; index: Expr }> = [];
  accesses(s.body, found);
  const groups = new Map<string, { memory: string; affine: Affine; members: Array<{ node: Expr | Stmt; konst: number }> }>();
  for (const access of found) {
    const affine = analysis.of(access.index);
    if (!affine || affine.coef === 0) continue;
    const key = JSON.stringify([access.memory, affine.coef, affine.terms]);
    const group = groups.get(key) ?? { memory: access.memory, affine, members: [] };
    group.members.push({ node: access.node, konst: affine.konst });
    groups.set(key, group);
  }
  const chosen = [...groups.values()].sort((a, b) => b.members.length - a.members.length).slice(0, MAX_CURSORS);
  const cursors: Cursor[] = [];
  const map = new Map<Expr | Stmt, CursorAccess>();
  for (const group of chosen) {
    const base = Math.min(...group.members.map((m) => m.konst));
    if (group.members.some((m) => m.konst - base >= MAX_OFFSET_ELEMENTS)) continue;
    const cursor = name(firstIndex + cursors.length);
    // rest + coef·from + base, literals summed here (modulo 2^32) rather than by the builder, which refuses a wrap.
    const { coef, terms } = group.affine;
    const fromTerms = s.from.k === 'lit' ? [] : [mul(s.from, u32(coef))];
    const konst = wrap(base + (s.from.k === 'lit' ? mulWrap(coef, s.from.value as number) : 0));
    const start = [...terms, ...fromTerms].reduce((sum, t) => add(sum, t), u32(konst));
    cursors.push({ name: cursor, memory: group.memory, start, stride: mulWrap(group.affine.coef, step) });
    for (const m of group.members) map.set(m.node, { cursor, elementOffset: m.konst - base });
  }
  if (cursors.length === 0) return none;
  const live = liveNames(s.body, map);
  const deadLets = new Set([...bodyLets(s.body, new Map()).keys()].filter((n) => !live.has(n)));
  const trip = s.from.k === 'lit' && s.to.k === 'lit' && step > 0 ? Math.ceil(((s.to.value as number) - (s.from.value as number)) / step) : 0;
  const endBytes = trip * cursors[0]!.stride * elementBytes(cursors[0]!.memory);
  const counted = !live.has(s.v) && trip >= 1 && endBytes > 0 && endBytes < U32;
  return { cursors, accesses: map, deadLets, ...(counted ? { countedByCursor: { endBytes } } : {}) };
}

/**
 * Names still read in `stmts` once the accesses in `replaced` print as cursors (their index expressions are gone):
 * from every statement other than a `let`, and from the value of every `let` that is itself read (to a fixed point).
 */
function liveNames(stmts: readonly Stmt[], replaced: ReadonlyMap<Expr | Stmt, CursorAccess>): Set<string> {
  const lets = bodyLets(stmts, new Map());
  const live = new Set<string>();
  const pending: string[] = [];
  const expr = (e: Expr): void => {
    switch (e.k) {
      case 'ref':
        if (!live.has(e.name)) { live.add(e.name); pending.push(e.name); }
        break;
      case 'load': if (!replaced.has(e)) expr(e.index); break;
      case 'bin': expr(e.a); expr(e.b); break;
      case 'neg': case 'cast': case 'lane': expr(e.a); break;
      case 'call': e.args.forEach(expr); break;
      case 'vec4': e.lanes.forEach(expr); break;
      default: break;
    }
  };
  const walk = (list: readonly Stmt[]): void => {
    for (const t of list) {
      switch (t.k) {
        case 'var': expr(t.init); break;
        case 'assign': live.add(t.name); expr(t.value); break;
        case 'store': if (!replaced.has(t)) expr(t.index); expr(t.value); break;
        case 'if': expr(t.cond); walk(t.then); walk(t.else); break;
        case 'for': expr(t.from); expr(t.to); expr(t.step); walk(t.body); break;
        default: break;
      }
    }
  };
  walk(stmts);
  for (let n = pending.pop(); n !== undefined; n = pending.pop()) {
    const value = lets.get(n);
    if (value) expr(value);
  }
  return live;
}
