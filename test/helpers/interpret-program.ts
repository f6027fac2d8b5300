import { kernelIR } from '../../compiler/artifact.js';
import { runKernel } from '../../compiler/ir/interpret.js';
import type { Program, ProgramRunOptions } from '../../schedule/program.js';
import { Tensor } from '../../nn/tensor.js';

/**
 * A third runtime, for tests: executes a program (schedule/program.ts) with the IR interpreter on the IR each
 * dispatch's artifact was rendered from — the same program the WebGPU and wasm runtimes run, with no target at all.
 * Activation and output buffers start as NaN. Returns the `output` buffers by name.
 */
export function interpretProgram(program: Program, options: Omit<ProgramRunOptions<Float32Array>, 'poison'>): Map<string, Float32Array> {
  const arrays = new Map<string, Float32Array>();
  for (const b of program.buffers) {
    const given = options.resident?.get(b.name) ?? (b.role === 'input' || b.role === 'weight' ? options.data[b.name] : undefined);
    if ((b.role === 'input' || b.role === 'weight') && given?.length !== b.elements) throw new Error(`interpretProgram: "${b.name}" needs ${b.elements} elements`);
    arrays.set(b.name, given ?? new Float32Array(b.elements).fill(Number.NaN));
  }
  const observeAt = (done: number): void => {
    for (const o of program.observations) {
      if (o.after === done) options.observe?.(o.module, new Tensor(o.shape, arrays.get(o.buffer)!.slice(0, o.shape.reduce((p, d) => p * d, 1))));
    }
  };
  observeAt(0);
  program.dispatches.forEach((d, i) => {
    const ir = kernelIR(d.artifact);
    if (!ir) throw new Error(`interpretProgram: no IR for ${d.artifact.name} (made in another process?)`);
    const buffers = Object.fromEntries(ir.buffers.map((b, k) => [b.name, arrays.get(d.bindings[k]!.buffer)!.subarray(d.bindings[k]!.offset)]));
    runKernel(ir, { buffers, uniforms: d.uniforms, grid: [d.grid[0], d.grid[1], d.grid[2]] });
    observeAt(i + 1);
  });
  return new Map(program.buffers.filter((b) => b.role === 'output').map((b) => [b.name, arrays.get(b.name)!]));
}
