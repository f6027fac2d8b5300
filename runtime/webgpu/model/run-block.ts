import type { NeoCellPlan } from '../../../compiler/plan/neocell-plan.js';
import { foldBlock } from '../../../kernels/fold-neonext.js';
import type { BlockParams } from '../../../kernels/neonext-params.js';
import { mlpLaunch } from '../../../kernels/neonext/mlp-residual.js';
import { formatShape, sameShape, Tensor } from '../../../kernels/tensor.js';
import type { GpuContext } from '../gpu-context.js';
import { KernelLauncher } from '../kernel-launcher.js';
import type { PipelineCache } from '../pipeline-cache.js';
import { STORAGE_USAGE, checkBindingSize, download } from '../transfers.js';
import { WeightUploader, uploadBlock } from './gpu-weights.js';
import { blockKernels, neoCellLaunch } from './model-kernels.js';

/**
 * One NeoNeXt block on WebGPU, exactly as a model runs it (folded NeoCell writing channels-last, then the fused
 * MLP + residual), for conformance against the golden block cases. Uploads its weights per call.
 */
export async function runBlock(
  ctx: GpuContext, pipelines: PipelineCache, plan: NeoCellPlan, x: Tensor, params: BlockParams, poison: boolean,
): Promise<Tensor> {
  if (!sameShape(x.shape, plan.inputShape)) throw new RangeError(`NeoNeXt block: x has shape ${formatShape(x.shape)}, the plan expects ${formatShape(plan.inputShape)}`);
  if (!sameShape(plan.inputShape, plan.outputShape)) throw new RangeError('NeoNeXt block: the NeoCell must keep the feature-map size (square kernels)');
  const { device } = ctx;
  const kernels = blockKernels(plan, ctx.limits);
  const up = new WeightUploader(device);
  const [n, c, h, w] = plan.inputShape;
  const elements = n * c * h * w;
  const scratch = (name: string): GPUBuffer => {
    checkBindingSize(device, name, 4 * elements);
    const buffer = device.createBuffer({ label: name, size: 4 * elements, usage: STORAGE_USAGE });
    up.buffers.push(buffer);
    if (poison) device.queue.writeBuffer(buffer, 0, new Float32Array(elements).fill(NaN));
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
    const mlp = mlpLaunch(kernels.mlpOptions, n, h * w);
    await launcher.dispatch(kernels.mlp, [m, xBuf, wt.w1t, wt.b1, wt.w2t, wt.b2, y], mlp.uniforms, mlp.grid);
    await launcher.submit();
    return new Tensor(plan.outputShape, await download(device, y, elements));
  } finally {
    up.destroy();
  }
}
