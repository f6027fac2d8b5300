import {
  BlockBuilder, add, and, builtin, call, ceilDiv, div, eq, finishKernel, ge, lane, load, loadVec4, lt, min, mod, mul, splat, sub, u32, uniform, f32,
} from '../../compiler/ir/build.js';
import type { BufferDecl, Expr, KernelIR } from '../../compiler/ir/ir.js';
import type { NeoCellSpec } from '../../compiler/spec/neocell-spec.js';
import { SHAPE_UNIFORMS, planeShape, withChannelParams } from './channel-params.js';
import { sumXTimesB } from './block-sums.js';
import { placementAt, placementCount, placementOfColumn, placementOfRow } from './matrix-layout-ir.js';

/**
 * NeoCell backward as four specialized kernels (design: correctness first; the forward is the tuned one):
 *   neocell_fwd_t   T  = X · B              [N, C, H, W']   (saved intermediate)
 *   neocell_bwd_dt  dT = Aᵀ · dY            [N, C, H, W']
 *   neocell_bwd_dx  dX = dT · Bᵀ            [N, C, H, W]    every element written (uncovered rows/cols → 0)
 *   neocell_bwd_dw  dWa = Σ dY · Tᵀ, dWb = Σ Xᵀ · dT over images and over every block a kernel entry occupies;
 *                   one workgroup per channel, one invocation per kernel entry (deterministic sums, no atomics).
 * The first three are element-wise over a 2D grid: x * WG + lidx + y * x-size * WG = element index.
 *
 * With `simd` (targets that prefer vec4 SIMD: WebAssembly f32x4) two of them use vec4s where the data is contiguous:
 * - bwd_dt: one invocation per 4 neighbouring columns of dT (they share the A block, hence every weight), dY rows
 *   loaded as vec4s; a row's last 1-3 columns, when W' is not a multiple of 4, are scalar. Each lane is the scalar
 *   kernel's sum in the same order.
 * - bwd_dw: dWa's dot products along W' run 4 columns at a time into a vec4 partial sum, added up at the end (the
 *   order of the additions differs from the scalar kernel's: the difference is f32 rounding).
 * fwd_t and bwd_dx stay scalar: neighbouring columns there can lie in different B blocks (different weights), and
 * dWb's sums run down columns (stride W), so no vec4 load is contiguous.
 */
export interface BackwardKernelOptions {
  readonly spec: NeoCellSpec;
  readonly workgroupSize: number;
  readonly simd?: boolean;
  /** With simd: accumulate with the IR's fma (one instruction on relaxed SIMD). */
  readonly fma?: boolean;
}

/** Invocations of bwd_dt over [N, C, H, W']: one per element, or per 4 columns of a row with simd. */
export function bwdDtInvocations(o: { readonly simd?: boolean }, n: number, c: number, inH: number, outW: number): number {
  return n * c * inH * (o.simd ? Math.ceil(outW / 4) : outW);
}

/** acc + a·b, as the IR's fma when asked (vec4 on relaxed SIMD: one instruction). */
function multiplyAdd(o: BackwardKernelOptions, acc: Expr, a: Expr, b: Expr): Expr {
  return o.fma ? call('fma', a, b, acc) : add(acc, mul(a, b));
}

export type BackwardKernelName = 'neocell_fwd_t' | 'neocell_bwd_dt' | 'neocell_bwd_dx' | 'neocell_bwd_dw';
export const BACKWARD_KERNEL_NAMES: readonly BackwardKernelName[] = ['neocell_fwd_t', 'neocell_bwd_dt', 'neocell_bwd_dx', 'neocell_bwd_dw'];
/** The backward kernels with a vec4 path (BackwardKernelOptions.simd); the others ignore the option. */
export const VEC4_BACKWARD_KERNELS: readonly BackwardKernelName[] = ['neocell_bwd_dt', 'neocell_bwd_dw'];

const read = (name: string): BufferDecl => ({ name, access: 'read', elem: 'f32' });
const write = (name: string): BufferDecl => ({ name, access: 'read_write', elem: 'f32' });

