import { compileNeoCellBackward, compileNeoCellForward, chooseTiling, forwardBaked, type BackwardArtifacts } from '../../compiler/compile-neocell.js';
import type { KernelArtifact } from '../../compiler/artifact.js';
import type { NeoCellPlan } from '../../compiler/plan/neocell-plan.js';
import { canonicalJson } from '../../compiler/cache-key.js';
import { canonicalSpec, type NeoCellSpec } from '../../compiler/spec/neocell-spec.js';
import { elementwiseGrid, forwardLaunch, shapeUniforms, shouldPackChannels } from '../../kernels/neocell/launch.js';
import type { NeoCellGradients, NeoCellWeights } from '../../kernels/reference/neocell.js';
import { checkNeoCellOperands } from '../../kernels/reference/neocell.js';
import { concatTensors, Tensor } from '../../kernels/tensor.js';
import type { Backend, LoadedModel } from '../backends/backend.js';
import type { NeoNeXtConfig } from '../../compiler/spec/model-config.js';
import type { BlockParams, NeoNeXtParams } from '../../kernels/neonext-params.js';
import { runBlock } from './model/run-block.js';
import { WebGpuNeoNeXt } from './model/webgpu-neonext.js';
import { BufferPool } from './buffer-pool.js';
import { acquireGpu, describeAdapter, type GpuContext } from './gpu-context.js';
import { KernelLauncher } from './kernel-launcher.js';
import { PipelineCache } from './pipeline-cache.js';
import { download, outputBuffer, upload } from './transfers.js';

export interface WebGpuBackendOptions {
  /** Fill every output buffer with NaN before each run, so an element a kernel forgets to write cannot pass a test. */
  readonly poisonOutputs?: boolean;
}

function splitWeights(data: Float32Array, like: readonly Tensor[]): Tensor[] {
  let at = 0;
  return like.map((t) => {
    const part = new Tensor(t.shape, data.slice(at, at + t.size));
    at += t.size;
    return part;
  });
}

/**
 * NeoCell on WebGPU with kernels specialized per spec (compiled on first use, cached per device). Works on Dawn
 * in Node and on navigator.gpu in browsers. NeoNeXt blocks and whole models run folded, with fused block kernels.
 */
export class WebGpuBackend implements Backend {
  readonly name = 'webgpu' as const;
  readonly conformanceTolerance = 1e-5;
  readonly description: string;
  private readonly pipelines: PipelineCache;
  private readonly pool: BufferPool;
  private readonly forwardArtifacts = new Map<string, KernelArtifact>();
  private readonly backwardArtifacts = new Map<string, BackwardArtifacts>();

  private constructor(readonly ctx: GpuContext, private readonly options: WebGpuBackendOptions) {
    this.description = `WebGPU on ${describeAdapter(ctx.adapter)}`;
    this.pipelines = new PipelineCache(ctx.device);
    this.pool = new BufferPool(ctx.device);
  }

  static async create(options: WebGpuBackendOptions = {}): Promise<WebGpuBackend> {
    return new WebGpuBackend(await acquireGpu(), options);
  }

  /** The specialized forward kernel for `plan`'s spec, tiled for this device's limits and the plan's plane size. */
  forwardArtifact(plan: NeoCellPlan): KernelArtifact {
    const tiling = chooseTiling(plan.spec, this.ctx.limits);
    const packChannels = shouldPackChannels(plan, tiling);
    const id = canonicalJson({ spec: canonicalSpec(plan.spec), packChannels });
    let artifact = this.forwardArtifacts.get(id);
    if (!artifact) {
      artifact = compileNeoCellForward(plan.spec, { tiling, packChannels });
      this.forwardArtifacts.set(id, artifact);
    }
    return artifact;
  }

  private backward(spec: NeoCellSpec): BackwardArtifacts {
    const id = canonicalJson(canonicalSpec(spec));
    let artifacts = this.backwardArtifacts.get(id);
    if (!artifacts) {
      artifacts = compileNeoCellBackward(spec);
      this.backwardArtifacts.set(id, artifacts);
    }
    return artifacts;
  }

