import type { TilingLimits } from '../../compiler/compile-neocell.js';
import type { NeoCellPlan } from '../../compiler/plan/neocell-plan.js';
import type { NeoNeXtConfig } from '../../compiler/spec/model-config.js';
import { blockKernels, modelKernels, type BlockKernels, type ModelKernels } from '../webgpu/model/model-kernels.js';

/**
 * The WebAssembly model's kernels: the WebGPU model's set (runtime/webgpu/model/model-kernels.ts) rendered to
 * AssemblyScript, so a key names the same specialization on both targets, target aside.
 *
 * "Device limits" for wasm: workgroup memory is ordinary linear memory (the launch's scratch), so there is no real
 * storage limit; 64 KiB lets the fused MLP (the fallback) keep its 8-pixel tile at every NeoNeXt width
 * (C = 1536: 8·(1536 + 256) floats = 57 KiB), and 256 invocations keeps NeoCell workgroups at 64 (chooseTiling's
 * choice on every GPU).
 */
export const WASM_LIMITS: TilingLimits = { maxComputeWorkgroupStorageSize: 65536, maxComputeInvocationsPerWorkgroup: 256 };

export function wasmBlockKernels(plan: NeoCellPlan): BlockKernels {
  return blockKernels(plan, WASM_LIMITS, undefined, 'assemblyscript');
}

export function wasmModelKernels(config: NeoNeXtConfig): ModelKernels {
  return modelKernels(config, WASM_LIMITS, 'assemblyscript');
}