interface ElementIndex {
  readonly n: Expr;
  readonly c: Expr;
  readonly row: Expr;
  readonly col: Expr;
  readonly plane: Expr;
}

/** Flat element index → (n, c, row, col) over [N, C, rows, cols]; returns early past the end. */
function elementwise(b: BlockBuilder, wg: number, channels: number, rows: Expr, cols: Expr): ElementIndex {
  const group = add(mul(builtin('workgroup_id.y'), builtin('num_workgroups.x')), builtin('workgroup_id.x'));
  const e = b.let('e', add(mul(group, u32(wg)), builtin('local_index')));
  b.if(ge(e, mul(mul(uniform('batch'), u32(channels)), mul(rows, cols))), (r) => r.return());
  const col = b.let('col', mod(e, cols));
  const t = b.let('rest', div(e, cols));
  const row = b.let('row', mod(t, rows));
  const plane = b.let('plane', div(t, rows));
  return { n: b.let('n', div(plane, u32(channels))), c: b.let('c', mod(plane, u32(channels))), row, col, plane };
}

function kernel(name: BackwardKernelName, o: BackwardKernelOptions, buffers: BufferDecl[], body: BlockBuilder, what: string): KernelIR {
  return finishKernel({
    name,
    workgroupSize: o.workgroupSize,
    buffers,
    uniforms: [...SHAPE_UNIFORMS],
    shared: [],
    body: body.stmts,
    doc: [`neocc ${name}: ${what}`, `baked spec: ${JSON.stringify(o.spec.groups)}`, 'run-time: batch and spatial sizes (uniforms)'],
  });
}

export function fwdTKernel(o: BackwardKernelOptions): KernelIR {
  const s = planeShape();
  const b = new BlockBuilder();
  const idx = elementwise(b, o.workgroupSize, o.spec.channels, s.inH, s.outW);
  withChannelParams(b, 'specialized', o.spec, idx.c, s, (g, p) => {
    const xRowBase = g.let('x_row_base', mul(add(mul(idx.plane, s.inH), idx.row), s.inW));
    const value = sumXTimesB(g, p, xRowBase, idx.col);
    g.store('t', add(mul(add(mul(idx.plane, s.inH), idx.row), s.outW), idx.col), value);
  });
  return kernel('neocell_fwd_t', o, [read('x'), read('wb'), write('t')], b, 'T = X · B (saved for the weight gradients)');
}

export function bwdDtKernel(o: BackwardKernelOptions): KernelIR {
  const s = planeShape();
  const b = new BlockBuilder();
  // simd: elements are runs of 4 columns (quads) of a row; the run starts at column 4·quad.
  const cols = o.simd ? b.let('quads', ceilDiv(s.outW, u32(4))) : s.outW;
  const idx = elementwise(b, o.workgroupSize, o.spec.channels, s.inH, cols);
  withChannelParams(b, 'specialized', o.spec, idx.c, s, (g, p) => {
    // dT[h, w'] = Σ_r A[row0 + r, h] · dY[row0 + r, w'] over the A block holding column h.
    const hit = placementOfColumn(g, p.a, idx.row);
    const wCol = g.let('wa_col', add(p.waBase, add(mul(hit.kRow0, p.a.kc), hit.kCol)));
    const col = o.simd ? g.let('col0', mul(idx.col, u32(4))) : idx.col;
    const dyBase = g.let('dy_base', add(mul(add(mul(idx.plane, s.outH), hit.row0), s.outW), col));
    // (A let only on the vec4 path: the scalar source stays what it was, and so do WGSL and CUDA kernel files.)
    const dtIndex = add(mul(add(mul(idx.plane, s.inH), idx.row), s.outW), col);
    const sum = (t0: BlockBuilder, zero: Expr, dy: (r: Expr) => Expr): Expr => {
      const acc = t0.var('acc', zero);
      t0.for('r', u32(0), p.a.kr, (t, r) => t.if(lt(r, hit.rows), (u) =>
        u.assign(acc.name, multiplyAdd(o, acc.ref, zero.type === 'vec4f' ? splat(load('wa', add(wCol, mul(r, p.a.kc)))) : load('wa', add(wCol, mul(r, p.a.kc))), dy(r)))));
      return acc.ref;
    };
    if (!o.simd) {
      g.store('dt', dtIndex, sum(g, f32(0), (r) => load('dy', add(dyBase, mul(r, s.outW)))));
      return;
    }
    const dtAt = g.let('dt_at', dtIndex);
    const lanes = g.let('lanes', min(u32(4), sub(s.outW, col)));
    g.if(eq(lanes, u32(4)), (v) => {
      v.store('dt', dtAt, sum(v, splat(f32(0)), (r) => loadVec4('dy', add(dyBase, mul(r, s.outW)))));
    }, (tail) => {
      tail.comment('the last 1-3 columns of a row whose width is not a multiple of 4');
      tail.for('l', u32(0), lanes, (t, l) => t.store('dt', add(dtAt, l), sum(t, f32(0), (r) => load('dy', add(add(dyBase, l), mul(r, s.outW))))));
    });
  });
  return kernel('neocell_bwd_dt', o, [read('dy'), read('wa'), write('dt')], b, `dT = Aᵀ · dY${o.simd ? ' (vec4 over 4 columns per invocation)' : ''}`);
}

