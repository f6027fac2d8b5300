import type { KernelArtifact } from '../../compiler/artifact.js';
import { canonicalJson } from '../../compiler/cache-key.js';
import { compileNeoCellBackward, compileNeoCellForward, forwardBaked, type BackwardArtifacts } from '../../compiler/compile-neocell.js';
import { NeoccError } from '../../compiler/errors.js';
import type { NeoCellPlan } from '../../compiler/plan/neocell-plan.js';
import { canonicalSpec, type NeoCellSpec } from '../../compiler/spec/neocell-spec.js';
import { BACKWARD_KERNEL_NAMES } from '../../kernels/neocell/backward-kernels.js';
import { elementwiseGrid, forwardLaunch, shapeUniforms } from '../../kernels/neocell/launch.js';
import type { NeoCellGradients, NeoCellWeights } from '../../kernels/reference/neocell.js';
import { checkNeoCellOperands } from '../../kernels/reference/neocell.js';
import { concatTensors, formatShape, sameShape, Tensor } from '../../kernels/tensor.js';
import type { NeoNeXtConfig } from '../../compiler/spec/model-config.js';
import { foldBlock } from '../../kernels/fold-neonext.js';
import type { BlockParams, NeoNeXtParams } from '../../kernels/neonext-params.js';
import { twoGemmHiddenElements } from '../../kernels/neonext/mlp-two-gemm.js';
import type { Backend, LoadedModel } from '../backends/backend.js';
import { mlpArtifacts, mlpBindings, mlpDispatches, neoCellLaunch, type MlpBuffer } from '../webgpu/model/model-kernels.js';
import { WasmNeoNeXt, WeightLayout, layoutBlock } from './wasm-neonext.js';
import { wasmBlockKernels } from './wasm-model-kernels.js';
import { LinearMemory } from './linear-memory.js';
import type { WasmThreadPool } from './thread-pool.js';
import { WasmKernelRunner, compileWasmKernels } from './wasm-kernels.js';

export interface WasmBackendOptions {
  /** Fill every output with NaN before each run, so an element a kernel forgets to write cannot pass a test. */
  readonly poisonOutputs?: boolean;
  /**
   * Threads per launch (default 1). Above 1, kernels are compiled for a shared memory (wasm threads) and each
   * launch's workgroups are split over this thread and threads - 1 worker threads (Node). Results are identical
   * bit for bit: workgroups never share outputs. Default 1 (one module flavour, no worker threads);
   * createBackend('wasm' | 'auto') passes the core count up to 4, which measured 1.8x faster on NeoNeXt-T-224 with 2
   * cores (runtime/backends/create-backend.ts).
   */
  readonly threads?: number;
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
  private readonly threads: number;
  private pool: WasmThreadPool | undefined;
  private runnerPromise: Promise<WasmKernelRunner> | undefined;
  private readonly forwardArtifacts = new Map<string, KernelArtifact>();
  private readonly backwardCache = new Map<string, BackwardArtifacts>();
  /** Operations share one memory (reset per call), so concurrent calls run one after another. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: WasmBackendOptions = {}) {
    const threads = options.threads ?? 1;
    if (!Number.isInteger(threads) || threads < 1) throw new NeoccError('invalid-option', `wasm backend: threads = ${threads}; allowed: an integer >= 1`);
    this.threads = threads;
    this.memory = new LinearMemory(threads > 1);
    this.description = `WebAssembly (AssemblyScript kernels compiled with asc -O3, SIMD GEMMs, ${threads} thread${threads > 1 ? 's' : ''})`;
  }

  static async create(options: WasmBackendOptions = {}): Promise<WasmBackend> {
    return new WasmBackend(options);
  }

  /** The specialized forward kernel for `spec` (AssemblyScript). */
  forwardArtifact(spec: NeoCellSpec): KernelArtifact {
    const id = canonicalJson(canonicalSpec(spec));
    let artifact = this.forwardArtifacts.get(id);
    if (!artifact) {
      artifact = compileNeoCellForward(spec, { target: 'assemblyscript' });
      this.forwardArtifacts.set(id, artifact);
    }
    return artifact;
  }

