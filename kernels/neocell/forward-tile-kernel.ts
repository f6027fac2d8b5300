import {
  BlockBuilder, add, and, builtin, div, f32, finishKernel, bin, ge, litValue, load, lt, max, min, mod, mul, select, sub, u32, uniform,
} from '../../compiler/ir/build.js';
import type { BufferDecl, Expr, KernelIR } from '../../compiler/ir/ir.js';
import type { NeoCellSpec } from '../../compiler/spec/neocell-spec.js';
import { SHAPE_UNIFORMS, planeShape, withChannelParams } from './channel-params.js';
import { placementCount, type MatrixLayoutIR } from './matrix-layout-ir.js';
import { outputIndex, type OutputLayout } from './forward-kernel.js';

export interface TileForwardOptions {
  readonly spec: NeoCellSpec;
  readonly layout: OutputLayout;
  readonly workgroupSize: number;
  /** Epilogue: add a per-channel bias (buffer `bias`, one f32 per channel) before the store. */
  readonly channelBias: boolean;
  /**
   * Several channels per workgroup, for planes with fewer output blocks than invocations (7x7 with k = 7 has one):
   * run-time uniform `slot_tiles` invocations per channel. The channel then varies across a workgroup, so its
   * weights are no longer uniform loads — worth it only when most invocations would otherwise idle.
   */
  readonly packChannels: boolean;
}

export function tileForwardKernelName(o: TileForwardOptions): string {
  return `neocell_forward_tiles_${o.layout}${o.channelBias ? '_bias' : ''}${o.packChannels ? '_packed' : ''}`;
}

/**
 * NeoCell forward, specialized: one invocation per output block. Y = A·X·B is block-diagonal in both factors, so
 * output block (p, q) — rows of A placement p, columns of B placement q — depends only on the X block
 * [A cols of p] × [B rows of q]: Y_pq = A_p · X_pq · B_q with k×k blocks. With the kernel sizes baked in, the
 * invocation keeps its whole output block, the B kernel and one X row in registers (loops over kernel positions
 * unroll; only the walk over the block's X rows stays a loop): no workgroup memory, no barrier, every X element
 * read once, 2·(k_b + k_a) FLOPs per output — the useful count.
 * Corner (shifted) and truncated last blocks run the same code with their missing positions masked (see
 * blockAxis): X loads are clamped into the tensor and zeroed where masked, stores skip missing positions, and the
 * weights stay uniform across the workgroup (one scalar load each on SIMD adapters such as lavapipe).
 * Grid: x = ceil(max blocks per channel / workgroup), y = C, z = N (packed: x = 1, y = ceil(C / channels per workgroup)).
 */
