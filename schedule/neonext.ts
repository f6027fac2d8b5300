import { NeoccError } from '../compiler/errors.js';
import type { NeoCellPlan } from '../compiler/plan/neocell-plan.js';
import { PATCH_SIZE, STAGE_COUNT, blockPlan, downsamplePlan, stageSize, type NeoNeXtConfig } from '../compiler/spec/model-config.js';
import type { KernelTarget } from '../compiler/targets/target.js';
import { headLaunch } from '../kernels/neonext/head.js';
import { mlpLaunch } from '../kernels/neonext/mlp-residual.js';
import { mlpTwoGemmLaunch, packedGemmWeight, twoGemmHiddenElements, type GemmOptions } from '../kernels/neonext/mlp-two-gemm.js';
import { pointwiseConvLaunch } from '../kernels/neonext/pointwise-conv.js';
import { stemLaunch, stemWeightLayout } from '../kernels/neonext/stem.js';
import { linearVec4Launch } from '../kernels/neonext/unfused/linear-vec4.js';
import type { FoldedBlock, FoldedNeoNeXt } from '../nn/fold-neonext.js';
import type { NeoCellWeights } from '../nn/reference/neocell.js';
import { concatTensors, transposed, type Tensor } from '../nn/tensor.js';
import { neoCellLaunch, type BlockKernels, type ModelKernels } from './model-kernels.js';
import { ProgramBuilder, type Program, type WeightDeclaration, type WeightTensor } from './program.js';
import { formatShape } from '../nn/tensor.js';

/**
 * NeoNeXt as programs: the folded weights in the layouts the chosen kernels read, and the forward pass — stem, per
 * block the folded NeoCell (channels-last) and the MLP + residual, downsamples, head — as one dispatch list over
 * ping-pong activations. Written once here; runtime/webgpu records it into one command buffer, runtime/wasm runs it
 * on its threads (docs/ARCHITECTURE.md, "Schedule").
 */

/** float32 copy of folded float64 data (`new` converts a typed array in one native pass; `Float32Array.from` iterates). */
const f32 = (data: ArrayLike<number>): Float32Array => new Float32Array(data);

function neoCellWeights(prefix: string, w: NeoCellWeights): WeightTensor[] {
  return [
    { name: `${prefix}.wa`, label: `${prefix}.weight_a`, data: concatTensors(w.a) },
    { name: `${prefix}.wb`, label: `${prefix}.weight_b`, data: concatTensors(w.b) },
  ];
}

/**
 * A block's folded weights: A/B kernels back to back; W1ᵀ/W2ᵀ as the block's GEMMs read them (column panels for the
 * SIMD micro-kernel, plain [in, out] for register tiles and the fused kernel); fc biases with BN/LayerScale folded.
 */
export function blockWeights(prefix: string, p: FoldedBlock, k: BlockKernels): WeightTensor[] {
  const twoGemm = k.mlpPath === 'two-gemm';
  // Column panels straight from W [out, in] (one pass, gemmWeightLayout(Wᵀ)'s layout), else the plain Wᵀ.
  const layout = (w: Tensor, o: GemmOptions): Float32Array => (twoGemm ? packedGemmWeight(w.data, o) : undefined) ?? transposed(w);
  return [
    ...neoCellWeights(prefix, p.neocell),
    { name: `${prefix}.w1t`, label: `${prefix}.fc_1.weight`, data: layout(p.fc1.weight, k.twoGemm.fc1Options) },
    { name: `${prefix}.b1`, label: `${prefix}.fc_1.bias (folded)`, data: f32(p.fc1.bias.data) },
    { name: `${prefix}.w2t`, label: `${prefix}.fc_2.weight`, data: layout(p.fc2.weight, k.twoGemm.fc2Options) },
    { name: `${prefix}.b2`, label: `${prefix}.fc_2.bias (folded)`, data: f32(p.fc2.bias.data) },
  ];
}

/** Every weight of a folded model, named as modelForwardProgram binds them. */
export function modelWeights(p: FoldedNeoNeXt, k: ModelKernels): WeightTensor[] {
  const fc = p.head.fc;
  return [
    { name: 'stem.w', label: 'stem.conv.weight', data: stemWeightLayout(f32(p.stem.weight.data), k.stemOptions) },
    { name: 'stem.bias', label: 'stem.norm (folded shift)', data: f32(p.stem.bias.data) },
    ...p.stages.flatMap((blocks, s) => blocks.flatMap((b, i) => blockWeights(`stage_${s + 1}.${i}`, b, k.stages[s]!))),
    ...p.downsamples.flatMap((d, i) => [
      { name: `downsample_${i + 1}.conv`, label: `downsample_${i + 1}.conv.weight`, data: f32(d.conv.data) },
      ...neoCellWeights(`downsample_${i + 1}`, d.neocell),
      { name: `downsample_${i + 1}.bias`, label: `downsample_${i + 1}.norm_1 (folded shift)`, data: f32(d.bias.data) },
    ]),
    { name: 'head.ln_w', label: 'head.ln.weight', data: f32(p.head.ln.weight.data) },
    { name: 'head.ln_b', label: 'head.ln.bias', data: f32(p.head.ln.bias.data) },
    { name: 'head.fc_wt', label: 'head.fc.weight', data: transposed(fc.weight) },
    { name: 'head.fc_b', label: 'head.fc.bias', data: fc.bias ? f32(fc.bias.data) : new Float32Array(fc.weight.shape[0]!) },
  ];
}

