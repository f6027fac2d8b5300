import type { NeoCellPlan } from '../../compiler/plan/neocell-plan.js';
import { Tensor, formatShape, sameShape } from '../../nn/tensor.js';

/** Gradients of the concatenated weights, cut back into per-group tensors shaped like `like`. */
export function splitWeights(data: Float32Array, like: readonly Tensor[]): Tensor[] {
  let at = 0;
  return like.map((t) => {
    const part = new Tensor(t.shape, data.slice(at, at + t.size));
    at += t.size;
    return part;
  });
}

/** A NeoNeXt block's input must match its plan, and its NeoCell must keep the feature-map size (the residual). */
export function checkBlockOperands(plan: NeoCellPlan, x: Tensor): void {
  if (!sameShape(x.shape, plan.inputShape)) throw new RangeError(`NeoNeXt block: x has shape ${formatShape(x.shape)}, the plan expects ${formatShape(plan.inputShape)}`);
  if (!sameShape(plan.inputShape, plan.outputShape)) throw new RangeError('NeoNeXt block: the NeoCell must keep the feature-map size (square kernels)');
}
