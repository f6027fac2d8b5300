import { spawn } from 'node:child_process';
import type { KernelArtifact } from '../../compiler/artifact.js';
import { NeoccError } from '../../compiler/errors.js';
import { programArtifacts, type Program, type ProgramRunOptions } from '../../schedule/program.js';
import { Tensor } from '../../nn/tensor.js';
import { compileCudaCpu } from './compile.js';
import { decodeReads, encodeRun, type ProgramRead } from './protocol.js';
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
    if (options.resident && options.resident.size > 0) throw new NeoccError('not-supported', 'not supported: resident buffers on cuda-cpu (each run is one process)');
    const size = (shape: readonly number[]): number => shape.reduce((p, d) => p * d, 1);
    const observed = options.observe ? program.observations : [];
    const outputs = program.buffers.filter((b) => b.role === 'output');
    const reads: (ProgramRead & { module?: string; shape?: readonly number[] })[] = [
      ...observed.map((o) => ({ after: o.after, buffer: o.buffer, elements: size(o.shape), module: o.module, shape: o.shape })),
      ...outputs.map((b) => ({ after: program.dispatches.length, buffer: b.name, elements: b.elements })),
    ];
    // The binary copies reads out as it goes, so they are sent in program order (stable: observations first).
    const ordered = reads.map((r, i) => ({ r, i })).sort((a, b) => a.r.after - b.r.after || a.i - b.i).map(({ r }) => r);
    const input = encodeRun(program, options.data, options.poison ?? false, this.index, ordered);
    const data = decodeReads(await this.execute(input), ordered);
    const result = new Map<string, Float32Array>();
    ordered.forEach((r, i) => {
      if (r.module !== undefined) options.observe?.(r.module, new Tensor(r.shape!, data[i]!));
      else result.set(r.buffer, data[i]!);
    });
    return result;
  }

  private execute(input: Uint8Array): Promise<Uint8Array> {
    return new Promise((done, fail) => {
      const child = spawn(this.binary, [], { stdio: ['pipe', 'pipe', 'pipe'] });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      child.stdout.on('data', (c: Buffer) => out.push(c));
      child.stderr.on('data', (c: Buffer) => err.push(c));
      child.on('error', fail);
      child.on('close', (code, signal) => {
        if (code === 0) done(new Uint8Array(Buffer.concat(out)));
        else fail(new NeoccError('kernel-failed', `cuda-cpu: the kernel binary ${signal ? `was killed by ${signal}` : `exited with ${String(code)}`}: ${Buffer.concat(err).toString().trim().slice(0, 2000)}`));
      });
      child.stdin.on('error', () => { /* the close handler reports the failure */ });
      child.stdin.end(input);
    });
  }
}

/** Compiles `program`'s kernels (cached on disk) and runs it; see CudaCpuKernels.run. */
export async function runCudaCpuProgram(program: Program, options: ProgramRunOptions<never>): Promise<Map<string, Float32Array>> {
  return (await CudaCpuKernels.compile(programArtifacts(program))).run(program, options);
}
