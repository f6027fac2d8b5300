import { NotSupportedError } from '../errors.js';
import type { Expr, KernelIR, ScalarType, Stmt } from '../ir/ir.js';

/**
 * Loop fission for targets that run a workgroup's invocations one after another (WebAssembly, plain CPU code):
 * splits a kernel body into workgroup-level statements (run once per workgroup) and per-invocation *segments*
 * (run for local_index = 0..workgroupSize-1 before the next workgroup-level step). A barrier ends a segment, so every
 * invocation finishes the code before a barrier before any starts the code after it — what the barrier promises.
 *
 * Legal only where WGSL's uniformity rules put barriers anyway: in workgroup-uniform control flow. Workgroup-uniform
 * values are hoisted to workgroup level; per-invocation values that live across a barrier (a tiled matmul's
 * accumulators) are *carried*: each gets a slot per invocation in scratch memory, stored at the end of every segment
 * that declares or assigns it and loaded at the start of every later segment that uses it. Refused with
 * NotSupportedError: a barrier under non-uniform control flow, and an invocation that returns early in non-uniform
 * control flow before a later segment (WGSL's uniformity analysis rejects both too).
 *
 * A barrier-free kernel becomes its uniform prefix (hoisted, computed once per workgroup) plus one segment.
 */
export type WorkgroupNode =
  /** Runs once per workgroup: a uniform `let`, a comment, or a uniform `if` holding only such statements and returns. */
  | { readonly k: 'stmt'; readonly stmt: Stmt }
  /** A uniform `if` with a barrier inside. */
  | { readonly k: 'if'; readonly cond: Expr; readonly then: readonly WorkgroupNode[]; readonly else: readonly WorkgroupNode[] }
  /** A uniform `for` with a barrier inside. */
  | { readonly k: 'for'; readonly v: string; readonly from: Expr; readonly to: Expr; readonly step: Expr; readonly body: readonly WorkgroupNode[] }
  /**
   * Runs per invocation; `liveIn` are the workgroup-level names it reads; `fills` the carried values to load before
   * its statements, `spills` the carried values to store after them (slot numbers index the carry area).
   */
  | {
    readonly k: 'segment'; readonly index: number; readonly stmts: readonly Stmt[]; readonly liveIn: readonly TypedName[];
    readonly fills: readonly CarriedValue[]; readonly spills: readonly CarriedValue[];
  };

export interface TypedName {
  readonly name: string;
  readonly type: ScalarType;
}

/** A per-invocation value live across a barrier, and its slot (one 4-byte word per invocation) in the carry area. */
export interface CarriedValue extends TypedName {
  readonly slot: number;
}

interface SegmentRecord {
  readonly node: { fills: CarriedValue[]; spills: CarriedValue[] };
  readonly reads: ReadonlySet<string>;
  readonly declared: ReadonlySet<string>;
  readonly assigned: ReadonlySet<string>;
  readonly topLevel: ReadonlySet<string>;
}

type Scope = Map<string, ScalarType>;

export function containsBarrier(s: Stmt): boolean {
  switch (s.k) {
    case 'barrier': return true;
    case 'if': return s.then.some(containsBarrier) || s.else.some(containsBarrier);
    case 'for': return s.body.some(containsBarrier);
    default: return false;
  }
}

function containsReturn(s: Stmt): boolean {
  switch (s.k) {
    case 'return': return true;
    case 'if': return s.then.some(containsReturn) || s.else.some(containsReturn);
    case 'for': return s.body.some(containsReturn);
    default: return false;
  }
}

/**
 * Same value in every invocation of a workgroup: built from literals, uniforms, workgroup ids, workgroup-level names
 * and, with `allowLoads`, elements of read-only buffers at uniform indices (nothing writes those during a launch).
 */
