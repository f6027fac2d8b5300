/**
 * An independent oracle for NeoCell, written as a literal port of upstream (csrc/neocell.cpp `get_matrices_forward`
 * / `get_matrices_backward` and `NeoCellMatrices` in neonext_utils.py): dense matrices assembled with the same
 * `repeats` / `rem_h` / `rem_w` arithmetic, then dense matmuls. It shares no code with compiler/plan or
 * nn/reference, so agreement between the two is evidence, not tautology.
 */
export interface OracleGroup {
  hIn: number; hOut: number; wIn: number; wOut: number; shiftA: number; shiftB: number; channels: number;
}

type Matrix = Float64Array; // row-major

function assignBlocksForward(
  m: Matrix, rows: number, cols: number, w: ArrayLike<number>, wOff: number, kH: number, kW: number, shift: number,
): void {
  if (shift !== 0) {
    if (shift > rows || shift > cols) throw new Error('oracle: torch would reject a corner larger than the matrix');
    for (let i = 0; i < shift; i++)
      for (let j = 0; j < shift; j++) m[i * cols + j] = w[wOff + (kH - shift + i) * kW + (kW - shift + j)]!;
  }
  const repeats = Math.max(Math.ceil((rows - shift) / kH), Math.ceil((cols - shift) / kW));
  for (let i = 0; i < repeats; i++) {
    const remH = kH - Math.max(0, (i + 1) * kH - (rows - shift));
    const remW = kW - Math.max(0, (i + 1) * kW - (cols - shift));
    if (remH < 0 || remW < 0) throw new Error('oracle: torch would reject this slice assignment');
    for (let r = 0; r < remH; r++)
      for (let c = 0; c < remW; c++) m[(shift + i * kH + r) * cols + shift + i * kW + c] = w[wOff + r * kW + c]!;
  }
}

function sumBlocksBackward(
  g: Matrix, rows: number, cols: number, grad: Float64Array, gOff: number, kH: number, kW: number, shift: number,
): void {
  if (shift !== 0) {
    for (let i = 0; i < shift; i++)
      for (let j = 0; j < shift; j++) grad[gOff + (kH - shift + i) * kW + (kW - shift + j)] = g[i * cols + j]!;
  }
  const repeats = Math.max(Math.ceil((rows - shift) / kH), Math.ceil((cols - shift) / kW));
  for (let i = 0; i < repeats; i++) {
    const remH = kH - Math.max(0, (i + 1) * kH - (rows - shift));
    const remW = kW - Math.max(0, (i + 1) * kW - (cols - shift));
    for (let r = 0; r < remH; r++)
      for (let c = 0; c < remW; c++) grad[gOff + r * kW + c] += g[(shift + i * kH + r) * cols + shift + i * kW + c]!;
  }
}

/** Per-channel sub-group offsets exactly as upstream loops compute them. */
function offsetsOf(channels: number, k: number, shift: number): number[] {
  const num = shift > 0 ? Math.floor((k - 1) / shift) + 1 : 1;
  const size = Math.floor(channels / num);
  const offsets: number[] = [];
  for (let s = 0; s < num; s++) {
    const end = s === num - 1 ? channels : (s + 1) * size;
    for (let c = s * size; c < end; c++) offsets[c] = s * shift;
  }
  return offsets;
}

export interface DenseMatrices {
  /** a[c] is [aRows, aCols] = [H', H]; b[c] is [bRows, bCols] = [W, W']. */
  a: Matrix[]; b: Matrix[]; aRows: number; aCols: number; bRows: number; bCols: number;
}

export function upstreamMatrices(
  groups: readonly OracleGroup[], wa: readonly ArrayLike<number>[], wb: readonly ArrayLike<number>[], h: number, w: number,
): DenseMatrices {
  // calculate_matrix_size: max over groups (the specs under test never mix output sizes).
  const aRows = Math.max(...groups.map((g) => (g.hIn === g.hOut ? h : Math.floor((h / g.hIn) * g.hOut))));
  const bCols = Math.max(...groups.map((g) => (g.wIn === g.wOut ? w : Math.floor((w / g.wIn) * g.wOut))));
  const a: Matrix[] = [];
  const b: Matrix[] = [];
  groups.forEach((g, j) => {
    const offA = offsetsOf(g.channels, g.hOut, g.shiftA);
    const offB = offsetsOf(g.channels, g.wIn, g.shiftB);
    for (let c = 0; c < g.channels; c++) {
      const ma = new Float64Array(aRows * h);
      assignBlocksForward(ma, aRows, h, wa[j]!, c * g.hOut * g.hIn, g.hOut, g.hIn, offA[c]!);
      a.push(ma);
      const mb = new Float64Array(w * bCols);
      assignBlocksForward(mb, w, bCols, wb[j]!, c * g.wIn * g.wOut, g.wIn, g.wOut, offB[c]!);
      b.push(mb);
    }
  });
  return { a, b, aRows, aCols: h, bRows: w, bCols };
}

