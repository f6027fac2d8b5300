import type { KernelArtifact } from '../../compiler/artifact.js';
import { NeoccError } from '../../compiler/errors.js';
import type { NeoCellPlan } from '../../compiler/plan/neocell-plan.js';
import type { NeoNeXtConfig } from '../../compiler/spec/model-config.js';
import { CUDA } from '../../compiler/targets/index.js';
import { foldBlock, foldNeoNeXt } from '../../nn/fold-neonext.js';
import type { BlockParams, NeoNeXtParams } from '../../nn/neonext-params.js';
import { checkNeoCellOperands, type NeoCellGradients, type NeoCellWeights } from '../../nn/reference/neocell.js';
import type { ModuleObserver } from '../../nn/reference/neonext.js';
import { Tensor, concatTensors } from '../../nn/tensor.js';
import { allArtifacts, blockKernels, modelKernels } from '../../schedule/model-kernels.js';
import { neoCellBackwardProgram, neoCellForwardProgram } from '../../schedule/neocell.js';
import { blockProgram, blockWeights, checkModelInput, modelForwardProgram, modelWeights } from '../../schedule/neonext.js';
import { programArtifacts, weightDeclarations, type Program, type ProgramRunOptions } from '../../schedule/program.js';
import type { Backend, ConcreteBackendName, LoadedModel } from '../backends/backend.js';
import { checkBlockOperands, splitWeights } from '../backends/operands.js';

/** A set of compiled kernels that runs any program made of them (CudaCpuKernels, CudaKernels). */
export interface ProgramKernels {
  holds(artifacts: readonly KernelArtifact[]): boolean;
  run(program: Program, options: ProgramRunOptions<never>): Promise<Map<string, Float32Array>>;
}

/**
 * The Backend of both CUDA runtimes, over whatever compiles and runs their binaries: each call compiles the kernels
 * it needs (cached on disk by source; a NeoCell's forward and backward kernels share one binary) and runs the
 * schedule's program in a child process. Outputs are always NaN-poisoned first, so an element no kernel writes
 * cannot pass. Weights are sent with every run: the binary is one process per program, so nothing stays resident.
 */
export abstract class CudaProgramBackend<K extends ProgramKernels> implements Backend {
  abstract readonly name: ConcreteBackendName;
  abstract readonly description: string;
  abstract readonly conformanceTolerance: number;
  /** Binaries of this process by their kernel set (the disk cache also keeps them across processes). */
  private readonly binaries = new Map<string, Promise<K>>();

  constructor(private readonly prebuilt?: K) {}

  /** Compiles one binary holding `artifacts`' kernels. */
  protected abstract compileKernels(artifacts: readonly KernelArtifact[]): Promise<K>;

  private kernels(artifacts: readonly KernelArtifact[]): Promise<K> {
    if (this.prebuilt?.holds(artifacts)) return Promise.resolve(this.prebuilt);
    const id = [...new Set(artifacts.map((a) => a.entryPoint))].sort().join(',');
    let found = this.binaries.get(id);
    if (!found) {
      found = this.compileKernels(artifacts);
      this.binaries.set(id, found);
      found.catch(() => this.binaries.delete(id));
    }
    return found;
  }

  /** A NeoCell's forward and backward kernels in one binary: conformance runs both for each case. */
  private cellKernels(plan: NeoCellPlan): Promise<K> {
    return this.kernels([neoCellForwardProgram(plan, CUDA), neoCellBackwardProgram(plan, CUDA)].flatMap(programArtifacts));
  }

  async neoCellForward(plan: NeoCellPlan, x: Tensor, weights: NeoCellWeights): Promise<Tensor> {
    checkNeoCellOperands(plan, x, weights);
    const out = await (await this.cellKernels(plan)).run(neoCellForwardProgram(plan, CUDA), {
      data: { x: Float32Array.from(x.data), weight_a: concatTensors(weights.a), weight_b: concatTensors(weights.b) }, poison: true,
    });
    return new Tensor(plan.outputShape, out.get('y')!);
  }

  async neoCellBackward(plan: NeoCellPlan, x: Tensor, weights: NeoCellWeights, gradY: Tensor): Promise<NeoCellGradients> {
    checkNeoCellOperands(plan, x, weights);
    const out = await (await this.cellKernels(plan)).run(neoCellBackwardProgram(plan, CUDA), {
      data: { x: Float32Array.from(x.data), grad_y: Float32Array.from(gradY.data), weight_a: concatTensors(weights.a), weight_b: concatTensors(weights.b) },
      poison: true,
    });
    return {
      gradX: new Tensor(plan.inputShape, out.get('grad_x')!),
      gradA: splitWeights(out.get('grad_weight_a')!, weights.a),
      gradB: splitWeights(out.get('grad_weight_b')!, weights.b),
    };
  }

  /** One NeoNeXt block as a model runs it (folded NeoCell, then the MLP + residual), for the golden block cases. */
  async neoNeXtBlock(plan: NeoCellPlan, x: Tensor, params: BlockParams): Promise<Tensor> {
    checkBlockOperands(plan, x);
    const k = blockKernels(plan, CUDA);
    const weights = blockWeights('block', foldBlock(plan.spec, params), k);
    const program = blockProgram(plan, k, CUDA, weights);
    const out = await (await this.kernels(programArtifacts(program))).run(program, {
      data: { x: Float32Array.from(x.data), ...Object.fromEntries(weights.map((w) => [w.name, w.data])) }, poison: true,
    });
    return new Tensor(plan.outputShape, out.get('y')!);
  }

  /** Folds the weights once and compiles every kernel of the model into one binary; each forward is one process. */
  async loadModel(config: NeoNeXtConfig, params: NeoNeXtParams): Promise<LoadedModel> {
    const k = modelKernels(config, CUDA);
    // Both MLP paths of every stage: the schedule picks one per batch size (from the hidden scratch's size).
    const binary = await this.kernels([...allArtifacts(k), ...k.stages.flatMap((s) => [s.mlp, s.twoGemm.fc1, s.twoGemm.fc2])]);
    const weights = modelWeights(foldNeoNeXt(config, params), k);
    const data = Object.fromEntries(weights.map((w) => [w.name, w.data]));
    const programs = new Map<number, Program>();
    let disposed = false;
    const name = this.name;
    return {
      config,
      async forward(input: Tensor, observe?: ModuleObserver): Promise<Tensor> {
        if (disposed) throw new NeoccError('disposed', `this ${name} NeoNeXt model was disposed`);
        checkModelInput(config, input.shape);
        const batch = input.shape[0]!;
        let program = programs.get(batch);
        if (!program) {
          program = modelForwardProgram(config, k, CUDA, batch, weightDeclarations(weights));
          programs.set(batch, program);
        }
        const out = await binary.run(program, { data: { input: Float32Array.from(input.data), ...data }, poison: true, observe });
        return new Tensor([batch, config.classes], out.get('logits')!);
      },
      dispose(): void {
        disposed = true;
      },
    };
  }

  async dispose(): Promise<void> {
    this.binaries.clear();
  }
}
