import {
  BlockBuilder, add, and, builtin, div, f32, finishKernel, bin, ge, lane, litValue, load, loadVec4, lt, max, min, mod, mul, select, splat, sub,
  u32, uniform, vec4,
} from '../../compiler/ir/build.js';
import type { BufferDecl, Expr, KernelIR } from '../../compiler/ir/ir.js';
import type { NeoCellSpec } from '../../compiler/spec/neocell-spec.js';
import { SHAPE_UNIFORMS, planeShape, withChannelParams, type ChannelParams, type PlaneShape } from './channel-params.js';
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
  /**
   * 128-bit SIMD along the block's output columns (for CPU targets: WebAssembly f32x4): the B kernel, T rows and the
   * accumulators as ceil(k_b.c / 4) vec4s per row (see simdBlock). Same sums in the same order as the scalar kernel.
   * Also for narrow blocks (the 2x2 → 1x1 downsample: one lane of four): its unmasked path for whole blocks measured
   * 1.2x the scalar kernel there.
   */
  readonly simd?: boolean;
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
    if (o.simd) {
      simdBlock(g, o, { n, c, channels, shape, p, ka, kb, pa, pb });
      return;
    }
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
      `neocc ${tileForwardKernelName(o)}: y = NeoCell(x)${o.channelBias ? ' + bias[c]' : ''}, ${o.layout.toUpperCase()} output, one output block per invocation, workgroup ${o.workgroupSize}${o.simd ? ', vec4 along the block columns' : ''}`,
      `baked spec: ${JSON.stringify(o.spec.groups)}`,
      'run-time: batch and spatial sizes (uniforms)',
    ],
  });
}

interface BlockContext {
  readonly n: Expr;
  readonly c: Expr;
  readonly channels: Expr;
  readonly shape: PlaneShape;
  readonly p: ChannelParams;
  readonly ka: { readonly r: number; readonly c: number };
  readonly kb: { readonly r: number; readonly c: number };
  readonly pa: Expr;
  readonly pb: Expr;
}

/**
 * One output block with vec4s along its columns (TileForwardOptions.simd): B as ceil(k_b.c / 4) vec4s per row; per
 * X row h, T row = Σ_i splat(x_i) · B row i, then acc row r += splat(A[r][h]) · T row — the scalar kernel's sums in
 * the same order. Positions of a block exist as one contiguous run per axis, so its corners tell whether all of them
 * do: such blocks (all but the shifted corners and the truncated last ones) load X and store Y without masks or
 * clamps, in NCHW whole vec4s of Y at once; the others mask as the scalar kernel does, skipping missing X rows.
 */
