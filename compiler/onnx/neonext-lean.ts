import { STAGE_COUNT, blockPlan, type NeoNeXtConfig } from '../spec/model-config.js';
import { foldNeoNeXt, type FoldedBlock, type FoldedDownsample, type FoldedLinear } from '../../nn/fold-neonext.js';
import type { NeoNeXtParams } from '../../nn/neonext-params.js';
import { NotSupportedError } from '../errors.js';
import type { NeoCellPlan } from '../plan/neocell-plan.js';
import type { OnnxGraphBuilder } from './graph-builder.js';
import { blockNeoCell } from './neocell-blocks.js';
import { denseNeoCell, gelu, graphScalars, head, type GraphScalars } from './neonext-onnx-ops.js';

/**
 * `--form lean`: the fewest nodes and bytes moved that still map onto onnxruntime's fast kernels.
 * - Every BatchNorm and LayerScale is folded at export (nn/fold-neonext.ts, float64, rounded once).
 * - Stem: one Conv 4x4 stride 4 with bias (patchify + 1x1 conv + BN).
 * - Downsample: 1x1 conv C→2C, NeoCell 2x2→1x1 and BN collapse into ONE Conv 2x2 stride 2 with bias:
 *   y[o,i,j] = Σ_{c,a,b} W[o,c]·wa[o,a]·wb[o,b]·x[c,2i+a,2j+b] + t[o] — same MACs as the 1x1 conv alone.
 * - Block: the MLP stays NCHW as two 1x1 Convs with bias (no Transposes: onnxruntime runs a 1x1 Conv as one GEMM,
 *   and on x86 its NCHWc layout pass keeps the whole chain in blocked layout), exact GELU in the form onnxruntime
 *   fuses, residual Add. The NeoCell keeps the dense batched MatMuls (BN scale folded into A). The block-wise
 *   NeoCell (`--form blocks`, neocell-blocks.ts: k² instead of H + W MACs per pixel, but Slice/Reshape/Transpose/
 *   MatMul/Transpose/Slice per shift sub-group, 11 sub-groups per "4+7" NeoCell, 1726 nodes for NeoNeXt-T) measured
 *   SLOWER on NeoNeXt-T-224, 1 thread: 151 vs 90 ms on onnxruntime-node, 754 vs 686 ms on onnxruntime-web —
 *   the copies and per-node overhead cost more than the dense matrices' zero MACs.
 */
/** How the lean form runs block NeoCells: dense folded matrices (the default, faster), or per-block MatMuls (neocell-blocks.ts). */
export type LeanNeoCell = 'dense' | 'blocks';

export function buildLeanNeoNeXt(
  g: OnnxGraphBuilder, config: NeoNeXtConfig, params: NeoNeXtParams, input: string, output: string, neocell: LeanNeoCell = 'dense',
): void {
  const folded = foldNeoNeXt(config, params);
  const s = graphScalars(g);
  const c0 = config.dims[0]!;
  let x = g.node('Conv', [input, g.float('stem.weight', { shape: [c0, 3, 4, 4], data: folded.stem.weight.data }),
    g.float('stem.bias', { shape: [c0], data: folded.stem.bias.data })], { kernel_shape: [4, 4], strides: [4, 4] });
  for (let stage = 0; stage < STAGE_COUNT; stage++) {
    if (stage > 0) x = downsample(g, `downsample_${stage}`, folded.downsamples[stage - 1]!, x);
    const plan = blockPlan(config, stage, 1);
    folded.stages[stage]!.forEach((p, b) => { x = block(g, s, `stage_${stage + 1}.${b}`, plan, p, x, neocell); });
  }
  head(g, folded.head, x, output);
}

function downsample(g: OnnxGraphBuilder, name: string, p: FoldedDownsample, x: string): string {
  if (p.neocell.a.length !== 1) throw new NotSupportedError(`${name}: a downsample NeoCell with ${p.neocell.a.length} channel groups in the lean ONNX form`);
  const [out, inn] = p.conv.shape as [number, number];
  const wa = p.neocell.a[0]!;
  const wb = p.neocell.b[0]!;
  if (wa.size !== out * 2 || wb.size !== out * 2) throw new NotSupportedError(`${name}: a downsample NeoCell that is not 2x2 → 1x1`);
  const w = new Float64Array(out * inn * 4);
  for (let o = 0; o < out; o++)
    for (let c = 0; c < inn; c++)
      for (let a = 0; a < 2; a++)
        for (let b = 0; b < 2; b++) w[((o * inn + c) * 2 + a) * 2 + b] = p.conv.data[o * inn + c]! * wa.data[o * 2 + a]! * wb.data[o * 2 + b]!;
  return g.node('Conv', [x, g.float(`${name}.weight`, { shape: [out, inn, 2, 2], data: w }),
    g.float(`${name}.bias`, { shape: [out], data: p.bias.data })], { kernel_shape: [2, 2], strides: [2, 2] });
}

function conv1x1(g: OnnxGraphBuilder, name: string, p: FoldedLinear, x: string): string {
  const [out, inn] = p.weight.shape as [number, number];
  return g.node('Conv', [x, g.float(`${name}.weight`, { shape: [out, inn, 1, 1], data: p.weight.data }),
    g.float(`${name}.bias`, { shape: [out], data: p.bias.data })], { kernel_shape: [1, 1] });
}

function block(g: OnnxGraphBuilder, s: GraphScalars, name: string, plan: NeoCellPlan, p: FoldedBlock, x: string, neocell: LeanNeoCell): string {
  const mixed = (neocell === 'blocks' ? blockNeoCell(g, `${name}.neocell`, plan, p.neocell, x) : undefined) ??
    denseNeoCell(g, `${name}.neocell`, plan, p.neocell, x);
  const y = conv1x1(g, `${name}.fc_2`, p.fc2, gelu(g, s, conv1x1(g, `${name}.fc_1`, p.fc1, mixed)));
  return g.node('Add', [x, y]);
}