export function isUniform(e: Expr, scope: ReadonlyMap<string, ScalarType>, readOnly: ReadonlySet<string> | undefined): boolean {
  switch (e.k) {
    case 'lit':
    case 'uniform': return true;
    case 'builtin': return e.name !== 'local_index';
    case 'ref': return scope.has(e.name);
    case 'load': return readOnly !== undefined && readOnly.has(e.memory) && isUniform(e.index, scope, readOnly);
    case 'bin': return isUniform(e.a, scope, readOnly) && isUniform(e.b, scope, readOnly);
    case 'neg':
    case 'lane':
    case 'cast': return isUniform(e.a, scope, readOnly);
    case 'call': return e.args.every((a) => isUniform(a, scope, readOnly));
    case 'vec4': return e.lanes.every((a) => isUniform(a, scope, readOnly));
  }
}

/** A statement that may run once per workgroup instead of once per invocation (lets it declares go into `scope`). */
function hoistable(s: Stmt, scope: Scope, readOnly: ReadonlySet<string>): boolean {
  switch (s.k) {
    case 'comment':
    case 'return': return true;
    case 'let': return isUniform(s.value, scope, readOnly);
    case 'if': {
      if (!isUniform(s.cond, scope, readOnly)) return false;
      return [s.then, s.else].every((block) => {
        const inner = new Map(scope);
        return block.every((t) => {
          const ok = hoistable(t, inner, readOnly);
          if (ok && t.k === 'let') inner.set(t.name, t.value.type);
          return ok;
        });
      });
    }
    default: return false;
  }
}

function exprRefs(e: Expr, out: Set<string>): void {
  switch (e.k) {
    case 'ref': out.add(e.name); break;
    case 'bin': exprRefs(e.a, out); exprRefs(e.b, out); break;
    case 'neg':
    case 'lane':
    case 'cast': exprRefs(e.a, out); break;
    case 'call': e.args.forEach((a) => exprRefs(a, out)); break;
    case 'vec4': e.lanes.forEach((a) => exprRefs(a, out)); break;
    case 'load': exprRefs(e.index, out); break;
    default: break;
  }
}

/** Names a block reads (assignment targets included), declares (lets, vars, loop variables) and assigns, anywhere. */
function namesOf(stmts: readonly Stmt[], reads: Set<string>, declared: Set<string>, assigned: Set<string>): void {
  for (const s of stmts) {
    switch (s.k) {
      case 'let': exprRefs(s.value, reads); declared.add(s.name); break;
      case 'var': exprRefs(s.init, reads); declared.add(s.name); break;
      case 'assign': exprRefs(s.value, reads); reads.add(s.name); assigned.add(s.name); break;
      case 'store': exprRefs(s.index, reads); exprRefs(s.value, reads); break;
      case 'if': exprRefs(s.cond, reads); namesOf(s.then, reads, declared, assigned); namesOf(s.else, reads, declared, assigned); break;
      case 'for':
        [s.from, s.to, s.step].forEach((e) => exprRefs(e, reads));
        declared.add(s.v);
        namesOf(s.body, reads, declared, assigned);
        break;
      default: break;
    }
  }
}

class Splitter {
  private segments = 0;
  private returnedIn: number | undefined;
  /** Top-level declarations of segments so far, with types: reading one in a later segment carries it. */
  private readonly segmentNames = new Map<string, ScalarType>();
  /** Names declared nested inside segments (block-scoped there: never visible to a later segment). */
  private readonly nestedNames = new Set<string>();
  readonly carried = new Map<string, CarriedValue>();
  readonly records: SegmentRecord[] = [];
  private readonly readOnly: ReadonlySet<string>;

  constructor(private readonly kernel: KernelIR) {
    this.readOnly = new Set(kernel.buffers.filter((b) => b.access === 'read').map((b) => b.name));
  }

  private fail(what: string): never {
    throw new NotSupportedError(`barrier in AssemblyScript kernels where ${what} (kernel ${this.kernel.name}); ` +
      'barriers must sit in workgroup-uniform control flow');
  }

