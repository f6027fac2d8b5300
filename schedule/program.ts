import type { KernelArtifact } from '../compiler/artifact.js';
import { NeoccError } from '../compiler/errors.js';
import type { Grid, Launch, UniformValues } from '../compiler/launch.js';
import type { ModuleObserver } from '../nn/reference/neonext.js';

/**
 * A program: what one call of a runtime executes, as data. The schedule (this folder) builds programs from a
 * NeoCell plan or a NeoNeXt config and a target's kernels; each runtime (runtime/webgpu, runtime/wasm) executes
 * any program the same way: make its buffers, bind each dispatch's buffers in binding order, launch, read the
 * outputs. Runtimes hold no model knowledge of their own (docs/ARCHITECTURE.md, "Schedule").
 */

/**
 * How a runtime provides a buffer: `input` (filled from the caller's data), `weight` (filled once per model from
 * a WeightTensor of the same name), `activation` (scratch the program writes before it reads), `output` (read back).
 */
export type BufferRole = 'input' | 'weight' | 'activation' | 'output';

export interface ProgramBuffer {
  readonly name: string;
  readonly role: BufferRole;
  /** f32 elements. */
  readonly elements: number;
  /** What it holds, for error messages and GPU debugging labels. */
  readonly label: string;
}

/** A dispatch's view of a buffer: from `offset` f32 elements into it (per-image launches on CPU targets). */
export interface BufferBinding {
  readonly buffer: string;
  readonly offset: number;
}

export interface Dispatch {
  readonly artifact: KernelArtifact;
  /** One per storage binding of the artifact, in binding order. */
  readonly bindings: readonly BufferBinding[];
  readonly grid: Grid;
  readonly uniforms: UniformValues;
  /** See Launch.splitGranule (CPU threads only). */
  readonly splitGranule?: number;
}

/** A tensor a caller may observe: `buffer`'s first elements as `shape`, once the first `after` dispatches ran. */
export interface Observation {
  readonly module: string;
  readonly after: number;
  readonly buffer: string;
  readonly shape: readonly number[];
}

export interface Program {
  readonly buffers: readonly ProgramBuffer[];
  readonly dispatches: readonly Dispatch[];
  readonly observations: readonly Observation[];
}

/** A weight buffer's contents, in the layout the kernels read (transposed, packed in panels, concatenated). */
export interface WeightTensor {
  readonly name: string;
  readonly label: string;
  readonly data: Float32Array;
}

/** What a program needs to know of a weight: its name, size and label (not its data, which a runtime placed). */
export interface WeightDeclaration {
  readonly name: string;
  readonly label: string;
  readonly elements: number;
}

export function weightDeclarations(weights: readonly WeightTensor[]): WeightDeclaration[] {
  return weights.map((w) => ({ name: w.name, label: w.label, elements: w.data.length }));
}

/** How a caller runs a program on a runtime whose buffers are `B` (GPUBuffers, linear-memory addresses). */
export interface ProgramRunOptions<B> {
  /** Data of the program's `input` buffers (and of `weight` buffers not in `resident`), by name. */
  readonly data: Readonly<Record<string, Float32Array>>;
  /** Buffers the caller keeps between runs (a model's weights, per-batch activations); others live for one run. */
  readonly resident?: ReadonlyMap<string, B>;
  /** Fill activation and output buffers with NaN first, so an element no kernel writes cannot pass a test. */
  readonly poison?: boolean;
  /** Copies of observable buffers (Program.observations) as they are at that point of the program. */
  readonly observe?: ModuleObserver | undefined;
  /**
   * Called after each dispatch with its wall time in ms (CPU runtimes, whose launches return when done; a profile,
   * not the normal path: the timing adds two clock reads per dispatch).
   */
  readonly onDispatchTimed?: ((index: number, dispatch: Dispatch, ms: number) => void) | undefined;
}

/** The module (an Observation's name: 'stem', 'stage_1', …) that dispatch `index` of `program` belongs to. */
export function dispatchModule(program: Program, index: number): string {
  return program.observations.find((o) => o.after > index)?.module ?? 'unobserved';
}

/** Builds a program buffer by buffer and dispatch by dispatch, checking each dispatch against its artifact. */
export class ProgramBuilder {
  private readonly buffers = new Map<string, ProgramBuffer>();
  private readonly dispatches: Dispatch[] = [];
  private readonly observations: Observation[] = [];

  /** Declares a buffer (once per name; a weight's elements come from its tensor) and returns its name. */
  buffer(name: string, role: BufferRole, elements: number, label = name): string {
    if (this.buffers.has(name)) throw new NeoccError('bad-schedule', `program buffer "${name}" declared twice`);
    if (!Number.isSafeInteger(elements) || elements < 0) throw new NeoccError('bad-schedule', `program buffer "${name}": ${elements} elements`);
    this.buffers.set(name, { name, role, elements, label });
    return name;
  }

  /** Declares every weight as a `weight` buffer. */
  weights(weights: readonly (WeightTensor | WeightDeclaration)[]): void {
    for (const w of weights) this.buffer(w.name, 'weight', 'data' in w ? w.data.length : w.elements, w.label);
  }

  dispatch(artifact: KernelArtifact, buffers: readonly (string | BufferBinding)[], launch: Launch): void {
    const storage = artifact.bindings.filter((b) => b.kind !== 'uniform').length;
    if (buffers.length !== storage) throw new NeoccError('bad-schedule', `${artifact.name}: ${buffers.length} buffers for ${storage} storage bindings`);
    const bindings = buffers.map((b) => (typeof b === 'string' ? { buffer: b, offset: 0 } : b));
    for (const b of bindings) if (!this.buffers.has(b.buffer)) throw new NeoccError('bad-schedule', `${artifact.name}: buffer "${b.buffer}" is not declared`);
    this.dispatches.push({ artifact, bindings, grid: launch.grid, uniforms: launch.uniforms, ...(launch.splitGranule ? { splitGranule: launch.splitGranule } : {}) });
  }

  /** Marks `buffer` as observable (module output) after the dispatches recorded so far. */
  observe(module: string, buffer: string, shape: readonly number[]): void {
    this.observations.push({ module, after: this.dispatches.length, buffer, shape });
  }

  build(): Program {
    return Object.freeze({ buffers: [...this.buffers.values()], dispatches: [...this.dispatches], observations: [...this.observations] });
  }
}

/** The distinct artifacts a program dispatches, in first-use order (what a runtime compiles up front). */
export function programArtifacts(program: Program): KernelArtifact[] {
  const byKey = new Map<string, KernelArtifact>();
  for (const d of program.dispatches) if (!byKey.has(d.artifact.key)) byKey.set(d.artifact.key, d.artifact);
  return [...byKey.values()];
}

export function programBuffer(program: Program, name: string): ProgramBuffer {
  const buffer = program.buffers.find((b) => b.name === name);
  if (!buffer) throw new NeoccError('bad-schedule', `the program has no buffer "${name}"`);
  return buffer;
}
