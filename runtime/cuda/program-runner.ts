import type { KernelArtifact } from '../../compiler/artifact.js';
import { NeoccError } from '../../compiler/errors.js';
import { CUDA_BACKEND } from '../backends/backend.js';
import type { Program, ProgramRunOptions } from '../../schedule/program.js';
import { runKernelBinary } from '../cuda-common/run-binary.js';
import { cudaKernelTable, cudaSource } from '../cuda-common/source.js';
import { compileCudaGpu } from './compile.js';

/**
 * CUDA kernels on a CUDA device: one nvcc-compiled binary holds a set of kernels (their `.cu` text verbatim, the
 * same source and dispatch protocol as cuda-cpu, launched with `<<<grid, block>>>`) and executes any program made of
 * them in a child process, which cudaMallocs every buffer, uploads the inputs and copies the reads back.
 */
export class CudaKernels {
  /** The GPU time of the last run (ms, from the binary's cudaEvents); undefined before the first. */
  lastMs: number | undefined;

  private constructor(readonly binary: string, private readonly index: ReadonlyMap<string, number>) {}

  /** Compiles (or finds in the disk cache) one binary for `artifacts` (CUDA target; duplicates are fine). */
  static async compile(artifacts: readonly KernelArtifact[]): Promise<CudaKernels> {
    if (artifacts.length === 0) throw new NeoccError('bad-launch', 'cuda: no kernels to compile');
    const table = cudaKernelTable(artifacts, CUDA_BACKEND);
    const binary = await compileCudaGpu(cudaSource(table, 'gpu'));
    return new CudaKernels(binary, new Map(table.map((a, i) => [a.entryPoint, i])));
  }

  /** Whether this binary holds every one of `artifacts`' kernels. */
  holds(artifacts: readonly KernelArtifact[]): boolean {
    return artifacts.every((a) => this.index.has(a.entryPoint));
  }

  /** Executes `program` (see runKernelBinary); returns the `output` buffers by name and records lastMs. */
  async run(program: Program, options: ProgramRunOptions<never>): Promise<Map<string, Float32Array>> {
    const r = await runKernelBinary(this.binary, this.index, program, options, CUDA_BACKEND, true);
    this.lastMs = r.ms;
    return r.outputs;
  }
}
