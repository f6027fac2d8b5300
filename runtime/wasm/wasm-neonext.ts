import type { KernelArtifact } from '../../compiler/artifact.js';
import { NeoccError } from '../../compiler/errors.js';
import { PATCH_SIZE, STAGE_COUNT, blockPlan, downsamplePlan, stageSize, type NeoNeXtConfig } from '../../compiler/spec/model-config.js';
import { foldNeoNeXt, type FoldedBlock, type FoldedNeoNeXt } from '../../kernels/fold-neonext.js';
import type { NeoNeXtParams } from '../../kernels/neonext-params.js';
import { headLaunch } from '../../kernels/neonext/head.js';
import { gemmWeightLayout, twoGemmHiddenElements } from '../../kernels/neonext/mlp-two-gemm.js';
import { pointwiseConvLaunch } from '../../kernels/neonext/pointwise-conv.js';
import { linearVec4Launch } from '../../kernels/neonext/unfused/linear-vec4.js';
import { stemLaunch } from '../../kernels/neonext/stem.js';
import type { NeoCellWeights } from '../../kernels/reference/neocell.js';
import type { Grid, UniformValues } from '../../kernels/neocell/launch.js';
import type { ModuleObserver } from '../../kernels/reference/neonext.js';
import { concatTensors, formatShape, Tensor } from '../../kernels/tensor.js';
import type { LoadedModel } from '../backends/backend.js';
import { allArtifacts, mlpBindings, mlpDispatches, neoCellLaunch, type BlockKernels, type MlpBuffer, type ModelKernels } from '../webgpu/model/model-kernels.js';
import { LinearMemory } from './linear-memory.js';
import type { WasmThreadPool } from './thread-pool.js';
import { WasmKernelRunner, compileWasmKernels } from './wasm-kernels.js';
import { wasmModelKernels } from './wasm-model-kernels.js';

/** Float32 arrays packed back to back (64-byte aligned) into one region; `at` gives each one's byte offset. */
export class WeightLayout {
  private readonly parts: Float32Array[] = [];
  private floats = 0;

  /** Reserves room for `data` (rounded to float32 now); returns its byte offset from the region's start. */
  add(data: ArrayLike<number>): number {
    const at = this.floats * 4;
    const f32 = Float32Array.from(data);
    this.parts.push(f32);
    this.floats += Math.ceil(f32.length / 16) * 16;
    return at;
  }

  get totalFloats(): number {
    return this.floats;
  }

  /** Copies every part into `memory` at byte address `base`. */
  write(memory: LinearMemory, base: number): void {
    let at = base;
    for (const p of this.parts) {
      memory.f32(at, p.length).set(p);
      at += Math.ceil(p.length / 16) * 64;
    }
  }
}

/** [rows, cols] row-major → [cols, rows] (fc weights: neighbouring invocations read neighbouring addresses). */
export function transposed(t: Tensor): Float32Array {
  const rows = t.shape[0]!;
  const cols = t.size / rows;
  const out = new Float32Array(t.size);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[c * rows + r] = t.data[r * cols + c]!;
  return out;
}

/** Byte offsets (from the weight region's start) of a block's folded weights, in the kernels' layouts. */
export interface BlockOffsets {
  readonly wa: number;
  readonly wb: number;
  readonly w1t: number;
  readonly b1: number;
  readonly w2t: number;
  readonly b2: number;
}

interface ModelOffsets {
  readonly stem: { readonly w: number; readonly bias: number };
  readonly stages: readonly (readonly BlockOffsets[])[];
  readonly downsamples: readonly { readonly conv: number; readonly wa: number; readonly wb: number; readonly bias: number }[];
  readonly head: { readonly lnW: number; readonly lnB: number; readonly fcWt: number; readonly fcB: number };
}

function neoCell(layout: WeightLayout, w: NeoCellWeights): { wa: number; wb: number } {
  return { wa: layout.add(concatTensors(w.a)), wb: layout.add(concatTensors(w.b)) };
}

/**
 * A block's folded weights in the layout of the MLP kernels it runs: W1ᵀ/W2ᵀ as the two GEMMs read them (column
 * panels for the SIMD micro-kernel) when the block runs two-GEMM, else row-major for the fused kernel.
 */
