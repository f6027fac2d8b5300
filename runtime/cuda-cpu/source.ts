import type { KernelArtifact } from '../../compiler/artifact.js';
import { cudaKernelTable, cudaSource } from '../cuda-common/source.js';

/**
 * The cuda-cpu flavour of the shared CUDA binary source (runtime/cuda-common/source.ts): `#include "cuda-cpu.h"`
 * (CUDA's execution model on the CPU), the kernels verbatim, launchers that call nc_launch, and cuda-cpu-main.h.
 */
export { storageBindings } from '../cuda-common/source.js';

/** The kernels of one cuda-cpu binary, in its table order (distinct entry points, sorted). */
export const cudaCpuKernelTable = (artifacts: readonly KernelArtifact[]): KernelArtifact[] => cudaKernelTable(artifacts, 'cuda-cpu');

/** The whole translation unit g++ compiles for `kernels` (cudaCpuKernelTable's order). */
export const cudaCpuSource = (kernels: readonly KernelArtifact[]): string => cudaSource(kernels, 'cpu');
