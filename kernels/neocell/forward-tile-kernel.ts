import {
  BlockBuilder, add, and, builtin, div, f32, finishKernel, ge, litValue, load, lt, min, mod, mul, select, sub, u32,
} from '../../compiler/ir/build.js';
import type { BufferDecl, Expr, KernelIR } from '../../compiler/ir/ir.js';
import type { NeoCellSpec } from '../../compiler/spec/neocell-spec.js';
import { SHAPE_UNIFORMS, planeShape, withChannelParams } from './channel-params.js';
import { placementAt, placementCount } from './matrix-layout-ir.js';
import { outputIndex, type OutputLayout } from './forward-kernel.js';

export interface TileForwardOptions {
  readonly spec: NeoCellSpec;
  readonly layout: OutputLayout;
  readonly workgroupSize: number;
  /** Epilogue: add a per-channel bias (buffer `bias`, one f32 per channel) before the store. */
  readonly channelBias: boolean;
}

export function tileForwardKernelName(o: TileForwardOptions): string {
  return `neocell_forward_tiles_${o.layout}${o.channelBias ? '_bias' : ''}`;
}

/**
 * NeoCell forward, specialized: one invocation per output block. Y = A·X·B is block-diagonal in both factors, so
 * output block (p, q) — rows of A placement p, columns of B placement q — depends only on the X block
 * [A cols of p] × [B rows of q]: Y_pq = A_p · X_pq · B_q with k×k blocks. With the kernel sizes baked in, the
 * invocation keeps its whole output block, both weight blocks and one X row in registers (every loop unrolls):
 * no workgroup memory, no barrier, every X element read once, 2·(k_b + k_a) FLOPs per output, the useful count.
 * Corner (shifted) and truncated last blocks reuse the same code: indices are clamped into the block and the
 * weights of the missing rows/columns are zeroed, so loads never leave the tensor and nothing is predicated
 * but the stores.
 * Grid: x = ceil(max blocks per channel / workgroup), y = C, z = N.
 */