export function layoutBlock(layout: WeightLayout, p: FoldedBlock, k: BlockKernels): BlockOffsets {
  const twoGemm = k.mlpPath === 'two-gemm';
  return {
    ...neoCell(layout, p.neocell),
    w1t: layout.add(twoGemm ? gemmWeightLayout(transposed(p.fc1.weight), k.twoGemm.fc1Options) : transposed(p.fc1.weight)),
    b1: layout.add(p.fc1.bias.data),
    w2t: layout.add(twoGemm ? gemmWeightLayout(transposed(p.fc2.weight), k.twoGemm.fc2Options) : transposed(p.fc2.weight)),
    b2: layout.add(p.fc2.bias.data),
  };
}

function layoutModel(layout: WeightLayout, p: FoldedNeoNeXt, k: ModelKernels): ModelOffsets {
  return {
    stem: { w: layout.add(p.stem.weight.data), bias: layout.add(p.stem.bias.data) },
    stages: p.stages.map((blocks, s) => blocks.map((b) => layoutBlock(layout, b, k.stages[s]!))),
    downsamples: p.downsamples.map((d) => ({ conv: layout.add(d.conv.data), ...neoCell(layout, d.neocell), bias: layout.add(d.bias.data) })),
    head: {
      lnW: layout.add(p.head.ln.weight.data),
      lnB: layout.add(p.head.ln.bias.data),
      fcWt: layout.add(transposed(p.head.fc.weight)),
      fcB: layout.add(p.head.fc.bias ? p.head.fc.bias.data : new Float32Array(p.head.fc.weight.shape[0]!)),
    },
  };
}

/** Adds `base` to every offset of a record tree (offsets → byte addresses). */
function rebase<T>(offsets: T, base: number): T {
  if (typeof offsets === 'number') return (offsets + base) as T;
  if (Array.isArray(offsets)) return offsets.map((o: unknown) => rebase(o, base)) as T;
  return Object.fromEntries(Object.entries(offsets as Record<string, unknown>).map(([k, v]) => [k, rebase(v, base)])) as T;
}

export interface WasmNeoNeXtOptions {
  /** Threads per launch (see WasmBackendOptions.threads). */
  readonly threads: number;
}

/**
 * NeoNeXt on WebAssembly: folds BN/LayerScale (float64) at load, lays the folded float32 weights out once at the
 * start of the model's own linear memory, compiles every kernel up front (asc, cached per artifact key for the
 * process), and runs the WebGPU model's kernel sequence — stem, per block NeoCell (channels-last) + the MLP and
 * residual as two SIMD GEMMs, downsample conv + NeoCell with the BN shift, head — on the CPU. The model has its own memory (and
 * threads), so backend calls that reset the backend's memory never touch its weights. Per forward, the memory's
 * bump allocator is reset and the weight region re-reserved first: the allocator is deterministic, so it lands at
 * the same address and the weights (never overwritten) are still there.
 */
