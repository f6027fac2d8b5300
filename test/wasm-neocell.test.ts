import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { compileNeoCellForward, forwardBaked } from '../kernels/neocell/compile.js';
import { planNeoCell } from '../compiler/plan/neocell-plan.js';
import { specFromCode } from '../compiler/spec/neocell-spec.js';
import { forwardLaunch, genericChannelTable } from '../kernels/neocell/launch.js';
import { neoCellBackward, neoCellForward } from '../nn/reference/neocell.js';
import { concatTensors, relativeL2Error } from '../nn/tensor.js';
import { createBackend } from '../runtime/backends/create-backend.js';
import { runConformance } from '../runtime/conformance/run-conformance.js';
import { LinearMemory } from '../runtime/wasm/linear-memory.js';
import { WasmBackend } from '../runtime/wasm/wasm-backend.js';
import { WasmKernelRunner, compileStats } from '../runtime/wasm/wasm-kernels.js';
import { randomNeoCellWeights, randomTensor, seededRandom } from './helpers/random.js';
import { runCli } from './helpers/run-cli.js';
import { neoCellCaseArb } from './helpers/spec-arbitrary.js';
import { ASSEMBLYSCRIPT } from '../compiler/targets/index.js';
import { SIMD_VARIANTS } from './helpers/wasm-simd.js';

// Needs no GPU: the kernels are compiled with asc (in a worker thread) and run on this CPU.
const wasm = new WasmBackend({ poisonOutputs: true });
afterAll(async () => {
  await wasm.dispose();
  // Compile times land in the test log (first compile includes loading asc and warming its JIT up).
  process.stderr.write(`wasm: ${compileStats.compiles} asc compiles, ${compileStats.kernels} kernels, ${compileStats.ms.toFixed(0)} ms in asc\n`);
});

function randomCase(code: string, channels: number, shift: number, shape: readonly number[], seed: number) {
  const spec = specFromCode(code, channels, shift);
  const plan = planNeoCell(spec, shape);
  const random = seededRandom(seed);
  const x = randomTensor(shape, random);
  const weights = randomNeoCellWeights(spec, random);
  return { spec, plan, x, weights };
}

describe.each(SIMD_VARIANTS)('WebAssembly NeoCell kernels, %s SIMD variant', (simd) => {
  it('pass every golden NeoCell case, forward and backward, at rel. L2 <= 1e-5 (outputs poisoned with NaN)', async () => {
    const backend = new WasmBackend({ poisonOutputs: true, simd });
    try {
      expect(backend.target.variant?.id).toBe(simd === 'relaxed' ? 'relaxed-simd' : undefined);
      const report = await runConformance('test/fixtures/neocell', backend, { tolerance: 1e-5 });
      expect(report.rows).toHaveLength(15);
      for (const row of report.rows) {
        for (const value of [row.errors.y, row.errors.gradX, row.errors.gradA, row.errors.gradB]) expect(value, row.name).toBeLessThanOrEqual(1e-5);
      }
    } finally {
      await backend.dispose();
    }
  });
});

