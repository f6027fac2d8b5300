import { makeArtifact } from '../compiler/artifact.js';
import { BlockBuilder, add, builtin, call, cast, f32, finishKernel, lane, mul, splat, u32, uniform } from '../compiler/ir/build.js';
import type { KernelTarget } from '../compiler/targets/index.js';
import { LinearMemory } from '../runtime/wasm/linear-memory.js';
import { WasmThreadPool } from '../runtime/wasm/thread-pool.js';
import { WasmKernelRunner } from '../runtime/wasm/wasm-kernels.js';

/**
 * What this host gives from 1 to N threads right now, beside neocc's own 1→N scaling: the same compute-bound wasm
 * kernel (independent f32x4 multiply-add chains, no memory traffic) timed on one thread and through an N-thread
 * WasmThreadPool, round by round. On a 2-vCPU cloud VM the two vCPUs are sometimes placed on one physical core
 * (siblings), and then even this kernel scales ~1.1-1.4x; a scaling figure for neocc means little without this one
 * from the same minutes.
 */
export interface ThreadCeiling {
  /**
   * Time one round: the probe on 1 thread, then on N; returns t1 / tN. Throws when the pool's output differs from
   * one thread's (a ratio of a pool that skipped work would flatter it).
   */
  round(): number;
  dispose(): Promise<void>;
}

/** Independent accumulator chains: enough to keep a core's FMA/add pipes busy (latency 4 × 2 ports). */
const CHAINS = 10;
/** Workgroups per launch: many more than threads, so the pool's chunking evens the shares out. */
const GROUPS = 256;

function ceilingArtifact(target: KernelTarget) {
  const b = new BlockBuilder();
  const seed = b.let('seed', cast('f32', builtin('workgroup_id.x')));
  const acc = Array.from({ length: CHAINS }, (_, j) => b.var('acc', splat(add(mul(seed, f32(1e-6)), f32(j)))));
  const factor = splat(f32(0.999999));
  const offset = splat(f32(1e-7));
  b.for('i', u32(0), uniform('iterations'), (s) => {
    for (const a of acc) s.assign(a.name, call('fma', a.ref, factor, offset));
  });
  // One store of every chain, so no chain is dead code.
  const total = acc.slice(1).reduce((sum, a) => add(sum, a.ref), acc[0]!.ref);
  b.store('out', builtin('workgroup_id.x'), lane(total, 0));
  return makeArtifact(finishKernel({
    name: 'thread_ceiling_fma',
    workgroupSize: 1,
    doc: [`neocc thread_ceiling_fma: ${CHAINS} independent vec4 fma chains per workgroup (bench/thread-ceiling.ts)`],
    shared: [],
    body: b.stmts,
    uniforms: [{ name: 'iterations', type: 'u32' }],
    buffers: [{ name: 'out', access: 'read_write', elem: 'f32' }],
  }), target, { bench: 'thread-ceiling' });
}

/**
 * A probe of `threads` threads (≥ 2) with `target`'s SIMD (the variant neocc runs), sized to ~`msPerRound` ms on one
 * thread (calibrated once).
 */
export async function threadCeiling(target: KernelTarget, threads: number, msPerRound = 40): Promise<ThreadCeiling> {
  const artifact = ceilingArtifact(target);
  const memory = new LinearMemory(true);
  const pool = new WasmThreadPool(threads - 1, memory.memory);
  const one = new WasmKernelRunner(memory);
  const many = new WasmKernelRunner(memory, pool);
  await one.prepare([artifact]);
  await many.prepare([artifact]);
  // One output per runner, poisoned before every launch, so a workgroup the pool skipped shows as NaN.
  const outOne = memory.output(GROUPS, false);
  const outMany = memory.output(GROUPS, false);
  const time = (runner: WasmKernelRunner, out: number, iterations: number): number => {
    memory.f32(out, GROUPS).fill(Number.NaN);
    const start = performance.now();
    runner.launch(artifact, [out], { iterations }, [GROUPS, 1, 1]);
    return performance.now() - start;
  };
  let iterations = 1000;
  time(one, outOne, iterations);
  iterations = Math.max(1, Math.round((iterations * msPerRound) / Math.max(0.01, time(one, outOne, iterations))));
  time(many, outMany, iterations);
  return {
    round: () => {
      const ratio = time(one, outOne, iterations) / time(many, outMany, iterations);
      const single = memory.f32(outOne, GROUPS);
      const pooled = memory.f32(outMany, GROUPS);
      const bad = pooled.findIndex((v, g) => !Number.isFinite(v) || !Object.is(v, single[g]));
      if (bad >= 0) throw new Error(`thread ceiling probe: workgroup ${bad} gave ${pooled[bad]} on ${threads} threads, ${single[bad]} on one`);
      return ratio;
    },
    dispose: () => pool.dispose(),
  };
}
