import { NeoccError } from '../../../compiler/errors.js';
import { PATCH_SIZE, STAGE_COUNT, blockPlan, downsamplePlan, stageSize, type NeoNeXtConfig } from '../../../compiler/spec/model-config.js';
import { foldNeoNeXt } from '../../../kernels/fold-neonext.js';
import type { NeoNeXtParams } from '../../../kernels/neonext-params.js';
import { headLaunch } from '../../../kernels/neonext/head.js';
import { twoGemmHiddenElements } from '../../../kernels/neonext/mlp-two-gemm.js';
import { pointwiseConvLaunch } from '../../../kernels/neonext/pointwise-conv.js';
import { stemLaunch } from '../../../kernels/neonext/stem.js';
import type { ModuleObserver } from '../../../kernels/reference/neonext.js';
import { formatShape, Tensor } from '../../../kernels/tensor.js';
import type { LoadedModel } from '../../backends/backend.js';
import { BufferUsage, MapMode } from '../constants.js';
import type { GpuContext } from '../gpu-context.js';
import { KernelLauncher } from '../kernel-launcher.js';
import type { PipelineCache } from '../pipeline-cache.js';
import { checkBindingSize } from '../transfers.js';
import { WeightUploader, uploadModel, type ModelBuffers } from './gpu-weights.js';
import { allArtifacts, mlpBindings, mlpDispatches, modelKernels, neoCellLaunch, type MlpBuffer, type ModelKernels } from './model-kernels.js';

/**
 * Activations for one batch size: ping-pong NCHW buffers, one scratch (NeoCell output / downsample conv output),
 * and the two-GEMM MLP's hidden activations [pixels, 4C] (sized for the largest stage that runs two-GEMM).
 */
interface Activations {
  readonly batch: number;
  /** Per stage: whether its blocks run the two-GEMM MLP at this batch size (else the fused kernel). */
  readonly twoGemm: readonly boolean[];
  readonly hidden: GPUBuffer | undefined;
  readonly input: GPUBuffer;
  readonly ping: GPUBuffer;
  readonly pong: GPUBuffer;
  readonly scratch: GPUBuffer;
  readonly logits: GPUBuffer;
  readonly buffers: GPUBuffer[];
}

const ACT_USAGE = BufferUsage.STORAGE | BufferUsage.COPY_DST | BufferUsage.COPY_SRC;

/**
 * NeoNeXt on WebGPU: folds BN/LayerScale (float64) at load, uploads the folded weights once, compiles every
 * pipeline up front, and records a whole forward pass — stem, per block NeoCell + MLP (two GEMMs or the fused kernel,
 * per stage: BlockKernels.mlpPath), downsamples, head,
 * and the logits copy — into one command buffer with one submit. Module outputs are copied out only when an
 * observer is passed.
 */
