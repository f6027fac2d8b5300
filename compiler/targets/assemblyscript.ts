import { assemblyScriptEntryPoint, assemblyScriptScratchBytes, renderAssemblyScript } from '../render/assemblyscript.js';
import type { KernelTarget } from './target.js';

/**
 * AssemblyScript compiled to WebAssembly (asc) for the CPU path (runtime/wasm). A workgroup is a loop on one thread,
 * so the "limits" are choices rather than hardware: workgroup memory is the launch's scratch in linear memory, so
 * 64 KiB lets the fused MLP (the fallback) keep its 8-pixel tile at every NeoNeXt width (C = 1536: 8·(1536 + 256)
 * floats = 57 KiB), and 256 invocations keeps NeoCell workgroups at 64 (the tiling every GPU gets). Grids fold at
 * 65535 like WebGPU's so both targets share launch geometry; one binding may span wasm32's 4 GiB memory.
 */
export const ASSEMBLYSCRIPT: KernelTarget = Object.freeze({
  name: 'assemblyscript',
  description: 'AssemblyScript compiled to WebAssembly (128-bit SIMD)',
  render: renderAssemblyScript,
  entryPoint: assemblyScriptEntryPoint,
  scratchBytes: assemblyScriptScratchBytes,
  sourceExtension: '.as.ts',
  binaryExtension: '.wasm',
  genWholeModels: true,
  limits: Object.freeze({
    maxComputeInvocationsPerWorkgroup: 256,
    maxComputeWorkgroupStorageSize: 65536,
    maxComputeWorkgroupsPerDimension: 65535,
    maxStorageBufferBindingSize: 4294967295,
  }),
  prefers: Object.freeze({
    vec4Simd: true,
    // 8 f32x4 accumulators: with the wt vectors and a splat, 13 of x86-64's 16 SIMD registers, so V8 keeps the tile in
    // registers; 2x16 was the fastest tile at every NeoNeXt-T-224 MLP shape (bench/wasm-gemm.ts, AMD EPYC).
    gemm: Object.freeze({ family: 'vec4-panels', accumulators: 8 }),
    pointwiseConv: 'gemm-per-image',
  }),
});
