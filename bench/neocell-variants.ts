import { chooseTiling, compileNeoCellForward, forwardBaked } from '../kernels/neocell/compile.js';
import type { KernelArtifact } from '../compiler/artifact.js';
import type { NeoCellPlan } from '../compiler/plan/neocell-plan.js';
import { denseNeoCellSteps, denseTileText } from '../kernels/baselines/dense-matmul.js';
import { denseNeoCellMatrices } from '../kernels/baselines/dense-matrices.js';
import { forwardLaunch, genericChannelTable, shouldPackChannels } from '../kernels/neocell/launch.js';
import type { NeoCellWeights } from '../nn/reference/neocell.js';
import { concatTensors, Tensor, shapeSize } from '../nn/tensor.js';
import type { GpuContext } from '../runtime/webgpu/gpu-context.js';
import type { PipelineCache } from '../runtime/webgpu/pipeline-cache.js';
import { STORAGE_USAGE, checkBindingSize } from '../runtime/webgpu/transfers.js';
import { tuneDenseStep, type DenseChoice } from './dense-autotune.js';
import { prepareDispatch, type PreparedDispatch } from './dispatch.js';
import type { GpuTimer } from './timing.js';

export type VariantName = 'specialized' | 'generic' | 'dense';
export const VARIANT_NAMES: readonly VariantName[] = ['specialized', 'generic', 'dense'];

/** One way of computing y = NeoCell(x) on the device, ready to launch: its dispatches and where y lands. */
export interface Variant {
  readonly name: VariantName;
  readonly dispatches: readonly PreparedDispatch[];
  readonly output: GPUBuffer;
  /** How it was compiled (tile sizes, kernel keys), for the JSON record. */
  readonly detail: Readonly<Record<string, unknown>>;
}

/** Seeded uniform [-1, 1) float32 values (mulberry32), so every run benchmarks the same data. */
export function seededUniform(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) / 4294967296) * 2 - 1;
  };
}

export function randomTensor32(shape: readonly number[], random: () => number): Tensor {
  return new Tensor(shape, Float32Array.from({ length: shapeSize(shape) }, random));
}

export function randomWeights(plan: NeoCellPlan, random: () => number): NeoCellWeights {
  return {
    a: plan.spec.groups.map((g) => randomTensor32([g.channels, g.hOut, g.hIn], random)),
    b: plan.spec.groups.map((g) => randomTensor32([g.channels, g.wIn, g.wOut], random)),
  };
}

/** Device buffers of one shape; `destroy` frees them all. */
export class ShapeBuffers {
  private readonly all: GPUBuffer[] = [];
  constructor(private readonly device: GPUDevice) {}

  upload(name: string, data: Float32Array | Uint32Array): GPUBuffer {
    const buffer = this.create(name, data.byteLength);
    this.device.queue.writeBuffer(buffer, 0, data.buffer, data.byteOffset, data.byteLength);
    return buffer;
  }

  create(name: string, byteLength: number): GPUBuffer {
    checkBindingSize(this.device, name, byteLength);
    const buffer = this.device.createBuffer({ size: Math.max(16, Math.ceil(byteLength / 4) * 4), usage: STORAGE_USAGE, label: name });
    this.all.push(buffer);
    return buffer;
  }

  destroy(): void {
    for (const b of this.all) b.destroy();
  }
}

/** Builds the three variants for `plan` on the same x and weights. */
export async function buildVariants(
  ctx: GpuContext, pipelines: PipelineCache, timer: GpuTimer, buffers: ShapeBuffers, plan: NeoCellPlan, x: Tensor, weights: NeoCellWeights,
): Promise<Variant[]> {
  const outElements = shapeSize(plan.outputShape);
  const xBuf = buffers.upload('x', x.data as Float32Array);
  const wa = buffers.upload('weight_a', concatTensors(weights.a));
  const wb = buffers.upload('weight_b', concatTensors(weights.b));

  // 1. specialized: the spec baked into the source, tiled for this adapter.
  const tiling = chooseTiling(plan.spec, ctx.target.limits);
  const packChannels = shouldPackChannels(plan, tiling);
  const specialized = compileNeoCellForward(plan.spec, ctx.target, { tiling, packChannels });
  const ySpec = buffers.create('y_specialized', 4 * outElements);
  const s = forwardLaunch(plan, tiling, false, packChannels);

  // 2. generic: one kernel for every spec, the per-channel configuration read from `cfg` at run time.
  const generic = compileNeoCellForward(undefined, ctx.target, { mode: 'generic', tiling: chooseTiling(undefined, ctx.target.limits) });
  const cfg = buffers.upload('cfg', genericChannelTable(plan));
  const yGen = buffers.create('y_generic', 4 * outElements);
  const g = forwardLaunch(plan, forwardBaked(generic).tiling, true);

  // 3. dense: upstream's method, dense block-diagonal A_c and B_c from the host, then T = A·X and Y = T·B.
  const dense = denseNeoCellMatrices(plan, weights);
  const [batch, channels, , inW] = plan.inputShape;
  const dBuf = {
    a: buffers.upload('dense_a', dense.a),
    b: buffers.upload('dense_b', dense.b),
    x: xBuf,
    t: buffers.create('dense_t', 4 * batch * channels * plan.outputShape[2] * inW),
    y: buffers.create('y_dense', 4 * outElements),
  };
  const steps = denseNeoCellSteps(plan);
  const chosen: DenseChoice[] = [];  // sequentially: each step's candidates are timed alone
  for (const st of steps) chosen.push(await tuneDenseStep(ctx, pipelines, timer, st, [dBuf[st.lhs], dBuf[st.rhs], dBuf[st.out]]));

  return [
    {
      name: 'specialized',
      dispatches: [await prepareDispatch(ctx, pipelines, specialized, [xBuf, wa, wb, ySpec], s.uniforms, s.grid)],
      output: ySpec,
      detail: { key: specialized.key, tiling: forwardBaked(specialized).tiling, packChannels, workgroupSize: specialized.workgroupSize, grid: s.grid },
    },
    {
      name: 'generic',
      dispatches: [await prepareDispatch(ctx, pipelines, generic, [xBuf, wa, wb, cfg, yGen], g.uniforms, g.grid)],
      output: yGen,
      detail: { key: generic.key, tiling: forwardBaked(generic).tiling, workgroupSize: generic.workgroupSize, grid: g.grid },
    },
    {
      name: 'dense',
      dispatches: chosen.map((c) => c.dispatch),
      output: dBuf.y,
      detail: {
        steps: steps.map((st, i) => ({
          op: `${st.out} = ${st.lhs}·${st.rhs}`, m: st.m, n: st.n, k: st.k, planes: st.planes,
          tile: denseTileText(chosen[i]!.tile), grid: chosen[i]!.dispatch.grid, candidatesUs: chosen[i]!.candidatesUs,
        })),
      },
    },
  ];
}
