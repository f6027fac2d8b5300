import { assemblyScriptEntryPoint, assemblyScriptScratchBytes, renderAssemblyScript } from '../render/assemblyscript.js';
import type { KernelIR } from '../ir/ir.js';
import type { KernelTarget, TargetLimits, TargetPreferences } from './target.js';

/**
 * AssemblyScript compiled to WebAssembly (asc) for the CPU path (runtime/wasm). A workgroup is a loop on one thread,
 * so the "limits" are choices rather than hardware: workgroup memory is the launch's scratch in linear memory, so
 * 64 KiB lets the fused MLP (the fallback) keep its 8-pixel tile at every NeoNeXt width (C = 1536: 8·(1536 + 256)
 * floats = 57 KiB), and 256 invocations keeps NeoCell workgroups at 64 (the tiling every GPU gets). Grids fold at
 * 65535 like WebGPU's so both targets share launch geometry; one binding may span wasm32's 4 GiB memory.
 */
const LIMITS: TargetLimits = Object.freeze({
  maxComputeInvocationsPerWorkgroup: 256,
  maxComputeWorkgroupStorageSize: 65536,
  maxComputeWorkgroupsPerDimension: 65535,
  maxStorageBufferBindingSize: 4294967295,
});

const shared = {
  name: 'assemblyscript',
  entryPoint: assemblyScriptEntryPoint,
  scratchBytes: assemblyScriptScratchBytes,
  sourceExtension: '.as.ts',
  binaryExtension: '.wasm',
  genWholeModels: true,
  limits: LIMITS,
} as const;

/** Baseline: 128-bit SIMD only, which every current engine has (Node ≥ 16, Chrome 91, Firefox 89, Safari 16.4). */
export const ASSEMBLYSCRIPT: KernelTarget = Object.freeze({
  ...shared,
  description: 'AssemblyScript compiled to WebAssembly (128-bit SIMD)',
  render: (ir: KernelIR) => renderAssemblyScript(ir),
  prefers: Object.freeze<TargetPreferences>({
    vec4Simd: true,
    // 8 f32x4 accumulators: with the wt vectors, a splat and the product's temporary, 14 of x86-64's 16 SIMD
    // registers (V8 keeps one as scratch), so the tile stays in registers; 2x16 was the fastest tile at every
    // NeoNeXt-T-224 MLP shape (bench/wasm-gemm.ts, AMD EPYC).
    gemm: Object.freeze({ family: 'vec4-panels', accumulators: 8, maxColumns: 4, fma: false }),
    pointwiseConv: 'gemm-per-image',
  }),
});

/**
 * Relaxed SIMD (f32x4.relaxed_madd): the IR's vec4 fma is one instruction (compiler/render/assemblyscript.ts), fused
 * where the CPU has FMA. Runtimes choose it when the engine validates relaxed SIMD (runtime/wasm/simd-variant.ts);
 * its kernel keys differ from the baseline's (variant id), so both kinds of binaries can sit in one cache or folder.
 */
export const ASSEMBLYSCRIPT_RELAXED_SIMD: KernelTarget = Object.freeze({
  ...shared,
  description: 'AssemblyScript compiled to WebAssembly (128-bit SIMD + relaxed SIMD: f32x4.relaxed_madd)',
  render: (ir: KernelIR) => renderAssemblyScript(ir, { relaxedSimd: true }),
  variant: Object.freeze({ id: 'relaxed-simd', features: Object.freeze(['relaxed-simd'] as const) }),
  prefers: Object.freeze<TargetPreferences>({
    vec4Simd: true,
    // fma needs no product temporary, so up to 15 - 1 splat - wt vectors accumulators fit (V8 x64 allocates 15 of
    // the 16 xmm registers), but more accumulators did not pay: on an Intel Xeon (AVX-512, relaxed_madd fused, a
    // loaded 2-core machine: indicative) 2x16 was the fastest FMA tile at 6 of 8 NeoNeXt-T-224 MLP shapes and within
    // noise at the others, ahead of 3x12, 4x8, 3x16, 4x12, 6x8 and 5x8 (12-accumulator tiles 15-40% slower: more
    // splats per fma, or spills); `npm run bench:wasm-gemm` measures them all.
    gemm: Object.freeze({ family: 'vec4-panels', accumulators: 8, maxColumns: 4, fma: true }),
    pointwiseConv: 'gemm-per-image',
  }),
});
