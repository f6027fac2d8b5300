import {
  compileDenseMatmul, denseGrid, denseTileCandidates, denseTileText, type DenseMatmulStep, type DenseTile,
} from '../kernels/baselines/dense-matmul.js';
import type { GpuContext } from '../runtime/webgpu/gpu-context.js';
import type { PipelineCache } from '../runtime/webgpu/pipeline-cache.js';
import { prepareDispatch, type PreparedDispatch } from './dispatch.js';
import type { GpuTimer } from './timing.js';

/** The dense matmul kernel picked for one step, with what every candidate measured (evidence for the JSON). */
export interface DenseChoice {
  readonly tile: DenseTile;
  readonly dispatch: PreparedDispatch;
  /** Best-of-runs µs per candidate, keyed by its description. */
  readonly candidatesUs: Readonly<Record<string, number>>;
}

const TUNE_ROUNDS = 3;

/**
 * Times every candidate tile for `step` on this device (one warm-up round, best of the rest) and keeps the fastest,
 * so the dense baseline is the best of a few well-tiled kernels — what a tuned library would run — not a strawman.
 */
export async function tuneDenseStep(
  ctx: GpuContext, pipelines: PipelineCache, timer: GpuTimer, step: DenseMatmulStep, operands: readonly [GPUBuffer, GPUBuffer, GPUBuffer],
): Promise<DenseChoice> {
  const tiles = denseTileCandidates(step.m, step.n);
  const dispatches = await Promise.all(tiles.map((tile) =>
    prepareDispatch(ctx, pipelines, compileDenseMatmul(tile, ctx.target), operands, step.uniforms, denseGrid(step, tile))));
  const best = tiles.map(() => Infinity);
  for (let r = 0; r < TUNE_ROUNDS; r++) {
    const ns = await timer.round(dispatches.map((d) => ({ dispatches: [d], reps: 1 })));
    if (r > 0) ns.forEach((t, i) => { best[i] = Math.min(best[i]!, t); });
  }
  const winner = best.indexOf(Math.min(...best));
  return {
    tile: tiles[winner]!,
    dispatch: dispatches[winner]!,
    candidatesUs: Object.fromEntries(tiles.map((t, i) => [denseTileText(t), Math.round(best[i]! / 100) / 10])),
  };
}
