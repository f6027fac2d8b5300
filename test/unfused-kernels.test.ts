import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planNeoCell, type NeoCellPlan } from '../compiler/plan/neocell-plan.js';
import { specFromCode } from '../compiler/spec/neocell-spec.js';
import type { BlockParams } from '../nn/neonext-params.js';
import {
  compileGemm, compileMlpTwoGemm, mlpTwoGemmLaunch, twoGemmHiddenElements, type GemmOptions, type TwoGemmKernels,
} from '../kernels/neonext/mlp-two-gemm.js';
import { LINEAR_TILE_CANDIDATES } from '../kernels/neonext/unfused/linear.js';
import { releasedConfig } from '../compiler/spec/model-config.js';
import { allArtifacts, modelKernels } from '../schedule/model-kernels.js';
import { unfusedActivationSizes, unfusedBlockSteps, unfusedBlockWeights, type UnfusedBuffer } from '../kernels/neonext/unfused/chain.js';
import { neoNeXtBlock } from '../nn/reference/neonext.js';
import { relativeL2Error, Tensor } from '../nn/tensor.js';
import { readGoldenCase } from '../runtime/conformance/golden-case.js';
import { BufferUsage } from '../runtime/webgpu/constants.js';
import { acquireGpu, type GpuContext } from '../runtime/webgpu/gpu-context.js';
import { KernelLauncher } from '../runtime/webgpu/kernel-launcher.js';
import { PipelineCache } from '../runtime/webgpu/pipeline-cache.js';
import { download } from '../runtime/webgpu/transfers.js';
import { readFixture } from './helpers/fixtures.js';
import { randomTensor, seededRandom } from './helpers/random.js';
import { twoGemmCase, twoGemmReference, type TwoGemmCase } from './oracles/two-gemm.js';
import { WGSL } from '../compiler/targets/index.js';

// The unfused NeoNeXt block chain (bench baseline, kernels/neonext/unfused) against the float64 reference.
// Needs a WebGPU adapter (CI: lavapipe); never skipped.
let ctx: GpuContext;
let pipelines: PipelineCache;
beforeAll(async () => {
  ctx = await acquireGpu();
  pipelines = new PipelineCache(ctx.device);
});
afterAll(() => ctx?.destroy());

/** Creates storage buffers holding `data` (at least 16 bytes), recording each in `created` for destruction. */
function storageMaker(created: GPUBuffer[]): (data: Float32Array) => GPUBuffer {
  return (data) => {
    const b = ctx.device.createBuffer({ size: Math.max(16, data.byteLength), usage: BufferUsage.STORAGE | BufferUsage.COPY_DST | BufferUsage.COPY_SRC });
    ctx.device.queue.writeBuffer(b, 0, data);
    created.push(b);
    return b;
  };
}

/** Runs the whole chain in one submit; every activation buffer starts NaN-poisoned. */
async function runUnfused(plan: NeoCellPlan, x: Tensor, params: BlockParams): Promise<Float32Array> {
  const { device } = ctx;
  const steps = unfusedBlockSteps(plan, ctx.target, { layerScale: params.gamma !== undefined, bnEps: params.norm.eps });
  const weights = unfusedBlockWeights(params);
  const sizes = unfusedActivationSizes(plan);
  const created: GPUBuffer[] = [];
  const make = storageMaker(created);
  const buffers = new Map<UnfusedBuffer, GPUBuffer>();
  for (const [name, data] of Object.entries(weights)) buffers.set(name as UnfusedBuffer, make(data));
  for (const [name, elements] of Object.entries(sizes)) buffers.set(name as UnfusedBuffer, make(name === 'x' ? Float32Array.from(x.data) : new Float32Array(elements).fill(NaN)));
  try {
    const launcher = new KernelLauncher(ctx, pipelines);
    for (const s of steps) await launcher.dispatch(s.artifact, s.buffers.map((b) => buffers.get(b)!), s.uniforms, s.grid);
    await launcher.submit();
    return await download(device, buffers.get('y')!, sizes.y);
  } finally {
    for (const b of created) b.destroy();
  }
}

function randomBlock(channels: number, spec: ReturnType<typeof specFromCode>, random: () => number): BlockParams {
  const scaled = (shape: number[], scale: number): Tensor => {
    const t = randomTensor(shape, random);
    for (let i = 0; i < t.size; i++) t.data[i] *= scale;
    return t;
  };
  const positive = (n: number): Tensor => {
    const t = Tensor.zeros([n]);
    for (let i = 0; i < n; i++) t.data[i] = 0.5 + random();
    return t;
  };
  const hidden = 4 * channels;
  return {
    neocell: {
      a: spec.groups.map((g) => scaled([g.channels, g.hOut, g.hIn], 0.5)),
      b: spec.groups.map((g) => scaled([g.channels, g.wIn, g.wOut], 0.5)),
    },
    norm: { weight: positive(channels), bias: scaled([channels], 0.3), runningMean: scaled([channels], 0.3), runningVar: positive(channels) },
    fc1: { weight: scaled([hidden, channels], 1 / Math.sqrt(channels)), bias: scaled([hidden], 0.2) },
    fc2: { weight: scaled([channels, hidden], 1 / Math.sqrt(hidden)), bias: scaled([channels], 0.2) },
    gamma: scaled([channels], 0.5),
  };
}