/**
 * Whether a block of `channels` at `batch` images of `plane` pixels runs its two GEMMs: their [pixels, 4C] hidden
 * scratch must fit one binding, else the fused kernel (hidden units in workgroup memory) runs — which reads plain
 * [in, out] weights, so it cannot stand in for GEMMs whose weights were packed in panels.
 */
function runsTwoGemm(k: BlockKernels, batch: number, plane: number, target: KernelTarget): boolean {
  if (k.mlpPath !== 'two-gemm') return false;
  const bytes = 4 * twoGemmHiddenElements(k.mlpOptions.channels, batch, plane);
  if (bytes <= target.limits.maxStorageBufferBindingSize) return true;
  if (k.twoGemm.fc1Options.kind === 'vec4' || k.twoGemm.fc2Options.kind === 'vec4') {
    throw new NeoccError('adapter-limits-exceeded',
      `the MLP's hidden activations for batch ${batch} need ${bytes} bytes, more than one binding allows (${target.limits.maxStorageBufferBindingSize}); ${batch > 1 ? 'use a smaller batch' : 'use a smaller input resolution'}`);
  }
  return false;
}

/** Buffer names a block's dispatches bind: m = channels-last NeoCell output, x = block input, y = output. */
interface BlockBuffers {
  readonly x: string;
  readonly m: string;
  readonly y: string;
  readonly hidden: string | undefined;
  /** Prefix of the block's weight names (blockWeights). */
  readonly weights: string;
}

/** One block: folded NeoCell → m, then the MLP + residual (two GEMMs through `hidden`, or the fused kernel) → y. */
function dispatchBlock(p: ProgramBuilder, k: BlockKernels, plan: NeoCellPlan, b: BlockBuffers, twoGemm: boolean, target: KernelTarget): void {
  const [batch, , h, w] = plan.inputShape;
  const wt = (name: string): string => `${b.weights}.${name}`;
  p.dispatch(k.neocell, [b.x, wt('wa'), wt('wb'), b.m], neoCellLaunch(k.neocell, plan));
  if (twoGemm) {
    if (b.hidden === undefined) throw new NeoccError('bad-schedule', 'two-GEMM block without a hidden buffer');
    const l = mlpTwoGemmLaunch(k.twoGemm, batch, h * w);
    p.dispatch(k.twoGemm.fc1, [b.m, wt('w1t'), wt('b1'), b.hidden], l.fc1);
    p.dispatch(k.twoGemm.fc2, [b.hidden, wt('w2t'), wt('b2'), b.x, b.y], l.fc2);
  } else {
    p.dispatch(k.mlp, [b.m, b.x, wt('w1t'), wt('b1'), wt('w2t'), wt('b2'), b.y], mlpLaunch(k.mlpOptions, batch, h * w, target.limits.maxComputeWorkgroupsPerDimension));
  }
}

/** One NeoNeXt block as a model runs it (golden block conformance): input `x`, weights `block.*` (blockWeights), output `y`. */
export function blockProgram(plan: NeoCellPlan, k: BlockKernels, target: KernelTarget, weights: readonly (WeightTensor | WeightDeclaration)[]): Program {
  const [batch, c, h, w] = plan.inputShape;
  const elements = batch * c * h * w;
  const twoGemm = runsTwoGemm(k, batch, h * w, target);
  const p = new ProgramBuilder();
  p.weights(weights);
  const x = p.buffer('x', 'input', elements);
  const m = p.buffer('m', 'activation', elements, 'NeoCell output (channels-last)');
  const hidden = twoGemm ? p.buffer('hidden', 'activation', twoGemmHiddenElements(c, batch, h * w), 'MLP hidden activations') : undefined;
  const y = p.buffer('y', 'output', elements);
  dispatchBlock(p, k, plan, { x, m, y, hidden, weights: 'block' }, twoGemm, target);
  return p.build();
}

