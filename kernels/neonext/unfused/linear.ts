import { makeArtifact, type KernelArtifact } from '../../../compiler/artifact.js';
import {
  BlockBuilder, add, and, builtin, div, finishKernel, load, lt, min, mod, mul, sub, u32, uniform,
} from '../../../compiler/ir/build.js';
import type { BufferDecl, Expr, KernelIR } from '../../../compiler/ir/ir.js';
import type { Grid, UniformValues } from '../../../compiler/launch.js';
import type { KernelTarget } from '../../../compiler/targets/target.js';
import { gelu } from '../../../compiler/ir/math.js';

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

/**
 * What happens to an accumulator (bias already in it) before the store:
 * - `bias`: y [rows, out] = acc (the plain Linear);
 * - `bias-gelu`: y [rows, out] = GELU(acc), exact erf form (fc_1 of the two-GEMM MLP, kernels/neonext/mlp-two-gemm.ts);
 * - `bias-residual-nchw`: y [n, out, p] = res [n, out, p] + acc with row = n·plane + p (fc_2 + residual, written
 *   NCHW; one more read-only binding `res` and a `plane` uniform).
 */
export type LinearEpilogue = 'bias' | 'bias-gelu' | 'bias-residual-nchw';

export interface LinearKernelOptions extends LinearTile {
  readonly inFeatures: number;
  readonly outFeatures: number;
  /** Default `bias`. */
  readonly epilogue?: LinearEpilogue;
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
  const epilogue = o.epilogue ?? 'bias';
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
  const plane = uniform('plane');
  // NCHW epilogue: row = n·plane + p, so the image and pixel of each register row are computed once.
  const nchwRow = epilogue === 'bias-residual-nchw'
    ? rows.map((r) => ({ base: b.let('n_base', mul(div(r, plane), u32(N))), p: b.let('p', mod(r, plane)) }))
    : [];
  rows.forEach((row, i) => cols.forEach((col, j) => {
    b.if(and(lt(row, rowsU), lt(col, u32(N))), (s) => {
      const value = acc[i]![j]!.ref;
      if (epilogue === 'bias-residual-nchw') {
        const at = s.let('at', add(mul(add(nchwRow[i]!.base, col), plane), nchwRow[i]!.p));
        s.store('y', at, add(load('res', at), value));
      } else {
        s.store('y', add(mul(row, u32(N)), col), epilogue === 'bias-gelu' ? gelu(s, value) : value);
      }
    });
  }));
  const name = linearKernelName(epilogue);
  const what = linearKernelWhat(epilogue, K, N);
  return finishKernel({
    name,
    workgroupSize: colThreads * rowThreads,
    ...linearInterface(epilogue),
    shared: [],
    body: b.stmts,
    doc: [`neocc ${name}: ${what}, register tile ${tm}x${tn}, ${rm}x${rn} per invocation`, linearRunTimeDoc(epilogue)],
  });
}

/**
 * Bindings and uniforms every Linear kernel shares (./linear-vec4.ts too): x, wt, bias (absent for `none`, a plain
 * matmul), res (residual epilogue only), y; uniforms rows (and plane for the NCHW residual store).
 */
export function linearInterface(epilogue: LinearEpilogue | 'none'): Pick<KernelIR, 'buffers' | 'uniforms'> {
  const read = (name: string): BufferDecl => ({ name, access: 'read', elem: 'f32' });
  const nchw = epilogue === 'bias-residual-nchw';
  return {
    buffers: [read('x'), read('wt'), ...(epilogue === 'none' ? [] : [read('bias')]), ...(nchw ? [read('res')] : []), { name: 'y', access: 'read_write', elem: 'f32' }],
    uniforms: nchw ? [{ name: 'rows', type: 'u32' }, { name: 'plane', type: 'u32' }] : [{ name: 'rows', type: 'u32' }],
  };
}

export function linearRunTimeDoc(epilogue: LinearEpilogue | 'none'): string {
  return epilogue === 'bias-residual-nchw' ? 'run-time: rows = N·H·W, plane = H·W (uniforms)' : 'run-time: rows = N·H·W (uniform)';
}

export function linearKernelName(epilogue: LinearEpilogue): string {
  return epilogue === 'bias' ? 'linear_bias' : epilogue === 'bias-gelu' ? 'linear_bias_gelu' : 'linear_bias_residual_nchw';
}

/** What a Linear kernel computes, for its doc header. */
export function linearKernelWhat(epilogue: LinearEpilogue, K: number, N: number): string {
  return epilogue === 'bias' ? `y [rows, ${N}] = x [rows, ${K}] · wt [${K}, ${N}] + bias`
    : epilogue === 'bias-gelu' ? `y [rows, ${N}] = GELU(x [rows, ${K}] · wt [${K}, ${N}] + bias)`
      : `y [n, ${N}, plane] (NCHW) = res (NCHW) + x [n·plane, ${K}] · wt [${K}, ${N}] + bias`;
}

export function compileLinear(o: LinearKernelOptions, target: KernelTarget): KernelArtifact {
  return makeArtifact(linearKernel(o), target, { op: 'unfused-linear', ...o });
}

/** Grid: x = column tiles, y (and z past 65535) = row tiles. `plane` (H·W) only for the `bias-residual-nchw` epilogue. */
export function linearLaunch(o: LinearKernelOptions, rows: number, plane?: number): { grid: Grid; uniforms: UniformValues } {
  const rowTiles = Math.ceil(rows / o.tm);
  const y = Math.min(rowTiles, 65535);
  const grid: Grid = [Math.ceil(o.outFeatures / o.tn), y, Math.ceil(rowTiles / 65535)];
  if (o.epilogue === 'bias-residual-nchw') {
    if (plane === undefined) throw new RangeError('linearLaunch: the bias-residual-nchw epilogue needs the plane size');
    return { grid, uniforms: { rows, plane } };
  }
  return { grid, uniforms: { rows } };
}