  split(stmts: readonly Stmt[], scope: Scope): WorkgroupNode[] {
    const nodes: WorkgroupNode[] = [];
    let pending: Stmt[] | undefined;
    const flush = (): void => {
      if (pending && pending.some((s) => s.k !== 'comment')) nodes.push(this.segment(pending, scope));
      else if (pending) nodes.push(...pending.map((stmt): WorkgroupNode => ({ k: 'stmt', stmt })));
      pending = undefined;
    };
    for (const s of stmts) {
      if (containsBarrier(s)) {
        flush();
        if (s.k === 'if') {
          if (!isUniform(s.cond, scope, this.readOnly)) this.fail('an if condition differs between invocations');
          nodes.push({ k: 'if', cond: s.cond, then: this.split(s.then, new Map(scope)), else: this.split(s.else, new Map(scope)) });
        } else if (s.k === 'for') {
          if (![s.from, s.to, s.step].every((e) => isUniform(e, scope, this.readOnly))) this.fail('a loop bound differs between invocations');
          nodes.push({ k: 'for', v: s.v, from: s.from, to: s.to, step: s.step, body: this.split(s.body, new Map(scope).set(s.v, 'u32')) });
        }
        continue;
      }
      // Before any per-invocation code, uniform statements run once per workgroup in program order; once a segment
      // has started, only uniform lets without loads may move ahead of it (a return, a store or a load that a guard
      // in the segment protects must stay in order).
      if (pending === undefined ? hoistable(s, scope, this.readOnly) : s.k === 'let' && isUniform(s.value, scope, undefined)) {
        nodes.push({ k: 'stmt', stmt: s });
        if (s.k === 'let') scope.set(s.name, s.value.type);
        continue;
      }
      (pending ??= []).push(s);
    }
    flush();
    return nodes;
  }

  private segment(stmts: readonly Stmt[], scope: Scope): WorkgroupNode {
    const index = this.segments++;
    if (this.returnedIn !== undefined) {
      this.fail(`invocations may return early (segment ${this.returnedIn}) before a later barrier-separated part (segment ${index})`);
    }
    if (stmts.some(containsReturn)) this.returnedIn = index;
    const reads = new Set<string>();
    const declared = new Set<string>();
    const assigned = new Set<string>();
    namesOf(stmts, reads, declared, assigned);
    const liveIn: TypedName[] = [];
    for (const name of [...reads].sort()) {
      if (declared.has(name)) continue;
      const type = scope.get(name);
      const carriedType = this.segmentNames.get(name);
      if (type !== undefined) liveIn.push({ name, type });
      else if (carriedType !== undefined) {
        if (!this.carried.has(name)) this.carried.set(name, { name, type: carriedType, slot: this.carried.size });
      } else if (this.nestedNames.has(name)) this.fail(`"${name}" is read outside the block that declares it`);
      // Otherwise the name is undeclared: left to the target compiler, which reports it against the source.
    }
    const topLevel = new Set<string>();
    for (const t of stmts) {
      if (t.k === 'let') this.segmentNames.set(t.name, t.value.type);
      if (t.k === 'var') this.segmentNames.set(t.name, t.type);
      if (t.k === 'let' || t.k === 'var') topLevel.add(t.name);
    }
    declared.forEach((name) => {
      if (!topLevel.has(name)) this.nestedNames.add(name);
    });
    const node = { k: 'segment' as const, index, stmts, liveIn, fills: [] as CarriedValue[], spills: [] as CarriedValue[] };
    this.records.push({ node, reads, declared, assigned, topLevel });
    return node;
  }

  /** Once every segment is known: which carried values each segment loads and stores. */
  resolveCarried(): void {
    for (const r of this.records) {
      for (const value of this.carried.values()) {
        if (r.reads.has(value.name) && !r.declared.has(value.name)) r.node.fills.push(value);
        if (r.topLevel.has(value.name) || (r.assigned.has(value.name) && !r.declared.has(value.name))) r.node.spills.push(value);
      }
    }
  }

  get segmentCount(): number {
    return this.segments;
  }
}

export interface WorkgroupSplit {
  readonly nodes: readonly WorkgroupNode[];
  readonly segments: number;
  /** Carried values: the carry area holds `carrySlots × workgroupSize` 4-byte words. */
  readonly carrySlots: number;
}

/** The kernel body as workgroup-level nodes and per-invocation segments (see the module comment). */
export function splitAtBarriers(kernel: KernelIR): WorkgroupSplit {
  const splitter = new Splitter(kernel);
  const nodes = splitter.split(kernel.body, new Map());
  splitter.resolveCarried();
  return { nodes, segments: splitter.segmentCount, carrySlots: splitter.carried.size };
}
