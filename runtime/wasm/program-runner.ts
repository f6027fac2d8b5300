import { NeoccError } from '../../compiler/errors.js';
import type { Program, ProgramRunOptions, WeightTensor } from '../../schedule/program.js';
import { Tensor } from '../../nn/tensor.js';
import type { LinearMemory } from './linear-memory.js';
import type { WasmKernelRunner } from './wasm-kernels.js';


/** Copies weight tensors into `memory` (each 64-byte aligned by the allocator); their addresses by name. */
export function placeWeights(memory: LinearMemory, weights: readonly WeightTensor[]): Map<string, number> {
  return new Map(weights.map((w) => [w.name, memory.put(w.data)]));
}

/**
 * Executes a program (schedule/program.ts) on WebAssembly: allocates its non-resident buffers in `runner`'s memory
 * (bump allocation: the caller resets the memory afterwards), runs every dispatch in order on the runner's threads,
 * and returns the `output` buffers, copied out, by name. Resident buffers are byte addresses in that memory.
 */
export async function runWasmProgram(runner: WasmKernelRunner, program: Program, options: ProgramRunOptions<number>): Promise<Map<string, Float32Array>> {
  const memory = runner.memory;
  const pointers = new Map<string, number>();
  for (const b of program.buffers) {
    const resident = options.resident?.get(b.name);
    if (resident !== undefined) {
      pointers.set(b.name, resident);
    } else if (b.role === 'input' || b.role === 'weight') {
      const data = options.data[b.name];
      if (!data || data.length !== b.elements) throw new NeoccError('bad-launch', `program input "${b.name}": ${data ? `${data.length} elements` : 'missing'}, expected ${b.elements}`);
      pointers.set(b.name, memory.put(data));
    } else {
      pointers.set(b.name, memory.output(b.elements, options.poison ?? false));
    }
  }
  const observeAt = (done: number): void => {
    if (!options.observe) return;
    for (const o of program.observations) {
      if (o.after === done) options.observe(o.module, new Tensor(o.shape, memory.read(pointers.get(o.buffer)!, o.shape.reduce((p, d) => p * d, 1))));
    }
  };
  observeAt(0);
  const timed = options.onDispatchTimed;
  await runner.prepare(program.dispatches.map((d) => d.artifact));
  const launches = program.dispatches.map((d) => ({ ...d, pointers: d.bindings.map((b) => pointers.get(b.buffer)! + 4 * b.offset) }));
  if (!timed && !options.observe) {
    // The whole program as one list: the threads go from dispatch to dispatch without coming back here.
    runner.launchAll(launches);
  } else {
    for (const [i, l] of launches.entries()) {
      const started = timed ? performance.now() : 0;
      runner.launchAll([l]);
      timed?.(i, program.dispatches[i]!, performance.now() - started);
      observeAt(i + 1);
    }
  }
  return new Map(program.buffers.filter((b) => b.role === 'output').map((b) => [b.name, memory.read(pointers.get(b.name)!, b.elements)]));
}