export function bwdDxKernel(o: BackwardKernelOptions): KernelIR {
  const s = planeShape();
  const b = new BlockBuilder();
  const idx = elementwise(b, o.workgroupSize, o.spec.channels, s.inH, s.inW);
  withChannelParams(b, 'specialized', o.spec, idx.c, s, (g, p) => {
    // dX[h, w] = Σ_j dT[h, col0 + j] · B[w, col0 + j] over the B block holding row w.
    const hit = placementOfRow(g, p.b, idx.col);
    const wRow = g.let('wb_row', add(p.wbBase, add(mul(hit.kRow, p.b.kc), hit.kCol0)));
    const dtBase = g.let('dt_base', add(mul(add(mul(idx.plane, s.inH), idx.row), s.outW), hit.col0));
    const acc = g.var('acc', f32(0));
    g.for('j', u32(0), p.b.kc, (t, j) => t.if(lt(j, hit.cols), (u) =>
      u.assign(acc.name, add(acc.ref, mul(load('dt', add(dtBase, j)), load('wb', add(wRow, j)))))));
    g.store('dx', add(mul(add(mul(idx.plane, s.inH), idx.row), s.inW), idx.col), acc.ref);
  });
  return kernel('neocell_bwd_dx', o, [read('dt'), read('wb'), write('dx')], b, 'dX = dT · Bᵀ');
}

/** Kernel entry (kr, kc) relative to a placement, if the placement holds it: runs `body` with in-block indices. */
function ifInPlacement(
  b: BlockBuilder, entryRow: Expr, entryCol: Expr, blk: { kRow0: Expr; kCol0: Expr; rows: Expr; cols: Expr },
  body: (b: BlockBuilder, r: Expr, j: Expr) => void,
): void {
  b.if(and(ge(entryRow, blk.kRow0), ge(entryCol, blk.kCol0)), (t) => {
    const r = t.let('in_r', sub(entryRow, blk.kRow0));
    const j = t.let('in_j', sub(entryCol, blk.kCol0));
    t.if(and(lt(r, blk.rows), lt(j, blk.cols)), (u) => body(u, r, j));
  });
}

