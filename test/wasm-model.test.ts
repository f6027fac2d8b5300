import { afterAll, describe, expect, it } from 'vitest';
import { planNeoCell } from '../compiler/plan/neocell-plan.js';
import { releasedConfig } from '../compiler/spec/model-config.js';
import { specFromCode } from '../compiler/spec/neocell-spec.js';
import { neoNeXtSchema } from '../compiler/spec/neonext-state-dict.js';
import { neoNeXtParams } from '../nn/neonext-params.js';
import { relativeL2Error, Tensor } from '../nn/tensor.js';
import { runConformance } from '../runtime/conformance/run-conformance.js';
import { resolveModelConfig } from '../runtime/model/resolve-config.js';
import { WasmBackend } from '../runtime/wasm/wasm-backend.js';
import { WasmNeoNeXt } from '../runtime/wasm/wasm-neonext.js';
import { allArtifacts, modelKernels } from '../schedule/model-kernels.js';
import { SIMD_VARIANTS } from './helpers/wasm-simd.js';
import { loadStateDict } from '../runtime/weights/state-dict.js';
import { syntheticInput, syntheticStateDict } from '../runtime/weights/synthetic.js';
import { readFixture, readSyntheticGolden } from './helpers/fixtures.js';
import { randomNeoCellWeights, randomTensor, seededRandom } from './helpers/random.js';
import { runCli } from './helpers/run-cli.js';

// Needs no GPU: every kernel is compiled with asc and runs on this CPU.
const wasm = new WasmBackend({ poisonOutputs: true });
afterAll(() => wasm.dispose());

function mini() {
  const weights = readFixture('model/neonext-mini.safetensors');
  const golden = readFixture('model/neonext-mini.golden.safetensors');
  const config = resolveModelConfig({ resolution: 128 }, weights);
  return { config, golden, params: neoNeXtParams(config, loadStateDict(weights, neoNeXtSchema(config))) };
}

describe.each(SIMD_VARIANTS)('NeoNeXt on WebAssembly, %s SIMD variant', (simd) => {
  const backend = new WasmBackend({ poisonOutputs: true, simd });
  afterAll(() => backend.dispose());

  it('runs neonext-mini (batch 2) to the golden logits and module outputs at rel. L2 <= 1e-4, batch 1 alike, and profiles a forward per dispatch', async () => {
    const { config, golden, params } = mini();
    const model = await backend.loadModel(config, params);
    try {
      // The variant really runs: relaxed SIMD's GEMMs accumulate with f32x4.relaxed_madd, the plain ones never do.
      expect((model as WasmNeoNeXt).target).toBe(backend.target);
      const gemms = allArtifacts(modelKernels(config, backend.target)).filter((a) => a.name.includes('vec4'));
      expect(gemms.length).toBeGreaterThan(0);
      for (const a of gemms) expect(a.source.includes('f32x4.relaxed_madd('), a.name).toBe(simd === 'relaxed');
      const seen: string[] = [];
      const started = performance.now();
      const logits = await model.forward(golden.tensor('input'), (module, out) => {
        seen.push(module);
        if (!golden.has(module)) return;
        expect(out.shape).toEqual(golden.tensor(module).shape);
        expect(relativeL2Error(out.data, golden.tensor(module).data), module).toBeLessThanOrEqual(1e-4);
      });
      process.stderr.write(`wasm neonext-mini forward (batch 2, observed): ${(performance.now() - started).toFixed(0)} ms\n`);
      expect(seen).toEqual(['stem', 'stage_1', 'downsample_1', 'stage_2', 'downsample_2', 'stage_3', 'downsample_3', 'stage_4', 'head']);
      expect(logits.shape).toEqual([2, 10]);
      expect(relativeL2Error(logits.data, golden.tensor('logits').data)).toBeLessThanOrEqual(1e-4);

      const input = golden.tensor('input');
      const one = new Tensor([1, ...input.shape.slice(1)], input.data.slice(input.size / 2));
      const second = await model.forward(one);
      expect(second.shape).toEqual([1, 10]);
      expect(relativeL2Error(second.data, golden.tensor('logits').data.slice(10))).toBeLessThanOrEqual(1e-4);

      // bench:onnx's per-kernel breakdown: one entry per dispatch of the batch-1 program, in order, each named by
      // its kernel and module; the modules in forward order. The model still computes the same after profiling.
      const profile = await (model as WasmNeoNeXt).profile(one);
      const kernels = new Set(allArtifacts(modelKernels(config, backend.target)).map((a) => a.name));
      expect(profile.length).toBeGreaterThan(9);
      for (const d of profile) {
        expect(kernels.has(d.kernel), d.kernel).toBe(true);
        expect(d.ms).toBeGreaterThanOrEqual(0);
      }
      expect(profile.map((d) => d.module).filter((m, i, all) => m !== all[i - 1])).toEqual(seen);
      expect(profile[0]!.kernel).toBe('neonext_stem');
      expect(profile.at(-1)!.kernel).toBe('neonext_head');
      expect((await model.forward(one)).data).toEqual(second.data);
    } finally {
      model.dispose();
    }
  });

  it('passes the golden NeoNeXt block cases (folded NeoCell + MLP as two SIMD GEMMs) at rel. L2 <= 1e-5, outputs poisoned', async () => {
    const report = await runConformance('test/fixtures/block', backend, { tolerance: 1e-5 });
    expect(report.rows.map((r) => r.op)).toEqual(['neo_bottleneck', 'neo_bottleneck']);
    for (const row of report.rows) expect(row.maxError, row.name).toBeLessThanOrEqual(1e-5);
    expect(report.failed).toBe(0);
  });
});

