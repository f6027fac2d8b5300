import { NeoccError } from '../../compiler/errors.js';
import type { NeoNeXtConfig } from '../../compiler/spec/model-config.js';
import type { KernelTarget } from '../../compiler/targets/index.js';
import { foldNeoNeXt } from '../../nn/fold-neonext.js';
import type { NeoNeXtParams } from '../../nn/neonext-params.js';
import type { ModuleObserver } from '../../nn/reference/neonext.js';
import { Tensor } from '../../nn/tensor.js';
import { allArtifacts, modelKernels, type ModelKernels } from '../../schedule/model-kernels.js';
import { checkModelInput, modelForwardProgram, modelWeights } from '../../schedule/neonext.js';
import { dispatchModule, weightDeclarations, type Program, type ProgramRunOptions, type WeightDeclaration } from '../../schedule/program.js';
import type { LoadedModel } from '../backends/backend.js';
import { LinearMemory } from './linear-memory.js';
import { registerReleasedPrebuiltWasm } from './prebuilt-released.js';
import { wasmSimdTargetHere } from './simd-variant.js';
import { checkWasmThreads } from './thread-support.js';
import { placeWeights, runWasmProgram } from './program-runner.js';
import type { WasmThreadPool } from './thread-pool.js';
import { WasmKernelRunner, compileWasmKernels } from './wasm-kernels.js';

/** One dispatch of a profiled forward (WasmNeoNeXt.profile). */
export interface DispatchTiming {
  /** The kernel's artifact name (e.g. `matmul_vec4`, `neocell_forward_tiles_nhwc`). */
  readonly kernel: string;
  /** The model module it belongs to: `stem`, `stage_<s>`, `downsample_<s>`, `head`. */
  readonly module: string;
  readonly ms: number;
}

export interface WasmNeoNeXtOptions {
  /** Threads per launch (see WasmBackendOptions.threads). */
  readonly threads: number;
  /** The AssemblyScript record to build kernels with (plain or relaxed SIMD); default wasmSimdTargetHere() (NEOCC_WASM_SIMD, else auto: relaxed only where asc can build it). */
  readonly target?: KernelTarget;
  /** Where the shipped kernels are fetched from (see WasmBackendOptions.wasmBaseUrl); default: next to the generated modules. */
  readonly wasmBaseUrl?: string | URL;
}

/**
 * NeoNeXt on WebAssembly: folds BN/LayerScale (float64) at load, lays the folded float32 weights out once at the
 * start of the model's own linear memory, compiles every kernel up front (asc, or prebuilt binaries), and runs the
 * schedule's forward program (schedule/neonext.ts) on the CPU. The model has its own memory (and threads), so
 * backend calls that reset the backend's memory never touch its weights. Per forward, the memory's bump allocator
 * is reset and the weight region re-reserved first: the allocator is deterministic, so it ends where it did and
 * the weights (never overwritten) are still there.
 */
export class WasmNeoNeXt implements LoadedModel {
  private disposed = false;
  private tail: Promise<unknown> = Promise.resolve();
  private readonly programs = new Map<number, Program>();

  private constructor(
    readonly config: NeoNeXtConfig,
    /** The record its kernels were built with (plain or relaxed SIMD). */
    readonly target: KernelTarget,
    private readonly memory: LinearMemory,
    private readonly runner: WasmKernelRunner,
    private readonly pool: WasmThreadPool | undefined,
    private readonly kernels: ModelKernels,
    private readonly weights: ReadonlyMap<string, number>,
    private readonly weightDecls: readonly WeightDeclaration[],
    /** Where the weight region ends (the allocator's top after placing them). */
    private readonly weightTop: number,
  ) {}

  static async load(config: NeoNeXtConfig, params: NeoNeXtParams, options: WasmNeoNeXtOptions): Promise<WasmNeoNeXt> {
    checkWasmThreads(options.threads);
    const target = options.target ?? await wasmSimdTargetHere();
    const kernels = modelKernels(config, target);
    const shared = options.threads > 1;
    // The committed kernels of a released config (plain SIMD: generated/wasm for one thread, generated/wasm-shared for
    // several; in this repository also generated/wasm-relaxed-simd-shared) are registered instead of compiled, so the
    // model runs without asc wherever it is loaded from (loadNeoNeXt, the CLI, a page).
    await registerReleasedPrebuiltWasm(config, target, shared, { wasmBaseUrl: options.wasmBaseUrl });
    // Started, not awaited: the engine compiles the modules (and the workers start) on other cores while this one
    // folds and lays out the weights.
    const artifacts = allArtifacts(kernels);
    const compiled = compileWasmKernels(artifacts, shared);
    compiled.catch(() => undefined); // awaited below; a rejection before that is not unhandled
    const memory = new LinearMemory(shared);
    const pool = shared ? new (await import('./thread-pool.js')).WasmThreadPool(options.threads - 1, memory.memory) : undefined;
    try {
      const weights = modelWeights(foldNeoNeXt(config, params), kernels);
      const placed = placeWeights(memory, weights);
      await compiled;
      const runner = new WasmKernelRunner(memory, pool);
      await runner.prepare(artifacts);
      return new WasmNeoNeXt(config, target, memory, runner, pool, kernels, placed, weightDeclarations(weights), memory.used);
    } catch (e) {
      void pool?.dispose();
      throw e;
    }
  }

  forward(input: Tensor, observe?: ModuleObserver): Promise<Tensor> {
    return this.queue(() => this.run(input, { observe }));
  }

  /**
   * One forward with every dispatch timed (wall ms, this thread's view: a threaded launch counts until all threads
   * are done): the per-kernel breakdown of bench:onnx. Each entry names the kernel (artifact name) and the module.
   */
  profile(input: Tensor): Promise<DispatchTiming[]> {
    return this.queue(async () => {
      const timings: DispatchTiming[] = [];
      const program = this.program(input.shape[0]!);
      await this.run(input, { onDispatchTimed: (i, d, ms) => timings.push({ kernel: d.artifact.name, module: dispatchModule(program, i), ms }) });
      return timings;
    });
  }

  private queue<T>(work: () => Promise<T>): Promise<T> {
    const run = this.tail.then(work);
    this.tail = run.catch(() => undefined);
    return run;
  }

  private program(batch: number): Program {
    let program = this.programs.get(batch);
    if (!program) {
      program = modelForwardProgram(this.config, this.kernels, this.target, batch, this.weightDecls);
      this.programs.set(batch, program);
    }
    return program;
  }

  private async run(input: Tensor, hooks: Pick<ProgramRunOptions<number>, 'observe' | 'onDispatchTimed'>): Promise<Tensor> {
    if (this.disposed) throw new NeoccError('disposed', 'this WebAssembly NeoNeXt model was disposed');
    checkModelInput(this.config, input.shape);
    const batch = input.shape[0]!;
    const program = this.program(batch);
    this.memory.reset();
    this.memory.reserveUpTo(this.weightTop);
    const out = await runWasmProgram(this.runner, program, {
      // memory.put copies the input in (rounding float64 to f32): no intermediate copy.
      data: { input: input.data instanceof Float32Array ? input.data : Float32Array.from(input.data) },
      resident: this.weights,
      ...hooks,
    });
    return new Tensor([batch, this.config.classes], out.get('logits')!);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.memory.reset();
    void this.pool?.dispose();
  }
}
