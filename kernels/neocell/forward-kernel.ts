import {
  BlockBuilder, add, builtin, div, finishKernel, ge, load, lt, min, mod, mul, sub, u32, uniform, f32,
} from '../../compiler/ir/build.js';
import type { BufferDecl, Expr, KernelIR, UniformField } from '../../compiler/ir/ir.js';
import type { NeoCellSpec } from '../../compiler/spec/neocell-spec.js';
import { SHAPE_UNIFORMS, maxTileRows, planeShape, withChannelParams, type ChannelMode } from './channel-params.js';
import { placementAt, placementCount } from './matrix-layout-ir.js';
import { sumXTimesB } from './block-sums.js';

/** Where the forward result goes: NCHW for a plain NeoCell, channels-last for the fused block that follows. */
export type OutputLayout = 'nchw' | 'nhwc';

export interface ForwardKernelOptions {
  readonly mode: ChannelMode;
  /** Required for `specialized`; ignored by `generic`. */
  readonly spec?: NeoCellSpec;
  readonly layout: OutputLayout;
  /** Output columns per workgroup tile. */
  readonly tileWidth: number;
  readonly workgroupSize: number;
}

export const FORWARD_TILE_NAME = 't_tile';

/** Kernel name; the cache key covers the options separately. */
export function forwardKernelName(o: ForwardKernelOptions): string {
  return `neocell_forward_${o.mode}_${o.layout}`;
}

/** Bytes of workgroup memory the forward kernel needs: a [max hIn, tileWidth] f32 tile of T = X·B. */
export function forwardSharedBytes(o: Pick<ForwardKernelOptions, 'spec' | 'tileWidth'>): number {
  return maxTileRows(o.spec) * o.tileWidth * 4;
}

/**
 * NeoCell forward as a two-stage block computation. One workgroup per (A block, column tile) × channel × image:
 * 1. T tile = X[rows of the A block's columns] · B for `tileWidth` output columns, into workgroup memory
 *    (each T element sums only the ≤ k_b inputs of its B block);
 * 2. barrier; Y rows of the A block = Wa · T tile (≤ k_a terms each), stored through the layout hook.
 * Grid: x = (max A blocks per channel) × column tiles, y = C, z = N. Workgroups past a channel's last A block exit.
 */
export function neoCellForwardKernel(o: ForwardKernelOptions): KernelIR {
  const tw = o.tileWidth;
  const wg = o.workgroupSize;
  const shape = planeShape();
  const channels = o.mode === 'generic' ? uniform('channels') : u32(o.spec!.channels);
  const b = new BlockBuilder();
  const colTiles = uniform('col_tiles');
  const band = b.let('band', div(builtin('workgroup_id.x'), colTiles));
  const tile = b.let('tile', mod(builtin('workgroup_id.x'), colTiles));
  const c = b.let('c', builtin('workgroup_id.y'));
  const n = b.let('n', builtin('workgroup_id.z'));
  const lidx = builtin('local_index');

  withChannelParams(b, o.mode, o.spec, c, shape, (g, p) => {
    const count = placementCount(g, p.a);
    g.if(ge(band, count), (r) => r.return());
    const blk = placementAt(g, p.a, band);
    const t0 = g.let('t0', mul(tile, u32(tw)));
    const width = g.let('tile_w', min(u32(tw), sub(shape.outW, t0)));
    const plane = g.let('plane', add(mul(n, channels), c));
    const xBase = g.let('x_base', mul(plane, mul(shape.inH, shape.inW)));

    g.comment('stage 1: T tile = X · B for the input rows this A block reads');
    g.for('e', lidx, mul(blk.cols, width), (s, e) => {
      const j = s.let('j', div(e, width));
      const wl = s.let('wl', mod(e, width));
      const xRowBase = s.let('x_row_base', add(xBase, mul(add(blk.col0, j), shape.inW)));
      const acc = sumXTimesB(s, p, xRowBase, add(t0, wl));
      s.store(FORWARD_TILE_NAME, add(mul(j, u32(tw)), wl), acc);
    }, { step: u32(wg) });
    g.barrier();

    g.comment('stage 2: Y rows of this A block = Wa · T tile');
    g.for('e', lidx, mul(blk.rows, width), (s, e) => {
      const r = s.let('r', div(e, width));
      const wl = s.let('wl', mod(e, width));
      const wRow = s.let('wa_row', add(p.waBase, add(mul(add(blk.kRow0, r), p.a.kc), blk.kCol0)));
      const acc = s.var('acc', f32(0));
      s.for('j', u32(0), p.a.kc, (t, j) => {
        t.if(lt(j, blk.cols), (u) => {
          u.assign(acc.name, add(acc.ref, mul(load('wa', add(wRow, j)), load(FORWARD_TILE_NAME, add(mul(j, u32(tw)), wl)))));
        });
      });
      const row = s.let('y_row', add(blk.row0, r));
      const col = s.let('y_col', add(t0, wl));
      s.store('y', outputIndex(o.layout, n, c, row, col, channels, shape.outH, shape.outW), acc.ref);
    }, { step: u32(wg) });
  });

  const buffers: BufferDecl[] = [
    { name: 'x', access: 'read', elem: 'f32' },
    { name: 'wa', access: 'read', elem: 'f32' },
    { name: 'wb', access: 'read', elem: 'f32' },
    ...(o.mode === 'generic' ? [{ name: 'cfg', access: 'read', elem: 'u32' } as const] : []),
    { name: 'y', access: 'read_write', elem: 'f32' },
  ];
  const uniforms: UniformField[] = [...SHAPE_UNIFORMS, { name: 'col_tiles', type: 'u32' }, ...(o.mode === 'generic' ? [{ name: 'channels', type: 'u32' } as const] : [])];
  return finishKernel({
    name: forwardKernelName(o),
    workgroupSize: wg,
    buffers,
    uniforms,
    shared: [{ name: FORWARD_TILE_NAME, elem: 'f32', length: maxTileRows(o.spec) * tw }],
    body: b.stmts,
    doc: [
      `neocc ${forwardKernelName(o)}: y = NeoCell(x), ${o.layout.toUpperCase()} output, tile ${maxTileRows(o.spec)}x${tw}, workgroup ${wg}`,
      o.mode === 'specialized' ? `baked spec: ${JSON.stringify(o.spec!.groups)}` : 'generic: per-channel configuration read from cfg',
      'run-time: batch and spatial sizes (uniforms)',
    ],
  });
}

/** y index for image n, channel c, output row/col in the chosen layout. */
export function outputIndex(layout: OutputLayout, n: Expr, c: Expr, row: Expr, col: Expr, channels: Expr, outH: Expr, outW: Expr): Expr {
  return layout === 'nchw'
    ? add(mul(add(mul(add(mul(n, channels), c), outH), row), outW), col)
    : add(mul(add(mul(add(mul(n, outH), row), outW), col), channels), c);
}
