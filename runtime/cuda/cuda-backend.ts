import type { KernelArtifact } from '../../compiler/artifact.js';
import { CUDA_BACKEND } from '../backends/backend.js';
import { CudaProgramBackend } from '../cuda-common/program-backend.js';
import { CudaKernels } from './program-runner.js';

/**
 * The CUDA kernels on an NVIDIA GPU (`--backend cuda`): the calls are CudaProgramBackend's (as cuda-cpu), the
 * binaries nvcc-compiled (CudaKernels). createBackend('cuda') checks for nvcc and an NVIDIA driver first.
 * Untested on a GPU: it was built and compile-checked on a machine without one (test/cuda-gpu.test.ts).
 */
export interface CudaBackendOptions {
  /** A binary compiled up front (CudaKernels.compile): used for every call whose kernels it holds. */
  readonly kernels?: CudaKernels;
}

export class CudaBackend extends CudaProgramBackend<CudaKernels> {
  readonly name = CUDA_BACKEND;
  readonly description = 'CUDA kernels (exact .cu text) compiled by nvcc and run on an NVIDIA GPU';
  readonly conformanceTolerance = 1e-5;

  constructor(options: CudaBackendOptions = {}) {
    super(options.kernels);
  }

  static async create(options: CudaBackendOptions = {}): Promise<CudaBackend> {
    return new CudaBackend(options);
  }

  protected compileKernels(artifacts: readonly KernelArtifact[]): Promise<CudaKernels> {
    return CudaKernels.compile(artifacts);
  }
}
