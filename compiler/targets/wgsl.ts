import { WGSL_ENTRY_POINT, renderWgsl } from '../render/wgsl.js';
import type { KernelTarget } from './target.js';

/**
 * WGSL for WebGPU (Dawn in Node, navigator.gpu in browsers). The limits are WebGPU's guaranteed minimums, so
 * kernels built against this record run on every adapter (what `generated/` ships); a runtime that knows its
 * device narrows them with withLimits(WGSL, device.limits).
 */
export const WGSL: KernelTarget = Object.freeze({
  name: 'wgsl',
  description: 'WGSL compute shaders for WebGPU',
  render: renderWgsl,
  entryPoint: () => WGSL_ENTRY_POINT,
  sourceExtension: '.wgsl',
  limits: Object.freeze({
    maxComputeInvocationsPerWorkgroup: 256,
    maxComputeWorkgroupStorageSize: 16384,
    maxComputeWorkgroupsPerDimension: 65535,
    maxStorageBufferBindingSize: 134217728,
  }),
  prefers: Object.freeze({
    vec4Simd: false,
    // 64x64 per workgroup, 8x8 accumulators per invocation: the tile that won the per-shape autotune of fc_1/fc_2 at
    // batch 1 on most NeoNeXt-T shapes (bench/neonext-blocks.ts, lavapipe).
    gemm: Object.freeze({ family: 'register-tiles', tile: Object.freeze({ tm: 64, tn: 64, rm: 8, rn: 8 }) }),
    pointwiseConv: 'batched-matmul',
  }),
});
