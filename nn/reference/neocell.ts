import { channelLayouts, type NeoCellPlan } from '../../compiler/plan/neocell-plan.js';
import { formatShape, sameShape, Tensor, type FloatArray } from '../tensor.js';

/** Trainable NeoCell kernels, one pair per channel group: a[j] [channels_j, hOut, hIn], b[j] [channels_j, wIn, wOut]. */
export interface NeoCellWeights {
  readonly a: readonly Tensor[];
  readonly b: readonly Tensor[];
}

export interface NeoCellGradients {
  readonly gradX: Tensor;
  readonly gradA: Tensor[];
  readonly gradB: Tensor[];
}

/** Throws a RangeError naming the tensor when weights or inputs do not match the plan. */
export function checkNeoCellOperands(plan: NeoCellPlan, x: Tensor, weights: NeoCellWeights): void {
  if (!sameShape(x.shape, plan.inputShape)) {
    throw new RangeError(`NeoCell: x has shape ${formatShape(x.shape)}, the plan expects ${formatShape(plan.inputShape)}`);
  }
  if (weights.a.length !== plan.groups.length || weights.b.length !== plan.groups.length) {
    throw new RangeError(`NeoCell: expected ${plan.groups.length} weight_a and weight_b tensors, got ${weights.a.length} and ${weights.b.length}`);
  }
  for (const { index, group: g } of plan.groups) {
    const expectA = [g.channels, g.hOut, g.hIn];
    const expectB = [g.channels, g.wIn, g.wOut];
    if (!sameShape(weights.a[index]!.shape, expectA)) {
      throw new RangeError(`NeoCell: weight_a.${index} has shape ${formatShape(weights.a[index]!.shape)}, expected ${formatShape(expectA)}`);
    }
    if (!sameShape(weights.b[index]!.shape, expectB)) {
      throw new RangeError(`NeoCell: weight_b.${index} has shape ${formatShape(weights.b[index]!.shape)}, expected ${formatShape(expectB)}`);
    }
  }
}

/**
 * Float64 NeoCell forward, block-wise: per image and channel T = X·B then Y = A·T, visiting only the kernel
 * blocks that the plan places (k_a + k_b MACs per pixel instead of upstream's dense H + W).
 */
export function neoCellForward(plan: NeoCellPlan, x: Tensor, weights: NeoCellWeights): Tensor {
  checkNeoCellOperands(plan, x, weights);
  const [n, c, inH, inW] = plan.inputShape;
  const [, , outH, outW] = plan.outputShape;
  const y = Tensor.zeros(plan.outputShape);
  const t = new Float64Array(inH * outW);
  const layouts = channelLayouts(plan);
  for (let img = 0; img < n; img++) {
    for (let ch = 0; ch < c; ch++) {
      const { group, local, a, b } = layouts[ch]!;
      const wa = kernelView(weights.a[group.index]!, local);
      const wb = kernelView(weights.b[group.index]!, local);
      const xOff = (img * c + ch) * inH * inW;
      const yOff = (img * c + ch) * outH * outW;
      t.fill(0);
      // T[h, col0 + j] += X[h, row0 + i] * Wb[kRow0 + i, kCol0 + j]
      for (const blk of b.blocks) {
        for (let h = 0; h < inH; h++) {
          for (let i = 0; i < blk.rows; i++) {
            const xv = x.data[xOff + h * inW + blk.row0 + i]!;
            const kRow = (blk.kRow0 + i) * group.group.wOut + blk.kCol0;
            const tRow = h * outW + blk.col0;
            for (let j = 0; j < blk.cols; j++) t[tRow + j] += xv * wb.data[wb.offset + kRow + j]!;
          }
        }
      }
      // Y[row0 + i, w] += Wa[kRow0 + i, kCol0 + j] * T[col0 + j, w]
      for (const blk of a.blocks) {
        for (let i = 0; i < blk.rows; i++) {
          const yRow = yOff + (blk.row0 + i) * outW;
          const kRow = (blk.kRow0 + i) * group.group.hIn + blk.kCol0;
          for (let j = 0; j < blk.cols; j++) {
            const av = wa.data[wa.offset + kRow + j]!;
            const tRow = (blk.col0 + j) * outW;
            for (let w = 0; w < outW; w++) y.data[yRow + w] += av * t[tRow + w]!;
          }
        }
      }
    }
  }
  return y;
}