export function bwdDwKernel(o: BackwardKernelOptions): KernelIR {
  const s = planeShape();
  const b = new BlockBuilder();
  const c = builtin('workgroup_id.x');
  const channels = u32(o.spec.channels);
  withChannelParams(b, 'specialized', o.spec, c, s, (g, p) => {
    const entriesA = mul(p.a.kr, p.a.kc);
    const entries = add(entriesA, mul(p.b.kr, p.b.kc));
    g.for('e', builtin('local_index'), entries, (h, e) => {
      const acc = h.var('acc', f32(0));
      h.if(lt(e, entriesA), (ta) => {
        const acc4 = o.simd ? ta.var('acc4', splat(f32(0))) : undefined;
        // dWa[er, ec] = Σ_n Σ_blocks Σ_w' dY[row0 + r, w'] · T[col0 + j, w']
        const er = ta.let('er', div(e, p.a.kc));
        const ec = ta.let('ec', mod(e, p.a.kc));
        const count = placementCount(ta, p.a);
        ta.for('n', u32(0), uniform('batch'), (tn, n) => {
          const plane = tn.let('plane', add(mul(n, channels), c));
          tn.for('blk', u32(0), count, (tb, q) => {
            const blk = placementAt(tb, p.a, q);
            ifInPlacement(tb, er, ec, blk, (tc, r, j) => {
              const dyBase = tc.let('dy_base', mul(add(mul(plane, s.outH), add(blk.row0, r)), s.outW));
              const tBase = tc.let('t_base', mul(add(mul(plane, s.inH), add(blk.col0, j)), s.outW));
              const tailStart = acc4 ? tc.let('w_tail', mul(div(s.outW, u32(4)), u32(4))) : u32(0);
              if (acc4) {
                tc.for('w4', u32(0), tailStart, (tw, w) =>
                  tw.assign(acc4.name, multiplyAdd(o, acc4.ref, loadVec4('dy', add(dyBase, w)), loadVec4('t', add(tBase, w)))), { step: u32(4) });
              }
              tc.for('w', tailStart, s.outW, (tw, w) =>
                tw.assign(acc.name, add(acc.ref, mul(load('dy', add(dyBase, w)), load('t', add(tBase, w))))));
            });
          });
        });
        const total = acc4 ? add(acc.ref, add(add(lane(acc4.ref, 0), lane(acc4.ref, 1)), add(lane(acc4.ref, 2), lane(acc4.ref, 3)))) : acc.ref;
        ta.store('gwa', add(p.waBase, e), total);
      }, (tb0) => {
        // dWb[er, ec] = Σ_n Σ_blocks Σ_h X[h, row0 + i] · dT[h, col0 + j]
        const eb = tb0.let('eb', sub(e, entriesA));
        const er = tb0.let('er', div(eb, p.b.kc));
        const ec = tb0.let('ec', mod(eb, p.b.kc));
        const count = placementCount(tb0, p.b);
        tb0.for('n', u32(0), uniform('batch'), (tn, n) => {
          const plane = tn.let('plane', add(mul(n, channels), c));
          tn.for('blk', u32(0), count, (tb, q) => {
            const blk = placementAt(tb, p.b, q);
            ifInPlacement(tb, er, ec, blk, (tc, i, j) => {
              const xBase = tc.let('x_base', add(mul(plane, mul(s.inH, s.inW)), add(blk.row0, i)));
              const dtBase = tc.let('dt_base', add(mul(plane, mul(s.inH, s.outW)), add(blk.col0, j)));
              tc.for('h', u32(0), s.inH, (th, hh) =>
                th.assign(acc.name, add(acc.ref, mul(load('x', add(xBase, mul(hh, s.inW))), load('dt', add(dtBase, mul(hh, s.outW)))))));
            });
          });
        });
        tb0.store('gwb', add(p.wbBase, eb), acc.ref);
      });
    }, { step: u32(o.workgroupSize) });
  });
  return kernel('neocell_bwd_dw', o, [read('x'), read('dy'), read('t'), read('dt'), read('wa'), read('wb'), write('gwa'), write('gwb')], b,
    `grad weight_a = Σ dY·Tᵀ and grad weight_b = Σ Xᵀ·dT, summed over images and block positions${o.simd ? ' (dWa: vec4 along W\')' : ''}`);
}

export function backwardKernel(name: BackwardKernelName, o: BackwardKernelOptions): KernelIR {
  switch (name) {
    case 'neocell_fwd_t': return fwdTKernel(o);
    case 'neocell_bwd_dt': return bwdDtKernel(o);
    case 'neocell_bwd_dx': return bwdDxKernel(o);
    case 'neocell_bwd_dw': return bwdDwKernel(o);
  }
}