/** A model input must be [N, 3, R, R] at the config's resolution R, with N >= 1. */
export function checkModelInput(config: NeoNeXtConfig, shape: readonly number[]): void {
  const r = config.resolution;
  if (shape.length !== 4 || shape[1] !== 3 || shape[2] !== r || shape[3] !== r || !(shape[0]! >= 1)) {
    throw new NeoccError('invalid-input', `NeoNeXt: input has shape ${formatShape(shape)}, ${config.name} expects [N, 3, ${r}, ${r}] with N >= 1`);
  }
}

/**
 * The whole forward for `batch` images: input [N, 3, R, R] in `input`, logits in `logits`; observations after the
 * stem, each downsample, each stage and the head.
 */
export function modelForwardProgram(config: NeoNeXtConfig, k: ModelKernels, target: KernelTarget, batch: number, weights: readonly (WeightTensor | WeightDeclaration)[]): Program {
  if (!Number.isInteger(batch) || batch < 1) throw new NeoccError('invalid-input', `NeoNeXt forward: batch = ${batch}; allowed: an integer >= 1`);
  const r = config.resolution;
  const maxGrid = target.limits.maxComputeWorkgroupsPerDimension;
  const plane = (s: number): number => stageSize(config, s).reduce((a, d) => a * d, 1);
  let act = 0;
  let convOut = 0;
  for (let s = 0; s < STAGE_COUNT; s++) {
    act = Math.max(act, batch * config.dims[s]! * plane(s));
    if (s > 0) convOut = Math.max(convOut, batch * config.dims[s]! * plane(s - 1));
  }
  const twoGemm = k.stages.map((ks, s) => runsTwoGemm(ks, batch, plane(s), target));
  const hiddenElements = Math.max(0, ...k.stages.map((_, s) => (twoGemm[s] ? twoGemmHiddenElements(config.dims[s]!, batch, plane(s)) : 0)));

  const p = new ProgramBuilder();
  p.weights(weights);
  const input = p.buffer('input', 'input', batch * 3 * r * r, `input [${batch}, 3, ${r}, ${r}]`);
  let cur = p.buffer('act0', 'activation', act, `activations (batch ${batch})`);
  let next = p.buffer('act1', 'activation', act, `activations (batch ${batch})`);
  const scratch = p.buffer('scratch', 'activation', Math.max(act, convOut), `NeoCell / downsample conv output (batch ${batch})`);
  const hidden = hiddenElements > 0 ? p.buffer('hidden', 'activation', hiddenElements, `MLP hidden activations (batch ${batch})`) : undefined;
  const logits = p.buffer('logits', 'output', batch * config.classes, `logits [${batch}, ${config.classes}]`);

  p.dispatch(k.stem, [input, 'stem.w', 'stem.bias', cur], stemLaunch(k.stemOptions, batch, r, maxGrid));
  p.observe('stem', cur, [batch, config.dims[0]!, r / PATCH_SIZE, r / PATCH_SIZE]);
  for (let s = 0; s < STAGE_COUNT; s++) {
    const [h, w] = stageSize(config, s);
    if (s > 0) {
      const d = k.downsamples[s - 1]!;
      const [cin, cout, inPlane] = [config.dims[s - 1]!, config.dims[s]!, plane(s - 1)];
      const wt = (name: string): string => `downsample_${s}.${name}`;
      if (d.convVec4) {
        // The per-image GEMM: Y_n [C_out, H·W] = W · X_n, one launch per image at the image's offsets.
        const launch = linearVec4Launch(d.convVec4, cout);
        for (let n = 0; n < batch; n++) {
          p.dispatch(d.conv, [wt('conv'), { buffer: cur, offset: n * cin * inPlane }, { buffer: scratch, offset: n * cout * inPlane }], launch);
        }
      } else {
        p.dispatch(d.conv, [wt('conv'), cur, scratch], pointwiseConvLaunch(cin, cout, batch, inPlane));
      }
      p.dispatch(d.neocell, [scratch, wt('wa'), wt('wb'), wt('bias'), next], neoCellLaunch(d.neocell, downsamplePlan(config, s, batch)));
      [cur, next] = [next, cur];
      p.observe(`downsample_${s}`, cur, [batch, config.dims[s]!, h, w]);
    }
    const plan = blockPlan(config, s, batch);
    for (let i = 0; i < config.layers[s]!; i++) {
      dispatchBlock(p, k.stages[s]!, plan, { x: cur, m: scratch, y: next, hidden, weights: `stage_${s + 1}.${i}` }, twoGemm[s]!, target);
      [cur, next] = [next, cur];
    }
    p.observe(`stage_${s + 1}`, cur, [batch, config.dims[s]!, h, w]);
  }
  p.dispatch(k.head, [cur, 'head.ln_w', 'head.ln_b', 'head.fc_wt', 'head.fc_b', logits], headLaunch(k.headOptions, batch, plane(STAGE_COUNT - 1)));
  p.observe('head', logits, [batch, config.classes]);
  return p.build();
}
