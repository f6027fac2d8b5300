import { afterAll, describe, expect, it } from 'vitest';
import { makeArtifact } from '../compiler/artifact.js';
import { BlockBuilder, add, bin, builtin, f32, finishKernel, load, mod, u32, uniform } from '../compiler/ir/build.js';
import { ASSEMBLYSCRIPT } from '../compiler/targets/index.js';
import { LinearMemory } from '../runtime/wasm/linear-memory.js';
import { claimGranules } from '../runtime/wasm/thread-protocol.js';
import { WasmThreadPool } from '../runtime/wasm/thread-pool.js';
import { WasmKernelRunner, wasmModule } from '../runtime/wasm/wasm-kernels.js';

/**
 * runtime/wasm/thread-pool.ts: launches shared out in chunks between the calling thread and workers through a
 * shared control block. Checked here with a kernel that counts its visits per workgroup (every workgroup must run
 * exactly once, whatever thread claims it) and can trap on a worker.
 */

/** dst[wg] += 1 per visit; with uniform trap = 1, reads `src` (bound out of the memory: a wasm trap) first. */
function visitKernel(name: string) {
  const wg = builtin('workgroup_id.x');
  const b = new BlockBuilder();
  b.if(bin('==', uniform('trap'), u32(1)), (t) => t.store('dst', wg, load('src', u32(0))));
  b.store('dst', wg, add(load('dst', wg), f32(1)));
  return makeArtifact(finishKernel({
    name, workgroupSize: 1, doc: [], shared: [], body: b.stmts, uniforms: [{ name: 'trap', type: 'u32' }],
    buffers: [{ name: 'src', access: 'read', elem: 'f32' }, { name: 'dst', access: 'read_write', elem: 'f32' }],
  }), ASSEMBLYSCRIPT, { test: name });
}

/** dst[wg] = src[(wg + shift) % count] + 1: each workgroup reads what another one wrote in the launch before. */
function neighbourKernel() {
  const wg = builtin('workgroup_id.x');
  const b = new BlockBuilder();
  b.store('dst', wg, add(load('src', mod(add(wg, uniform('shift')), uniform('count'))), f32(1)));
  return makeArtifact(finishKernel({
    name: 'neighbour_plus_one', workgroupSize: 1, doc: [], shared: [], body: b.stmts,
    uniforms: [{ name: 'shift', type: 'u32' }, { name: 'count', type: 'u32' }],
    buffers: [{ name: 'src', access: 'read', elem: 'f32' }, { name: 'dst', access: 'read_write', elem: 'f32' }],
  }), ASSEMBLYSCRIPT, { test: 'neighbour' });
}

const memory = new LinearMemory(true);
const pool = new WasmThreadPool(2, memory.memory);
const runner = new WasmKernelRunner(memory, pool);
afterAll(() => pool.dispose());
const OUT_OF_MEMORY = 0xffff_ff00;

