import { add, and, ceilDiv, div, lt, min, mod, mul, select, sub, u32, type BlockBuilder } from '../../compiler/ir/build.js';
import type { Expr } from '../../compiler/ir/ir.js';

/**
 * One block-diagonal matrix of one channel, as IR expressions (literals when specialized): `rows` x `cols` built
 * from a `kr` x `kc` kernel with shift offset `offset` — the same placement rules as compiler/plan/block-layout.ts,
 * written as arithmetic so kernels find a block without tables.
 */
export interface MatrixLayoutIR {
  readonly rows: Expr;
  readonly cols: Expr;
  readonly kr: Expr;
  readonly kc: Expr;
  readonly offset: Expr;
}

export interface PlacementIR {
  readonly row0: Expr;
  readonly col0: Expr;
  readonly kRow0: Expr;
  readonly kCol0: Expr;
  readonly rows: Expr;
  readonly cols: Expr;
}

const hasCorner = (m: MatrixLayoutIR): Expr => lt(u32(0), m.offset);

/** Number of placements: the corner (if shifted) plus every full/truncated block that starts inside the matrix. */
export function placementCount(b: BlockBuilder, m: MatrixLayoutIR): Expr {
  const full = min(ceilDiv(sub(m.rows, m.offset), m.kr), ceilDiv(sub(m.cols, m.offset), m.kc));
  return b.let('placements', add(select(hasCorner(m), u32(1), u32(0)), full));
}

/** Placement number `p` (< placementCount): 0 is the corner when the matrix is shifted. */
export function placementAt(b: BlockBuilder, m: MatrixLayoutIR, p: Expr): PlacementIR {
  const corner = b.let('is_corner', and(hasCorner(m), lt(p, u32(1))));
  const i = b.let('block', select(corner, u32(0), sub(p, select(hasCorner(m), u32(1), u32(0)))));
  const row0 = b.let('row0', select(corner, u32(0), add(m.offset, mul(i, m.kr))));
  const col0 = b.let('col0', select(corner, u32(0), add(m.offset, mul(i, m.kc))));
  return {
    row0,
    col0,
    kRow0: b.let('k_row0', select(corner, sub(m.kr, m.offset), u32(0))),
    kCol0: b.let('k_col0', select(corner, sub(m.kc, m.offset), u32(0))),
    rows: b.let('block_rows', select(corner, m.offset, min(m.kr, sub(m.rows, row0)))),
    cols: b.let('block_cols', select(corner, m.offset, min(m.kc, sub(m.cols, col0)))),
  };
}

/** The placement holding matrix column `col`: its first row, kernel row, kernel column and row count (0 if none). */
export function placementOfColumn(b: BlockBuilder, m: MatrixLayoutIR, col: Expr): { row0: Expr; kRow0: Expr; kCol: Expr; rows: Expr } {
  const corner = b.let('col_in_corner', lt(col, m.offset));
  const rel = b.let('col_rel', select(corner, u32(0), sub(col, m.offset)));
  const row0 = b.let('hit_row0', select(corner, u32(0), add(m.offset, mul(div(rel, m.kc), m.kr))));
  return {
    row0,
    kRow0: b.let('hit_k_row0', select(corner, sub(m.kr, m.offset), u32(0))),
    kCol: b.let('hit_k_col', select(corner, add(sub(m.kc, m.offset), col), mod(rel, m.kc))),
    rows: b.let('hit_rows', select(corner, m.offset, select(lt(row0, m.rows), min(m.kr, sub(m.rows, select(lt(row0, m.rows), row0, u32(0)))), u32(0)))),
  };
}

/** The placement holding matrix row `row`: its first column, kernel column, kernel row and column count (0 if none). */
export function placementOfRow(b: BlockBuilder, m: MatrixLayoutIR, row: Expr): { col0: Expr; kCol0: Expr; kRow: Expr; cols: Expr } {
  const corner = b.let('row_in_corner', lt(row, m.offset));
  const rel = b.let('row_rel', select(corner, u32(0), sub(row, m.offset)));
  const col0 = b.let('hit_col0', select(corner, u32(0), add(m.offset, mul(div(rel, m.kr), m.kc))));
  return {
    col0,
    kCol0: b.let('hit_k_col0', select(corner, sub(m.kc, m.offset), u32(0))),
    kRow: b.let('hit_k_row', select(corner, add(sub(m.kr, m.offset), row), mod(rel, m.kr))),
    cols: b.let('hit_cols', select(corner, m.offset, select(lt(col0, m.cols), min(m.kc, sub(m.cols, select(lt(col0, m.cols), col0, u32(0)))), u32(0)))),
  };
}
