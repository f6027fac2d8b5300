import type { KernelArtifact } from '../artifact.js';
import { foldGrid, type Grid } from '../launch.js';
import { planNeoCell, type NeoCellPlan } from '../plan/neocell-plan.js';
import type { KernelTarget } from '../targets/target.js';
import type { Program } from '../../schedule/program.js';

/**
 * A NeoCell program (schedule/neocell.ts) as launches whose grid and uniforms are functions of the batch size `n`,
 * for host code that runs the program at any batch (the PyTorch extension's launchers). The schedule computes
 * grids for one plan; here each dispatch's grid and uniforms are matched against a few closed forms, and a form is
 * kept only if it reproduces the schedule's own program at every batch in CHECK_BATCHES. A dispatch that fits none
 * is refused ("not supported"), so the launcher can never silently disagree with the schedule.
 */

/** How a grid follows the batch: fixed; z = n (NeoCell forward: y = channels, x = tiles); one thread per element over n·perImage elements, folded into x and y. */
export type BatchGrid =
  | { readonly kind: 'fixed'; readonly grid: Grid }
  | { readonly kind: 'z-batch'; readonly x: number; readonly y: number }
  | { readonly kind: 'elements'; readonly perImage: number; readonly workgroupSize: number; readonly maxPerDimension: number };

/** A uniform's value: a literal, or the batch size. */
export type BatchUniform = { readonly name: string; readonly value: number | 'batch' };

export interface BatchLaunch {
  readonly artifact: KernelArtifact;
  /** Buffer names in binding order (all bound at offset 0). */
  readonly buffers: readonly string[];
  readonly grid: BatchGrid;
  readonly uniforms: readonly BatchUniform[];
}

/** A program buffer: f32 elements per image when `perBatch` (activations), else in all (weights). */
export interface BatchBuffer {
  readonly name: string;
  readonly role: string;
  readonly elements: number;
  readonly perBatch: boolean;
  readonly label: string;
}

/** A program over batch `n`: its buffers with f32 elements per image, and its launches in order. */
export interface BatchProgram {
  readonly buffers: readonly BatchBuffer[];
  readonly launches: readonly BatchLaunch[];
}

/** Batches at which every derived form must reproduce the schedule (1 and a large one catch folding and constants). */
const CHECK_BATCHES = [1, 2, 3, 7, 64, 1000];

/** Grid of `g` at batch `n`: the C++ launcher computes exactly this. */
export function gridAt(g: BatchGrid, n: number): Grid {
  if (g.kind === 'fixed') return g.grid;
  if (g.kind === 'z-batch') return [g.x, g.y, n];
  return foldGrid(Math.ceil((n * g.perImage) / g.workgroupSize), g.maxPerDimension);
}

/**
 * `build(plan)` (neoCellForwardProgram or neoCellBackwardProgram) as a BatchProgram for plans over
 * `[n, C, H, W]`; throws "not supported" when a launch depends on the batch in a way no form above describes.
 */
export function batchProgram(
  inputShape: readonly number[], spec: NeoCellPlan['spec'], target: KernelTarget, build: (plan: NeoCellPlan, target: KernelTarget) => Program,
): BatchProgram {
  const [, c, h, w] = inputShape as [number, number, number, number];
  const programs = CHECK_BATCHES.map((n) => build(planNeoCell(spec, [n, c, h, w]), target));
  const base = programs[0]!;
  const buffers = base.buffers.map((b, j): BatchBuffer => ({
    name: b.name, role: b.role, elements: b.elements, perBatch: programs[1]!.buffers[j]!.elements === 2 * b.elements, label: b.label,
  }));
  const launches = base.dispatches.map((d, i): BatchLaunch => {
    const at = programs.map((p) => p.dispatches[i]!);
    if (at.some((x) => x.artifact.key !== d.artifact.key)) throw new Error(`not supported: the ${d.artifact.name} kernel changes with the batch size`);
    if (d.bindings.some((b) => b.offset !== 0)) throw new Error(`not supported: ${d.artifact.name} binds a buffer at an offset`);
    const grid = [...candidateGrids(d.grid, buffers.filter((b) => b.perBatch).map((b) => b.elements), d.artifact.workgroupSize, target)].find((g) =>
      at.every((x, k) => sameGrid(gridAt(g, CHECK_BATCHES[k]!), x.grid)));
    if (!grid) throw new Error(`not supported: the grid of ${d.artifact.name} follows the batch size in a way the launcher cannot compute`);
    const uniforms = d.artifact.uniforms.map(({ name }): BatchUniform => {
      const values = at.map((x) => x.uniforms[name]);
      if (values.every((v, k) => v === CHECK_BATCHES[k])) return { name, value: 'batch' };
      if (values.every((v) => v === values[0] && v !== undefined)) return { name, value: values[0]! };
      throw new Error(`not supported: the uniform ${name} of ${d.artifact.name} follows the batch size in a way the launcher cannot compute`);
    });
    return { artifact: d.artifact, buffers: d.bindings.map((b) => b.buffer), grid, uniforms };
  });
  // Buffers scale with the batch (a weight does not): check the per-image sizes at every batch too.
  for (const [k, p] of programs.entries()) {
    p.buffers.forEach((b, j) => {
      const { elements, perBatch } = buffers[j]!;
      if (b.elements !== (perBatch ? elements * CHECK_BATCHES[k]! : elements)) throw new Error(`not supported: buffer ${b.name} is not a per-image or a fixed size`);
    });
  }
  return { buffers, launches };
}

function* candidateGrids(grid: Grid, perImage: readonly number[], workgroupSize: number, target: KernelTarget): Generator<BatchGrid> {
  yield { kind: 'fixed', grid };
  yield { kind: 'z-batch', x: grid[0], y: grid[1] };
  // The schedule folds element-wise grids at the target's limit (elementwiseGrid).
  const maxPerDimension = target.limits.maxComputeWorkgroupsPerDimension;
  for (const elements of new Set(perImage)) yield { kind: 'elements', perImage: elements, workgroupSize, maxPerDimension };
}

const sameGrid = (a: Grid, b: Grid): boolean => a[0] === b[0] && a[1] === b[1] && a[2] === b[2];
