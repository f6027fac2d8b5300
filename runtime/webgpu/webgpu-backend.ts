import type { NeoCellPlan } from '../../compiler/plan/neocell-plan.js';
import type { NeoNeXtConfig } from '../../compiler/spec/model-config.js';
import { foldBlock } from '../../nn/fold-neonext.js';
import type { BlockParams, NeoNeXtParams } from '../../nn/neonext-params.js';
import { checkNeoCellOperands, type NeoCellGradients, type NeoCellWeights } from '../../nn/reference/neocell.js';
import { Tensor, concatTensors } from '../../nn/tensor.js';
import { blockKernels, type MlpPath } from '../../schedule/model-kernels.js';
import { neoCellBackwardProgram, neoCellForwardProgram } from '../../schedule/neocell.js';
import { blockProgram, blockWeights } from '../../schedule/neonext.js';
import type { Program } from '../../schedule/program.js';
import type { Backend, LoadedModel } from '../backends/backend.js';
import { checkBlockOperands, splitWeights } from '../backends/operands.js';
import { acquireGpu, describeAdapter, type GpuContext } from './gpu-context.js';
import { WebGpuNeoNeXt } from './model/webgpu-neonext.js';
import { PipelineCache } from './pipeline-cache.js';
import { runGpuProgram } from './program-runner.js';

export interface WebGpuBackendOptions {
  /** Fill every output buffer with NaN before each run, so an element a kernel forgets to write cannot pass a test. */
  readonly poisonOutputs?: boolean;
}

/**
 * NeoCell and NeoNeXt on WebGPU (Dawn in Node, navigator.gpu in browsers): runs the schedule's programs
 * (schedule/) with kernels specialized per spec and tiled for this device (ctx.target), pipelines compiled on first
 * use and cached per device. Whole models fold their weights and upload them once (runtime/webgpu/model).
 */
export class WebGpuBackend implements Backend {
  readonly name = 'webgpu' as const;
  readonly conformanceTolerance = 1e-5;
  readonly description: string;
  private readonly pipelines: PipelineCache;

  private constructor(readonly ctx: GpuContext, private readonly options: WebGpuBackendOptions) {
    this.description = `WebGPU on ${describeAdapter(ctx.adapter)}`;
    this.pipelines = new PipelineCache(ctx.device);
  }

  static async create(options: WebGpuBackendOptions = {}): Promise<WebGpuBackend> {
    return new WebGpuBackend(await acquireGpu(), options);
  }

  private run(program: Program, data: Record<string, Float32Array>): Promise<Map<string, Float32Array>> {
    this.ctx.assertAlive();
    return runGpuProgram(this.ctx, this.pipelines, program, { data, poison: this.options.poisonOutputs ?? false });
  }

  async neoCellForward(plan: NeoCellPlan, x: Tensor, weights: NeoCellWeights): Promise<Tensor> {
    checkNeoCellOperands(plan, x, weights);
    const out = await this.run(neoCellForwardProgram(plan, this.ctx.target), {
      x: Float32Array.from(x.data), weight_a: concatTensors(weights.a), weight_b: concatTensors(weights.b),
    });
    return new Tensor(plan.outputShape, out.get('y')!);
  }

  async neoCellBackward(plan: NeoCellPlan, x: Tensor, weights: NeoCellWeights, gradY: Tensor): Promise<NeoCellGradients> {
    checkNeoCellOperands(plan, x, weights);
    const out = await this.run(neoCellBackwardProgram(plan, this.ctx.target), {
      x: Float32Array.from(x.data), grad_y: Float32Array.from(gradY.data), weight_a: concatTensors(weights.a), weight_b: concatTensors(weights.b),
    });
    return {
      gradX: new Tensor(plan.inputShape, out.get('grad_x')!),
      gradA: splitWeights(out.get('grad_weight_a')!, weights.a),
      gradB: splitWeights(out.get('grad_weight_b')!, weights.b),
    };
  }

  /**
   * One block exactly as a model runs it (folded NeoCell writing channels-last, then the MLP + residual: the
   * model's per-shape choice unless `mlpPath` says), for conformance against the golden block cases.
   */
  async neoNeXtBlock(plan: NeoCellPlan, x: Tensor, params: BlockParams, mlpPath?: MlpPath): Promise<Tensor> {
    checkBlockOperands(plan, x);
    const kernels = blockKernels(plan, this.ctx.target, mlpPath);
    const weights = blockWeights('block', foldBlock(plan.spec, params), kernels);
    const out = await this.run(blockProgram(plan, kernels, this.ctx.target, weights), {
      x: Float32Array.from(x.data), ...Object.fromEntries(weights.map((w) => [w.name, w.data])),
    });
    return new Tensor(plan.outputShape, out.get('y')!);
  }

  /** Folds and uploads the weights once; each forward is one command buffer (runtime/webgpu/model). */
  async loadModel(config: NeoNeXtConfig, params: NeoNeXtParams): Promise<LoadedModel> {
    return WebGpuNeoNeXt.load(this.ctx, this.pipelines, config, params);
  }

  async dispose(): Promise<void> {
    this.ctx.destroy();
  }
}
