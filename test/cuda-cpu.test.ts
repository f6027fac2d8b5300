import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { makeArtifact, type KernelArtifact } from '../compiler/artifact.js';
import { BlockBuilder, add, bin, builtin, f32, finishKernel, load, mul, u32 } from '../compiler/ir/build.js';
import { planNeoCell } from '../compiler/plan/neocell-plan.js';
import { neoNeXtSchema } from '../compiler/spec/neonext-state-dict.js';
import { specFromCode } from '../compiler/spec/neocell-spec.js';
import { CUDA } from '../compiler/targets/index.js';
import { compileNeoCellForward, forwardBaked } from '../kernels/neocell/compile.js';
import { forwardLaunch, genericChannelTable } from '../kernels/neocell/launch.js';
import { foldBlock, foldNeoNeXt } from '../nn/fold-neonext.js';
import { neoNeXtParams } from '../nn/neonext-params.js';
import { neoCellForward } from '../nn/reference/neocell.js';
import { concatTensors, relativeL2Error, type Tensor } from '../nn/tensor.js';
import { readGoldenCase, type BlockCase, type NeoCellCase } from '../runtime/conformance/golden-case.js';
import { listGoldenCases, runConformance } from '../runtime/conformance/run-conformance.js';
import { createBackend } from '../runtime/backends/create-backend.js';
import { CudaCpuBackend } from '../runtime/cuda-cpu/cuda-cpu-backend.js';
import { GXX_MISSING, compileCudaCpu, cudaCpuAvailable } from '../runtime/cuda-cpu/compile.js';
import { CudaCpuKernels } from '../runtime/cuda-cpu/program-runner.js';
import { resolveModelConfig } from '../runtime/model/resolve-config.js';
import { parseSafetensors } from '../runtime/weights/safetensors.js';
import { loadStateDict } from '../runtime/weights/state-dict.js';
import { allArtifacts, blockKernels, modelKernels } from '../schedule/model-kernels.js';
import { neoCellBackwardProgram, neoCellForwardProgram } from '../schedule/neocell.js';
import { blockProgram, blockWeights, modelForwardProgram, modelWeights } from '../schedule/neonext.js';
import { ProgramBuilder, programArtifacts, type Program } from '../schedule/program.js';
import { MODEL_DIR, readFixture, readSyntheticGolden } from './helpers/fixtures.js';
import { randomNeoCellWeights, randomTensor, seededRandom } from './helpers/random.js';
import { runCli } from './helpers/run-cli.js';

/**
 * The CUDA kernels' exact .cu text, compiled by g++ against runtime/cuda-cpu/cuda-cpu.h (blocks of real threads,
 * __syncthreads as a barrier, per-block __shared__) and run on this CPU: the golden NeoCell and block cases and
 * neonext-mini's whole forward through the schedule's programs. Every kernel goes into ONE binary (g++ takes
 * seconds per compile). g++ is required: without it these tests fail with GXX_MISSING.
 */

function loadCases<T>(directory: string): Promise<T[]> {
  return listGoldenCases(directory).then((paths) => paths.map((p) => readGoldenCase(p.replace(/^.*\/|\.safetensors$/g, ''), parseSafetensors(readFileSync(p), p)) as T));
}
const flat = (ts: readonly Tensor[]): Float32Array => concatTensors(ts);
const TOLERANCE = 1e-5;

const neoCells = await loadCases<NeoCellCase>('test/fixtures/neocell');
const blocks = await loadCases<BlockCase>('test/fixtures/block');

const cellPrograms = neoCells.map((c) => ({ c, forward: neoCellForwardProgram(c.plan, CUDA), backward: neoCellBackwardProgram(c.plan, CUDA) }));
const blockPrograms = blocks.map((c) => {
  const k = blockKernels(c.plan, CUDA);
  const weights = blockWeights('block', foldBlock(c.plan.spec, c.params), k);
  return { c, program: blockProgram(c.plan, k, CUDA, weights), data: { x: Float32Array.from(c.x.data), ...Object.fromEntries(weights.map((w) => [w.name, w.data])) } };
});