describe('neocc infer --wasm-simd', () => {
  it('says in its backend line which SIMD variant ran (plain forced, relaxed forced, NEOCC_WASM_SIMD); refuses an unknown mode', async () => {
    const args = ['infer', '--weights', 'test/fixtures/model/neonext-mini.safetensors', '--input', 'test/fixtures/model/neonext-mini.golden.safetensors', '--backend', 'wasm', '--quiet'];
    const plain = await runCli([...args, '--wasm-simd', 'plain']);
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stdout.split('\n')[0]).toMatch(/· backend wasm \(WebAssembly \(.*SIMD variant plain, \d threads?\)\)$/);
    const relaxed = await runCli([...args, '--wasm-simd', 'relaxed']);
    expect(relaxed.code, relaxed.stderr).toBe(0);
    expect(relaxed.stdout.split('\n')[0]).toContain('SIMD variant relaxed-simd: f32x4.relaxed_madd GEMMs');
    const fromEnv = await runCli(args, { env: { NEOCC_WASM_SIMD: 'plain' } });
    expect(fromEnv.stdout.split('\n')[0]).toContain('SIMD variant plain');
    const bad = await runCli([...args, '--wasm-simd', 'fast']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr.split('\n')[0]).toBe('error: option \'--wasm-simd <mode>\' argument \'fast\' is invalid. expected auto | plain | relaxed, got "fast"');
  });
});

describe('NeoNeXt on WebAssembly', () => {
  it('keeps its weights across backend calls and concurrent forwards; 2 threads give the same bits', async () => {
    const { config, golden, params } = mini();
    const input = golden.tensor('input');
    const model = await wasm.loadModel(config, params);
    const threaded = new WasmBackend({ threads: 2 });
    try {
      const first = await model.forward(input);
      // A NeoCell call on the backend resets the backend's memory: the model's weights live in its own.
      const spec = specFromCode('4+7', 8, 1);
      const random = seededRandom(5);
      await wasm.neoCellForward(planNeoCell(spec, [1, 8, 14, 14]), randomTensor([1, 8, 14, 14], random), randomNeoCellWeights(spec, random));
      const [again, third] = await Promise.all([model.forward(input), model.forward(input)]);
      expect(Array.from(again.data)).toEqual(Array.from(first.data));
      expect(Array.from(third.data)).toEqual(Array.from(first.data));
      const twoThreads = await threaded.loadModel(config, params);
      expect(Array.from((await twoThreads.forward(input)).data)).toEqual(Array.from(first.data));
      twoThreads.dispose();
    } finally {
      model.dispose();
      await threaded.dispose();
    }
  });

  it('refuses an input of the wrong size, and a disposed model', async () => {
    const { config, params } = mini();
    const model = await wasm.loadModel(config, params);
    await expect(model.forward(new Tensor([1, 3, 64, 64], new Float32Array(3 * 64 * 64)))).rejects.toThrow(/expects \[N, 3, 128, 128\]/);
    model.dispose();
    await expect(model.forward(new Tensor([1, 3, 128, 128], new Float32Array(3 * 128 * 128)))).rejects.toThrow(/disposed/);
  });

  it('runs neonext-t-224 with synthetic weights to the golden logits at rel. L2 <= 1e-4', async () => {
    const golden = readSyntheticGolden();
    const config = releasedConfig('neonext-t', 224);
    const params = neoNeXtParams(config, syntheticStateDict(neoNeXtSchema(config)));
    let started = performance.now();
    const model = await wasm.loadModel(config, params);
    const loadMs = performance.now() - started;
    try {
      started = performance.now();
      const logits = await model.forward(syntheticInput(224));
      process.stderr.write(`wasm neonext-t-224: load ${loadMs.toFixed(0)} ms (fold, layout, asc), forward ${(performance.now() - started).toFixed(0)} ms\n`);
      expect(logits.shape).toEqual([1, 1000]);
      expect(relativeL2Error(logits.data, golden.logits)).toBeLessThanOrEqual(1e-4);
    } finally {
      model.dispose();
    }
  });
});