describe('unfused NeoNeXt block chain on WebGPU', () => {
  it('equals the float64 reference block on random data (batch 2, 13x13 plane, C = 40)', async () => {
    const random = seededRandom(7);
    const spec = specFromCode('4+7', 40, 1);
    const plan = planNeoCell(spec, [2, 40, 13, 13]);
    const x = randomTensor(plan.inputShape, random);
    const params = randomBlock(40, spec, random);
    const y = await runUnfused(plan, x, params);
    expect(y.every(Number.isFinite)).toBe(true);
    expect(relativeL2Error(y, neoNeXtBlock(plan, x, params).data)).toBeLessThan(1e-5);
  });

  for (const name of ['block_k4p7_s1_c24_14x14', 'block_k7_s0_c16_7x7_nols']) {
    it(`passes the golden block case ${name}`, async () => {
      const c = readGoldenCase(name, readFixture(`block/${name}.safetensors`));
      if (c.op !== 'neo_bottleneck') throw new Error(`${name} is not a block case`);
      const y = await runUnfused(c.plan, c.x, c.params);
      expect(y.every(Number.isFinite)).toBe(true);
      expect(relativeL2Error(y, c.y.data)).toBeLessThan(1e-5);
      expect(relativeL2Error(y, neoNeXtBlock(c.plan, c.x, c.params).data)).toBeLessThan(1e-5);
    });
  }
});

/** Runs fc_1 then fc_2 of `k` on WebGPU (hidden and y poisoned with NaN first); returns y (NCHW). */
async function runTwoGemmOnGpu(k: TwoGemmKernels, d: TwoGemmCase): Promise<Float32Array> {
  const launch = mlpTwoGemmLaunch(k, d.n, d.plane);
  const { device } = ctx;
  const created: GPUBuffer[] = [];
  const make = storageMaker(created);
  try {
    const [bm, bx, bw1, bb1, bw2, bb2] = [d.m, d.x, d.w1t, d.b1, d.w2t, d.b2].map(make);
    const hidden = make(new Float32Array(twoGemmHiddenElements(d.c, d.n, d.plane)).fill(NaN));
    const y = make(new Float32Array(d.n * d.c * d.plane).fill(NaN));
    const launcher = new KernelLauncher(ctx, pipelines);
    await launcher.dispatch(k.fc1, [bm!, bw1!, bb1!, hidden], launch.fc1.uniforms, launch.fc1.grid);
    await launcher.dispatch(k.fc2, [hidden, bw2!, bb2!, bx!, y], launch.fc2.uniforms, launch.fc2.grid);
    await launcher.submit();
    return await download(device, y, d.n * d.c * d.plane);
  } finally {
    for (const b of created) b.destroy();
  }
}

describe('two-GEMM NeoNeXt MLP on WebGPU (fc_1 + GELU epilogue, fc_2 + residual NCHW epilogue)', () => {
  it('is what the WebGPU model runs at every NeoNeXt-T-224 stage (compiled up front instead of the fused kernel)', () => {
    const k = modelKernels(releasedConfig('neonext-t', 224), ctx.target);
    expect(k.stages.map((s) => s.mlpPath)).toEqual(['two-gemm', 'two-gemm', 'two-gemm', 'two-gemm']);
    const keys = new Set(allArtifacts(k).map((a) => a.key));
    for (const s of k.stages) {
      expect(keys.has(s.twoGemm.fc1.key) && keys.has(s.twoGemm.fc2.key)).toBe(true);
      expect(s.twoGemm.fc1Options.kind).toBe('registers');
      expect(keys.has(s.mlp.key)).toBe(false);
    }
  });

  for (const [n, c, hh, ww] of [[3, 19, 5, 7], [2, 40, 9, 3]] as const) {
    for (const tile of LINEAR_TILE_CANDIDATES) {
      it(`equals the float64 reference (batch ${n}, C = ${c}, ${hh}x${ww}, tile ${tile.tm}x${tile.tn}/${tile.rm}x${tile.rn})`, async () => {
        const data = twoGemmCase(n, c, hh * ww, 11 * c + tile.tm + tile.rn);
        const got = await runTwoGemmOnGpu(compileMlpTwoGemm({ channels: c, target: WGSL, fc1Tile: tile, fc2Tile: tile }), data);
        expect(got.every(Number.isFinite)).toBe(true);
        expect(relativeL2Error(got, twoGemmReference(data))).toBeLessThan(1e-5);
      });
    }
  }

  // The CPU SIMD micro-kernel (vec4f IR) printed as WGSL: checks the WGSL renderer's vec4 gathers, splats, lanes and
  // scattered stores on a GPU (the WebAssembly side is test/wasm-simd.test.ts).
  it('runs the vec4 micro-kernel GEMMs rendered to WGSL (batch 3, C = 24, 5x7, 4 invocations per workgroup)', async () => {
    const c = 24;
    const data = twoGemmCase(3, c, 35, 5);
    const fc1Options: GemmOptions = { kind: 'vec4', inFeatures: c, outFeatures: 4 * c, epilogue: 'bias-gelu', rm: 2, rv: 4, workgroupSize: 4 };
    const fc2Options: GemmOptions = { kind: 'vec4', inFeatures: 4 * c, outFeatures: c, epilogue: 'bias-residual-nchw', rm: 3, rv: 2, workgroupSize: 4 };
    const k: TwoGemmKernels = { fc1: compileGemm(fc1Options, WGSL), fc2: compileGemm(fc2Options, WGSL), fc1Options, fc2Options };
    expect(k.fc1.source).toContain('vec4<f32>(');
    const got = await runTwoGemmOnGpu(k, data);
    expect(got.every(Number.isFinite)).toBe(true);
    expect(relativeL2Error(got, twoGemmReference(data))).toBeLessThan(1e-5);
  });
});
