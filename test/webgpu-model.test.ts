import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import erf from '@stdlib/math-base-special-erf';
import { makeArtifact, type KernelArtifact } from '../compiler/artifact.js';
import { BlockBuilder, add, builtin, finishKernel, load, mul, u32 } from '../compiler/ir/build.js';
import { erf as erfIR } from '../compiler/ir/math.js';
import { chooseTiling, compileNeoCellForward } from '../kernels/neocell/compile.js';
import { planNeoCell } from '../compiler/plan/neocell-plan.js';
import { downsampleSpec, releasedConfig } from '../compiler/spec/model-config.js';
import { neoNeXtSchema } from '../compiler/spec/neonext-state-dict.js';
import type { FoldedBlock, FoldedDownsample } from '../nn/fold-neonext.js';
import { neoNeXtParams } from '../nn/neonext-params.js';
import { compileHead, headLaunch } from '../kernels/neonext/head.js';
import { chooseMlpTiling, compileMlpResidual, mlpLaunch } from '../kernels/neonext/mlp-residual.js';
import { compilePointwiseConv, pointwiseConvLaunch } from '../kernels/neonext/pointwise-conv.js';
import { compileStem, defaultStemOptions, stemLaunch } from '../kernels/neonext/stem.js';
import type { Grid, UniformValues } from '../compiler/launch.js';
import { neoNeXtHead } from '../nn/reference/neonext.js';
import { foldedDownsample, foldedMlpResidual, foldedStem } from '../nn/reference/neonext-folded.js';
import { concatTensors, relativeL2Error, Tensor, transposed } from '../nn/tensor.js';
import { uploadWeights } from '../runtime/webgpu/program-runner.js';
import { runConformance } from '../runtime/conformance/run-conformance.js';
import { loadNeoNeXt } from '../runtime/model/load-neonext.js';
import { resolveModelConfig } from '../runtime/model/resolve-config.js';
import { topK } from '../runtime/model/top-k.js';
import { neoCellLaunch } from '../schedule/model-kernels.js';
import { BufferPool } from './helpers/buffer-pool.js';
import { KernelLauncher } from '../runtime/webgpu/kernel-launcher.js';
import { PipelineCache } from '../runtime/webgpu/pipeline-cache.js';
import { download } from '../runtime/webgpu/transfers.js';
import { outputBuffer } from './helpers/buffer-pool.js';
import { WebGpuBackend } from '../runtime/webgpu/webgpu-backend.js';
import { loadStateDict } from '../runtime/weights/state-dict.js';
import { syntheticInput, syntheticStateDict } from '../runtime/weights/synthetic.js';
import { readFixture, readSyntheticGolden } from './helpers/fixtures.js';
import { randomTensor, seededRandom } from './helpers/random.js';
import { WGSL } from '../compiler/targets/index.js';

// Needs a WebGPU adapter (CI: lavapipe); never skipped.
let gpu: WebGpuBackend;
let pipelines: PipelineCache;
let pool: BufferPool;
beforeAll(async () => {
  gpu = await WebGpuBackend.create({ poisonOutputs: true });
  pipelines = new PipelineCache(gpu.ctx.device);
  pool = new BufferPool(gpu.ctx.device);
});
afterAll(async () => {
  pool?.destroy();
  await gpu?.dispose();
});

/** Runs `artifact` once: `inputs` uploaded as f32, then one NaN-poisoned output of `outElements` (bound last). */
async function runKernel(artifact: KernelArtifact, inputs: readonly ArrayLike<number>[], outElements: number, launch: { grid: Grid; uniforms: UniformValues }): Promise<Float32Array> {
  const { device } = gpu.ctx;
  const buffers = inputs.map((data) => {
    const f = Float32Array.from(data);
    const b = device.createBuffer({ size: Math.max(16, f.byteLength), usage: 0x80 | 0x8 });
    device.queue.writeBuffer(b, 0, f);
    return b;
  });
  const out = outputBuffer(device, pool, 'out', outElements, true);
  try {
    const launcher = new KernelLauncher(gpu.ctx, pipelines);
    await launcher.dispatch(artifact, [...buffers, out], launch.uniforms, launch.grid);
    await launcher.submit();
    return await download(device, out, outElements);
  } finally {
    for (const b of buffers) b.destroy();
    pool.release(out);
  }
}

const random = seededRandom(20261128);
const tensor = (shape: number[], scale = 1): Tensor => {
  const t = randomTensor(shape, random);
  for (let i = 0; i < t.size; i++) t.data[i]! *= scale;
  return t;
};

