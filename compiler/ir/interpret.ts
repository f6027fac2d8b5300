import { NeoccError } from '../errors.js';
import type { KernelIR, ScalarType } from './ir.js';
import { compileInvocation, type InterpreterBuffer, type InvocationFn } from './interpret-codegen.js';

/**
 * A reference executor of the kernel IR with the semantics written down in ./ir.ts: f32 rounded at every operation
 * (vec4f as 4 f32 lanes), u32/i32 wrapping, WGSL's integer division by zero, both select arms evaluated, workgroup
 * arrays uninitialized (NaN) per workgroup, barriers honoured. Out-of-bounds accesses, misaligned `aligned` vec4
 * accesses and invocations reaching different barriers throw, naming the kernel: the interpreter is a kernel
 * checker as much as an executor. It is a test tool (GPU-free conformance of the exact IR the renderers print),
 * not a fast path.
 *
 * Each kernel is compiled once into a JS function per invocation (./interpret-codegen.ts). Without barriers the
 * invocations of a workgroup run one after another; with barriers each is a generator that yields at every barrier,
 * and a workgroup's invocations are stepped in lockstep, so all reach a barrier before any continues. An invocation
 * that returned no longer takes part.
 */
export type { InterpreterBuffer } from './interpret-codegen.js';

export interface InterpreterLaunch {
  /** Every storage buffer of the kernel, by name: Float32Array for f32 buffers, Uint32Array for u32 ones. */
  readonly buffers: Readonly<Record<string, InterpreterBuffer>>;
  /** Every uniform field, by name. */
  readonly uniforms: Readonly<Record<string, number>>;
  /** Workgroups per axis. */
  readonly grid: readonly [number, number, number];
}

interface Program {
  readonly run: InvocationFn;
  readonly hasBarriers: boolean;
}
const PROGRAMS = new WeakMap<KernelIR, Program>();

function compile(ir: KernelIR): Program {
  let program = PROGRAMS.get(ir);
  if (!program) {
    program = compileInvocation(ir);
    PROGRAMS.set(ir, program);
  }
  return program;
}

/** A number as a value of `type` (uniforms). */
function numeric(type: ScalarType, v: number): number {
  return type === 'f32' ? Math.fround(v) : type === 'u32' ? v >>> 0 : type === 'i32' ? v | 0 : v;
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
  const { run, hasBarriers } = compile(ir);
  const { buffers, uniforms } = bind(ir, launch);
  const [gx, gy, gz] = launch.grid;
  for (let z = 0; z < gz; z++) {
    for (let y = 0; y < gy; y++) {
      for (let x = 0; x < gx; x++) {
        // Workgroup arrays start uninitialized: NaN makes a read-before-write visible.
        const mem = [...buffers, ...ir.shared.map((s) => new Float32Array(s.length).fill(Number.NaN))];
        if (!hasBarriers) {
          for (let lidx = 0; lidx < ir.workgroupSize; lidx++) run(mem, uniforms, x, y, z, gx, lidx);
          continue;
        }
        const invocations = Array.from({ length: ir.workgroupSize }, (_, lidx) => run(mem, uniforms, x, y, z, gx, lidx) as Generator<number, void, void>);
        runLockstep(ir, invocations);
      }
    }
  }
}

/** Steps every invocation to its next barrier (or its end) before any passes it. */
function runLockstep(ir: KernelIR, invocations: ReadonlyArray<Generator<number, void, void>>): void {
  let active = invocations;
  while (active.length > 0) {
    let barrier: number | undefined;
    const waiting: Array<Generator<number, void, void>> = [];
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