export function neoCellTileForwardKernel(o: TileForwardOptions): KernelIR {
  const shape = planeShape();
  const channels = u32(o.spec.channels);
  const b = new BlockBuilder();
  const tileIndex = b.let('tile', add(mul(builtin('workgroup_id.x'), u32(o.workgroupSize)), builtin('local_index')));
  const c = b.let('c', builtin('workgroup_id.y'));
  const n = b.let('n', builtin('workgroup_id.z'));

  withChannelParams(b, 'specialized', o.spec, c, shape, (g, p) => {
    const ka = { r: need(p.a.kr), c: need(p.a.kc) };
    const kb = { r: need(p.b.kr), c: need(p.b.kc) };
    const countA = placementCount(g, p.a);
    const countB = placementCount(g, p.b);
    const pa = g.let('pa', div(tileIndex, countB));
    g.if(ge(pa, countA), (r) => r.return());
    const blkA = placementAt(g, p.a, pa);
    const blkB = placementAt(g, p.b, g.let('pb', mod(tileIndex, countB)));

    g.comment(`weights: A block ${ka.r}x${ka.c} (columns past the block zeroed), B block ${kb.r}x${kb.c} (rows past the block zeroed)`);
    // Clamped indices keep a truncated or corner block's loads inside the block; masking the weights of the
    // clamped (duplicate) X rows and columns to zero removes their contribution.
    const aCol = indices(g, 'a_col', ka.c, sub(blkA.cols, u32(1)));
    const aRow = indices(g, 'a_row', ka.r, sub(blkA.rows, u32(1)));
    const bRow = indices(g, 'b_row', kb.r, sub(blkB.rows, u32(1)));
    const bCol = indices(g, 'b_col', kb.c, sub(blkB.cols, u32(1)));
    const waRow = aRow.map((r, i) => g.let(`wa_row_${i}`, add(p.waBase, add(mul(add(blkA.kRow0, r), u32(ka.c)), blkA.kCol0))));
    const wbRow = bRow.map((r, i) => g.let(`wb_row_${i}`, add(p.wbBase, add(mul(add(blkB.kRow0, r), u32(kb.c)), blkB.kCol0))));
    const wa = grid(ka.r, ka.c, (r, h) => g.let(`wa_${r}_${h}`, masked(load('wa', add(waRow[r]!, aCol[h]!)), h, blkA.cols)));
    const wb = grid(kb.r, kb.c, (i, j) => g.let(`wb_${i}_${j}`, masked(load('wb', add(wbRow[i]!, bCol[j]!)), i, blkB.rows)));

    const plane = g.let('plane', add(mul(n, channels), c));
    const xBlock = g.let('x_block', add(mul(plane, mul(shape.inH, shape.inW)), add(mul(blkA.col0, shape.inW), blkB.row0)));
    const acc = grid(ka.r, kb.c, (r, j) => g.var(`acc_${r}_${j}`, f32(0)));
    for (let h = 0; h < ka.c; h++) {
      g.comment(`X row ${h} of the block: T row = X row · B block, then Y block += A column ${h} ⊗ T row`);
      const xRow = g.let('x_row', add(xBlock, mul(aCol[h]!, shape.inW)));
      const xs = Array.from({ length: kb.r }, (_, i) => g.let(`x_${i}`, load('x', add(xRow, bRow[i]!))));
      for (let j = 0; j < kb.c; j++) {
        const t = g.let(`t_${j}`, xs.reduce<Expr>((s, x, i) => add(s, mul(x, wb[i]![j]!)), f32(0)));
        for (let r = 0; r < ka.r; r++) g.assign(acc[r]![j]!.name, add(acc[r]![j]!.ref, mul(wa[r]![h]!, t)));
      }
    }

    g.comment('store the rows and columns that exist (the last blocks may be truncated)');
    const biasValue = o.channelBias ? g.let('bias_c', load('bias', c)) : undefined;
    for (let r = 0; r < ka.r; r++) {
      for (let j = 0; j < kb.c; j++) {
        g.if(and(lt(u32(r), blkA.rows), lt(u32(j), blkB.cols)), (s) => {
          const value = biasValue ? add(acc[r]![j]!.ref, biasValue) : acc[r]![j]!.ref;
          s.store('y', outputIndex(o.layout, n, c, add(blkA.row0, u32(r)), add(blkB.col0, u32(j)), channels, shape.outH, shape.outW), value);
        });
      }
    }
  });

  const buffers: BufferDecl[] = [
    { name: 'x', access: 'read', elem: 'f32' },
    { name: 'wa', access: 'read', elem: 'f32' },
    { name: 'wb', access: 'read', elem: 'f32' },
    ...(o.channelBias ? [{ name: 'bias', access: 'read', elem: 'f32' } as const] : []),
    { name: 'y', access: 'read_write', elem: 'f32' },
  ];
  return finishKernel({
    name: tileForwardKernelName(o),
    workgroupSize: o.workgroupSize,
    buffers,
    uniforms: [...SHAPE_UNIFORMS],
    shared: [],
    body: b.stmts,
    doc: [
      `neocc ${tileForwardKernelName(o)}: y = NeoCell(x)${o.channelBias ? ' + bias[c]' : ''}, ${o.layout.toUpperCase()} output, one output block per invocation, workgroup ${o.workgroupSize}`,
      `baked spec: ${JSON.stringify(o.spec.groups)}`,
      'run-time: batch and spatial sizes (uniforms)',
    ],
  });
}

function need(e: Expr): number {
  const v = litValue(e);
  if (v === undefined) throw new Error('tile forward kernel: kernel sizes must be baked (specialized mode)');
  return v;
}

function grid<T>(rows: number, cols: number, f: (r: number, c: number) => T): T[][] {
  return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, j) => f(r, j)));
}

/** min(i, last) for i < count: index i clamped into a block whose last index is `last` (0 needs no clamp). */
function indices(b: BlockBuilder, name: string, count: number, last: Expr): Expr[] {
  const lastIndex = b.let(`${name}_last`, last);
  return Array.from({ length: count }, (_, i) => (i === 0 ? u32(0) : b.let(`${name}_${i}`, min(u32(i), lastIndex))));
}

/** `value` where index i lies inside a block of `size`, else 0 (index 0 always does: blocks are never empty). */
function masked(value: Expr, i: number, size: Expr): Expr {
  return i === 0 ? value : select(lt(u32(i), size), value, f32(0));
}
