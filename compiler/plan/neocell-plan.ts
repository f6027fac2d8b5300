import { shiftSubgroupCount, type ChannelGroup } from '../spec/channel-group.js';
import { neoCellOutputShape, type NeoCellSpec, type Shape4 } from '../spec/neocell-spec.js';
import { blockPlacements, type BlockPlacement } from './block-layout.js';

/** Channels [channelStart, channelEnd) (absolute along C) whose matrix uses one shift offset. */
export interface ShiftSubgroup {
  readonly channelStart: number;
  readonly channelEnd: number;
  readonly offset: number;
  readonly blocks: readonly BlockPlacement[];
}

export interface GroupPlan {
  readonly index: number;
  readonly group: ChannelGroup;
  readonly channelStart: number;
  readonly channelEnd: number;
  /** A_c [outH, inH] from weight_a [hOut, hIn]: matrix rows follow hOut, columns hIn. */
  readonly a: readonly ShiftSubgroup[];
  /** B_c [inW, outW] from weight_b [wIn, wOut]: matrix rows follow wIn, columns wOut. */
  readonly b: readonly ShiftSubgroup[];
}

/** Everything the kernels need to know about one NeoCell at one input shape. Immutable. */
export interface NeoCellPlan {
  readonly spec: NeoCellSpec;
  readonly inputShape: Shape4;
  readonly outputShape: Shape4;
  readonly groups: readonly GroupPlan[];
}

/** Validates `spec` against `inputShape` [N, C, H, W] and lays out shift sub-groups and blocks. */
export function planNeoCell(spec: NeoCellSpec, inputShape: readonly number[]): NeoCellPlan {
  const outputShape = neoCellOutputShape(spec, inputShape);
  const [, , inH, inW] = inputShape as Shape4;
  const [, , outH, outW] = outputShape;
  let channelStart = 0;
  const groups = spec.groups.map((group, index): GroupPlan => {
    const start = channelStart;
    channelStart += group.channels;
    return Object.freeze({
      index,
      group,
      channelStart: start,
      channelEnd: channelStart,
      a: shiftSubgroups(start, group.channels, group.shiftA, outH, inH, group.hOut, group.hIn),
      b: shiftSubgroups(start, group.channels, group.shiftB, inW, outW, group.wIn, group.wOut),
    });
  });
  return Object.freeze({ spec, inputShape: [...inputShape] as unknown as Shape4, outputShape, groups: Object.freeze(groups) });
}

/**
 * Splits a group's channels into floor((k-1)/s)+1 sub-groups of floor(channels/num) channels, the last taking the
 * remainder; sub-group g uses offset g*s (upstream `get_matrices_forward`).
 */
function shiftSubgroups(
  groupStart: number, channels: number, shift: number,
  matRows: number, matCols: number, kRows: number, kCols: number,
): ShiftSubgroup[] {
  const count = shiftSubgroupCount(kRows, shift);
  const size = Math.floor(channels / count);
  const subgroups: ShiftSubgroup[] = [];
  for (let g = 0; g < count; g++) {
    const end = g === count - 1 ? channels : (g + 1) * size;
    const offset = g * shift;
    subgroups.push(Object.freeze({
      channelStart: groupStart + g * size,
      channelEnd: groupStart + end,
      offset,
      blocks: Object.freeze(blockPlacements(matRows, matCols, kRows, kCols, offset)),
    }));
  }
  return subgroups;
}

/** Useful multiply-accumulates of the block-aware forward (T = X·B, then Y = A·T), counting only real blocks. */
export function neoCellForwardMacs(plan: NeoCellPlan): number {
  const [n, , inH] = plan.inputShape;
  const [, , , outW] = plan.outputShape;
  let macs = 0;
  for (const group of plan.groups) {
    for (const sub of group.b) {
      const perChannel = sub.blocks.reduce((s, b) => s + b.rows * b.cols, 0) * inH;
      macs += perChannel * (sub.channelEnd - sub.channelStart);
    }
    for (const sub of group.a) {
      const perChannel = sub.blocks.reduce((s, b) => s + b.rows * b.cols, 0) * outW;
      macs += perChannel * (sub.channelEnd - sub.channelStart);
    }
  }
  return macs * n;
}

/** For one absolute channel: its group and the shift sub-groups that build its A and B matrices. */
export interface ChannelLayout {
  readonly group: GroupPlan;
  /** Index of the channel inside its group's weight tensors. */
  readonly local: number;
  readonly a: ShiftSubgroup;
  readonly b: ShiftSubgroup;
}

/** Per-channel lookup table over the plan (length C). */
export function channelLayouts(plan: NeoCellPlan): ChannelLayout[] {
  const layouts: ChannelLayout[] = [];
  for (const group of plan.groups) {
    for (let c = group.channelStart; c < group.channelEnd; c++) {
      const within = (s: ShiftSubgroup): boolean => c >= s.channelStart && c < s.channelEnd;
      layouts.push({ group, local: c - group.channelStart, a: group.a.find(within)!, b: group.b.find(within)! });
    }
  }
  return layouts;
}