describe('wasm thread pool (shared control block, chunked launches)', () => {
  it('runs every workgroup exactly once over 3 threads, launch after launch, across modules loaded while looping', async () => {
    const kernels = [visitKernel('visit_a'), visitKernel('visit_b')];
    const src = memory.put(new Float32Array(1));
    for (const groups of [1, 2, 3, 7, 24, 1000, 4099]) {
      const dst = memory.put(new Float32Array(groups));
      // Alternating kernels: the second one's module is loaded on the workers after they entered their launch loop.
      for (let round = 0; round < 4; round++) await runner.run(kernels[round % 2]!, [src, dst], { trap: 0 }, [groups, 1, 1]);
      expect(new Set(memory.read(dst, groups)), `${groups} workgroups`).toEqual(new Set([4]));
    }
  }, 120_000);

  it('with a split granule, every workgroup still runs exactly once', async () => {
    const kernel = visitKernel('visit_granule');
    const src = memory.put(new Float32Array(1));
    for (const [groups, granule] of [[384, 64], [1000, 7], [5, 16], [4099, 1]] as const) {
      const dst = memory.put(new Float32Array(groups));
      await runner.run(kernel, [src, dst], { trap: 0 }, [groups, 1, 1], granule);
      expect(new Set(memory.read(dst, groups)), `${groups} workgroups, granule ${granule}`).toEqual(new Set([1]));
    }
  }, 60_000);

  it('claimGranules: claims tile [0, granules) in order, shrink to the minimum, and take 1/divisor of the rest', () => {
    for (const [granules, minClaim, divisor] of [[9408, 18, 12], [6, 1, 12], [48, 1, 8], [17, 3, 8], [1, 1, 8], [100000, 1, 4]] as const) {
      const control = new Int32Array(new SharedArrayBuffer(16));
      const counts: number[] = [];
      for (let [first, count] = claimGranules(control, 2, granules, minClaim, divisor); count > 0; [first, count] = claimGranules(control, 2, granules, minClaim, divisor)) {
        const before = counts.reduce((a, b) => a + b, 0);
        expect(first).toBe(before);
        expect(count).toBe(Math.min(granules - before, Math.max(minClaim, Math.ceil((granules - before) / divisor))));
        counts.push(count);
      }
      expect(counts.reduce((a, b) => a + b, 0), `${granules} granules`).toBe(granules);
      expect(control[2]).toBe(granules);
      // Non-increasing: large chunks first, so the threads end within one small chunk of each other.
      for (let i = 1; i < counts.length; i++) expect(counts[i]!).toBeLessThanOrEqual(counts[i - 1]!);
      expect(claimGranules(control, 2, granules, minClaim, divisor)[1]).toBe(0);
    }
  });

  it('a launch list: every thread is done with a launch before any starts the next, which reads its output', async () => {
    const kernel = neighbourKernel();
    await runner.prepare([kernel]);
    for (const groups of [2, 3, 64, 1000, 4099]) {
      const buffers = [memory.put(new Float32Array(groups)), memory.put(new Float32Array(groups))];
      // 40 launches ping-ponging between the buffers, each workgroup reading one half the range away (so mostly what
      // another thread wrote): without the barriers some would read a value one launch old.
      const launches = Array.from({ length: 40 }, (_, i) => ({
        artifact: kernel, pointers: [buffers[i % 2]!, buffers[(i + 1) % 2]!], uniforms: { shift: Math.floor(groups / 2) + i, count: groups }, grid: [groups, 1, 1] as const,
      }));
      runner.launchAll(launches);
      expect(new Set(memory.read(buffers[0]!, groups)), `${groups} workgroups`).toEqual(new Set([40]));
    }
  }, 60_000);

  it('a failed launch in a list: the error is thrown after every thread stopped, the launches after it are skipped', async () => {
    const kernel = visitKernel('visit_list');
    await runner.prepare([kernel]);
    const src = memory.put(new Float32Array(1));
    const dst = memory.put(new Float32Array(256));
    const visit = (trap: number) => ({ artifact: kernel, pointers: [trap ? OUT_OF_MEMORY : src, dst], uniforms: { trap }, grid: [256, 1, 1] as const });
    expect(() => runner.launchAll([visit(0), visit(1), visit(0)])).toThrow(/memory access out of bounds/);
    expect(new Set(memory.read(dst, 256))).toEqual(new Set([1]));
    runner.launchAll([visit(0), visit(0)]);
    expect(new Set(memory.read(dst, 256))).toEqual(new Set([3]));
  }, 60_000);

  it('launching a kernel the runner has not prepared is a clear error, not a lookup on every launch', () => {
    const other = new WasmKernelRunner(memory, pool);
    expect(() => other.launch(visitKernel('visit_unprepared'), [0, 0], { trap: 0 }, [1, 1, 1])).toThrow(/kernel visit_unprepared was not prepared on this runner/);
  });

  it('a trap on a worker is an error naming the thread, after every thread stopped; the pool works on afterwards', async () => {
    const kernel = visitKernel('visit_trap');
    const [functionId] = await pool.prepare([{ module: await wasmModule(kernel, true), entry: kernel.entryPoint }]);
    const dst = memory.put(new Float32Array(64));
    // This thread claims chunks but runs nothing and is slow, so the workers claim chunks too: they trap on theirs.
    const slowNothing = (): void => {
      const until = performance.now() + 3;
      while (performance.now() < until);
    };
    const args = [64, 1, 1, 0, 64, OUT_OF_MEMORY, dst, 1];
    expect(() => pool.launch(functionId!, slowNothing, args, { total: 64 }, -1, [])).toThrow(/^wasm kernel thread: RuntimeError: memory access out of bounds/);
    // Nothing was written by the trapped calls; the next launch (trap off) visits each workgroup once.
    await runner.run(kernel, [memory.put(new Float32Array(1)), dst], { trap: 0 }, [64, 1, 1]);
    expect(new Set(memory.read(dst, 64))).toEqual(new Set([1]));
  }, 60_000);
});