export function neoCellTileForwardKernel(o: TileForwardOptions): KernelIR {
  const shape = planeShape();
  const channels = u32(o.spec.channels);
  const b = new BlockBuilder();
  let tileIndex: Expr;
  let c: Expr;
  if (o.packChannels) {
    const slotTiles = uniform('slot_tiles');
    const slots = b.let('slots', div(u32(o.workgroupSize), slotTiles));
    const slot = b.let('slot', div(builtin('local_index'), slotTiles));
    tileIndex = b.let('tile', mod(builtin('local_index'), slotTiles));
    c = b.let('c', add(mul(builtin('workgroup_id.y'), slots), slot));
    b.if(bin('||', ge(slot, slots), ge(c, channels)), (r) => r.return());
  } else {
    tileIndex = b.let('tile', add(mul(builtin('workgroup_id.x'), u32(o.workgroupSize)), builtin('local_index')));
    c = b.let('c', builtin('workgroup_id.y'));
  }
  const n = b.let('n', builtin('workgroup_id.z'));

  withChannelParams(b, 'specialized', o.spec, c, shape, (g, p) => {
    const ka = { r: need(p.a.kr), c: need(p.a.kc) };
    const kb = { r: need(p.b.kr), c: need(p.b.kc) };
    const countA = placementCount(g, p.a);
    const countB = placementCount(g, p.b);
    const pa = g.let('pa', div(tileIndex, countB));
    g.if(ge(pa, countA), (r) => r.return());
    const pb = g.let('pb', mod(tileIndex, countB));
    // A's blocks run down Y's rows (k_a.r each) and X's rows (k_a.c); B's down X's columns (k_b.r) and Y's columns (k_b.c).
    const yRows = positions(g, blockAxis(g, 'y_row', p.a, pa, ka.r, shape.outH), ka.r);
    const xRows = blockAxis(g, 'x_row', p.a, pa, ka.c, shape.inH);
    const xCols = positions(g, blockAxis(g, 'x_col', p.b, pb, kb.r, shape.inW), kb.r);
    const yCols = positions(g, blockAxis(g, 'y_col', p.b, pb, kb.c, shape.outW), kb.c);

    g.comment(`B weights: the whole ${kb.r}x${kb.c} kernel of this channel (the same for all its blocks: uniform loads)`);
    const wb = grid(kb.r, kb.c, (i, j) => g.let(`wb_${i}_${j}`, load('wb', add(p.wbBase, u32(i * kb.c + j)))));

    const plane = g.let('plane', mul(add(mul(n, channels), c), mul(shape.inH, shape.inW)));
    const acc = grid(ka.r, kb.c, (r, j) => g.var(`acc_${r}_${j}`, f32(0)));
    // A loop over the block's X rows rather than unrolled: the body (k_b·(k_b + k_a) FMAs) is long enough to hide
    // the loop, and the source grows as k² instead of k³ — compile time on software adapters is part of the cost.
    g.for('h', u32(0), u32(ka.c), (l, h) => {
      l.comment('X row h of the block: T row = X row · B block, then Y block += A column h ⊗ T row');
      const row = xRows.at(l, h);
      const xRow = l.let('x_row_base', add(plane, mul(row.clamped, shape.inW)));
      const xs = xCols.map((col, i) => l.let(`x_${i}`, select(and(row.valid, col.valid), load('x', add(xRow, col.clamped)), f32(0))));
      const wa = Array.from({ length: ka.r }, (_, r) => l.let(`wa_${r}`, load('wa', add(p.waBase, add(u32(r * ka.c), h)))));
      for (let j = 0; j < kb.c; j++) {
        const t = l.let(`t_${j}`, xs.reduce<Expr>((sum, x, i) => add(sum, mul(x, wb[i]![j]!)), f32(0)));
        for (let r = 0; r < ka.r; r++) l.assign(acc[r]![j]!.name, add(acc[r]![j]!.ref, mul(wa[r]!, t)));
      }
    }, { unrollLimit: 1 });

    g.comment('store the rows and columns that exist (the last blocks may be truncated)');
    const biasValue = o.channelBias ? g.let('bias_c', load('bias', c)) : undefined;
    for (let r = 0; r < ka.r; r++) {
      for (let j = 0; j < kb.c; j++) {
        g.if(and(yRows[r]!.valid, yCols[j]!.valid), (s) => {
          const value = biasValue ? add(acc[r]![j]!.ref, biasValue) : acc[r]![j]!.ref;
          s.store('y', outputIndex(o.layout, n, c, yRows[r]!.clamped, yCols[j]!.clamped, channels, shape.outH, shape.outW), value);
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
    uniforms: [...SHAPE_UNIFORMS, ...(o.packChannels ? [{ name: 'slot_tiles', type: 'u32' } as const] : [])],
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

/** Position `i` of a block along one tensor axis: whether it exists, and its index clamped into the tensor. */
interface BlockPosition {
  readonly valid: Expr;
  readonly clamped: Expr;
}

interface BlockAxis {
  at(b: BlockBuilder, i: Expr): BlockPosition;
}

/**
 * The positions of placement `p` of matrix `m` along one tensor axis of size `size` (blocks advance by `k`).
 * The shifted corner is treated as a whole block that starts `k - offset` before the tensor: its first positions
 * do not exist. So every block uses the whole kernel — the same weights for every block of a channel, loaded
 * from uniform addresses — and missing positions (corner, truncated last block) are masked, not special-cased.
 * Starts are biased by +k to stay unsigned.
 */
function blockAxis(b: BlockBuilder, name: string, m: MatrixLayoutIR, p: Expr, k: number, size: Expr): BlockAxis {
  const hasCorner = select(lt(u32(0), m.offset), u32(1), u32(0));
  const start = b.let(`${name}_start`, add(m.offset, mul(sub(add(p, u32(1)), hasCorner), u32(k))));
  const last = b.let(`${name}_last`, sub(size, u32(1)));
  return {
    at: (inner, i) => {
      const at = inner.let(`${name}_pos`, add(start, i));
      return {
        valid: inner.let(`${name}_ok`, and(ge(at, u32(k)), lt(at, add(size, u32(k))))),
        clamped: inner.let(`${name}_at`, min(sub(max(at, u32(k)), u32(k)), last)),
      };
    },
  };
}

function positions(b: BlockBuilder, axis: BlockAxis, k: number): BlockPosition[] {
  return Array.from({ length: k }, (_, i) => axis.at(b, u32(i)));
}
