import { add, div, load, lt, min, mul, sub, u32, uniform, type BlockBuilder } from '../../compiler/ir/build.js';
import type { Expr } from '../../compiler/ir/ir.js';
import { shiftSubgroupCount, type ChannelGroup } from '../../compiler/spec/channel-group.js';
import type { NeoCellSpec } from '../../compiler/spec/neocell-spec.js';
import type { MatrixLayoutIR } from './matrix-layout-ir.js';

/** Spatial sizes as kernel expressions: run-time uniforms, so one kernel serves every resolution and batch. */
export interface PlaneShape {
  readonly inH: Expr;
  readonly inW: Expr;
  readonly outH: Expr;
  readonly outW: Expr;
}

export const SHAPE_UNIFORMS = [
  { name: 'batch', type: 'u32' },
  { name: 'in_h', type: 'u32' },
  { name: 'in_w', type: 'u32' },
  { name: 'out_h', type: 'u32' },
  { name: 'out_w', type: 'u32' },
] as const;

export const planeShape = (): PlaneShape => ({
  inH: uniform('in_h'), inW: uniform('in_w'), outH: uniform('out_h'), outW: uniform('out_w'),
});

/** Everything a NeoCell kernel needs to know about channel `c`: its two matrices and where its kernels live. */
export interface ChannelParams {
  /** A_c [outH, inH] from weight_a [hOut, hIn]. */
  readonly a: MatrixLayoutIR;
  /** B_c [inW, outW] from weight_b [wIn, wOut]. */
  readonly b: MatrixLayoutIR;
  /** Element offsets of this channel's weight_a / weight_b kernels in the concatenated weight buffers. */
  readonly waBase: Expr;
  readonly wbBase: Expr;
}

/**
 * How kernels learn the channel's configuration.
 * - `specialized`: one branch per channel group with kernel sizes, shifts and sub-group sizes as literals (loops
 *   over kernel rows unroll, divisions by constants fold) — the product.
 * - `generic`: a per-channel table in a storage buffer `cfg` (8 u32 per channel), read at run time — the
 *   baseline that shows what specialization buys.
 */
export type ChannelMode = 'specialized' | 'generic';

/** Layout of the generic kernel's per-channel table. */
export const GENERIC_CFG_FIELDS = ['h_in', 'h_out', 'w_in', 'w_out', 'offset_a', 'offset_b', 'wa_base', 'wb_base'] as const;
/** Largest kernel the generic kernel's workgroup tile is sized for. */
export const GENERIC_MAX_KERNEL = 16;

/** Largest weight_a input size (hIn) over the groups: the row count of the forward tile. */
export function maxTileRows(spec: NeoCellSpec | undefined): number {
  return spec ? Math.max(...spec.groups.map((g) => g.hIn)) : GENERIC_MAX_KERNEL;
}

function subgroupOffset(g: ChannelGroup, local: Expr, kernel: number, shift: number): Expr {
  if (shift === 0) return u32(0);
  const count = shiftSubgroupCount(kernel, shift);
  const size = Math.floor(g.channels / count);
  // With fewer channels than sub-groups every channel falls in the last one (upstream's remainder rule).
  const index = size === 0 ? u32(count - 1) : min(div(local, u32(size)), u32(count - 1));
  return mul(index, u32(shift));
}

/**
 * Emits `body` once per channel group (specialized) or once with table loads (generic), for channel `c`.
 * Specialized branches are chained on the channel ranges, so exactly one runs; `c` must be < C.
 */
export function withChannelParams(
  b: BlockBuilder, mode: ChannelMode, spec: NeoCellSpec | undefined, c: Expr, shape: PlaneShape,
  body: (b: BlockBuilder, p: ChannelParams) => void,
): void {
  if (mode === 'generic') {
    const field = (name: (typeof GENERIC_CFG_FIELDS)[number]): Expr =>
      b.let(`cfg_${name}`, load('cfg', add(mul(c, u32(GENERIC_CFG_FIELDS.length)), u32(GENERIC_CFG_FIELDS.indexOf(name))), 'u32'));
    const [hIn, hOut, wIn, wOut] = [field('h_in'), field('h_out'), field('w_in'), field('w_out')];
    body(b, {
      a: { rows: shape.outH, cols: shape.inH, kr: hOut, kc: hIn, offset: field('offset_a') },
      b: { rows: shape.inW, cols: shape.outW, kr: wIn, kc: wOut, offset: field('offset_b') },
      waBase: field('wa_base'),
      wbBase: field('wb_base'),
    });
    return;
  }
  if (!spec) throw new Error('specialized NeoCell kernels need a spec');
  let start = 0;
  let waOffset = 0;
  let wbOffset = 0;
  const branches = spec.groups.map((g) => {
    const range = { start, end: start + g.channels, waOffset, wbOffset, g };
    start += g.channels;
    waOffset += g.channels * g.hOut * g.hIn;
    wbOffset += g.channels * g.wIn * g.wOut;
    return range;
  });
  const emit = (block: BlockBuilder, index: number): void => {
    const { start: s, end, waOffset: wa, wbOffset: wb, g } = branches[index]!;
    const run = (inner: BlockBuilder): void => {
      inner.comment(`channels [${s}, ${end}): weight_a ${g.hOut}x${g.hIn} shift ${g.shiftA}, weight_b ${g.wIn}x${g.wOut} shift ${g.shiftB}`);
      const local = inner.let('local_c', sub(c, u32(s)));
      body(inner, {
        a: { rows: shape.outH, cols: shape.inH, kr: u32(g.hOut), kc: u32(g.hIn), offset: inner.let('offset_a', subgroupOffset(g, local, g.hOut, g.shiftA)) },
        b: { rows: shape.inW, cols: shape.outW, kr: u32(g.wIn), kc: u32(g.wOut), offset: inner.let('offset_b', subgroupOffset(g, local, g.wIn, g.shiftB)) },
        waBase: inner.let('wa_base', add(u32(wa), mul(local, u32(g.hOut * g.hIn)))),
        wbBase: inner.let('wb_base', add(u32(wb), mul(local, u32(g.wIn * g.wOut)))),
      });
    };
    if (index === branches.length - 1) run(block);
    else block.if(lt(c, u32(end)), run, (other) => emit(other, index + 1));
  };
  emit(b, 0);
}