  async neoCellForward(plan: NeoCellPlan, x: Tensor, weights: NeoCellWeights): Promise<Tensor> {
    checkNeoCellOperands(plan, x, weights);
    const { device } = this.ctx;
    const artifact = this.forwardArtifact(plan);
    const [n, c, h, w] = plan.outputShape;
    const buffers = [
      upload(device, this.pool, 'x', x.data),
      upload(device, this.pool, 'weight_a', concatTensors(weights.a)),
      upload(device, this.pool, 'weight_b', concatTensors(weights.b)),
      outputBuffer(device, this.pool, 'y', n * c * h * w, this.options.poisonOutputs ?? false),
    ];
    try {
      const launcher = new KernelLauncher(this.ctx, this.pipelines);
      const { tiling, packChannels } = forwardBaked(artifact);
      const { grid, uniforms } = forwardLaunch(plan, tiling, false, packChannels);
      await launcher.dispatch(artifact, buffers, uniforms, grid);
      await launcher.submit();
      return new Tensor(plan.outputShape, await download(device, buffers[3]!, n * c * h * w));
    } finally {
      for (const b of buffers) this.pool.release(b);
    }
  }

  async neoCellBackward(plan: NeoCellPlan, x: Tensor, weights: NeoCellWeights, gradY: Tensor): Promise<NeoCellGradients> {
    checkNeoCellOperands(plan, x, weights);
    const { device } = this.ctx;
    const k = this.backward(plan.spec);
    const poison = this.options.poisonOutputs ?? false;
    const [n, c, inH, inW] = plan.inputShape;
    const outW = plan.outputShape[3];
    const wa = concatTensors(weights.a);
    const wb = concatTensors(weights.b);
    const buf = {
      x: upload(device, this.pool, 'x', x.data),
      dy: upload(device, this.pool, 'grad_y', gradY.data),
      wa: upload(device, this.pool, 'weight_a', wa),
      wb: upload(device, this.pool, 'weight_b', wb),
      t: outputBuffer(device, this.pool, 't', n * c * inH * outW, poison),
      dt: outputBuffer(device, this.pool, 'dt', n * c * inH * outW, poison),
      dx: outputBuffer(device, this.pool, 'grad_x', n * c * inH * inW, poison),
      gwa: outputBuffer(device, this.pool, 'grad_weight_a', wa.length, poison),
      gwb: outputBuffer(device, this.pool, 'grad_weight_b', wb.length, poison),
    };
    try {
      const uniforms = shapeUniforms(plan);
      const wg = k.neocell_fwd_t.workgroupSize;
      const launcher = new KernelLauncher(this.ctx, this.pipelines);
      await launcher.dispatch(k.neocell_fwd_t, [buf.x, buf.wb, buf.t], uniforms, elementwiseGrid(n * c * inH * outW, wg));
      await launcher.dispatch(k.neocell_bwd_dt, [buf.dy, buf.wa, buf.dt], uniforms, elementwiseGrid(n * c * inH * outW, wg));
      await launcher.dispatch(k.neocell_bwd_dx, [buf.dt, buf.wb, buf.dx], uniforms, elementwiseGrid(n * c * inH * inW, wg));
      await launcher.dispatch(k.neocell_bwd_dw, [buf.x, buf.dy, buf.t, buf.dt, buf.wa, buf.wb, buf.gwa, buf.gwb], uniforms, [c, 1, 1]);
      await launcher.submit();
      return {
        gradX: new Tensor(plan.inputShape, await download(device, buf.dx, n * c * inH * inW)),
        gradA: splitWeights(await download(device, buf.gwa, wa.length), weights.a),
        gradB: splitWeights(await download(device, buf.gwb, wb.length), weights.b),
      };
    } finally {
      for (const b of Object.values(buf)) this.pool.release(b);
    }
  }

  /** One block: folded NeoCell (channels-last) + the fused fc_1 → GELU → fc_2 → residual kernel. */
  async neoNeXtBlock(plan: NeoCellPlan, x: Tensor, params: BlockParams): Promise<Tensor> {
    return runBlock(this.ctx, this.pipelines, plan, x, params, this.options.poisonOutputs ?? false);
  }

  /** Folds and uploads the weights once; each forward is one command buffer (runtime/webgpu/model). */
  async loadModel(config: NeoNeXtConfig, params: NeoNeXtParams): Promise<LoadedModel> {
    return WebGpuNeoNeXt.load(this.ctx, this.pipelines, config, params);
  }

  async dispose(): Promise<void> {
    this.pool.destroy();
    this.ctx.destroy();
  }
}