function simdBlock(g: BlockBuilder, o: TileForwardOptions, { n, c, channels, shape, p, ka, kb, pa, pb }: BlockContext): void {
  const vecs = Math.ceil(kb.c / 4);
  const yRowAxis = blockAxis(g, 'y_row', p.a, pa, ka.r, shape.outH);
  const xRowAxis = blockAxis(g, 'x_row', p.a, pa, ka.c, shape.inH);
  const xColAxis = blockAxis(g, 'x_col', p.b, pb, kb.r, shape.inW);
  const yColAxis = blockAxis(g, 'y_col', p.b, pb, kb.c, shape.outW);

  // Vec4 v covers block columns first(v)..first(v)+3. With k_b.c >= 4 the last one overlaps its neighbour (k_b.c = 7:
  // columns 0-3 and 3-6) instead of padding, so every B row vec4 is one load that stays inside the row and a full row
  // of Y is whole vec4 stores (the shared column gets the same value twice). Narrower blocks pad with zero lanes.
  const first = (v: number): number => (kb.c >= 4 ? Math.min(4 * v, kb.c - 4) : 0);
  const column = (j: number): { v: number; lane: number } => {
    const v = Math.min(j >> 2, vecs - 1);
    return { v, lane: j - first(v) };
  };
  g.comment(`B weights: the whole ${kb.r}x${kb.c} kernel of this channel as ${vecs} vec4 per row (columns ${Array.from({ length: vecs }, (_, v) => `${first(v)}-${first(v) + 3}`).join(', ')})`);
  const wbv = grid(kb.r, vecs, (i, v) => {
    const at = (j: number): Expr => add(p.wbBase, u32(i * kb.c + j));
    const value = kb.c >= 4
      ? loadVec4('wb', at(first(v)))
      : vec4(...([0, 1, 2, 3].map((l) => (l < kb.c ? load('wb', at(l)) : f32(0))) as [Expr, Expr, Expr, Expr]));
    return g.let(`wbv_${i}_${v}`, value);
  });
  const plane = g.let('plane', mul(add(mul(n, channels), c), mul(shape.inH, shape.inW)));
  const acc = grid(ka.r, vecs, (r, v) => g.var(`acc_${r}_${v}`, splat(f32(0))));
  const update = (l: BlockBuilder, h: Expr, xs: readonly Expr[]): void => {
    const xv = xs.map((x, i) => l.let(`xv_${i}`, splat(x)));
    const wa = Array.from({ length: ka.r }, (_, r) => l.let(`wav_${r}`, splat(load('wa', add(p.waBase, add(u32(r * ka.c), h))))));
    for (let v = 0; v < vecs; v++) {
      const t = l.let(`t_${v}`, xv.map((x, i) => mul(x, wbv[i]![v]!)).reduce((sum, term) => add(sum, term)));
      for (let r = 0; r < ka.r; r++) l.assign(acc[r]![v]!.name, add(acc[r]![v]!.ref, mul(wa[r]!, t)));
    }
  };
  const comment = 'X row h of the block: T row = X row · B block (vec4s along the columns), then Y block += A column h ⊗ T row';
  const xInside = and(and(xRowAxis.valid(g, 0), xRowAxis.valid(g, ka.c - 1)), and(xColAxis.valid(g, 0), xColAxis.valid(g, kb.r - 1)));
  g.if(xInside, (s) => {
    const xCol = s.let('x_col_first', xColAxis.inside(u32(0)));
    s.for('h', u32(0), u32(ka.c), (l, h) => {
      l.comment(comment);
      const base = l.let('x_row_base', add(add(plane, mul(xRowAxis.inside(h), shape.inW)), xCol));
      update(l, h, Array.from({ length: kb.r }, (_, i) => l.let(`x_${i}`, load('x', add(base, u32(i))))));
    }, { unrollLimit: 1 });
  }, (s) => {
    const xCols = positions(s, xColAxis, kb.r);
    s.for('h', u32(0), u32(ka.c), (l, h) => {
      l.comment(`${comment}; a missing X row adds nothing (skipped), missing columns load as zeros`);
      const row = xRowAxis.at(l, h);
      l.if(row.valid, (m) => {
        const base = m.let('x_row_base', add(plane, mul(row.clamped, shape.inW)));
        update(m, h, xCols.map((col, i) => m.let(`x_${i}`, select(col.valid, load('x', add(base, col.clamped)), f32(0)))));
      });
    }, { unrollLimit: 1 });
  });

  g.comment('store the rows and columns that exist (the last blocks may be truncated)');
  const bias = o.channelBias ? g.let('bias_c', load('bias', c)) : undefined;
  const withBias = (value: Expr): Expr => (bias ? add(value, bias) : value);
  // Y index of (row, column 0 of the block) plus column j's offset: NCHW columns are adjacent, NHWC ones C apart.
  const rowBase = (s: BlockBuilder, row: Expr, col0: Expr): Expr => s.let('y_base', outputIndex(o.layout, n, c, row, col0, channels, shape.outH, shape.outW));
  const colOffset = (col: Expr): Expr => (o.layout === 'nchw' ? col : mul(col, channels));
  const yInside = and(and(yRowAxis.valid(g, 0), yRowAxis.valid(g, ka.r - 1)), and(yColAxis.valid(g, 0), yColAxis.valid(g, kb.c - 1)));
  g.if(yInside, (s) => {
    const biasV = bias && o.layout === 'nchw' && kb.c >= 4 ? s.let('bias_v', splat(bias)) : undefined;
    const col0 = s.let('y_col_first', yColAxis.inside(u32(0)));
    for (let r = 0; r < ka.r; r++) {
      const base = rowBase(s, yRowAxis.inside(u32(r)), col0);
      if (o.layout === 'nchw' && kb.c >= 4) {
        for (let v = 0; v < vecs; v++) s.store('y', add(base, u32(first(v))), biasV ? add(acc[r]![v]!.ref, biasV) : acc[r]![v]!.ref);
        continue;
      }
      for (let j = 0; j < kb.c; j++) {
        const { v, lane: l } = column(j);
        s.store('y', add(base, colOffset(u32(j))), withBias(lane(acc[r]![v]!.ref, l)));
      }
    }
  }, (s) => {
    const yRows = positions(s, yRowAxis, ka.r);
    const yCols = positions(s, yColAxis, kb.c);
    for (let r = 0; r < ka.r; r++) {
      s.if(yRows[r]!.valid, (t) => {
        const base = rowBase(t, yRows[r]!.clamped, u32(0));
        for (let j = 0; j < kb.c; j++) {
          const { v, lane: l } = column(j);
          t.if(yCols[j]!.valid, (u) => u.store('y', add(base, colOffset(yCols[j]!.clamped)), withBias(lane(acc[r]![v]!.ref, l))));
        }
      });
    }
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
  /** Whether position `i` exists (without the clamped index). */
  valid(b: BlockBuilder, i: number): Expr;
  /** Index of position `i` in the tensor, unclamped: only where it exists. */
  inside(i: Expr): Expr;
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
  const valid = (inner: BlockBuilder, at: Expr): Expr => inner.let(`${name}_ok`, and(ge(at, u32(k)), lt(at, add(size, u32(k)))));
  return {
    at: (inner, i) => {
      const at = inner.let(`${name}_pos`, add(start, i));
      return {
        valid: valid(inner, at),
        clamped: inner.let(`${name}_at`, min(sub(max(at, u32(k)), u32(k)), last)),
      };
    },
    valid: (inner, i) => valid(inner, inner.let(`${name}_pos`, add(start, u32(i)))),
    inside: (i) => sub(add(start, i), u32(k)),
  };
}

function positions(b: BlockBuilder, axis: BlockAxis, k: number): BlockPosition[] {
  return Array.from({ length: k }, (_, i) => axis.at(b, u32(i)));
}
