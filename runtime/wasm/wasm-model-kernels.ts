import { makeArtifact, type KernelArtifact } from '../../compiler/artifact.js';
import { chooseTiling, compileNeoCellForward, type TilingLimits } from '../../compiler/compile-neocell.js';
import type { NeoCellPlan } from '../../compiler/plan/neocell-plan.js';
import { STAGE_COUNT, blockPlan, downsamplePlan, type NeoNeXtConfig } from '../../compiler/spec/model-config.js';
import { denseMatmulKernel } from '../../kernels/baselines/dense-matmul.js';
import { shouldPackChannels } from '../../kernels/neocell/launch.js';
import { LAYER_NORM_EPS, headKernel } from '../../kernels/neonext/head.js';
import { chooseMlpTiling, mlpResidualKernel, type MlpKernelOptions } from '../../kernels/neonext/mlp-residual.js';
import { POINTWISE_TILE } from '../../kernels/neonext/pointwise-conv.js';
import { defaultStemOptions, stemKernel } from '../../kernels/neonext/stem.js';
import type { BlockKernels, DownsampleKernels, ModelKernels } from '../webgpu/model/model-kernels.js';

/**
 * Every kernel a NeoNeXt forward pass needs, rendered to AssemblyScript: the same IR builders and the same sequence
 * as the WebGPU model (runtime/webgpu/model/model-kernels.ts), with target 'assemblyscript' instead of 'wgsl' and
 * the `baked` records those builders use (so a key names the same specialization on both targets, target aside).
 *
 * "Device limits" for wasm: workgroup memory is ordinary linear memory (the launch's scratch), so there is no real
 * storage limit; 64 KiB lets the fused MLP keep its 8-pixel tile at every NeoNeXt width (C = 1536: 8·(1536 + 256)
 * floats = 57 KiB), and 256 invocations keeps NeoCell workgroups at 64 (chooseTiling's choice on every GPU).
 */
export const WASM_LIMITS: TilingLimits = { maxComputeWorkgroupStorageSize: 65536, maxComputeInvocationsPerWorkgroup: 256 };

function neoCellKernel(plan: NeoCellPlan, options: { layout: 'nhwc' | 'nchw'; channelBias?: boolean }): KernelArtifact {
  const tiling = chooseTiling(plan.spec, WASM_LIMITS);
  const packChannels = shouldPackChannels(plan, tiling);
  return compileNeoCellForward(plan.spec, { ...options, tiling, packChannels, target: 'assemblyscript' });
}

/** The block's folded NeoCell (channels-last output) and fused fc_1→GELU→fc_2→residual kernel. */
export function wasmBlockKernels(plan: NeoCellPlan): BlockKernels {
  const channels = plan.spec.channels;
  const mlpOptions: MlpKernelOptions = { channels, hidden: 4 * channels, ...chooseMlpTiling(channels, WASM_LIMITS) };
  return {
    neocell: neoCellKernel(plan, { layout: 'nhwc' }),
    mlp: makeArtifact(mlpResidualKernel(mlpOptions), 'assemblyscript', { op: 'neonext-mlp-residual', ...mlpOptions }),
    mlpOptions,
  };
}

export function wasmModelKernels(config: NeoNeXtConfig): ModelKernels {
  const stemOptions = defaultStemOptions(config.dims[0]!);
  const conv = makeArtifact(denseMatmulKernel(POINTWISE_TILE), 'assemblyscript', { baseline: 'dense-matmul', tile: POINTWISE_TILE });
  const stages: BlockKernels[] = [];
  const downsamples: DownsampleKernels[] = [];
  for (let s = 0; s < STAGE_COUNT; s++) {
    stages.push(wasmBlockKernels(blockPlan(config, s, 1)));
    if (s > 0) downsamples.push({ conv, neocell: neoCellKernel(downsamplePlan(config, s, 1), { layout: 'nchw', channelBias: true }) });
  }
  const head = { channels: config.dims[STAGE_COUNT - 1]!, classes: config.classes, workgroupSize: 64 };
  return {
    stem: makeArtifact(stemKernel(stemOptions), 'assemblyscript', { op: 'neonext-stem', ...stemOptions }),
    stemOptions,
    stages,
    downsamples,
    head: makeArtifact(headKernel(head), 'assemblyscript', { op: 'neonext-head', ...head, eps: LAYER_NORM_EPS }),
  };
}
