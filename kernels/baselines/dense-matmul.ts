import { makeArtifact, type KernelArtifact } from '../../compiler/artifact.js';
import type { KernelTarget } from '../../compiler/targets/target.js';
import {
  BlockBuilder, add, and, builtin, div, f32, finishKernel, load, lt, min, mod, mul, select, sub, u32, uniform,
} from '../../compiler/ir/build.js';
import type { Expr, KernelIR, UniformField } from '../../compiler/ir/ir.js';
import type { NeoCellPlan } from '../../compiler/plan/neocell-plan.js';
import type { Grid, UniformValues } from '../../compiler/launch.js';

/**
 * Batched dense matmul out[p] = lhs[p % lhs_mod] · rhs[p % rhs_mod] for planes p (lhs [m, k], rhs [k, n], all
 * row-major f32): the baseline that runs NeoCell the way upstream PyTorch does (dense block-diagonal matrices,
 * two bmm calls). Each workgroup owns a tm x tn output tile and each invocation keeps rm x rn accumulators in
 * registers. Two ways to feed them:
 * - `shared`: the classic GPU GEMM — stage tm x tk of lhs and tk x tn of rhs in workgroup memory per step of k,
 *   barrier, multiply from the tiles;
 * - `registers`: read lhs/rhs straight from storage into the rm + rn operands of each k step. On CPU adapters
 *   (lavapipe) workgroup memory is ordinary memory and every barrier splits the shader into coroutines, so this is
 *   the faster dense kernel there (4-5x at 56x56x56 on lavapipe); a library tuned for the device would pick it, so
 *   the bench autotunes over both.
 * Sizes are run-time uniforms, like a BLAS library's; only the tile shape is baked.
 */
export interface DenseTile {
  readonly staging: 'shared' | 'registers';
  readonly tm: number;
  readonly tn: number;
  /** k per shared tile (`shared`; unused by `registers`). */
  readonly tk: number;
  /** Outputs per invocation along m and n; (tm/rm)·(tn/rn) is the workgroup size. */
  readonly rm: number;
  readonly rn: number;
}

export const DENSE_MATMUL_UNIFORMS: readonly UniformField[] = [
  { name: 'm', type: 'u32' },
  { name: 'n', type: 'u32' },
  { name: 'k', type: 'u32' },
  { name: 'lhs_mod', type: 'u32' },
  { name: 'rhs_mod', type: 'u32' },
];

/**
 * The tiles worth trying for an m x n output, as a BLAS library keeps a few kernels per size class: big tiles for
 * the 28..96-wide stage planes, small ones for 7- and 14-wide planes (a 32-wide tile would be mostly padding there).
 * Shared-memory staging in the GPU-classic shapes, register staging in the shapes that measured best on lavapipe.
 * The bench times them on the device and keeps the fastest per matmul.
 */
export function denseTileCandidates(m: number, n: number): DenseTile[] {
  const size = Math.min(m, n);
  const shared = (t: number, tk: number, r: number): DenseTile => ({ staging: 'shared', tm: t, tn: t, tk, rm: r, rn: r });
  const registers = (tm: number, tn: number, rm: number, rn: number): DenseTile => ({ staging: 'registers', tm, tn, tk: 1, rm, rn });
  if (size > 16) return [shared(32, 16, 4), shared(64, 8, 8), registers(32, 32, 4, 4), registers(64, 64, 8, 8), registers(64, 32, 8, 4)];
  if (size > 8) return [shared(16, 16, 2), registers(16, 16, 2, 2), registers(16, 16, 4, 4)];
  return [shared(8, 8, 1), registers(8, 8, 1, 1), registers(8, 8, 2, 2)];
}

const LHS_TILE = 'lhs_tile';
const RHS_TILE = 'rhs_tile';

