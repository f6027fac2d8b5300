import { NeoccError } from '../../../compiler/errors.js';
import type { NeoNeXtConfig } from '../../../compiler/spec/model-config.js';
import { foldNeoNeXt } from '../../../nn/fold-neonext.js';
import type { NeoNeXtParams } from '../../../nn/neonext-params.js';
import type { ModuleObserver } from '../../../nn/reference/neonext.js';
import { Tensor } from '../../../nn/tensor.js';
import { allArtifacts, modelKernels, type ModelKernels } from '../../../schedule/model-kernels.js';
import { checkModelInput, modelForwardProgram, modelWeights } from '../../../schedule/neonext.js';
import { weightDeclarations, type Program, type WeightDeclaration } from '../../../schedule/program.js';
import type { LoadedModel } from '../../backends/backend.js';
import type { GpuContext } from '../gpu-context.js';
import type { PipelineCache } from '../pipeline-cache.js';
import { createProgramBuffer, runGpuProgram, uploadWeights } from '../program-runner.js';

/** The forward program of one batch size and its activation buffers, kept for the next forward of that size. */
interface BatchState {
  readonly program: Program;
  readonly buffers: Map<string, GPUBuffer>;
}

/**
 * NeoNeXt on WebGPU: folds BN/LayerScale (float64) at load, uploads the folded weights once, compiles every pipeline
 * up front, and runs the schedule's forward program (schedule/neonext.ts) per batch size, recorded into one
 * command buffer with one submit. Module outputs are copied out only when an observer is passed.
 */
export class WebGpuNeoNeXt implements LoadedModel {
  private readonly batches = new Map<number, BatchState>();
  private disposed = false;
  /** Forwards run one after another: they share the activation buffers of a batch size (and its input upload). */
  private tail: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly config: NeoNeXtConfig,
    private readonly ctx: GpuContext,
    private readonly pipelines: PipelineCache,
    private readonly kernels: ModelKernels,
    private readonly weights: Map<string, GPUBuffer>,
    private readonly weightDecls: readonly WeightDeclaration[],
  ) {}

  static async load(ctx: GpuContext, pipelines: PipelineCache, config: NeoNeXtConfig, params: NeoNeXtParams): Promise<WebGpuNeoNeXt> {
    ctx.assertAlive();
    const kernels = modelKernels(config, ctx.target);
    await Promise.all(allArtifacts(kernels).map((a) => pipelines.get(a)));
    const weights = modelWeights(foldNeoNeXt(config, params), kernels);
    return new WebGpuNeoNeXt(config, ctx, pipelines, kernels, uploadWeights(ctx.device, weights), weightDeclarations(weights));
  }

  private batchState(batch: number): BatchState {
    const cached = this.batches.get(batch);
    if (cached) return cached;
    const program = modelForwardProgram(this.config, this.kernels, this.ctx.target, batch, this.weightDecls);
    const buffers = new Map(this.weights);
    try {
      for (const b of program.buffers) if (b.role !== 'weight') buffers.set(b.name, createProgramBuffer(this.ctx.device, b));
    } catch (err) {
      for (const [name, b] of buffers) if (!this.weights.has(name)) b.destroy();
      throw err;
    }
    const state = { program, buffers };
    this.batches.set(batch, state);
    return state;
  }

  forward(input: Tensor, observe?: ModuleObserver): Promise<Tensor> {
    const run = this.tail.then(() => this.run(input, observe));
    this.tail = run.catch(() => undefined);
    return run;
  }

  private async run(input: Tensor, observe?: ModuleObserver): Promise<Tensor> {
    if (this.disposed) throw new NeoccError('disposed', 'this WebGPU NeoNeXt model was disposed');
    checkModelInput(this.config, input.shape);
    const { program, buffers } = this.batchState(input.shape[0]!);
    const out = await runGpuProgram(this.ctx, this.pipelines, program, {
      data: { input: Float32Array.from(input.data) },
      resident: buffers,
      observe,
    });
    return new Tensor([input.shape[0]!, this.config.classes], out.get('logits')!);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const { buffers } of this.batches.values()) for (const [name, b] of buffers) if (!this.weights.has(name)) b.destroy();
    this.batches.clear();
    for (const b of this.weights.values()) b.destroy();
  }
}
