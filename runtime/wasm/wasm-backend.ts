import { NeoccError } from '../../compiler/errors.js';
import type { NeoCellPlan } from '../../compiler/plan/neocell-plan.js';
import type { NeoNeXtConfig } from '../../compiler/spec/model-config.js';
import type { KernelTarget } from '../../compiler/targets/index.js';
import { foldBlock } from '../../nn/fold-neonext.js';
import type { BlockParams, NeoNeXtParams } from '../../nn/neonext-params.js';
import { checkNeoCellOperands, type NeoCellGradients, type NeoCellWeights } from '../../nn/reference/neocell.js';
import { Tensor, concatTensors } from '../../nn/tensor.js';
import { blockKernels } from '../../schedule/model-kernels.js';
import { neoCellBackwardProgram, neoCellForwardProgram } from '../../schedule/neocell.js';
import { blockProgram, blockWeights } from '../../schedule/neonext.js';
import { programArtifacts, type Program } from '../../schedule/program.js';
import type { Backend, LoadedModel } from '../backends/backend.js';
import { checkBlockOperands, splitWeights } from '../backends/operands.js';
import { LinearMemory } from './linear-memory.js';
import { wasmSimdTarget, wasmSimdTargetHere, wasmSimdVariant, type WasmSimdMode } from './simd-variant.js';
import { runWasmProgram } from './program-runner.js';
import type { WasmThreadPool } from './thread-pool.js';
import { WasmKernelRunner, compileWasmKernels } from './wasm-kernels.js';
import { WasmNeoNeXt } from './wasm-neonext.js';
import { checkWasmThreads } from './thread-support.js';

export interface WasmBackendOptions {
  /** Fill every output with NaN before each run, so an element a kernel forgets to write cannot pass a test. */
  readonly poisonOutputs?: boolean;
  /**
   * Threads per launch (default 1). Above 1, kernels are compiled for a shared memory (wasm threads) and each
   * launch's workgroups are split over this thread and threads - 1 worker threads (Node) or Web Workers (a
   * cross-origin isolated page; elsewhere more than 1 is a "not supported" error). Results are identical
   * bit for bit: workgroups never share outputs. Default 1 (one module flavour, no worker threads);
   * createBackend('wasm' | 'auto') passes the core count up to 4, which measured 1.8x faster on NeoNeXt-T-224 with 2
   * cores (runtime/backends/create-backend.ts).
   */
  readonly threads?: number;
  /**
   * Kernel variant (runtime/wasm/simd-variant.ts): `relaxed` (f32x4.relaxed_madd GEMMs; an error where the engine
   * lacks relaxed SIMD), `plain`, or `auto` (relaxed where the engine validates it and, through create(), asc can
   * build its kernels: else plain, the prebuilt variant). Default: NEOCC_WASM_SIMD, else auto.
   */
  readonly simd?: WasmSimdMode;
  /** The AssemblyScript record itself (overrides `simd`); create() resolves `simd` to it. */
  readonly target?: KernelTarget;
  /**
   * Where a model's shipped kernels are fetched from, like onnxruntime-web's `env.wasm.wasmPaths`: the URL of a copy of
   * the package's `dist/generated/` folder (a CDN, a static folder), which holds `wasm/` (one thread) and `wasm-shared/`
   * (several). Default: next to the generated modules (`new URL('./x.wasm', import.meta.url)`). A file that is not
   * there fails the load naming its URL.
   */
  readonly wasmBaseUrl?: string | URL;
}

/**
 * NeoCell on WebAssembly: the same specialized kernel IR as WebGPU, rendered to AssemblyScript and compiled with asc
 * on first use (modules cached per artifact key, so any spec works). The specialized NeoCell forward kernel and the
 * MLP GEMMs are 128-bit SIMD, backward kernels scalar f32; one thread or several (`threads`); one linear memory into
 * which inputs and weights are copied for each call. NeoNeXt blocks run folded, the MLP as two SIMD GEMMs; whole
 * models (loadModel) get their own memory with the folded weights laid out once.
 */
export class WasmBackend implements Backend {
  readonly name = 'wasm' as const;
  readonly conformanceTolerance = 1e-5;
  readonly description: string;
  readonly memory: LinearMemory;
  /** The AssemblyScript record every kernel of this backend is built with (plain or relaxed SIMD). */
  readonly target: KernelTarget;
  private readonly threads: number;
  private pool: WasmThreadPool | undefined;
  private runnerPromise: Promise<WasmKernelRunner> | undefined;
  /** Operations share one memory (reset per call), so concurrent calls run one after another. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: WasmBackendOptions = {}) {
    const threads = options.threads ?? 1;
    if (!Number.isInteger(threads) || threads < 1) throw new NeoccError('invalid-option', `wasm backend: threads = ${threads}; allowed: an integer >= 1`);
    checkWasmThreads(threads);
    this.threads = threads;
    this.memory = new LinearMemory(threads > 1);
    this.target = options.target ?? wasmSimdTarget(options.simd);
    const simd = `SIMD variant ${wasmSimdVariant(this.target)}${this.target.variant ? ': f32x4.relaxed_madd GEMMs' : ''}`;
    this.description = `WebAssembly (AssemblyScript kernels compiled with asc -O3, ${simd}, ${threads} thread${threads > 1 ? 's' : ''})`;
  }

  static async create(options: WasmBackendOptions = {}): Promise<WasmBackend> {
    return new WasmBackend({ ...options, target: options.target ?? await wasmSimdTargetHere(options.simd) });
  }

  /** The kernel runner, with its worker threads when threads > 1 (loaded on use: Node's worker_threads). */
  private runner(): Promise<WasmKernelRunner> {
    this.runnerPromise ??= (async () => {
      if (this.threads === 1) return new WasmKernelRunner(this.memory);
      const { WasmThreadPool } = await import('./thread-pool.js');
      this.pool = new WasmThreadPool(this.threads - 1, this.memory.memory);
      return new WasmKernelRunner(this.memory, this.pool);
    })();
    return this.runnerPromise;
  }