export class WasmNeoNeXt implements LoadedModel {
  private disposed = false;
  private tail: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly config: NeoNeXtConfig,
    private readonly memory: LinearMemory,
    private readonly runner: WasmKernelRunner,
    private readonly pool: WasmThreadPool | undefined,
    private readonly kernels: ModelKernels,
    private readonly weightFloats: number,
    private readonly weightBase: number,
    private readonly weights: ModelOffsets,
  ) {}

  static async load(config: NeoNeXtConfig, params: NeoNeXtParams, options: WasmNeoNeXtOptions): Promise<WasmNeoNeXt> {
    const kernels = wasmModelKernels(config);
    const shared = options.threads > 1;
    await compileWasmKernels(allArtifacts(kernels), shared);
    const layout = new WeightLayout();
    const offsets = layoutModel(layout, foldNeoNeXt(config, params), kernels);
    const memory = new LinearMemory(shared);
    const base = memory.alloc(layout.totalFloats);
    layout.write(memory, base);
    let pool: WasmThreadPool | undefined;
    if (shared) {
      const { WasmThreadPool } = await import('./thread-pool.js');
      pool = new WasmThreadPool(options.threads - 1, memory.memory);
    }
    return new WasmNeoNeXt(config, memory, new WasmKernelRunner(memory, pool), pool, kernels, layout.totalFloats, base, rebase(offsets, base));
  }

  forward(input: Tensor, observe?: ModuleObserver): Promise<Tensor> {
    const run = this.tail.then(() => this.run(input, observe));
    this.tail = run.catch(() => undefined);
    return run;
  }

  private async run(input: Tensor, observe?: ModuleObserver): Promise<Tensor> {
    if (this.disposed) throw new NeoccError('disposed', 'this WebAssembly NeoNeXt model was disposed');
    const { config, kernels: k, weights: wt, memory: mem } = this;
    const r = config.resolution;
    if (input.shape.length !== 4 || input.shape[1] !== 3 || input.shape[2] !== r || input.shape[3] !== r) {
      throw new RangeError(`NeoNeXt: input has shape ${formatShape(input.shape)}, ${config.name} expects [N, 3, ${r}, ${r}]`);
    }
    const batch = input.shape[0]!;
    mem.reset();
    if (mem.alloc(this.weightFloats) !== this.weightBase) throw new NeoccError('wasm-bad-launch', 'wasm NeoNeXt: the weight region moved');
    let act = 0;
    for (let s = 0; s < STAGE_COUNT; s++) {
      const [h, w] = stageSize(config, s);
      act = Math.max(act, batch * config.dims[s]! * h * w);
      if (s > 0) {
        const [ph, pw] = stageSize(config, s - 1);
        act = Math.max(act, batch * config.dims[s]! * ph * pw);
      }
    }
    const twoGemm = k.stages.map((ks) => ks.mlpPath === 'two-gemm');
    const hiddenElements = Math.max(0, ...k.stages.map((_, s) => (twoGemm[s] ? twoGemmHiddenElements(config.dims[s]!, batch, stageSize(config, s).reduce((p, d) => p * d, 1)) : 0)));
    const x = mem.put(input.data);
    let cur = mem.alloc(act);
    let next = mem.alloc(act);
    const scratch = mem.alloc(act);
    const hidden = hiddenElements > 0 ? mem.alloc(hiddenElements) : 0;
    const logits = mem.alloc(batch * config.classes);
    const run = (kernel: KernelArtifact, pointers: number[], launch: { grid: Grid; uniforms: UniformValues }): Promise<void> =>
      this.runner.run(kernel, pointers, launch.uniforms, launch.grid);
    const emit = (module: string, at: number, shape: number[]): void => {
      observe?.(module, new Tensor(shape, mem.read(at, shape.reduce((p, d) => p * d, 1))));
    };

    await run(k.stem, [x, wt.stem.w, wt.stem.bias, cur], stemLaunch(k.stemOptions, batch, r));
    const stemSide = r / PATCH_SIZE;
    emit('stem', cur, [batch, config.dims[0]!, stemSide, stemSide]);
    for (let s = 0; s < STAGE_COUNT; s++) {
      const [h, w] = stageSize(config, s);
      if (s > 0) {
        const [ph, pw] = stageSize(config, s - 1);
        const ds = wt.downsamples[s - 1]!;
        const dk = k.downsamples[s - 1]!;
        const [cin, cout] = [config.dims[s - 1]!, config.dims[s]!];
        if (dk.convVec4) {
          const launch = linearVec4Launch(dk.convVec4, cout);
          for (let n = 0; n < batch; n++) await run(dk.conv, [ds.conv, cur + 4 * n * cin * ph * pw, scratch + 4 * n * cout * ph * pw], launch);
        } else {
          await run(dk.conv, [ds.conv, cur, scratch], pointwiseConvLaunch(cin, cout, batch, ph * pw));
        }
        const nc = neoCellLaunch(k.downsamples[s - 1]!.neocell, downsamplePlan(config, s, batch));
        await run(k.downsamples[s - 1]!.neocell, [scratch, ds.wa, ds.wb, ds.bias, next], nc);
        [cur, next] = [next, cur];
        emit(`downsample_${s}`, cur, [batch, config.dims[s]!, h, w]);
      }
      const nc = neoCellLaunch(k.stages[s]!.neocell, blockPlan(config, s, batch));
      const mlp = mlpDispatches(k.stages[s]!, batch, h * w, twoGemm[s]!);
      for (const blk of wt.stages[s]!) {
        await run(k.stages[s]!.neocell, [cur, blk.wa, blk.wb, scratch], nc);
        const pointers: Partial<Record<MlpBuffer, number>> = { m: scratch, x: cur, y: next, hidden, ...blk };
        for (const d of mlp) await run(d.artifact, mlpBindings(d, pointers), d);
        [cur, next] = [next, cur];
      }
      emit(`stage_${s + 1}`, cur, [batch, config.dims[s]!, h, w]);
    }
    const [lh, lw] = stageSize(config, STAGE_COUNT - 1);
    await run(k.head, [cur, wt.head.lnW, wt.head.lnB, wt.head.fcWt, wt.head.fcB, logits], headLaunch(batch, lh * lw));
    const out = new Tensor([batch, config.classes], mem.read(logits, batch * config.classes));
    observe?.('head', out);
    return out;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.memory.reset();
    void this.pool?.dispose();
  }
}
