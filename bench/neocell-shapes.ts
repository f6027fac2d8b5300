import type { NeoCellPlan } from '../compiler/plan/neocell-plan.js';
import { blockPlan, downsamplePlan, releasedConfig, STAGE_COUNT } from '../compiler/spec/model-config.js';

/** One benchmarked NeoCell: an id for `--shapes`, a readable label and its plan (batch 1). */
export interface BenchShape {
  /** e.g. `t224-s1` (stage-1 block NeoCell) or `t224-d2` (downsample into stage 2). */
  readonly id: string;
  readonly label: string;
  readonly plan: NeoCellPlan;
}

function modelShapes(arch: 'neonext-t' | 'neonext-b', resolution: 224 | 384, stages: readonly number[], downsamples: boolean): BenchShape[] {
  const config = releasedConfig(arch, resolution);
  const prefix = `${arch.slice(-1)}${resolution}`;
  const shapes: BenchShape[] = [];
  for (const s of stages) {
    const plan = blockPlan(config, s, 1);
    const [, c, h, w] = plan.inputShape;
    shapes.push({ id: `${prefix}-s${s + 1}`, label: `${arch}-${resolution} stage ${s + 1}: ${config.kernelSpecs[s]} shift ${config.shifts[s]}, ${c}x${h}x${w}`, plan });
  }
  if (downsamples) {
    for (let s = 1; s < STAGE_COUNT; s++) {
      const plan = downsamplePlan(config, s, 1);
      const [, c, h, w] = plan.inputShape;
      shapes.push({ id: `${prefix}-d${s}`, label: `${arch}-${resolution} downsample ${s}: 2x2→1x1, ${c}x${h}x${w}`, plan });
    }
  }
  return shapes;
}

/**
 * Every NeoCell of NeoNeXt-T at 224 and 384 (four stage blocks, three downsamples) and stage 1 of NeoNeXt-B-224.
 * The id `t224-s1` is the headline shape (96 channels, 56x56, "4+7", shift 1).
 */
export function benchShapes(): BenchShape[] {
  return [
    ...modelShapes('neonext-t', 224, [0, 1, 2, 3], true),
    ...modelShapes('neonext-t', 384, [0, 1, 2, 3], true),
    ...modelShapes('neonext-b', 224, [0], false),
  ];
}

/** Keeps shapes whose id starts with one of the comma-separated filters (`t224`, `t224-s1,b224`); all if empty. */
export function selectShapes(shapes: readonly BenchShape[], filter: string | undefined): BenchShape[] {
  const wanted = (filter ?? '').split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  const chosen = wanted.length === 0 ? [...shapes] : shapes.filter((s) => wanted.some((w) => s.id.startsWith(w)));
  if (chosen.length === 0) throw new Error(`--shapes ${filter}: no shape matches; ids are ${shapes.map((s) => s.id).join(', ')}`);
  return chosen;
}
