import { makeArtifact, type KernelArtifact } from '../../../compiler/artifact.js';
import {
  BlockBuilder, add, and, builtin, div, finishKernel, load, lt, min, mod, mul, sub, u32, uniform,
} from '../../../compiler/ir/build.js';
import type { Expr, KernelIR } from '../../../compiler/ir/ir.js';
import type { Grid, UniformValues } from '../../neocell/launch.js';

/**
 * Linear over channels-last rows, as a framework's GEMM + bias epilogue: out[r, o] = bias[o] + Σ_k in[r, k]·wt[k, o]
 * with wt = Wᵀ [in, out] (pre-transposed at load, like a framework's packed weight) and rows = N·H·W a run-time
 * uniform. Register-tiled exactly like the `registers` dense baseline (kernels/baselines/dense-matmul.ts), the
 * staging that measured 3-5x faster than shared-memory tiles on lavapipe: each workgroup owns a tm x tn output tile,
 * each invocation rm x rn accumulators fed straight from storage.
 */
export interface LinearTile {
  readonly tm: number;
  readonly tn: number;
  readonly rm: number;
  readonly rn: number;
}

export interface LinearKernelOptions extends LinearTile {
  readonly inFeatures: number;
  readonly outFeatures: number;
}

/** The tiles a bench autotunes over (the dense baseline's register tiles for > 16-wide outputs). */
export const LINEAR_TILE_CANDIDATES: readonly LinearTile[] = [
  { tm: 32, tn: 32, rm: 4, rn: 4 },
  { tm: 64, tn: 64, rm: 8, rn: 8 },
  { tm: 64, tn: 32, rm: 8, rn: 4 },
];
export const DEFAULT_LINEAR_TILE: LinearTile = LINEAR_TILE_CANDIDATES[0]!;

export function linearKernel(o: LinearKernelOptions): KernelIR {
  const { inFeatures: K, outFeatures: N, tm, tn, rm, rn } = o;
  const colThreads = tn / rn;
  const rowThreads = tm / rm;
  const rowsU = uniform('rows');
  const b = new BlockBuilder();
  const row0 = b.let('row0', mul(add(builtin('workgroup_id.y'), mul(builtin('workgroup_id.z'), u32(65535))), u32(tm)));
  const col0 = b.let('col0', mul(builtin('workgroup_id.x'), u32(tn)));
  const tx = b.let('tx', mod(builtin('local_index'), u32(colThreads)));
  const ty = b.let('ty', div(builtin('local_index'), u32(colThreads)));
  const rows = Array.from({ length: rm }, (_, i) => b.let('row', add(row0, add(ty, u32(i * rowThreads)))));
  const cols = Array.from({ length: rn }, (_, j) => b.let('col', add(col0, add(tx, u32(j * colThreads)))));
  // Rows/columns past the edge read a clamped (valid) element; their results are never stored.
  const inRow = rows.map((r) => b.let('in_row', mul(min(r, sub(rowsU, u32(1))), u32(K))));
  const wCol = cols.map((c) => b.let('w_col', min(c, u32(N - 1))));
  const acc = rows.map(() => wCol.map((c) => b.var('acc', load('bias', c))));
  b.for('k', u32(0), u32(K), (s, k) => {
    const av: Expr[] = inRow.map((base) => s.let('a', load('x', add(base, k))));
    const wv: Expr[] = wCol.map((c) => s.let('w', load('wt', add(mul(k, u32(N)), c))));
    for (let i = 0; i < rm; i++) for (let j = 0; j < rn; j++) s.assign(acc[i]![j]!.name, add(acc[i]![j]!.ref, mul(av[i]!, wv[j]!)));
  });
  rows.forEach((row, i) => cols.forEach((col, j) => {
    b.if(and(lt(row, rowsU), lt(col, u32(N))), (s) => s.store('y', add(mul(row, u32(N)), col), acc[i]![j]!.ref));
  }));
  return finishKernel({
    name: 'linear_bias',
    workgroupSize: colThreads * rowThreads,
    buffers: [
      { name: 'x', access: 'read', elem: 'f32' },
      { name: 'wt', access: 'read', elem: 'f32' },
      { name: 'bias', access: 'read', elem: 'f32' },
      { name: 'y', access: 'read_write', elem: 'f32' },
    ],
    uniforms: [{ name: 'rows', type: 'u32' }],
    shared: [],
    body: b.stmts,
    doc: [
      `neocc unfused linear_bias: y [rows, ${N}] = x [rows, ${K}] · wt [${K}, ${N}] + bias, register tile ${tm}x${tn}, ${rm}x${rn} per invocation`,
      'run-time: rows = N·H·W (uniform)',
    ],
  });
}

export function compileLinear(o: LinearKernelOptions): KernelArtifact {
  return makeArtifact(linearKernel(o), 'wgsl', { op: 'unfused-linear', ...o });
}

/** Grid: x = column tiles, y (and z past 65535) = row tiles. */
export function linearLaunch(o: LinearKernelOptions, rows: number): { grid: Grid; uniforms: UniformValues } {
  const rowTiles = Math.ceil(rows / o.tm);
  const y = Math.min(rowTiles, 65535);
  return { grid: [Math.ceil(o.outFeatures / o.tn), y, Math.ceil(rowTiles / 65535)], uniforms: { rows } };
}