  /** The four backward kernels for `spec` (AssemblyScript). */
  backwardArtifacts(spec: NeoCellSpec): BackwardArtifacts {
    const id = canonicalJson(canonicalSpec(spec));
    let artifacts = this.backwardCache.get(id);
    if (!artifacts) {
      artifacts = compileNeoCellBackward(spec, undefined, 'assemblyscript');
      this.backwardCache.set(id, artifacts);
    }
    return artifacts;
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
  async prepare(spec: NeoCellSpec): Promise<void> {
    const backward = this.backwardArtifacts(spec);
    await compileWasmKernels([this.forwardArtifact(spec), ...BACKWARD_KERNEL_NAMES.map((n) => backward[n])], this.memory.shared);
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
    await this.prepare(plan.spec);
    const runner = await this.runner();
    const artifact = this.forwardArtifact(plan.spec);
    const [n, c, h, w] = plan.outputShape;
    const mem = this.memory;
    mem.reset();
    try {
      const pointers = [mem.put(x.data), mem.put(concatTensors(weights.a)), mem.put(concatTensors(weights.b))];
      const y = mem.output(n * c * h * w, this.options.poisonOutputs ?? false);
      const { grid, uniforms } = forwardLaunch(plan, forwardBaked(artifact).tiling, false);
      await runner.run(artifact, [...pointers, y], uniforms, grid);
      return new Tensor(plan.outputShape, mem.read(y, n * c * h * w));
    } finally {
      mem.reset();
    }
  }

  private async backward(plan: NeoCellPlan, x: Tensor, weights: NeoCellWeights, gradY: Tensor): Promise<NeoCellGradients> {
    checkNeoCellOperands(plan, x, weights);
    await this.prepare(plan.spec);
    const runner = await this.runner();
    const k = this.backwardArtifacts(plan.spec);
    const poison = this.options.poisonOutputs ?? false;
    const [n, c, inH, inW] = plan.inputShape;
    const outW = plan.outputShape[3];
    const wa = concatTensors(weights.a);
    const wb = concatTensors(weights.b);
    const mem = this.memory;
    mem.reset();
    try {
      const buf = {
        x: mem.put(x.data),
        dy: mem.put(gradY.data),
        wa: mem.put(wa),
        wb: mem.put(wb),
        t: mem.output(n * c * inH * outW, poison),
        dt: mem.output(n * c * inH * outW, poison),
        dx: mem.output(n * c * inH * inW, poison),
        gwa: mem.output(wa.length, poison),
        gwb: mem.output(wb.length, poison),
      };
      const uniforms = shapeUniforms(plan);
      const wg = k.neocell_fwd_t.workgroupSize;
      await runner.run(k.neocell_fwd_t, [buf.x, buf.wb, buf.t], uniforms, elementwiseGrid(n * c * inH * outW, wg));
      await runner.run(k.neocell_bwd_dt, [buf.dy, buf.wa, buf.dt], uniforms, elementwiseGrid(n * c * inH * outW, wg));
      await runner.run(k.neocell_bwd_dx, [buf.dt, buf.wb, buf.dx], uniforms, elementwiseGrid(n * c * inH * inW, wg));
      await runner.run(k.neocell_bwd_dw, [buf.x, buf.dy, buf.t, buf.dt, buf.wa, buf.wb, buf.gwa, buf.gwb], uniforms, [c, 1, 1]);
      return {
        gradX: new Tensor(plan.inputShape, mem.read(buf.dx, n * c * inH * inW)),
        gradA: splitWeights(mem.read(buf.gwa, wa.length), weights.a),
        gradB: splitWeights(mem.read(buf.gwb, wb.length), weights.b),
      };
    } finally {
      mem.reset();
    }
  }

  /**
   * One NeoNeXt block exactly as a model runs it (folded NeoCell writing channels-last, then the MLP +
   * residual as two SIMD GEMMs), for conformance against the golden block cases.
   */
  neoNeXtBlock(plan: NeoCellPlan, x: Tensor, params: BlockParams): Promise<Tensor> {
    return this.exclusive(() => this.block(plan, x, params));
  }

  private async block(plan: NeoCellPlan, x: Tensor, params: BlockParams): Promise<Tensor> {
    if (!sameShape(x.shape, plan.inputShape)) throw new RangeError(`NeoNeXt block: x has shape ${formatShape(x.shape)}, the plan expects ${formatShape(plan.inputShape)}`);
    if (!sameShape(plan.inputShape, plan.outputShape)) throw new RangeError('NeoNeXt block: the NeoCell must keep the feature-map size (square kernels)');
    const kernels = wasmBlockKernels(plan);
    await compileWasmKernels([kernels.neocell, ...mlpArtifacts(kernels)], this.memory.shared);
    const runner = await this.runner();
    const poison = this.options.poisonOutputs ?? false;
    const [n, c, h, w] = plan.inputShape;
    const elements = x.size;
    const mem = this.memory;
    mem.reset();
    try {
      const layout = new WeightLayout();
      const offsets = layoutBlock(layout, foldBlock(plan.spec, params), kernels);
      const base = mem.alloc(layout.totalFloats);
      layout.write(mem, base);
      const at = (offset: number): number => base + offset;
      const xp = mem.put(x.data);
      const m = mem.output(elements, poison);
      const y = mem.output(elements, poison);
      const twoGemm = kernels.mlpPath === 'two-gemm';
      const hidden = twoGemm ? mem.output(twoGemmHiddenElements(c, n, h * w), poison) : 0;
      const nc = neoCellLaunch(kernels.neocell, plan);
      await runner.run(kernels.neocell, [xp, at(offsets.wa), at(offsets.wb), m], nc.uniforms, nc.grid);
      const pointers: Partial<Record<MlpBuffer, number>> = {
        m, x: xp, y, hidden, w1t: at(offsets.w1t), b1: at(offsets.b1), w2t: at(offsets.w2t), b2: at(offsets.b2),
      };
      for (const d of mlpDispatches(kernels, n, h * w, twoGemm)) await runner.run(d.artifact, mlpBindings(d, pointers), d.uniforms, d.grid);
      return new Tensor(plan.outputShape, mem.read(y, elements));
    } finally {
      mem.reset();
    }
  }

  /**
   * Folds the weights and lays them out once in the model's own linear memory, compiles every kernel (asc) up front;
   * each forward then runs the WebGPU model's kernel sequence on this backend's thread count (runtime/wasm/wasm-neonext.ts).
   */
  async loadModel(config: NeoNeXtConfig, params: NeoNeXtParams): Promise<LoadedModel> {
    return WasmNeoNeXt.load(config, params, { threads: this.threads });
  }

  async dispose(): Promise<void> {
    this.memory.reset();
    await this.pool?.dispose();
  }
}
