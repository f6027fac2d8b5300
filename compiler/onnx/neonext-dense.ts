import { STAGE_COUNT, blockPlan, downsamplePlan, type NeoNeXtConfig } from '../spec/model-config.js';
import { batchNormAffine } from '../../nn/fold-neonext.js';
import type { BlockParams, NeoNeXtParams } from '../../nn/neonext-params.js';
import type { BatchNormParams } from '../../nn/reference/ops.js';
import type { NeoCellPlan } from '../plan/neocell-plan.js';
import type { OnnxGraphBuilder } from './graph-builder.js';
import { denseNeoCell, gelu, graphScalars, head, perChannel, type GraphScalars } from './neonext-onnx-ops.js';
import { transposed } from '../../nn/tensor.js';

/**
 * `--form dense`: the network the way upstream PyTorch runs it, op for op — dense block-diagonal NeoCell matrices
 * and two batched MatMuls, eval BatchNorm as Mul/Add, the MLP channels-last (Transpose, MatMul + Add, exact GELU,
 * MatMul + Add, LayerScale Mul, Transpose back), residual Add. Nothing is folded; onnxruntime's own graph
 * optimizer may still fuse what it recognizes.
 */
export function buildDenseNeoNeXt(g: OnnxGraphBuilder, config: NeoNeXtConfig, params: NeoNeXtParams, input: string, output: string): void {
  const s = graphScalars(g);
  const stemW = params.stem.conv;
  let x = g.node('Conv', [input, g.float('stem.conv.weight', { shape: [stemW.shape[0]!, 3, 4, 4], data: stemW.data })],
    { kernel_shape: [4, 4], strides: [4, 4] });
  x = batchNorm(g, 'stem.norm', params.stem.norm, x);
  for (let stage = 0; stage < STAGE_COUNT; stage++) {
    if (stage > 0) {
      const p = params.downsamples[stage - 1]!;
      const name = `downsample_${stage}`;
      x = g.node('Conv', [x, g.float(`${name}.conv.weight`, { shape: p.conv.shape, data: p.conv.data })], { kernel_shape: [1, 1] });
      x = denseNeoCell(g, `${name}.neocell`, downsamplePlan(config, stage, 1), p.neocell, x);
      x = batchNorm(g, `${name}.norm_1`, p.norm, x);
    }
    const plan = blockPlan(config, stage, 1);
    params.stages[stage]!.forEach((p, b) => { x = block(g, s, `stage_${stage + 1}.${b}`, plan, p, x); });
  }
  head(g, params.head, x, output);
}

/** Eval BatchNorm2d as x·scale + shift (scale = γ/√(var+ε), shift = β − mean·scale), per channel. */
function batchNorm(g: OnnxGraphBuilder, name: string, p: BatchNormParams, x: string): string {
  const { scale, shift } = batchNormAffine(p);
  return g.node('Add', [g.node('Mul', [x, perChannel(g, `${name}.scale`, scale)]), perChannel(g, `${name}.shift`, shift)]);
}

function block(g: OnnxGraphBuilder, s: GraphScalars, name: string, plan: NeoCellPlan, p: BlockParams, x: string): string {
  const c = plan.inputShape[1];
  const mixed = batchNorm(g, `${name}.norm`, p.norm, denseNeoCell(g, `${name}.neocell`, plan, p.neocell, x));
  const last = g.node('Transpose', [mixed], { perm: [0, 2, 3, 1] });
  const hidden = p.fc1.weight.shape[0]!;
  let h = g.node('MatMul', [last, g.float(`${name}.fc_1.weight_t`, { shape: [c, hidden], data: transposed(p.fc1.weight) })]);
  if (p.fc1.bias) h = g.node('Add', [h, g.float(`${name}.fc_1.bias`, { shape: [hidden], data: p.fc1.bias.data })]);
  h = gelu(g, s, h);
  let y = g.node('MatMul', [h, g.float(`${name}.fc_2.weight_t`, { shape: [hidden, c], data: transposed(p.fc2.weight) })]);
  if (p.fc2.bias) y = g.node('Add', [y, g.float(`${name}.fc_2.bias`, { shape: [c], data: p.fc2.bias.data })]);
  if (p.gamma) y = g.node('Mul', [y, g.float(`${name}.layer_scale.gamma`, { shape: [c], data: p.gamma.data })]);
  return g.node('Add', [x, g.node('Transpose', [y], { perm: [0, 3, 1, 2] })]);
}
