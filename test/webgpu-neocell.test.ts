import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeArtifact } from '../compiler/artifact.js';
import { compileNeoCellForward, forwardBaked } from '../kernels/neocell/compile.js';
import { BlockBuilder, finishKernel, u32 } from '../compiler/ir/build.js';
import { planNeoCell } from '../compiler/plan/neocell-plan.js';
import { parseNeoCellSpec, specFromCode } from '../compiler/spec/neocell-spec.js';
import { forwardLaunch } from '../kernels/neocell/launch.js';
import { neoCellBackward, neoCellForward } from '../nn/reference/neocell.js';
import { concatTensors, relativeL2Error } from '../nn/tensor.js';
import { runConformance } from '../runtime/conformance/run-conformance.js';
import { BufferPool } from './helpers/buffer-pool.js';
import { KernelLauncher } from '../runtime/webgpu/kernel-launcher.js';
import { KernelCompileError } from '../compiler/kernel-error.js';
import { PipelineCache } from '../runtime/webgpu/pipeline-cache.js';
import { download } from '../runtime/webgpu/transfers.js';
import { outputBuffer, upload } from './helpers/buffer-pool.js';
import { WebGpuBackend } from '../runtime/webgpu/webgpu-backend.js';
import { randomNeoCellWeights, randomTensor, seededRandom } from './helpers/random.js';
import { neoCellCaseArb } from './helpers/spec-arbitrary.js';
import { WGSL } from '../compiler/targets/index.js';

// These tests need a WebGPU adapter; CI installs Mesa's lavapipe (.ci/run). Without one they fail, with the
// message that says how to get one — they are never skipped.
let gpu: WebGpuBackend;
beforeAll(async () => {
  gpu = await WebGpuBackend.create({ poisonOutputs: true });
});
afterAll(async () => {
  await gpu?.dispose();
});

