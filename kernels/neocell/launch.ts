import { foldGrid, type Grid, type UniformValues } from '../../compiler/launch.js';
import { channelLayouts, type NeoCellPlan } from '../../compiler/plan/neocell-plan.js';
import type { Tiling } from './compile.js';
import { GENERIC_CFG_FIELDS } from './channel-params.js';


export function shapeUniforms(plan: NeoCellPlan): UniformValues {
  const [batch, , inH, inW] = plan.inputShape;
  const [, , outH, outW] = plan.outputShape;
  return { batch, in_h: inH, in_w: inW, out_h: outH, out_w: outW };
}

/** Most A blocks any channel has: the shared-t kernel's band count. */
export function maxABlocks(plan: NeoCellPlan): number {
  return Math.max(...plan.groups.flatMap((g) => g.a.map((s) => s.blocks.length)));
}

/** Most output blocks (A placements × B placements) any channel has: the block kernel's invocations per channel. */
export function maxOutputBlocks(plan: NeoCellPlan): number {
  return Math.max(...channelLayouts(plan).map((l) => l.a.blocks.length * l.b.blocks.length));
}

/**
 * Whether a block kernel (tiling kind `blocks`; the shared-t kernel never packs) should pack several channels per workgroup at this shape: when a channel has at most a
 * quarter of a workgroup of output blocks, most invocations of a one-channel workgroup would idle. Measured on
 * lavapipe (bench:neocell): packing 7x7 planes (4 blocks per channel) was 2.5x faster, while packing 14x14 planes
 * (25 blocks, two channels per workgroup) was slower — the weights stop being uniform loads.
 */
export function shouldPackChannels(plan: NeoCellPlan, tiling: Tiling): boolean {
  return tiling.kind === 'blocks' && 4 * maxOutputBlocks(plan) <= tiling.workgroupSize;
}

/**
 * Forward launch for a kernel tiled as `tiling` (from the artifact's `baked`): y = C and z = N always;
 * x = output blocks / workgroup (block kernel) or A bands × column tiles (shared-t kernel).
 */
export function forwardLaunch(plan: NeoCellPlan, tiling: Tiling, generic: boolean, packChannels = false): { grid: Grid; uniforms: UniformValues } {
  const [batch, channels] = plan.inputShape;
  if (tiling.kind === 'blocks' && packChannels) {
    const slotTiles = maxOutputBlocks(plan);
    if (slotTiles > tiling.workgroupSize) throw new RangeError(`channel packing needs at most ${tiling.workgroupSize} output blocks per channel, the plan has ${slotTiles}`);
    const slots = Math.floor(tiling.workgroupSize / slotTiles);
    return { grid: [1, Math.ceil(channels / slots), batch], uniforms: { ...shapeUniforms(plan), slot_tiles: slotTiles } };
  }
  if (tiling.kind === 'blocks') {
    return { grid: [Math.ceil(maxOutputBlocks(plan) / tiling.workgroupSize), channels, batch], uniforms: shapeUniforms(plan) };
  }
  const colTiles = Math.ceil(plan.outputShape[3] / tiling.tileWidth);
  return {
    grid: [maxABlocks(plan) * colTiles, channels, batch],
    uniforms: { ...shapeUniforms(plan), col_tiles: colTiles, ...(generic ? { channels } : {}) },
  };
}

/** Grid for element-wise kernels over `elements`, folded into 2D to stay under the per-dimension limit. */
export function elementwiseGrid(elements: number, workgroupSize: number, maxPerDimension: number): Grid {
  return foldGrid(Math.ceil(elements / workgroupSize), maxPerDimension);
}

/** The generic kernel's per-channel table (GENERIC_CFG_FIELDS per channel), derived from the plan. */
export function genericChannelTable(plan: NeoCellPlan): Uint32Array {
  const fields = GENERIC_CFG_FIELDS.length;
  const table = new Uint32Array(plan.spec.channels * fields);
  let waBase = 0;
  let wbBase = 0;
  for (const { group: g, a, b, channelStart } of plan.groups) {
    a.forEach((sub) => {
      for (let c = sub.channelStart; c < sub.channelEnd; c++) table[c * fields + 4] = sub.offset;
    });
    b.forEach((sub) => {
      for (let c = sub.channelStart; c < sub.channelEnd; c++) table[c * fields + 5] = sub.offset;
    });
    for (let local = 0; local < g.channels; local++) {
      const row = (channelStart + local) * fields;
      table.set([g.hIn, g.hOut, g.wIn, g.wOut], row);
      table[row + 6] = waBase + local * g.hOut * g.hIn;
      table[row + 7] = wbBase + local * g.wIn * g.wOut;
    }
    waBase += g.channels * g.hOut * g.hIn;
    wbBase += g.channels * g.wIn * g.wOut;
  }
  return table;
}