/** neonext-mini (batch 2) as in test/ir-interpreter.test.ts. */
const mini = (() => {
  const weights = readFixture('model/neonext-mini.safetensors');
  const golden = readFixture('model/neonext-mini.golden.safetensors');
  const config = resolveModelConfig({ resolution: 128 }, weights);
  const params = neoNeXtParams(config, loadStateDict(weights, neoNeXtSchema(config)));
  const folded = foldNeoNeXt(config, params);
  const input = golden.tensor('input');
  const kernels = modelKernels(config, CUDA);
  const weightList = modelWeights(folded, kernels);
  const program = modelForwardProgram(config, kernels, CUDA, input.shape[0]!, weightList);
  // Both MLP paths, as CudaCpuBackend.loadModel compiles them.
  const artifacts = [...allArtifacts(kernels), ...kernels.stages.flatMap((st) => [st.mlp, st.twoGemm.fc1, st.twoGemm.fc2])];
  return { golden, config, params, program, artifacts, data: { input: Float32Array.from(input.data), ...Object.fromEntries(weightList.map((w) => [w.name, w.data])) } };
})();

/** The barrier kernels: shared-t forward, specialized and generic (channel table), on a random 4+7 cell. */
const shared = (() => {
  const spec = specFromCode('4+7', 24, 1);
  const plan = planNeoCell(spec, [2, 24, 17, 13]);
  const random = seededRandom(7);
  const x = randomTensor(plan.inputShape, random);
  const weights = randomNeoCellWeights(spec, random);
  const runs = (['specialized', 'generic'] as const).map((mode) => {
    const artifact = compileNeoCellForward(spec, CUDA, { mode, tiling: { kind: 'shared-t', tileWidth: 8, workgroupSize: 16 } });
    const table = genericChannelTable(plan);
    const p = new ProgramBuilder();
    const inputs = [p.buffer('x', 'input', x.size), p.buffer('weight_a', 'input', flat(weights.a).length), p.buffer('weight_b', 'input', flat(weights.b).length)];
    const cfg = mode === 'generic' ? [p.buffer('channels', 'input', table.length, 'generic channel table (u32)')] : [];
    p.buffer('y', 'output', x.size);
    p.dispatch(artifact, [...inputs, ...cfg, 'y'], forwardLaunch(plan, forwardBaked(artifact).tiling, mode === 'generic'));
    return { mode, artifact, program: p.build(), table };
  });
  const data = { x: Float32Array.from(x.data), weight_a: flat(weights.a), weight_b: flat(weights.b) };
  return { runs, data, want: neoCellForward(plan, x, weights).data };
})();

const everyArtifact: KernelArtifact[] = [
  ...cellPrograms.flatMap((p) => [...programArtifacts(p.forward), ...programArtifacts(p.backward)]),
  ...blockPrograms.flatMap((b) => programArtifacts(b.program)),
  ...mini.artifacts,
  ...shared.runs.map((r) => r.artifact),
];

let compiled: Promise<CudaCpuKernels> | undefined;
let compileMs = 0;
/** The one binary of every kernel above (compiled by the first test that needs it). */
function kernels(): Promise<CudaCpuKernels> {
  compiled ??= (async () => {
    if (!(await cudaCpuAvailable())) throw new Error(GXX_MISSING);
    const start = performance.now();
    const k = await CudaCpuKernels.compile(everyArtifact);
    compileMs = performance.now() - start;
    process.stderr.write(`cuda-cpu: one g++ binary of ${new Set(everyArtifact.map((a) => a.entryPoint)).size} kernels in ${(compileMs / 1000).toFixed(1)} s\n`);
    return k;
  })();
  return compiled;
}

/** Worst relative L2 error per check, printed at the end (the report of what the CPU run of the CUDA text reaches). */
const worst = new Map<string, number>();
function within(what: string, got: ArrayLike<number>, want: ArrayLike<number>, tolerance: number): void {
  const e = relativeL2Error(got, want);
  worst.set(what, Math.max(worst.get(what) ?? 0, e));
  expect(e, what).toBeLessThanOrEqual(tolerance);
}
afterAll(() => {
  process.stderr.write(`cuda-cpu: worst rel. L2 ${[...worst].map(([k, v]) => `${k} ${v.toExponential(2)}`).join(', ')}\n`);
});

