import { cudaEntryPoint, renderCuda } from '../render/cuda.js';
import { cudaHeader } from '../render/cuda-header.js';
import type { KernelTarget } from './target.js';

/**
 * CUDA C++ for NVIDIA GPUs (compiled by nvcc or NVRTC; no runtime in neocc yet). fma is fused (fmaf: the IR allows
 * either rounding); nvcc also contracts a separate a·b + c into an FMA by default, which differs from the IR's
 * one-rounding-per-operation rule in the last bits: compile with --fmad=false to keep it (compiler/render/cuda.ts).
 */
export const CUDA: KernelTarget = Object.freeze({
  name: 'cuda',
  description: 'CUDA C++ kernels for NVIDIA GPUs (nvcc / NVRTC; fma fused; nvcc contracts a*b + c unless --fmad=false)',
  render: renderCuda,
  entryPoint: cudaEntryPoint,
  // No binaryExtension: a CUDA runtime compiles the .cu sources for its device (nvcc/NVRTC), like WebGPU does WGSL.
  sourceExtension: '.cu',
  header: cudaHeader,
  // Host code built with nvcc includes the .cu files of a model's whole forward (neocc gen --model).
  genWholeModels: true,
  // The launchers `neocc gen --torch` writes are CUDA host code.
  torchExtension: true,
  limits: Object.freeze({
    // Every NVIDIA GPU since Fermi: 1024 threads per block.
    maxComputeInvocationsPerWorkgroup: 1024,
    // Static __shared__ memory per block is capped at 48 KiB (more needs dynamic shared memory and an opt-in).
    maxComputeWorkgroupStorageSize: 49152,
    // gridDim.x may reach 2^31 - 1 but y and z only 65535, and kernels fold grids with one per-dimension limit, so
    // the smaller one holds for all three axes.
    maxComputeWorkgroupsPerDimension: 65535,
    // Kernels index buffers with 32-bit element indices (u32); 2 GiB keeps every byte offset below 2^31 too.
    maxStorageBufferBindingSize: 2147483648,
  }),
  prefers: Object.freeze({
    // float4 arithmetic is 4 scalar instructions on NVIDIA GPUs: the scalar kernels spread the work over threads.
    vec4Simd: false,
    // WGSL's tile (64x64 per block, 8x8 per thread); unmeasured on CUDA so far.
    gemm: Object.freeze({ family: 'register-tiles', tile: Object.freeze({ tm: 64, tn: 64, rm: 8, rn: 8 }) }),
    pointwiseConv: 'batched-matmul',
  }),
});