export class WebGpuNeoNeXt implements LoadedModel {
  private readonly activations = new Map<number, Activations>();
  private disposed = false;
  /** Forwards run one after another: they share the activation buffers of a batch size (and its input upload). */
  private tail: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly config: NeoNeXtConfig,
    private readonly ctx: GpuContext,
    private readonly pipelines: PipelineCache,
    private readonly kernels: ModelKernels,
    private readonly weights: ModelBuffers,
    private readonly uploader: WeightUploader,
  ) {}

  static async load(ctx: GpuContext, pipelines: PipelineCache, config: NeoNeXtConfig, params: NeoNeXtParams): Promise<WebGpuNeoNeXt> {
    ctx.assertAlive();
    const kernels = modelKernels(config, ctx.limits);
    await Promise.all(allArtifacts(kernels).map((a) => pipelines.get(a)));
    const uploader = new WeightUploader(ctx.device);
    try {
      const weights = uploadModel(uploader, foldNeoNeXt(config, params));
      return new WebGpuNeoNeXt(config, ctx, pipelines, kernels, weights, uploader);
    } catch (err) {
      uploader.destroy();
      throw err;
    }
  }

  private activationsFor(batch: number): Activations {
    const cached = this.activations.get(batch);
    if (cached) return cached;
    const { config } = this;
    const { device } = this.ctx;
    let act = 0;
    let scratch = 0;
    for (let s = 0; s < STAGE_COUNT; s++) {
      const [h, w] = stageSize(config, s);
      act = Math.max(act, batch * config.dims[s]! * h * w);
      scratch = Math.max(scratch, batch * config.dims[s]! * h * w);
      if (s > 0) {
        const [ph, pw] = stageSize(config, s - 1);
        scratch = Math.max(scratch, batch * config.dims[s]! * ph * pw);
      }
    }
    // The two-GEMM MLP's [batch·H·W, 4C] scratch is 4x the stage's activations: where one stage's would exceed a
    // storage binding (maxStorageBufferBindingSize) or a buffer (maxBufferSize), that stage runs the fused kernel
    // instead (hidden units in workgroup memory, no scratch; compiled on first use), so large batches still run.
    const maxHiddenBytes = Math.min(device.limits.maxStorageBufferBindingSize, device.limits.maxBufferSize);
    const twoGemm: boolean[] = [];
    let hiddenElements = 0;
    for (let s = 0; s < STAGE_COUNT; s++) {
      const k = this.kernels.stages[s]!;
      const [h, w] = stageSize(config, s);
      const elements = twoGemmHiddenElements(config.dims[s]!, batch, h * w);
      const use = k.mlpPath === 'two-gemm' && k.twoGemm !== undefined && 4 * elements <= maxHiddenBytes;
      twoGemm.push(use);
      if (use) hiddenElements = Math.max(hiddenElements, elements);
    }
    const r = config.resolution;
    const make = (name: string, elements: number): GPUBuffer => {
      checkBindingSize(device, name, 4 * elements);
      return device.createBuffer({ label: name, size: Math.max(16, 4 * elements), usage: ACT_USAGE });
    };
    const buffers = [
      make(`input [${batch}, 3, ${r}, ${r}]`, batch * 3 * r * r),
      make(`activations (batch ${batch})`, act),
      make(`activations (batch ${batch})`, act),
      make(`NeoCell / downsample conv output (batch ${batch})`, scratch),
      make(`logits [${batch}, ${config.classes}]`, batch * config.classes),
    ];
    const hidden = hiddenElements > 0 ? make(`two-GEMM MLP hidden activations (batch ${batch})`, hiddenElements) : undefined;
    if (hidden) buffers.push(hidden);
    const set: Activations = { batch, twoGemm, hidden, input: buffers[0]!, ping: buffers[1]!, pong: buffers[2]!, scratch: buffers[3]!, logits: buffers[4]!, buffers };
    this.activations.set(batch, set);
    return set;
  }

  forward(input: Tensor, observe?: ModuleObserver): Promise<Tensor> {
    const run = this.tail.then(() => this.run(input, observe));
    this.tail = run.catch(() => undefined);
    return run;
  }

  private async run(input: Tensor, observe?: ModuleObserver): Promise<Tensor> {
    if (this.disposed) throw new NeoccError('disposed', 'this WebGPU NeoNeXt model was disposed');
    const { config, kernels: k, weights: wt } = this;
    const r = config.resolution;
    if (input.shape.length !== 4 || input.shape[1] !== 3 || input.shape[2] !== r || input.shape[3] !== r) {
      throw new RangeError(`NeoNeXt: input has shape ${formatShape(input.shape)}, ${config.name} expects [N, 3, ${r}, ${r}]`);
    }
    const batch = input.shape[0]!;
    const a = this.activationsFor(batch);
    const { device } = this.ctx;
    const data = Float32Array.from(input.data);
    device.queue.writeBuffer(a.input, 0, data.buffer, data.byteOffset, data.byteLength);

    const launcher = new KernelLauncher(this.ctx, this.pipelines);
    const snapshots: { module: string; shape: number[]; buffer: GPUBuffer }[] = [];
    const snapshot = (module: string, source: GPUBuffer, shape: number[]): void => {
      const bytes = 4 * shape.reduce((p, d) => p * d, 1);
      const buffer = device.createBuffer({ size: bytes, usage: BufferUsage.MAP_READ | BufferUsage.COPY_DST });
      launcher.encoder.copyBufferToBuffer(source, 0, buffer, 0, bytes);
      snapshots.push({ module, shape, buffer });
    };

    let cur = a.ping;
    let next = a.pong;
    const stem = stemLaunch(k.stemOptions, batch, r);
    await launcher.dispatch(k.stem, [a.input, wt.stem.w, wt.stem.bias, cur], stem.uniforms, stem.grid);
    const stemSide = r / PATCH_SIZE;
    if (observe) snapshot('stem', cur, [batch, config.dims[0]!, stemSide, stemSide]);
    for (let s = 0; s < STAGE_COUNT; s++) {
      const [h, w] = stageSize(config, s);
      if (s > 0) {
        const [ph, pw] = stageSize(config, s - 1);
        const ds = wt.downsamples[s - 1]!;
        const conv = pointwiseConvLaunch(config.dims[s - 1]!, config.dims[s]!, batch, ph * pw);
        await launcher.dispatch(k.downsamples[s - 1]!.conv, [ds.conv, cur, a.scratch], conv.uniforms, conv.grid);
        const nc = neoCellLaunch(k.downsamples[s - 1]!.neocell, downsamplePlan(config, s, batch));
        await launcher.dispatch(k.downsamples[s - 1]!.neocell, [a.scratch, ds.wa, ds.wb, ds.bias, next], nc.uniforms, nc.grid);
        [cur, next] = [next, cur];
        if (observe) snapshot(`downsample_${s}`, cur, [batch, config.dims[s]!, h, w]);
      }
      const plan = blockPlan(config, s, batch);
      const nc = neoCellLaunch(k.stages[s]!.neocell, plan);
      const ks = k.stages[s]!;
      const mlp = mlpDispatches(ks, batch, h * w, a.twoGemm[s]! && a.hidden !== undefined);
      for (const blk of wt.stages[s]!) {
        await launcher.dispatch(ks.neocell, [cur, blk.wa, blk.wb, a.scratch], nc.uniforms, nc.grid);
        const buffers: Partial<Record<MlpBuffer, GPUBuffer>> = { m: a.scratch, x: cur, y: next, hidden: a.hidden, ...blk };
        for (const d of mlp) await launcher.dispatch(d.artifact, mlpBindings(d, buffers), d.uniforms, d.grid);
        [cur, next] = [next, cur];
      }
      if (observe) snapshot(`stage_${s + 1}`, cur, [batch, config.dims[s]!, h, w]);
    }
    const [lh, lw] = stageSize(config, STAGE_COUNT - 1);
    const head = headLaunch(batch, lh * lw);
    await launcher.dispatch(k.head, [cur, wt.head.lnW, wt.head.lnB, wt.head.fcWt, wt.head.fcB, a.logits], head.uniforms, head.grid);
    snapshot('head', a.logits, [batch, config.classes]);
    await launcher.submit();

    let logits: Tensor | undefined;
    for (const snap of snapshots) {
      await snap.buffer.mapAsync(MapMode.READ);
      const out = new Tensor(snap.shape, new Float32Array(snap.buffer.getMappedRange().slice(0)));
      snap.buffer.unmap();
      snap.buffer.destroy();
      if (snap.module === 'head') logits = out;
      observe?.(snap.module, out);
    }
    return logits!;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const a of this.activations.values()) for (const b of a.buffers) b.destroy();
    this.activations.clear();
    this.uploader.destroy();
  }
}