async function run(program: Program, data: Readonly<Record<string, Float32Array>>): Promise<Map<string, Float32Array>> {
  return (await kernels()).run(program, { data, poison: true });
}

describe('CUDA kernels run on the CPU (g++ on the exact .cu text, runtime/cuda-cpu)', () => {
  it('g++ is installed and compiles every kernel of the tests below into one binary', async () => {
    await kernels();
  }, 300_000);

  it('errors: no g++ names what is missing and how to install it; a compile error carries the compiler log', async () => {
    const saved = process.env.NEOCC_GXX;
    process.env.NEOCC_GXX = '/nonexistent/g++';
    try {
      await expect(compileCudaCpu('int main() {}')).rejects.toThrow(/g\+\+ .*was not found.*apt-get install g\+\+/);
    } finally {
      if (saved === undefined) delete process.env.NEOCC_GXX;
      else process.env.NEOCC_GXX = saved;
    }
    const a = shared.runs[0]!.artifact;
    const broken = { ...a, source: `${a.source}\n#error this kernel file is broken\n` };
    await expect(CudaCpuKernels.compile([broken])).rejects.toThrow(/failed to compile the CUDA kernels[\s\S]*this kernel file is broken/);
  });

  it('an early `return` leaves later __syncthreads to the other threads (no deadlock), block after block', async () => {
    // After the IR interpreter's test kernel, with a barrier in the loop too: thread 1 returns at once; the rest store
    // to shared memory, meet at a barrier, then each returns inside the loop at its own index while the others still
    // meet at the loop's barrier (returned threads no longer count, as exited threads on the GPU). Two blocks: the
    // barrier is re-armed per block. A thread that did not drop out would deadlock this test.
    const lidx = builtin('local_index');
    const base = mul(builtin('workgroup_id.x'), u32(4));
    const b = new BlockBuilder();
    b.if(bin('==', lidx, u32(1)), (t) => t.return());
    b.store('tile', lidx, add(f32(5), load('src', lidx)));
    b.barrier();
    const acc = b.var('acc', f32(0));
    b.for('j', u32(0), u32(4), (s, j) => {
      s.if(bin('==', j, lidx), (t) => { t.store('dst', add(base, lidx), acc.ref); t.return(); });
      s.assign(acc.name, add(acc.ref, load('tile', j)));
      s.barrier();
    }, { unrollLimit: 0 });
    const ir = finishKernel({
      name: 'leave', workgroupSize: 4, doc: [], uniforms: [], body: b.stmts, shared: [{ name: 'tile', elem: 'f32', length: 4 }],
      buffers: [{ name: 'src', access: 'read', elem: 'f32' }, { name: 'dst', access: 'read_write', elem: 'f32' }],
    });
    const artifact = makeArtifact(ir, CUDA, { test: 'leave' });
    const p = new ProgramBuilder();
    p.buffer('src', 'input', 4);
    p.buffer('dst', 'output', 8);
    p.dispatch(artifact, ['src', 'dst'], { grid: [2, 1, 1], uniforms: {} });
    const dst = (await (await CudaCpuKernels.compile([artifact])).run(p.build(), { data: { src: new Float32Array(4) }, poison: true })).get('dst')!;
    // Thread 0 stops before any sum; thread 1 never writes; thread 2 sums tile[0] and tile[1] (never written).
    expect([dst[0], dst[4]]).toEqual([0, 0]);
    expect(Number.isNaN(dst[1]!) && Number.isNaN(dst[5]!)).toBe(true);
  }, 60_000);

  it('reads all 15 NeoCell cases and both block cases', () => {
    expect([neoCells.length, blocks.length]).toEqual([15, 2]);
  });

  it('__syncthreads and __shared__: the shared-t forward kernels (specialized, and generic with its u32 channel table)', async () => {
    for (const r of shared.runs) {
      expect(r.artifact.source).toContain('__syncthreads();');
      expect(r.artifact.sharedBytes).toBeGreaterThan(0);
      const data = { ...shared.data, ...(r.mode === 'generic' ? { channels: new Float32Array(r.table.buffer) } : {}) };
      const y = (await run(r.program, data)).get('y')!;
      within(`shared-t ${r.mode}`, y, shared.want, TOLERANCE);
    }
  });

  for (const { c, forward, backward } of cellPrograms) {
    it(`NeoCell ${c.name}: forward and backward (dX, dA, dB) at rel. L2 <= 1e-5`, async () => {
      const data = { x: Float32Array.from(c.x.data), weight_a: flat(c.weights.a), weight_b: flat(c.weights.b), grad_y: Float32Array.from(c.gradY.data) };
      within('neocell forward', (await run(forward, data)).get('y')!, c.y.data, TOLERANCE);
      const grads = await run(backward, data);
      within('neocell gradX', grads.get('grad_x')!, c.gradX.data, TOLERANCE);
      within('neocell gradA', grads.get('grad_weight_a')!, flat(c.gradA), TOLERANCE);
      within('neocell gradB', grads.get('grad_weight_b')!, flat(c.gradB), TOLERANCE);
    });
  }

  for (const { c, program, data } of blockPrograms) {
    it(`block ${c.name} at rel. L2 <= 1e-5`, async () => {
      within(`block ${c.name}`, (await run(program, data)).get('y')!, c.y.data, TOLERANCE);
    });
  }

  it('neonext-mini (batch 2): the whole forward reaches the golden logits and module outputs (rel. L2 <= 1e-4)', async () => {
    const seen: string[] = [];
    const out = await (await kernels()).run(mini.program, {
      data: mini.data, poison: true,
      observe: (module, t) => {
        seen.push(module);
        if (mini.golden.has(module)) within(`mini ${module}`, t.data, mini.golden.tensor(module).data, 1e-4);
      },
    });
    expect(seen).toEqual(['stem', 'stage_1', 'downsample_1', 'stage_2', 'downsample_2', 'stage_3', 'downsample_3', 'stage_4', 'head']);
    within('mini logits', out.get('logits')!, mini.golden.tensor('logits').data, 1e-4);
  }, 120_000);

  it('CudaCpuBackend (--backend cuda-cpu): conformance on every golden NeoCell and block case, and neonext-mini through loadModel', async () => {
    expect((await createBackend('cuda-cpu')).name).toBe('cuda-cpu');
    // The test binary holds every kernel these calls need: the backend then compiles nothing.
    const backend = await CudaCpuBackend.create({ kernels: await kernels() });
    for (const dir of ['test/fixtures/neocell', 'test/fixtures/block']) {
      const report = await runConformance(dir, backend, { tolerance: TOLERANCE });
      expect(report.failed, dir).toBe(0);
    }
    const model = await backend.loadModel(mini.config, mini.params);
    const input = mini.golden.tensor('input');
    const logits = await model.forward(input);
    expect(logits.shape).toEqual([input.shape[0], mini.config.classes]);
    within('backend mini logits', logits.data, mini.golden.tensor('logits').data, 1e-4);
    model.dispose();
    await backend.dispose();
  }, 120_000);
});

