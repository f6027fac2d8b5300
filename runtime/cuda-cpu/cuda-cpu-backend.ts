import type { KernelArtifact } from '../../compiler/artifact.js';
import { CudaProgramBackend } from '../cuda-common/program-backend.js';
import { CudaCpuKernels } from './program-runner.js';

/**
 * The CUDA kernels, run on the CPU (`--backend cuda-cpu`): a check of the CUDA target on machines without a GPU,
 * not a fast path (one OS thread per CUDA thread). The calls (NeoCell forward/backward, blocks, whole models) are
 * CudaProgramBackend's; the binaries are g++-compiled (CudaCpuKernels).
 */
export interface CudaCpuBackendOptions {
  /** A binary compiled up front (CudaCpuKernels.compile): used for every call whose kernels it holds. */
  readonly kernels?: CudaCpuKernels;
}

export class CudaCpuBackend extends CudaProgramBackend<CudaCpuKernels> {
  readonly name = 'cuda-cpu' as const;
  readonly description = 'CUDA kernels (exact .cu text) compiled by g++ and run on the CPU, one thread per CUDA thread';
  readonly conformanceTolerance = 1e-5;

  constructor(options: CudaCpuBackendOptions = {}) {
    super(options.kernels);
  }

  static async create(options: CudaCpuBackendOptions = {}): Promise<CudaCpuBackend> {
    return new CudaCpuBackend(options);
  }

  protected compileKernels(artifacts: readonly KernelArtifact[]): Promise<CudaCpuKernels> {
    return CudaCpuKernels.compile(artifacts);
  }
}