  /** Compiles a spec's forward and backward kernels in one asc call (otherwise each compiles on first use). */
  async prepare(plan: NeoCellPlan): Promise<void> {
    const artifacts = [neoCellForwardProgram(plan, this.target), neoCellBackwardProgram(plan, this.target)].flatMap(programArtifacts);
    await compileWasmKernels(artifacts, this.memory.shared);
  }

  /** Runs a program in this backend's memory (reset before and after: calls never share data). */
  private async run(program: Program, data: Record<string, Float32Array>): Promise<Map<string, Float32Array>> {
    await compileWasmKernels(programArtifacts(program), this.memory.shared);
    const runner = await this.runner();
    this.memory.reset();
    try {
      return await runWasmProgram(runner, program, { data, poison: this.options.poisonOutputs ?? false });
    } finally {
      this.memory.reset();
    }
  }

  private exclusive<T>(operation: () => Promise<T>): Promise<T> {
    const result = this.queue.then(operation, operation);
    this.queue = result.catch(() => undefined);
    return result;
  }

  neoCellForward(plan: NeoCellPlan, x: Tensor, weights: NeoCellWeights): Promise<Tensor> {
    return this.exclusive(() => this.forward(plan, x, weights));
  }

  neoCellBackward(plan: NeoCellPlan, x: Tensor, weights: NeoCellWeights, gradY: Tensor): Promise<NeoCellGradients> {
    return this.exclusive(() => this.backward(plan, x, weights, gradY));
  }

  private async forward(plan: NeoCellPlan, x: Tensor, weights: NeoCellWeights): Promise<Tensor> {
    checkNeoCellOperands(plan, x, weights);
    const out = await this.run(neoCellForwardProgram(plan, this.target), {
      x: Float32Array.from(x.data), weight_a: concatTensors(weights.a), weight_b: concatTensors(weights.b),
    });
    return new Tensor(plan.outputShape, out.get('y')!);
  }

  private async backward(plan: NeoCellPlan, x: Tensor, weights: NeoCellWeights, gradY: Tensor): Promise<NeoCellGradients> {
    checkNeoCellOperands(plan, x, weights);
    const out = await this.run(neoCellBackwardProgram(plan, this.target), {
      x: Float32Array.from(x.data), grad_y: Float32Array.from(gradY.data), weight_a: concatTensors(weights.a), weight_b: concatTensors(weights.b),
    });
    return {
      gradX: new Tensor(plan.inputShape, out.get('grad_x')!),
      gradA: splitWeights(out.get('grad_weight_a')!, weights.a),
      gradB: splitWeights(out.get('grad_weight_b')!, weights.b),
    };
  }

  /**
   * One NeoNeXt block exactly as a model runs it (folded NeoCell writing channels-last, then the MLP +
   * residual as two SIMD GEMMs), for conformance against the golden block cases.
   */
  neoNeXtBlock(plan: NeoCellPlan, x: Tensor, params: BlockParams): Promise<Tensor> {
    return this.exclusive(async () => {
      checkBlockOperands(plan, x);
      const kernels = blockKernels(plan, this.target);
      const weights = blockWeights('block', foldBlock(plan.spec, params), kernels);
      const out = await this.run(blockProgram(plan, kernels, this.target, weights), {
        x: Float32Array.from(x.data), ...Object.fromEntries(weights.map((w) => [w.name, w.data])),
      });
      return new Tensor(plan.outputShape, out.get('y')!);
    });
  }

  /**
   * Folds the weights and lays them out once in the model's own linear memory, compiles every kernel (asc) up front;
   * each forward then runs the WebGPU model's kernel sequence on this backend's thread count (runtime/wasm/wasm-neonext.ts).
   */
  async loadModel(config: NeoNeXtConfig, params: NeoNeXtParams): Promise<WasmNeoNeXt> {
    return WasmNeoNeXt.load(config, params, { threads: this.threads, target: this.target, wasmBaseUrl: this.options.wasmBaseUrl });
  }

  async dispose(): Promise<void> {
    this.memory.reset();
    await this.pool?.dispose();
  }
}