/** Stages a rows x cols tile of `buffer` (row stride `stride`) into shared `tile`; zeros outside [rowEnd, colEnd). */
function stageTile(
  b: BlockBuilder, wg: number, tile: string, buffer: string, base: Expr, stride: Expr,
  rows: number, cols: number, row0: Expr, col0: Expr, rowEnd: Expr, colEnd: Expr,
): void {
  for (let q = 0; q < (rows * cols) / wg; q++) {
    const e = b.let(`${tile}_e`, add(builtin('local_index'), u32(q * wg)));
    const r = add(row0, div(e, u32(cols)));
    const c = add(col0, mod(e, u32(cols)));
    const inside = b.let(`${tile}_in`, and(lt(r, rowEnd), lt(c, colEnd)));
    // Branch-free: clamp the index to 0 outside and select zero, so SIMD lanes never diverge on the edge.
    const index = select(inside, add(base, add(mul(r, stride), c)), u32(0));
    b.store(tile, e, select(inside, load(buffer, index), f32(0)));
  }
}

type Acc = { ref: Expr; name: string };

/** acc[i][j] += a[i] · b[j] for one k. */
function outerProduct(s: BlockBuilder, acc: Acc[][], av: Expr[], bv: Expr[]): void {
  for (let i = 0; i < av.length; i++) for (let j = 0; j < bv.length; j++) s.assign(acc[i]![j]!.name, add(acc[i]![j]!.ref, mul(av[i]!, bv[j]!)));
}

export function denseMatmulKernel(t: DenseTile): KernelIR {
  const colThreads = t.tn / t.rn;
  const rowThreads = t.tm / t.rm;
  const wg = colThreads * rowThreads;
  if (t.staging === 'shared' && ((t.tm * t.tk) % wg !== 0 || (t.tk * t.tn) % wg !== 0)) {
    throw new Error(`dense tile ${JSON.stringify(t)}: tiles must split evenly over ${wg} invocations`);
  }
  const [m, n, k] = [uniform('m'), uniform('n'), uniform('k')];
  const b = new BlockBuilder();
  const plane = b.let('plane', builtin('workgroup_id.z'));
  const lhsBase = b.let('lhs_base', mul(mod(plane, uniform('lhs_mod')), mul(m, k)));
  const rhsBase = b.let('rhs_base', mul(mod(plane, uniform('rhs_mod')), mul(k, n)));
  const row0 = b.let('row0', mul(builtin('workgroup_id.y'), u32(t.tm)));
  const col0 = b.let('col0', mul(builtin('workgroup_id.x'), u32(t.tn)));
  const tx = b.let('tx', mod(builtin('local_index'), u32(colThreads)));
  const ty = b.let('ty', div(builtin('local_index'), u32(colThreads)));
  // Invocation (ty, tx) owns rows ty + i·rowThreads and columns tx + j·colThreads: neighbouring invocations touch
  // neighbouring columns, so loads and stores stay contiguous across SIMD lanes.
  const rows = Array.from({ length: t.rm }, (_, i) => b.let('row', add(row0, add(ty, u32(i * rowThreads)))));
  const cols = Array.from({ length: t.rn }, (_, j) => b.let('col', add(col0, add(tx, u32(j * colThreads)))));
  const acc = rows.map((_, i) => cols.map((_, j) => b.var(`acc_${i}_${j}`, f32(0))));

  if (t.staging === 'shared') {
    b.for('k0', u32(0), k, (s, k0) => {
      stageTile(s, wg, LHS_TILE, 'lhs', lhsBase, k, t.tm, t.tk, row0, k0, m, k);
      stageTile(s, wg, RHS_TILE, 'rhs', rhsBase, n, t.tk, t.tn, k0, col0, k, n);
      s.barrier();
      for (let kk = 0; kk < t.tk; kk++) {
        const av = rows.map((_, i) => s.let('a', load(LHS_TILE, add(mul(add(ty, u32(i * rowThreads)), u32(t.tk)), u32(kk)))));
        const bv = cols.map((_, j) => s.let('b', load(RHS_TILE, add(u32(kk * t.tn), add(tx, u32(j * colThreads))))));
        outerProduct(s, acc, av, bv);
      }
      s.barrier();
    }, { step: u32(t.tk) });
  } else {
    // Rows/columns past the edge read a clamped (valid) element; their results are never stored.
    const lhsRow = rows.map((r) => b.let('lhs_row', add(lhsBase, mul(min(r, sub(m, u32(1))), k))));
    const rhsCol = cols.map((c) => b.let('rhs_col', add(rhsBase, min(c, sub(n, u32(1))))));
    // One k per iteration: unrolling by 2-8 measured slower on lavapipe (register pressure with 16-64 accumulators).
    b.for('kk', u32(0), k, (s, kk) => {
      const av = lhsRow.map((base) => s.let('a', load('lhs', add(base, kk))));
      const bv = rhsCol.map((base) => s.let('b', load('rhs', add(base, mul(kk, n)))));
      outerProduct(s, acc, av, bv);
    });
  }

  const outBase = b.let('out_base', mul(plane, mul(m, n)));
  rows.forEach((row, i) => cols.forEach((col, j) => {
    b.if(and(lt(row, m), lt(col, n)), (s) => s.store('out', add(outBase, add(mul(row, n), col)), acc[i]![j]!.ref));
  }));

  return finishKernel({
    name: `dense_batched_matmul_${t.staging}`,
    workgroupSize: wg,
    buffers: [
      { name: 'lhs', access: 'read', elem: 'f32' },
      { name: 'rhs', access: 'read', elem: 'f32' },
      { name: 'out', access: 'read_write', elem: 'f32' },
    ],
    uniforms: DENSE_MATMUL_UNIFORMS,
    shared: t.staging === 'shared' ? [{ name: LHS_TILE, elem: 'f32', length: t.tm * t.tk }, { name: RHS_TILE, elem: 'f32', length: t.tk * t.tn }] : [],
    body: b.stmts,
    doc: [
      `neocc dense_batched_matmul: out[p] = lhs[p % lhs_mod] · rhs[p % rhs_mod], ${denseTileText(t)}`,
      'baseline: the upstream (dense block-diagonal) NeoCell method; run-time: m, n, k and batch mapping (uniforms)',
    ],
  });
}

