/**
 * Where the pieces of one small kernel land in one big block-diagonal matrix (docs/DESIGN-NOTES.md §2, upstream
 * `assign_blocks_forward`). Each placement copies kernel[kRow0 + i][kCol0 + j] to matrix[row0 + i][col0 + j]
 * for i < rows, j < cols.
 */
export interface BlockPlacement {
  readonly row0: number;
  readonly col0: number;
  readonly kRow0: number;
  readonly kCol0: number;
  readonly rows: number;
  readonly cols: number;
}

/**
 * Placements for a matrix of `matRows` x `matCols` built from a `kRows` x `kCols` kernel with shift offset `offset`:
 * - offset > 0 (square kernels only): the top-left offset x offset corner holds the kernel's bottom-right corner;
 * - full blocks then start at (offset + i*kRows, offset + i*kCols);
 * - a block that runs past the matrix edge keeps only the kernel's top-left part that fits (a truncation, not a
 *   cyclic wrap). Empty placements are dropped.
 */
export function blockPlacements(
  matRows: number, matCols: number, kRows: number, kCols: number, offset: number,
): BlockPlacement[] {
  const placements: BlockPlacement[] = [];
  if (offset > 0) {
    placements.push({ row0: 0, col0: 0, kRow0: kRows - offset, kCol0: kCols - offset, rows: offset, cols: offset });
  }
  for (let i = 0; ; i++) {
    const row0 = offset + i * kRows;
    const col0 = offset + i * kCols;
    if (row0 >= matRows || col0 >= matCols) break;
    placements.push({ row0, col0, kRow0: 0, kCol0: 0, rows: Math.min(kRows, matRows - row0), cols: Math.min(kCols, matCols - col0) });
  }
  return placements;
}