describe('neocc infer --backend cuda-cpu (the CLI, in a child process)', () => {
  const logitsOf = (stdout: string): number[] => (JSON.parse(stdout) as { logits: number[][] }).logits.flat();

  it('neonext-mini from its safetensors reaches the golden logits (rel. L2 <= 1e-4)', async () => {
    const r = await runCli(['infer', '--weights', `${MODEL_DIR}/neonext-mini.safetensors`, '--input', `${MODEL_DIR}/neonext-mini.golden.safetensors`,
      '--backend', 'cuda-cpu', '--json', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    expect(relativeL2Error(logitsOf(r.stdout), mini.golden.tensor('logits').data)).toBeLessThanOrEqual(1e-4);
  }, 300_000);

  it('neonext-t-224 with synthetic weights reaches the upstream golden logits (rel. L2 <= 1e-4)', async () => {
    // ~25 s on 2 cores: g++ builds the model's kernels once (cached in the run's temporary cache), then a 4 s forward.
    const r = await runCli(['infer', '--arch', 'neonext-t', '--resolution', '224', '--weights', 'synthetic', '--backend', 'cuda-cpu', '--json', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    const logits = logitsOf(r.stdout);
    expect(logits).toHaveLength(1000);
    expect(relativeL2Error(logits, readSyntheticGolden().logits)).toBeLessThanOrEqual(1e-4);
  }, 600_000);
});
