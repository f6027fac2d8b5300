import type { Expr, KernelIR, Stmt } from '../ir/ir.js';

/**
 * What a kernel reads, for the CUDA renderer: nvcc warns about locals that are never read ("declared but never
 * referenced", "set but never used"), and we build with -Werror, so those get [[maybe_unused]] and unused
 * parameters are left unnamed.
 */
export interface CudaUsage {
  /** Names of lets, vars and loop variables that some expression reads. */
  readonly read: ReadonlySet<string>;
  /** Buffers and workgroup arrays that are loaded from or stored to. */
  readonly memories: ReadonlySet<string>;
  /** Whether any uniform field is read. */
  readonly uniforms: boolean;
}

export function cudaUses(kernel: KernelIR): CudaUsage {
  const read = new Set<string>();
  const memories = new Set<string>();
  let uniforms = false;
  const expr = (e: Expr): void => {
    switch (e.k) {
      case 'ref': read.add(e.name); break;
      case 'uniform': uniforms = true; break;
      case 'load': memories.add(e.memory); expr(e.index); break;
      case 'bin': expr(e.a); expr(e.b); break;
      case 'neg': case 'cast': case 'lane': expr(e.a); break;
      case 'call': e.args.forEach(expr); break;
      case 'vec4': e.lanes.forEach(expr); break;
      case 'lit': case 'builtin': break;
    }
  };
  const stmt = (s: Stmt): void => {
    switch (s.k) {
      case 'let': expr(s.value); break;
      case 'var': expr(s.init); break;
      case 'assign': expr(s.value); break;
      case 'store': memories.add(s.memory); expr(s.index); expr(s.value); break;
      case 'if': expr(s.cond); s.then.forEach(stmt); s.else.forEach(stmt); break;
      case 'for': read.add(s.v); expr(s.from); expr(s.to); expr(s.step); s.body.forEach(stmt); break;
      case 'barrier': case 'return': case 'comment': break;
    }
  };
  kernel.body.forEach(stmt);
  return { read, memories, uniforms };
}