/**
 * Float64 NeoCell backward for an upstream gradient `gradY`: grad x, and grad weight_a / weight_b summed over the
 * batch and over every place a kernel entry appears in its block-diagonal matrix (upstream `sum_blocks_backward`).
 */
export function neoCellBackward(plan: NeoCellPlan, x: Tensor, weights: NeoCellWeights, gradY: Tensor): NeoCellGradients {
  checkNeoCellOperands(plan, x, weights);
  if (!sameShape(gradY.shape, plan.outputShape)) {
    throw new RangeError(`NeoCell: grad_y has shape ${formatShape(gradY.shape)}, expected ${formatShape(plan.outputShape)}`);
  }
  const [n, c, inH, inW] = plan.inputShape;
  const [, , outH, outW] = plan.outputShape;
  const gradX = Tensor.zeros(plan.inputShape);
  const gradA = weights.a.map((w) => Tensor.zeros(w.shape));
  const gradB = weights.b.map((w) => Tensor.zeros(w.shape));
  const t = new Float64Array(inH * outW);
  const gradT = new Float64Array(inH * outW);
  const layouts = channelLayouts(plan);
  for (let img = 0; img < n; img++) {
    for (let ch = 0; ch < c; ch++) {
      const { group, local, a, b } = layouts[ch]!;
      const { hIn, wOut } = group.group;
      const wa = kernelView(weights.a[group.index]!, local);
      const wb = kernelView(weights.b[group.index]!, local);
      const ga = kernelView(gradA[group.index]!, local);
      const gb = kernelView(gradB[group.index]!, local);
      const xOff = (img * c + ch) * inH * inW;
      const yOff = (img * c + ch) * outH * outW;
      // Recompute T = X·B (forward intermediate).
      t.fill(0);
      for (const blk of b.blocks) {
        for (let h = 0; h < inH; h++) {
          for (let i = 0; i < blk.rows; i++) {
            const xv = x.data[xOff + h * inW + blk.row0 + i]!;
            const kRow = (blk.kRow0 + i) * wOut + blk.kCol0;
            for (let j = 0; j < blk.cols; j++) t[h * outW + blk.col0 + j] += xv * wb.data[wb.offset + kRow + j]!;
          }
        }
      }
      // dA[i, j] += sum_w dY[row0+i, w] * T[col0+j, w];  dT[col0+j, w] += A[i, j] * dY[row0+i, w]
      gradT.fill(0);
      for (const blk of a.blocks) {
        for (let i = 0; i < blk.rows; i++) {
          const gyRow = yOff + (blk.row0 + i) * outW;
          const kRow = (blk.kRow0 + i) * hIn + blk.kCol0;
          for (let j = 0; j < blk.cols; j++) {
            const av = wa.data[wa.offset + kRow + j]!;
            const tRow = (blk.col0 + j) * outW;
            let acc = 0;
            for (let w = 0; w < outW; w++) {
              const g = gradY.data[gyRow + w]!;
              acc += g * t[tRow + w]!;
              gradT[tRow + w] += av * g;
            }
            ga.data[ga.offset + kRow + j] += acc;
          }
        }
      }
      // dB[i, j] += sum_h X[h, row0+i] * dT[h, col0+j];  dX[h, row0+i] += sum_j dT[h, col0+j] * B[i, j]
      for (const blk of b.blocks) {
        for (let i = 0; i < blk.rows; i++) {
          const kRow = (blk.kRow0 + i) * wOut + blk.kCol0;
          for (let j = 0; j < blk.cols; j++) {
            const bv = wb.data[wb.offset + kRow + j]!;
            let acc = 0;
            for (let h = 0; h < inH; h++) {
              const gt = gradT[h * outW + blk.col0 + j]!;
              acc += x.data[xOff + h * inW + blk.row0 + i]! * gt;
              gradX.data[xOff + h * inW + blk.row0 + i] += gt * bv;
            }
            gb.data[gb.offset + kRow + j] += acc;
          }
        }
      }
    }
  }
  return { gradX, gradA, gradB };
}

/** A window onto one channel's kernel inside a [channels, rows, cols] weight tensor. */
function kernelView(tensor: Tensor, channel: number): { data: FloatArray; offset: number } {
  const [, rows, cols] = tensor.shape as [number, number, number];
  return { data: tensor.data, offset: channel * rows * cols };
}