describe('fused NeoNeXt kernels vs the float64 reference op chain (random data, odd sizes, batch 2)', () => {
  it.each([
    [24, 5, 7], // hidden 96: a partial second chunk of 64 hidden units; 70 pixels: a partial pixel tile
    [72, 3, 3], // C > 64: a second, partial channel slot per invocation
  ])('fc_1 → GELU → fc_2 → + residual, C = %i, %ix%i', async (c, h, w) => {
    const n = 2;
    const p: FoldedBlock = {
      neocell: { a: [], b: [] },
      fc1: { weight: tensor([4 * c, c], 1 / Math.sqrt(c)), bias: tensor([4 * c], 0.5) },
      fc2: { weight: tensor([c, 4 * c], 1 / Math.sqrt(4 * c)), bias: tensor([c], 0.1) },
    };
    const m = tensor([n, h, w, c], 2);
    const x = tensor([n, c, h, w]);
    const options = { channels: c, hidden: 4 * c, ...chooseMlpTiling(c, gpu.ctx.limits) };
    const got = await runKernel(compileMlpResidual(options, WGSL), [m.data, x.data, transposed(p.fc1.weight), p.fc1.bias.data, transposed(p.fc2.weight), p.fc2.bias.data],
      n * c * h * w, mlpLaunch(options, n, h * w, WGSL.limits.maxComputeWorkgroupsPerDimension));
    expect(relativeL2Error(got, foldedMlpResidual(m, x, p).data)).toBeLessThan(1e-6);
  });

  it('stem: patchify 4x4 + conv 48 → C + folded BN, C = 20, 36x36 input', async () => {
    const [n, c, r] = [2, 20, 36];
    const stem = { weight: tensor([c, 48], 0.3), bias: tensor([c]) };
    const x = tensor([n, 3, r, r]);
    const options = defaultStemOptions(c);
    const got = await runKernel(compileStem(options, WGSL), [x.data, stem.weight.data, stem.bias.data], n * c * (r / 4) ** 2, stemLaunch(options, n, r, WGSL.limits.maxComputeWorkgroupsPerDimension));
    expect(relativeL2Error(got, foldedStem(x, stem).data)).toBeLessThan(1e-6);
  });

  it('downsample: conv 1x1 12 → 24, NeoCell 2x2 → 1x1 + folded BN shift, 10x10 → 5x5', async () => {
    const [n, cin, cout, h] = [2, 12, 24, 10];
    const spec = downsampleSpec(cout);
    const plan = planNeoCell(spec, [n, cout, h, h]);
    const p: FoldedDownsample = { conv: tensor([cout, cin], 0.3), neocell: { a: [tensor([cout, 1, 2])], b: [tensor([cout, 2, 1])] }, bias: tensor([cout]) };
    const x = tensor([n, cin, h, h]);
    const convOut = await runKernel(compilePointwiseConv(WGSL), [p.conv.data, x.data], n * cout * h * h, pointwiseConvLaunch(cin, cout, n, h * h));
    const nc = compileNeoCellForward(spec, WGSL, { layout: 'nchw', channelBias: true, tiling: chooseTiling(spec, gpu.ctx.limits) });
    const got = await runKernel(nc, [convOut, concatTensors(p.neocell.a), concatTensors(p.neocell.b), p.bias.data], n * cout * (h / 2) ** 2, neoCellLaunch(nc, plan));
    expect(relativeL2Error(got, foldedDownsample(plan, x, p).data)).toBeLessThan(1e-6);
  });

  it('head: average pool → LayerNorm → Linear, C = 40, 3x5, 13 classes', async () => {
    const [n, c, k] = [2, 40, 13];
    const head = { ln: { weight: tensor([c]), bias: tensor([c]) }, fc: { weight: tensor([k, c]), bias: tensor([k]) } };
    const x = tensor([n, c, 3, 5], 3);
    for (let i = 0; i < x.size; i++) x.data[i]! += 0.5; // a non-zero mean, so LayerNorm's centring matters
    const options = { channels: c, classes: k, workgroupSize: 64 };
    const art = compileHead(options, gpu.ctx.target);
    const got = await runKernel(art, [x.data, head.ln.weight.data, head.ln.bias.data, transposed(head.fc.weight), head.fc.bias.data], n * k, headLaunch(options, n, 15));
    expect(relativeL2Error(got, neoNeXtHead(x, head).data)).toBeLessThan(1e-6);
  });

  // The IR erf (compiler/ir/math.ts) is < 5e-7 with exact f32 rounding; WGSL's division may be 2.5 ulp off.
  it('IR erf (GELU) on WGSL: |error| < 1e-6 over [-6, 6] against @stdlib erf', async () => {
    const n = 4096;
    const xs = Float32Array.from({ length: n }, (_, i) => -6 + (12 * i) / (n - 1));
    const b = new BlockBuilder();
    const e = b.let('e', add(mul(builtin('workgroup_id.x'), u32(64)), builtin('local_index')));
    b.store('out', e, erfIR(b, load('src', e)));
    const ir = finishKernel({
      name: 'erf_check', workgroupSize: 64, uniforms: [], shared: [], body: b.stmts, doc: [],
      buffers: [{ name: 'src', access: 'read', elem: 'f32' }, { name: 'out', access: 'read_write', elem: 'f32' }],
    });
    const got = await runKernel(makeArtifact(ir, WGSL, { test: 'erf' }), [xs], n, { grid: [n / 64, 1, 1], uniforms: {} });
    let worst = 0;
    xs.forEach((x, i) => { worst = Math.max(worst, Math.abs(got[i]! - erf(x))); });
    expect(worst).toBeLessThan(1e-6);
  });

  it('a weight larger than maxStorageBufferBindingSize fails naming the tensor and the limit', () => {
    const device = { limits: { maxStorageBufferBindingSize: 1024 } } as unknown as GPUDevice;
    expect(() => uploadWeights(device, [{ name: 'w', label: 'stage_3.0.fc_1.weight', data: new Float32Array(4096) }]))
      .toThrow(/weight tensor "stage_3\.0\.fc_1\.weight" needs 16384 bytes, more than this adapter's maxStorageBufferBindingSize \(1024\)/);
  });

  it('the MLP tiling names the limit when a tile cannot fit workgroup storage', () => {
    expect(() => chooseMlpTiling(768, { maxComputeWorkgroupStorageSize: 1024 })).toThrow(/C = 768 needs \d+ bytes of workgroup storage; the adapter allows 1024 \(maxComputeWorkgroupStorageSize\)/);
  });
});

describe('NeoNeXt on WebGPU', () => {
  it('passes the golden block cases at rel. L2 <= 1e-5 (outputs poisoned with NaN)', async () => {
    const report = await runConformance('test/fixtures/block', gpu, { tolerance: 1e-5 });
    expect(report.rows).toHaveLength(2);
    for (const row of report.rows) expect(row.errors.y, row.name).toBeLessThanOrEqual(1e-5);
  });

  // Cold Mesa shader cache: the first forward JIT-compiles every kernel (tens of seconds on 2 loaded cores).
  it('runs neonext-mini on the golden input: logits <= 1e-4, every module output observed', { timeout: 300_000 }, async () => {
    const weights = readFixture('model/neonext-mini.safetensors');
    const golden = readFixture('model/neonext-mini.golden.safetensors');
    const config = resolveModelConfig({ resolution: 128 }, weights);
    const model = await gpu.loadModel(config, neoNeXtParams(config, loadStateDict(weights, neoNeXtSchema(config))));
    try {
      const seen: string[] = [];
      const logits = await model.forward(golden.tensor('input'), (module, out) => {
        seen.push(module);
        if (golden.has(module)) expect(relativeL2Error(out.data, golden.tensor(module).data), module).toBeLessThanOrEqual(1e-4);
      });
      expect(seen).toEqual(['stem', 'stage_1', 'downsample_1', 'stage_2', 'downsample_2', 'stage_3', 'downsample_3', 'stage_4', 'head']);
      expect(logits.shape).toEqual([2, 10]);
      expect(relativeL2Error(logits.data, golden.tensor('logits').data)).toBeLessThanOrEqual(1e-4);
      // a second pass at batch 1 (a new activation set, no observer) reuses the pipelines and weights
      const first = new Tensor([1, 3, 128, 128], golden.tensor('input').data.slice(0, 3 * 128 * 128));
      const single = await model.forward(first);
      expect(relativeL2Error(single.data, logits.data.slice(0, 10))).toBeLessThanOrEqual(1e-6);
      // concurrent calls share the activation buffers: they must queue, not interleave their uploads
      const second = new Tensor([1, 3, 128, 128], golden.tensor('input').data.slice(3 * 128 * 128));
      const [a, b] = await Promise.all([model.forward(first), model.forward(second)]);
      expect(relativeL2Error(a.data, logits.data.slice(0, 10))).toBeLessThanOrEqual(1e-6);
      expect(relativeL2Error(b.data, logits.data.slice(10, 20))).toBeLessThanOrEqual(1e-6);
    } finally {
      model.dispose();
    }
  });

  it('loadNeoNeXt: checkpoint bytes → classify() gives the golden top-5 (architecture read off the checkpoint)', async () => {
    const golden = readFixture('model/neonext-mini.golden.safetensors');
    const model = await loadNeoNeXt({ weights: readFileSync('test/fixtures/model/neonext-mini.safetensors'), resolution: 128, backend: gpu });
    try {
      expect(model.config.dims).toEqual([16, 32, 64, 128]);
      const top = await model.classify(golden.tensor('input'), 3);
      const logits = golden.tensor('logits').data;
      top.forEach((row, i) => expect(row.map((t) => t.class)).toEqual(topK(Array.from(logits.subarray(10 * i, 10 * i + 10)), 3).map((t) => t.class)));
    } finally {
      await model.dispose(); // disposes the model only: the caller's backend serves the next test
    }
  });

  // ~6-10 s per forward on lavapipe (2 cores), plus ~40 s of one-time shader JIT when Mesa's shader cache is cold.
  it('runs neonext-t-224 with synthetic weights: logits <= 1e-4', { timeout: 300_000 }, async () => {
    const golden = readSyntheticGolden();
    const config = releasedConfig('neonext-t', 224);
    const model = await gpu.loadModel(config, neoNeXtParams(config, syntheticStateDict(neoNeXtSchema(config))));
    try {
      const logits = await model.forward(syntheticInput(224));
      expect(logits.shape).toEqual([1, 1000]);
      expect(relativeL2Error(logits.data, golden.logits)).toBeLessThanOrEqual(1e-4);
    } finally {
      model.dispose();
    }
  });
});
