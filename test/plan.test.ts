import { describe, expect, it } from 'vitest';
import { blockPlacements } from '../compiler/plan/block-layout.js';
import { channelLayouts, neoCellForwardMacs, planNeoCell } from '../compiler/plan/neocell-plan.js';
import { parseNeoCellSpec, specFromCode } from '../compiler/spec/neocell-spec.js';

describe('block placements', () => {
  it('puts the kernel bottom-right corner top-left, then full blocks from the offset, truncating the last', () => {
    // k = 4, offset 1, a 10x10 matrix: corner 1x1 from kernel[3][3], blocks at 1 and 5, then a 1x1 remnant at 9.
    expect(blockPlacements(10, 10, 4, 4, 1)).toEqual([
      { row0: 0, col0: 0, kRow0: 3, kCol0: 3, rows: 1, cols: 1 },
      { row0: 1, col0: 1, kRow0: 0, kCol0: 0, rows: 4, cols: 4 },
      { row0: 5, col0: 5, kRow0: 0, kCol0: 0, rows: 4, cols: 4 },
      { row0: 9, col0: 9, kRow0: 0, kCol0: 0, rows: 1, cols: 1 },
    ]);
  });

  it('lays out rectangular down- and up-sampling kernels without offset', () => {
    // A for h 2→1 over H = 7: [3, 7], blocks 1x2 at (i, 2i); the 7th column is never read (floor).
    expect(blockPlacements(3, 7, 1, 2, 0).map((b) => [b.row0, b.col0, b.rows, b.cols])).toEqual([[0, 0, 1, 2], [1, 2, 1, 2], [2, 4, 1, 2]]);
    // B for w 1→2 over W = 3: [3, 6], blocks 1x2.
    expect(blockPlacements(3, 6, 1, 2, 0).map((b) => [b.row0, b.col0])).toEqual([[0, 0], [1, 2], [2, 4]]);
  });
});

describe('NeoCell plan', () => {
  it('splits a shifted group into floor((k-1)/s)+1 sub-groups, the last taking the remainder', () => {
    const plan = planNeoCell(parseNeoCellSpec([{ kernel: 4, channels: 10, shift: 1 }]), [1, 10, 12, 12]);
    const a = plan.groups[0]!.a;
    expect(a.map((s) => [s.channelStart, s.channelEnd, s.offset])).toEqual([[0, 2, 0], [2, 4, 1], [4, 6, 2], [6, 10, 3]]);
    const k7s2 = planNeoCell(parseNeoCellSpec([{ kernel: 7, channels: 9, shift: 2 }]), [1, 9, 14, 14]);
    expect(k7s2.groups[0]!.b.map((s) => s.offset)).toEqual([0, 2, 4, 6]);
    expect(k7s2.groups[0]!.b.map((s) => s.channelEnd - s.channelStart)).toEqual([2, 2, 2, 3]);
  });

  it('uses separate sub-groups for A and B when shift_a and shift_b differ', () => {
    const g = planNeoCell(parseNeoCellSpec([{ kernel: 5, channels: 10, shift_a: 1, shift_b: 2 }]), [1, 10, 10, 10]).groups[0]!;
    expect(g.a.map((s) => s.offset)).toEqual([0, 1, 2, 3, 4]);
    expect(g.b.map((s) => s.offset)).toEqual([0, 2, 4]);
  });

  it('maps every channel to its group, local index and sub-groups', () => {
    const plan = planNeoCell(specFromCode('4+7', 24, 1), [1, 24, 28, 28]);
    const layouts = channelLayouts(plan);
    expect(layouts).toHaveLength(24);
    expect(layouts[13]!.group.index).toBe(1);
    expect(layouts[13]!.local).toBe(1);
    // group 1: k = 7, shift 1 → 7 sub-groups of floor(12 / 7) = 1 channel, the last taking 6.
    expect(layouts[13]!.a.offset).toBe(1);
    expect(layouts[17]!.a.offset).toBe(5);
    expect(layouts[18]!.a.offset).toBe(6);
    expect(layouts[23]!.a.offset).toBe(6);
  });

  it('counts the useful block MACs: (k_a + k_b) per output pixel for square kernels that tile exactly', () => {
    const plan = planNeoCell(parseNeoCellSpec([{ kernel: 4, channels: 8 }]), [2, 8, 12, 12]);
    expect(neoCellForwardMacs(plan)).toBe(2 * 8 * 12 * 12 * (4 + 4));
  });
});