describe('WebGPU NeoCell kernels', () => {
  it('pass every golden NeoCell case, forward and backward, at rel. L2 <= 1e-5 (outputs poisoned with NaN)', async () => {
    const report = await runConformance('test/fixtures/neocell', gpu, { tolerance: 1e-5 });
    expect(report.rows).toHaveLength(15);
    for (const row of report.rows) {
      for (const value of [row.errors.y, row.errors.gradX, row.errors.gradA, row.errors.gradB]) expect(value, row.name).toBeLessThanOrEqual(1e-5);
    }
  });

  it('match the float64 reference on random specs (forward and all gradients)', async () => {
    await fc.assert(fc.asyncProperty(neoCellCaseArb, async ({ spec, shape, seed }) => {
      const random = seededRandom(seed);
      const plan = planNeoCell(spec, shape);
      const x = randomTensor(shape, random);
      const weights = randomNeoCellWeights(spec, random);
      const gradY = randomTensor(plan.outputShape, random);
      const y = await gpu.neoCellForward(plan, x, weights);
      expect(relativeL2Error(y.data, neoCellForward(plan, x, weights).data)).toBeLessThan(1e-5);
      const got = await gpu.neoCellBackward(plan, x, weights, gradY);
      const want = neoCellBackward(plan, x, weights, gradY);
      expect(relativeL2Error(got.gradX.data, want.gradX.data)).toBeLessThan(1e-5);
      got.gradA.forEach((g, j) => expect(relativeL2Error(g.data, want.gradA[j]!.data)).toBeLessThan(1e-5));
      got.gradB.forEach((g, j) => expect(relativeL2Error(g.data, want.gradB[j]!.data)).toBeLessThan(1e-5));
    }), { numRuns: 25, seed: 20261128 });
  });

  it('leave NaN where a dispatch does not reach (the poisoning works)', async () => {
    const { device } = gpu.ctx;
    const pool = new BufferPool(device);
    const spec = specFromCode('4', 8, 1);
    const plan = planNeoCell(spec, [1, 8, 12, 12]);
    const artifact = compileNeoCellForward(spec, WGSL);
    const random = seededRandom(1);
    const buffers = [
      upload(device, pool, 'x', randomTensor([1, 8, 12, 12], random).data),
      upload(device, pool, 'wa', randomTensor([8, 4, 4], random).data),
      upload(device, pool, 'wb', randomTensor([8, 4, 4], random).data),
      outputBuffer(device, pool, 'y', 8 * 144, true),
    ];
    const launcher = new KernelLauncher(gpu.ctx, new PipelineCache(device));
    const { grid, uniforms } = forwardLaunch(plan, forwardBaked(artifact).tiling, false);
    await launcher.dispatch(artifact, buffers, uniforms, [grid[0], grid[1] - 1, grid[2]]); // skip the last channel
    await launcher.submit();
    const y = await download(device, buffers[3]!, 8 * 144);
    expect(y.slice(0, 7 * 144).some(Number.isNaN)).toBe(false);
    expect(y.slice(7 * 144).every(Number.isNaN)).toBe(true);
    pool.destroy();
  });

  it('give the same output with one channel per workgroup, channels packed, NHWC output and a channel-bias epilogue', async () => {
    const { device } = gpu.ctx;
    const pool = new BufferPool(device);
    const pipelines = new PipelineCache(device);
    const spec = parseNeoCellSpec([{ kernel: 3, shift: 1, channels: 5 }, { kernel_a: 2, kernel_b: 5, shift_a: 1, shift_b: 3, channels: 3 }]);
    const plan = planNeoCell(spec, [2, 8, 8, 12]);
    const random = seededRandom(7);
    const x = randomTensor(plan.inputShape, random);
    const weights = randomNeoCellWeights(spec, random);
    const bias = randomTensor([8], random);
    const want = neoCellForward(plan, x, weights);
    const [n, c, h, w] = plan.outputShape;
    for (const options of [{ packChannels: false }, { packChannels: true }, { packChannels: true, layout: 'nhwc' as const, channelBias: true }]) {
      const artifact = compileNeoCellForward(spec, WGSL, options);
      const buffers = [
        upload(device, pool, 'x', x.data),
        upload(device, pool, 'wa', concatTensors(weights.a)),
        upload(device, pool, 'wb', concatTensors(weights.b)),
        ...(options.channelBias ? [upload(device, pool, 'bias', bias.data)] : []),
        outputBuffer(device, pool, 'y', n * c * h * w, true),
      ];
      const { grid, uniforms } = forwardLaunch(plan, forwardBaked(artifact).tiling, false, options.packChannels);
      const launcher = new KernelLauncher(gpu.ctx, pipelines);
      await launcher.dispatch(artifact, buffers, uniforms, grid);
      await launcher.submit();
      const got = await download(device, buffers.at(-1)!, n * c * h * w);
      const expected = new Float64Array(n * c * h * w);
      for (let i = 0; i < expected.length; i++) {
        // want is NCHW; the NHWC variant stores element (b, ch, r, col) at ((b·H + r)·W + col)·C + ch.
        const col = i % w, r = Math.floor(i / w) % h, ch = Math.floor(i / (w * h)) % c, b = Math.floor(i / (w * h * c));
        const at = options.layout === 'nhwc' ? ((b * h + r) * w + col) * c + ch : i;
        expected[at] = want.data[i]! + (options.channelBias ? bias.data[ch]! : 0);
      }
      expect(relativeL2Error(got, expected), JSON.stringify(options)).toBeLessThan(1e-5);
      for (const buffer of buffers) pool.release(buffer);
    }
    pool.destroy();
  });

  it('report a kernel the device rejects with its log, key and numbered source', async () => {
    const b = new BlockBuilder();
    b.store('y', u32(0), { k: 'ref', type: 'f32', name: 'undefined_name' });
    const ir = finishKernel({ name: 'broken', workgroupSize: 1, buffers: [{ name: 'y', access: 'read_write', elem: 'f32' }], uniforms: [], shared: [], body: b.stmts, doc: [] });
    const artifact = makeArtifact(ir, WGSL, { test: 'broken' });
    const error = await new PipelineCache(gpu.ctx.device).get(artifact).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KernelCompileError);
    const message = (error as Error).message;
    expect(message).toContain('kernel broken');
    expect(message).toMatch(/undefined_name/);
    expect(message).toContain(`(key ${artifact.key.slice(0, 16)}`);
    expect(message).toMatch(/\n\s*\d+ \| @compute @workgroup_size\(1\)/);
  });

  it('names the adapter', () => {
    expect(gpu.description).toMatch(/^WebGPU on /);
  });
});
