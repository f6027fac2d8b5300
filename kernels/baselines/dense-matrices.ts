import { channelLayouts, type NeoCellPlan } from '../../compiler/plan/neocell-plan.js';
import type { BlockPlacement } from '../../compiler/plan/block-layout.js';
import type { NeoCellWeights } from '../../nn/reference/neocell.js';

/**
 * The upstream (PyTorch) way of running NeoCell: materialize every channel's dense block-diagonal matrices
 * A_c [H', H] and B_c [W, W'] on the host, then do dense matmuls. Built from the plan's block placements (the same
 * rules test/oracles/upstream-neocell.ts ports literally from csrc/neocell.cpp), so zeros fill everything off the
 * blocks — the work a dense matmul spends on them is exactly what the block-aware kernels skip.
 */
export interface DenseNeoCellMatrices {
  /** [C, H', H] row-major. */
  readonly a: Float32Array;
  /** [C, W, W'] row-major. */
  readonly b: Float32Array;
}

function place(
  matrix: Float32Array, base: number, matCols: number, blocks: readonly BlockPlacement[],
  kernel: ArrayLike<number>, kBase: number, kCols: number,
): void {
  for (const blk of blocks) {
    for (let i = 0; i < blk.rows; i++) {
      for (let j = 0; j < blk.cols; j++) {
        matrix[base + (blk.row0 + i) * matCols + blk.col0 + j] = kernel[kBase + (blk.kRow0 + i) * kCols + blk.kCol0 + j]!;
      }
    }
  }
}

/** Dense A and B of every channel, as float32 (what upstream multiplies with). */
export function denseNeoCellMatrices(plan: NeoCellPlan, weights: NeoCellWeights): DenseNeoCellMatrices {
  const [, channels, inH, inW] = plan.inputShape;
  const [, , outH, outW] = plan.outputShape;
  const a = new Float32Array(channels * outH * inH);
  const b = new Float32Array(channels * inW * outW);
  channelLayouts(plan).forEach((layout, c) => {
    const g = layout.group.group;
    const wa = weights.a[layout.group.index]!.data;
    const wb = weights.b[layout.group.index]!.data;
    place(a, c * outH * inH, inH, layout.a.blocks, wa, layout.local * g.hOut * g.hIn, g.hIn);
    place(b, c * inW * outW, outW, layout.b.blocks, wb, layout.local * g.wIn * g.wOut, g.wOut);
  });
  return { a, b };
}

/** Multiply-accumulates the dense method executes: T = A·X ([H',H]·[H,W]) then Y = T·B ([H',W]·[W,W']) per plane. */
export function denseForwardMacs(plan: NeoCellPlan): number {
  const [n, c, inH, inW] = plan.inputShape;
  const [, , outH, outW] = plan.outputShape;
  return n * c * (outH * inH * inW + outH * inW * outW);
}
