import type { NeoCellPlan } from '../../../compiler/plan/neocell-plan.js';
import { foldBlock } from '../../../kernels/fold-neonext.js';
import type { BlockParams } from '../../../kernels/neonext-params.js';
import { mlpLaunch } from '../../../kernels/neonext/mlp-residual.js';
import { mlpTwoGemmLaunch, twoGemmHiddenElements } from '../../../kernels/neonext/mlp-two-gemm.js';
import { formatShape, sameShape, Tensor } from '../../../kernels/tensor.js';
import type { GpuContext } from '../gpu-context.js';
import { KernelLauncher } from '../kernel-launcher.js';
import type { PipelineCache } from '../pipeline-cache.js';
import { STORAGE_USAGE, checkBindingSize, download } from '../transfers.js';
import { WeightUploader, uploadBlock } from './gpu-weights.js';
import { blockKernels, neoCellLaunch, type MlpPath } from './model-kernels.js';

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
    const tg = kernels.mlpPath === 'two-gemm' && hiddenFits ? kernels.twoGemm : undefined;
    if (tg) {
      const hidden = scratch('two-GEMM MLP hidden activations', twoGemmHiddenElements(c, n, h * w));
      const l = mlpTwoGemmLaunch(tg, n, h * w);
      await launcher.dispatch(tg.fc1, [m, wt.w1t, wt.b1, hidden], l.fc1.uniforms, l.fc1.grid);
      await launcher.dispatch(tg.fc2, [hidden, wt.w2t, wt.b2, xBuf, y], l.fc2.uniforms, l.fc2.grid);
    } else {
      const mlp = mlpLaunch(kernels.mlpOptions, n, h * w);
      await launcher.dispatch(kernels.mlp, [m, xBuf, wt.w1t, wt.b1, wt.w2t, wt.b2, y], mlp.uniforms, mlp.grid);
    }
    await launcher.submit();
    return new Tensor(plan.outputShape, await download(device, y, elements));
  } finally {
    up.destroy();
  }
}