export function denseTileText(t: DenseTile): string {
  return `${t.staging} ${t.tm}x${t.tn}${t.staging === 'shared' ? `x${t.tk}` : ''} tile, ${t.rm}x${t.rn} per invocation`;
}

export function compileDenseMatmul(tile: DenseTile, target: KernelTarget): KernelArtifact {
  return makeArtifact(denseMatmulKernel(tile), target, { baseline: 'dense-matmul', tile });
}

/** One bmm of the dense NeoCell: which operands it multiplies and its sizes (the tile is chosen per device). */
export interface DenseMatmulStep {
  readonly lhs: 'a' | 't';
  readonly rhs: 'x' | 'b';
  readonly out: 't' | 'y';
  readonly m: number;
  readonly n: number;
  readonly k: number;
  readonly planes: number;
  readonly uniforms: UniformValues;
}

/** Grid for `step` with `tile`: x = column tiles, y = row tiles, z = planes. */
export function denseGrid(step: DenseMatmulStep, tile: DenseTile): Grid {
  return [Math.ceil(step.n / tile.tn), Math.ceil(step.m / tile.tm), step.planes];
}

/**
 * Upstream's order, Y = (A·X)·B: T [N, C, H', W] = A_c · X, then Y = T · B_c. The matrices are per channel
 * (index p % C), the activations per plane (p % N·C = p).
 */
export function denseNeoCellSteps(plan: NeoCellPlan): readonly [DenseMatmulStep, DenseMatmulStep] {
  const [batch, channels, inH, inW] = plan.inputShape;
  const [, , outH, outW] = plan.outputShape;
  const planes = batch * channels;
  const step = (lhs: DenseMatmulStep['lhs'], rhs: DenseMatmulStep['rhs'], out: DenseMatmulStep['out'], m: number, n: number, k: number, lhsMod: number, rhsMod: number): DenseMatmulStep =>
    ({ lhs, rhs, out, m, n, k, planes, uniforms: { m, n, k, lhs_mod: lhsMod, rhs_mod: rhsMod } });
  return [
    step('a', 'x', 't', outH, inW, inH, channels, planes),
    step('t', 'b', 'y', outH, outW, inW, planes, channels),
  ];
}
