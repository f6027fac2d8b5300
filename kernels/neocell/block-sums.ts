import { add, f32, load, lt, mul, u32, type BlockBuilder } from '../../compiler/ir/build.js';
import type { Expr } from '../../compiler/ir/ir.js';
import type { ChannelParams } from './channel-params.js';
import { placementOfColumn } from './matrix-layout-ir.js';

/**
 * T[h, col] = Σ_i X[h, row0 + i] · B[row0 + i, col] over the B block holding output column `col` (≤ k_b terms,
 * unrolled when k_b is baked). `xRowBase` indexes X[h, 0] in buffer `x`; returns the accumulator.
 */
export function sumXTimesB(b: BlockBuilder, p: ChannelParams, xRowBase: Expr, col: Expr): Expr {
  const hit = placementOfColumn(b, p.b, col);
  const xRow = b.let('x_row', add(xRowBase, hit.row0));
  const wRow = b.let('wb_row', add(p.wbBase, add(mul(hit.kRow0, p.b.kc), hit.kCol)));
  const acc = b.var('acc', f32(0));
  b.for('i', u32(0), p.b.kr, (t, i) => t.if(lt(i, hit.rows), (u) =>
    u.assign(acc.name, add(acc.ref, mul(load('x', add(xRow, i)), load('wb', add(wRow, mul(i, p.b.kc))))))));
  return acc.ref;
}
