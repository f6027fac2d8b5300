import type { NeoCellPlan } from '../../../compiler/plan/neocell-plan.js';
import { foldBlock } from '../../../kernels/fold-neonext.js';
import type { BlockParams } from '../../../kernels/neonext-params.js';
import { twoGemmHiddenElements } from '../../../kernels/neonext/mlp-two-gemm.js';
import { formatShape, sameShape, Tensor } from '../../../kernels/tensor.js';
import type { GpuContext } from '../gpu-context.js';
import { KernelLauncher } from '../kernel-launcher.js';
import type { PipelineCache } from '../pipeline-cache.js';
import { STORAGE_USAGE, checkBindingSize, download } from '../transfers.js';
import { WeightUploader, uploadBlock } from './gpu-weights.js';
import { blockKernels, mlpBindings, mlpDispatches, neoCellLaunch, type MlpBuffer, type MlpPath } from './model-kernels.js';

/**
 * One NeoNeXt block on WebGPU, exactly as a model runs it (folded NeoCell writing channels-last, then the MLP +
 * residual: two GEMMs or the fused kernel, the model's per-shape choice unless `mlpPath` says), for conformance
 * against the golden block cases. Uploads its weights per call.
 */
export async function runBlock(
  ctx: GpuContext, pipelines: PipelineCache, plan: NeoCellPlan, x: Tensor, params: BlockParams, poison: boolean, mlpPath?: MlpPath,
): Promise<Tensor> {
  if (!sameShape(x.shape, plan.inputShape)) throw new RangeError(`NeoNeXt block: x has shape ${formatShape(x.shape)}, the plan expects ${formatShape(plan.inputShape)}`);
  if (!sameShape(plan.inputShape, plan.outputShape)) throw new RangeError('NeoNeXt block: the NeoCell must keep the feature-map size (square kernels)');
  const { device } = ctx;
  const kernels = blockKernels(plan, ctx.limits, mlpPath);
  const up = new WeightUploader(device);
  const [n, c, h, w] = plan.inputShape;
  const elements = n * c * h * w;
  const scratch = (name: string, size = elements): GPUBuffer => {
    checkBindingSize(device, name, 4 * size);
    const buffer = device.createBuffer({ label: name, size: 4 * size, usage: STORAGE_USAGE });
    up.buffers.push(buffer);
    if (poison) device.queue.writeBuffer(buffer, 0, new Float32Array(size).fill(NaN));
    return buffer;
  };
  try {
    const wt = uploadBlock(up, 'block', foldBlock(plan.spec, params));
    const xBuf = up.upload('x', Float32Array.from(x.data));
    const m = scratch('NeoCell output (channels-last)');
    const y = scratch('y');
    const launcher = new KernelLauncher(ctx, pipelines);
    const nc = neoCellLaunch(kernels.neocell, plan);
    await launcher.dispatch(kernels.neocell, [xBuf, wt.wa, wt.wb, m], nc.uniforms, nc.grid);
    // As the model: the two-GEMM hidden scratch [pixels, 4C] must fit one storage binding, else the fused kernel.
    const hiddenFits = 4 * twoGemmHiddenElements(c, n, h * w) <= Math.min(device.limits.maxStorageBufferBindingSize, device.limits.maxBufferSize);
    const twoGemm = kernels.mlpPath === 'two-gemm' && hiddenFits;
    const hidden = twoGemm ? scratch('two-GEMM MLP hidden activations', twoGemmHiddenElements(c, n, h * w)) : undefined;
    const buffers: Partial<Record<MlpBuffer, GPUBuffer>> = { ...wt, m, x: xBuf, y, hidden };
    for (const d of mlpDispatches(kernels, n, h * w, twoGemm)) await launcher.dispatch(d.artifact, mlpBindings(d, buffers), d.uniforms, d.grid);
    await launcher.submit();
    return new Tensor(plan.outputShape, await download(device, y, elements));
  } finally {
    up.destroy();
  }
}