/** C[m, n] = sum_k A[m, k] B[k, n] with optional transposes (row-major inputs). */
function matmul(A: Matrix, B: Matrix, m: number, k: number, n: number, tA = false, tB = false): Matrix {
  const C = new Float64Array(m * n);
  for (let i = 0; i < m; i++)
    for (let j = 0; j < n; j++) {
      let acc = 0;
      for (let p = 0; p < k; p++) acc += (tA ? A[p * m + i]! : A[i * k + p]!) * (tB ? B[j * k + p]! : B[p * n + j]!);
      C[i * n + j] = acc;
    }
  return C;
}

export interface OracleResult {
  y: Float64Array; gradX: Float64Array; gradA: Float64Array[]; gradB: Float64Array[];
}

/** y = (A·x)·B per image and channel, and the upstream backward for `gradY`. */
export function upstreamNeoCell(
  groups: readonly OracleGroup[], wa: readonly ArrayLike<number>[], wb: readonly ArrayLike<number>[],
  x: ArrayLike<number>, shape: readonly [number, number, number, number], gradY: ArrayLike<number>,
): OracleResult {
  const [n, c, h, w] = shape;
  const m = upstreamMatrices(groups, wa, wb, h, w);
  const [oh, ow] = [m.aRows, m.bCols];
  const y = new Float64Array(n * c * oh * ow);
  const gradX = new Float64Array(n * c * h * w);
  const gradMatA = m.a.map(() => new Float64Array(oh * h));
  const gradMatB = m.b.map(() => new Float64Array(w * ow));
  for (let img = 0; img < n; img++)
    for (let ch = 0; ch < c; ch++) {
      const xs = Float64Array.from({ length: h * w }, (_, i) => x[(img * c + ch) * h * w + i]!);
      const gy = Float64Array.from({ length: oh * ow }, (_, i) => gradY[(img * c + ch) * oh * ow + i]!);
      const ax = matmul(m.a[ch]!, xs, oh, h, w);
      y.set(matmul(ax, m.b[ch]!, oh, w, ow), (img * c + ch) * oh * ow);
      const gB = matmul(ax, gy, w, oh, ow, true); // (A x)^T · dY
      const gAx = matmul(gy, m.b[ch]!, oh, ow, w, false, true); // dY · B^T
      const gA = matmul(gAx, xs, oh, w, h, false, true); // d(Ax) · x^T
      gradX.set(matmul(m.a[ch]!, gAx, h, oh, w, true), (img * c + ch) * h * w); // A^T · d(Ax)
      for (let i = 0; i < gA.length; i++) gradMatA[ch]![i] += gA[i]!;
      for (let i = 0; i < gB.length; i++) gradMatB[ch]![i] += gB[i]!;
    }
  const gradA: Float64Array[] = [];
  const gradB: Float64Array[] = [];
  let start = 0;
  for (const g of groups) {
    const ga = new Float64Array(g.channels * g.hOut * g.hIn);
    const gb = new Float64Array(g.channels * g.wIn * g.wOut);
    const offA = offsetsOf(g.channels, g.hOut, g.shiftA);
    const offB = offsetsOf(g.channels, g.wIn, g.shiftB);
    for (let cl = 0; cl < g.channels; cl++) {
      sumBlocksBackward(gradMatA[start + cl]!, oh, h, ga, cl * g.hOut * g.hIn, g.hOut, g.hIn, offA[cl]!);
      sumBlocksBackward(gradMatB[start + cl]!, w, ow, gb, cl * g.wIn * g.wOut, g.wIn, g.wOut, offB[cl]!);
    }
    gradA.push(ga);
    gradB.push(gb);
    start += g.channels;
  }
  return { y, gradX, gradA, gradB };
}
