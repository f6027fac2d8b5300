import { spawn } from 'node:child_process';
import { NeoccError } from '../../compiler/errors.js';
import type { Program, ProgramRunOptions } from '../../schedule/program.js';
import { Tensor } from '../../nn/tensor.js';
import { decodeReads, encodeRun, type ProgramRead } from './protocol.js';

/** What one run of a CUDA kernel binary gave: the `output` buffers by name, and the binary's own timing if it has one. */
export interface BinaryRun {
  readonly outputs: Map<string, Float32Array>;
  /** Milliseconds the binary measured (the GPU flavour appends them to its output); undefined for cuda-cpu. */
  readonly ms?: number;
}

/**
 * Executes `program` in a child process of `binary` (either flavour of runtime/cuda-common/source.ts): inputs from
 * `options.data`, activations and outputs NaN when `poison`, observations passed to `options.observe`. The process
 * holds all buffers, so nothing can be resident between runs. `timed`: the binary writes one f32 (ms) after the reads.
 */
export async function runKernelBinary(
  binary: string, kernelIndex: ReadonlyMap<string, number>, program: Program, options: ProgramRunOptions<never>,
  runtime: string, timed: boolean,
): Promise<BinaryRun> {
  if (options.resident && options.resident.size > 0) throw new NeoccError('not-supported', `not supported: resident buffers on ${runtime} (each run is one process)`);
  const size = (shape: readonly number[]): number => shape.reduce((p, d) => p * d, 1);
  const observed = options.observe ? program.observations : [];
  const outputs = program.buffers.filter((b) => b.role === 'output');
  const reads: (ProgramRead & { module?: string; shape?: readonly number[] })[] = [
    ...observed.map((o) => ({ after: o.after, buffer: o.buffer, elements: size(o.shape), module: o.module, shape: o.shape })),
    ...outputs.map((b) => ({ after: program.dispatches.length, buffer: b.name, elements: b.elements })),
  ];
  // The binary copies reads out as it goes, so they are sent in program order (stable: observations first).
  const ordered = reads.map((r, i) => ({ r, i })).sort((a, b) => a.r.after - b.r.after || a.i - b.i).map(({ r }) => r);
  const input = encodeRun(program, options.data, options.poison ?? false, kernelIndex, ordered, runtime);
  let bytes = await execute(binary, input, runtime);
  let ms: number | undefined;
  if (timed) {
    if (bytes.byteLength < 4) throw new NeoccError('bad-launch', `${runtime}: the binary wrote ${bytes.byteLength} bytes, no timing`);
    ms = new DataView(bytes.buffer, bytes.byteOffset + bytes.byteLength - 4, 4).getFloat32(0, true);
    bytes = bytes.subarray(0, bytes.byteLength - 4);
  }
  const data = decodeReads(bytes, ordered, runtime);
  const result = new Map<string, Float32Array>();
  ordered.forEach((r, i) => {
    if (r.module !== undefined) options.observe?.(r.module, new Tensor(r.shape!, data[i]!));
    else result.set(r.buffer, data[i]!);
  });
  return ms === undefined ? { outputs: result } : { outputs: result, ms };
}

function execute(binary: string, input: Uint8Array, runtime: string): Promise<Uint8Array> {
  return new Promise((done, fail) => {
    const child = spawn(binary, [], { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('error', fail);
    child.on('close', (code, signal) => {
      if (code === 0) done(new Uint8Array(Buffer.concat(out)));
      else fail(new NeoccError('kernel-failed', `${runtime}: the kernel binary ${signal ? `was killed by ${signal}` : `exited with ${String(code)}`}: ${Buffer.concat(err).toString().trim().slice(0, 2000)}`));
    });
    child.stdin.on('error', () => { /* the close handler reports the failure */ });
    child.stdin.end(input);
  });
}