describe('WebAssembly NeoCell kernels', () => {

  it('match the float64 reference on random specs (forward and all gradients)', async () => {
    await fc.assert(fc.asyncProperty(neoCellCaseArb, async ({ spec, shape, seed }) => {
      const random = seededRandom(seed);
      const plan = planNeoCell(spec, shape);
      const x = randomTensor(shape, random);
      const weights = randomNeoCellWeights(spec, random);
      const gradY = randomTensor(plan.outputShape, random);
      const y = await wasm.neoCellForward(plan, x, weights);
      expect(relativeL2Error(y.data, neoCellForward(plan, x, weights).data)).toBeLessThan(1e-5);
      const got = await wasm.neoCellBackward(plan, x, weights, gradY);
      const want = neoCellBackward(plan, x, weights, gradY);
      expect(relativeL2Error(got.gradX.data, want.gradX.data)).toBeLessThan(1e-5);
      got.gradA.forEach((g, j) => expect(relativeL2Error(g.data, want.gradA[j]!.data)).toBeLessThan(1e-5));
      got.gradB.forEach((g, j) => expect(relativeL2Error(g.data, want.gradB[j]!.data)).toBeLessThan(1e-5));
    }), { numRuns: 15, seed: 20261128 });
  });

  it('leave NaN where a launch does not reach (the poisoning works)', async () => {
    const { spec, plan, x, weights } = randomCase('4', 8, 1, [1, 8, 12, 12], 1);
    const artifact = compileNeoCellForward(spec, ASSEMBLYSCRIPT);
    const memory = new LinearMemory();
    const runner = new WasmKernelRunner(memory);
    const pointers = [memory.put(x.data), memory.put(weights.a[0]!.data), memory.put(weights.b[0]!.data), memory.output(8 * 144, true)];
    const { grid, uniforms } = forwardLaunch(plan, forwardBaked(artifact).tiling, false);
    await runner.run(artifact, pointers, uniforms, [grid[0], grid[1] - 1, grid[2]]); // skip the last channel
    const y = memory.read(pointers[3]!, 8 * 144);
    expect(y.slice(0, 7 * 144).some(Number.isNaN)).toBe(false);
    expect(y.slice(7 * 144).every(Number.isNaN)).toBe(true);
  });

  it('run the barrier (workgroup-memory) forward kernels too, split at the barrier: shared-t specialized and generic', async () => {
    const { spec, plan, x, weights } = randomCase('4+7', 24, 1, [2, 24, 17, 13], 7);
    const want = neoCellForward(plan, x, weights).data;
    const memory = new LinearMemory();
    const runner = new WasmKernelRunner(memory);
    for (const mode of ['specialized', 'generic'] as const) {
      const artifact = compileNeoCellForward(spec, ASSEMBLYSCRIPT, { mode, tiling: { kind: 'shared-t', tileWidth: 8, workgroupSize: 16 } });
      expect(artifact.sharedBytes).toBeGreaterThan(0);
      expect(artifact.source).toContain('__segment_1'); // two segments: before and after the barrier
      memory.reset();
      const inputs = [memory.put(x.data), memory.put(concatTensors(weights.a)), memory.put(concatTensors(weights.b))];
      const cfg = mode === 'generic' ? [memory.put(genericChannelTable(plan))] : [];
      const y = memory.output(x.size, true);
      const { grid, uniforms } = forwardLaunch(plan, forwardBaked(artifact).tiling, mode === 'generic');
      await runner.run(artifact, [...inputs, ...cfg, y], uniforms, grid);
      expect(relativeL2Error(memory.read(y, x.size), want), mode).toBeLessThan(1e-5);
    }
  });

  it('split launches over threads (shared memory, worker threads): golden cases pass and results equal one thread bit for bit', async () => {
    const threaded = new WasmBackend({ poisonOutputs: true, threads: 3 });
    try {
      expect(threaded.description).toContain('3 threads');
      const report = await runConformance('test/fixtures/neocell', threaded, { tolerance: 1e-5 });
      expect(report.failed).toBe(0);
      expect(report.rows).toHaveLength(15);
      const { plan, x, weights } = randomCase('4+7', 20, 1, [2, 20, 23, 19], 11);
      const gradY = randomTensor(plan.outputShape, seededRandom(12));
      // Concurrent calls share the backend's memory: they must queue, not interleave.
      const [y1, y2] = await Promise.all([threaded.neoCellForward(plan, x, weights), threaded.neoCellForward(plan, x, weights)]);
      expect(Array.from(y1.data)).toEqual(Array.from(y2.data));
      expect(relativeL2Error(y1.data, neoCellForward(plan, x, weights).data)).toBeLessThan(1e-5);
      expect(Array.from((await threaded.neoCellForward(plan, x, weights)).data)).toEqual(Array.from((await wasm.neoCellForward(plan, x, weights)).data));
      const [a, b] = [await threaded.neoCellBackward(plan, x, weights, gradY), await wasm.neoCellBackward(plan, x, weights, gradY)];
      expect(Array.from(a.gradX.data)).toEqual(Array.from(b.gradX.data));
      expect(a.gradA.map((t) => Array.from(t.data))).toEqual(b.gradA.map((t) => Array.from(t.data)));
      expect(a.gradB.map((t) => Array.from(t.data))).toEqual(b.gradB.map((t) => Array.from(t.data)));
    } finally {
      await threaded.dispose();
    }
  });

  it('pass `neocc conformance test/fixtures/neocell --backend wasm` (every case, exit 0)', async () => {
    const { code, stdout } = await runCli(['conformance', 'test/fixtures/neocell', '--backend', 'wasm']);
    expect(stdout).toContain('15/15 cases passed at rel. L2 error <= 1e-5 on backend wasm');
    expect(code).toBe(0);
  });

  it('is what createBackend("wasm") returns (NeoNeXt blocks and models: test/wasm-model.test.ts)', async () => {
    const backend = await createBackend('wasm');
    expect(backend.name).toBe('wasm');
    expect(backend.conformanceTolerance).toBe(1e-5);
    expect(backend.description).toMatch(/^WebAssembly/);
    await backend.dispose();
  });
});
