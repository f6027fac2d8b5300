import type { KernelArtifact } from '../../compiler/artifact.js';
import { NeoccError } from '../../compiler/errors.js';
import { programArtifacts, type Program, type ProgramRunOptions } from '../../schedule/program.js';
import { runKernelBinary } from '../cuda-common/run-binary.js';
import { compileCudaCpu } from './compile.js';
import { cudaCpuKernelTable, cudaCpuSource } from './source.js';

/**
 * CUDA kernels run on the CPU: one g++-compiled binary holds a set of kernels (their `.cu` text verbatim, on
 * cuda-cpu.h's emulation of blocks, threads, shared memory and __syncthreads), and executes any program made of
 * them in a child process. Compile once for many programs (`CudaCpuKernels.compile` with all their artifacts):
 * g++ takes seconds per binary, a run takes milliseconds.
 */
export class CudaCpuKernels {
  private constructor(readonly binary: string, private readonly index: ReadonlyMap<string, number>) {}

  /** Compiles (or finds in the disk cache) one binary for `artifacts` (CUDA target; duplicates are fine). */
  static async compile(artifacts: readonly KernelArtifact[]): Promise<CudaCpuKernels> {
    if (artifacts.length === 0) throw new NeoccError('bad-launch', 'cuda-cpu: no kernels to compile');
    const table = cudaCpuKernelTable(artifacts);
    const binary = await compileCudaCpu(cudaCpuSource(table));
    return new CudaCpuKernels(binary, new Map(table.map((a, i) => [a.entryPoint, i])));
  }

  /** Whether this binary holds every one of `artifacts`' kernels. */
  holds(artifacts: readonly KernelArtifact[]): boolean {
    return artifacts.every((a) => this.index.has(a.entryPoint));
  }

  /**
   * Executes `program` (schedule/program.ts): inputs from `options.data`, activations and outputs NaN when
   * `poison`, observations passed to `options.observe`; returns the `output` buffers by name. The process holds
   * all buffers, so nothing can be resident between runs.
   */
  async run(program: Program, options: ProgramRunOptions<never>): Promise<Map<string, Float32Array>> {
    return (await runKernelBinary(this.binary, this.index, program, options, 'cuda-cpu', false)).outputs;
  }
}

/** Compiles `program`'s kernels (cached on disk) and runs it; see CudaCpuKernels.run. */
export async function runCudaCpuProgram(program: Program, options: ProgramRunOptions<never>): Promise<Map<string, Float32Array>> {
  return (await CudaCpuKernels.compile(programArtifacts(program))).run(program, options);
}
