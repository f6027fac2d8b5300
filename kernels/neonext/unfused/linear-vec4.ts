import {
  BlockBuilder, add, builtin, call, div, f32, finishKernel, lane, load, loadVec4, min, mod, mul, splat, sub, u32, uniform,
} from '../../../compiler/ir/build.js';
import type { KernelIR } from '../../../compiler/ir/ir.js';
import { gelu } from '../../../compiler/ir/math.js';
import { NeoccError, NotSupportedError } from '../../../compiler/errors.js';
import { CACHE_LINE_FLOATS, type Grid, type Launch } from '../../../compiler/launch.js';
import type { KernelTarget, Vec4PanelsPreference } from '../../../compiler/targets/target.js';
import { linearInterface, linearKernelName, linearKernelWhat, linearRunTimeDoc, type LinearEpilogue } from './linear.js';

/**
 * The Linear of ./linear.ts (same bindings, uniforms and epilogues: out[r, o] = bias[o] + Σ_k in[r, k]·wt[k, o])
 * as a SIMD micro-kernel for CPUs: each invocation owns `rm` rows × 4·`rv` columns held in rm·rv vec4f
 * accumulators (WebAssembly f32x4 registers), and per k loads rv vec4s of wt's row k and splats rm scalars of x.
 * With rm·rv ≤ 12 the accumulators, the wt vectors and one splat fit x86-64's 16 SIMD registers, so V8 keeps the
 * whole tile in registers; every loaded value feeds rm (or rv) multiply-adds.
 *
 * Grid: x = row tiles (`workgroupSize` per workgroup; past 65535, z counts blocks of 65535), y = column tiles. Row
 * tiles run fastest, so consecutive workgroups (and one thread's contiguous share) reuse the same K×4rv panel of wt
 * from L1 while x streams.
 * outFeatures must be a multiple of 4·rv and rows (a uniform) at least rm.
 */
export interface LinearVec4Options {
  readonly inFeatures: number;
  readonly outFeatures: number;
  /** ./linear.ts's epilogues, or `none`: y = x · wt with no bias binding (a plain matmul). */
  readonly epilogue?: LinearEpilogue | 'none';
  /** Rows per invocation. */
  readonly rm: number;
  /** vec4 columns per invocation (4·rv output columns). */
  readonly rv: number;
  readonly workgroupSize: number;
  /**
   * wt packed in column panels (packWeightPanels with 4·rv columns) instead of [K, N] row-major: a tile then reads
   * its K×4rv panel sequentially instead of 4rv floats every N — streamed from memory once, that is what the
   * hardware prefetcher follows. For weights (packed once at load); an activation operand stays row-major.
   */
  readonly packedWt?: boolean;
  /**
   * Accumulate with the IR's fma (acc = fma(x, w, acc)) instead of acc + x·w: on a target where fma is one
   * instruction (relaxed SIMD) that saves the product's temporary register and an instruction per product. Rounds
   * once or twice (the IR's fma), so outputs may differ from the mul + add kernel in the last bits.
   */
  readonly fma?: boolean;
}

/**
 * wt [K, N] row-major → column panels of `cols` (N / cols panels, each K×cols row-major), the layout
 * linearVec4Kernel reads with `packedWt`.
 */
export function packWeightPanels(wt: ArrayLike<number>, inFeatures: number, outFeatures: number, cols: number): Float32Array {
  if (outFeatures % cols !== 0 || wt.length !== inFeatures * outFeatures) throw new RangeError(`packWeightPanels: [${inFeatures}, ${outFeatures}] in panels of ${cols} columns`);
  const out = new Float32Array(wt.length);
  for (let panel = 0; panel < outFeatures / cols; panel++) {
    for (let k = 0; k < inFeatures; k++) {
      for (let c = 0; c < cols; c++) out[(panel * inFeatures + k) * cols + c] = wt[k * outFeatures + panel * cols + c]!;
    }
  }
  return out;
}

/**
 * packWeightPanels(Wᵀ) straight from W [outFeatures, inFeatures] row-major (a Linear's weight as it is stored), in
 * one pass without the transposed copy: W's row o is column o % cols of panel ⌊o / cols⌋, so each row is read in
 * order and written `cols` floats apart. (Reading a panel's `cols` rows side by side instead measured ~1.5x slower
 * at NeoNeXt-T's fc_1: rows a multiple of 4 KiB apart share L1 sets.)
 */
export function packTransposedWeightPanels(w: ArrayLike<number>, inFeatures: number, outFeatures: number, cols: number): Float32Array {
  if (outFeatures % cols !== 0 || w.length !== inFeatures * outFeatures) throw new RangeError(`packTransposedWeightPanels: [${outFeatures}, ${inFeatures}] in panels of ${cols} columns`);
  const out = new Float32Array(w.length);
  for (let o = 0, src = 0; o < outFeatures; o++) {
    const c = o % cols;
    // Panel ⌊o / cols⌋ starts at (o - c)·inFeatures; its row k at + k·cols.
    for (let at = (o - c) * inFeatures + c, end = src + inFeatures; src < end; src++, at += cols) out[at] = w[src]!;
  }
  return out;
}

/** The SIMD GEMM preference of `target` (accumulators, widest row, fma), or undefined where it prefers no SIMD GEMM. */
export function vec4Gemm(target: KernelTarget): Vec4PanelsPreference | undefined {
  return target.prefers.gemm.family === 'vec4-panels' ? target.prefers.gemm : undefined;
}

/** What chooseVec4Tile needs of a Vec4PanelsPreference. */
export type Vec4TileBudget = Pick<Vec4PanelsPreference, 'accumulators' | 'maxColumns'>;

/**
 * The micro-kernel tile for a Linear with N = `outFeatures` over at least `minRows` rows, or undefined when N is not
 * a multiple of 4: `accumulators` f32x4 accumulators, `maxColumns` vec4s wide where N allows (else 4, 2, 1 vec4s).
 * Plain SIMD (8 accumulators, 4 wide): 2 rows × 16 columns where N is a multiple of 16 (4 wt vectors, a splat and a
 * product temporary: 14 of x86-64's 16 SIMD registers). With the weights packed in column panels (packedWt) 2x16
 * was the fastest tile at every NeoNeXt-T-224 MLP shape, K = 96 to 3072 (`npm run bench:wasm-gemm`: 29-40 GFLOP/s on
 * one core, ahead of 4x8, 2x12, 3x16, 2x8, 4x4, 8x4). The FMA budget is compiler/targets/assemblyscript.ts's.
 */
export function chooseVec4Tile(outFeatures: number, minRows: number, budget: Vec4TileBudget): { rm: number; rv: number } | undefined {
  const { accumulators, maxColumns } = budget;
  if (outFeatures % 4 !== 0 || !(minRows >= 1)) return undefined;
  const widths = [maxColumns, 4, 2, 1].filter((v) => v <= maxColumns);
  const rv = widths.find((v) => outFeatures % (4 * v) === 0 && v <= accumulators)!;
  // A tile never covers more rows than a launch has (linearVec4Launch).
  return { rm: Math.max(1, Math.min(Math.floor(accumulators / rv), Math.floor(minRows))), rv };
}

export function linearVec4Kernel(o: LinearVec4Options): KernelIR {
  const { inFeatures: K, outFeatures: N, rm, rv, workgroupSize } = o;
  const epilogue = o.epilogue ?? 'bias';
  if (N % (4 * rv) !== 0) throw new NotSupportedError(`linear-vec4: outFeatures ${N} is not a multiple of 4·rv = ${4 * rv}`);
  const rowsU = uniform('rows');
  const b = new BlockBuilder();
  const rowGroup = add(builtin('workgroup_id.x'), mul(builtin('workgroup_id.z'), u32(MAX_GRID_X)));
  // The tile's first row, moved back so the whole tile lies inside `rows` (launches guarantee rows >= rm): the last
  // tile recomputes and re-stores a few rows of the one before it with identical values, and no row needs a clamp
  // or a guard. Row i of the tile is then first + i, so its elements are static offsets from one address per k.
  const row0 = mul(add(mul(rowGroup, u32(workgroupSize)), builtin('local_index')), u32(rm));
  const first = b.let('first_row', min(row0, sub(rowsU, u32(rm))));
  const col0 = b.let('col0', mul(builtin('workgroup_id.y'), u32(4 * rv)));
  const xFirst = b.let('x_first', mul(first, u32(K)));
  const panel = o.packedWt ? b.let('w_panel', mul(builtin('workgroup_id.y'), u32(K * 4 * rv))) : undefined;
  // Every vec4 access is aligned: col0, the panel and row starts are multiples of 4 (N is a multiple of 4·rv).
  const aligned = { aligned: true };
  const acc = Array.from({ length: rm }, () => Array.from({ length: rv }, (_, j) =>
    b.var('acc', epilogue === 'none' ? splat(f32(0)) : loadVec4('bias', add(col0, u32(4 * j)), aligned))));
  b.for('k', u32(0), u32(K), (s, k) => {
    const wBase = s.let('w_base', o.packedWt ? add(panel!, mul(k, u32(4 * rv))) : add(mul(k, u32(N)), col0));
    const w = Array.from({ length: rv }, (_, j) => s.let('w', loadVec4('wt', add(wBase, u32(4 * j)), aligned)));
    const xk = s.let('x_k', add(xFirst, k));
    acc.forEach((row, i) => {
      const a = s.let('a', splat(load('x', add(xk, u32(i * K)))));
      w.forEach((wj, j) => s.assign(row[j]!.name, o.fma ? call('fma', a, wj, row[j]!.ref) : add(row[j]!.ref, mul(a, wj))));
    });
  });
  const plane = uniform('plane');
  const yFirst = b.let('y_first', add(mul(first, u32(N)), col0));
  acc.forEach((row, i) => {
    const r = b.let('row', add(first, u32(i)));
    const nchw = epilogue === 'bias-residual-nchw' ? { base: b.let('n_base', mul(div(r, plane), u32(N))), p: b.let('p', mod(r, plane)) } : undefined;
    row.forEach((accumulator, j) => {
      const value = accumulator.ref;
      if (!nchw) {
        b.store('y', add(yFirst, u32(i * N + 4 * j)), epilogue === 'bias-gelu' ? gelu(b, value) : value, aligned);
        return;
      }
      // NCHW: the 4 channels of a vec4 are `plane` apart.
      for (let l = 0; l < 4; l++) {
        const at = b.let('at', add(mul(add(nchw.base, add(col0, u32(4 * j + l))), plane), nchw.p));
        b.store('y', at, add(load('res', at), lane(value, l)));
      }
    });
  });
  const name = epilogue === 'none' ? 'matmul_vec4' : `${linearKernelName(epilogue)}_vec4`;
  const what = epilogue === 'none' ? `y [rows, ${N}] = x [rows, ${K}] · wt [${K}, ${N}]` : linearKernelWhat(epilogue, K, N);
  return finishKernel({
    name,
    workgroupSize,
    ...linearInterface(epilogue),
    shared: [],
    body: b.stmts,
    doc: [
      `neocc ${name}: ${what}, vec4 micro-kernel ${rm} rows x ${4 * rv} columns per invocation${o.packedWt ? `, wt in ${4 * rv}-column panels` : ''}${o.fma ? ', fma' : ''}`,
      linearRunTimeDoc(epilogue),
    ],
  });
}

/** WebGPU's default per-dimension grid limit; row tiles beyond it continue along z. */
const MAX_GRID_X = 65535;

/** Grid of linearVec4Kernel: x (and z) = row tiles / workgroupSize, y = column tiles. Needs rows >= rm. */
export function linearVec4Launch(o: LinearVec4Options, rows: number, plane?: number): Launch {
  // Tiles never reach past the last row (see linearVec4Kernel), so a tile needs that many rows to exist.
  if (rows < o.rm) throw new NeoccError('bad-launch', `linear-vec4: ${rows} rows, fewer than the kernel's ${o.rm}-row tile (pick the tile with chooseVec4Tile(…, minRows))`);
  const groups = Math.ceil(rows / (o.rm * o.workgroupSize));
  const grid: Grid = [Math.min(groups, MAX_GRID_X), o.outFeatures / (4 * o.rv), Math.ceil(groups / MAX_GRID_X)];
  // Column tiles narrower than a cache line (4·rv < 16 floats: a 4- or 8-column tile) share every output line with
  // their neighbours, and a CPU thread's share runs along x (row tiles) within a column tile, so two threads would
  // write the same lines throughout the launch: split only at whole lines' worth of column tiles instead (NeoNeXt-T's
  // last downsample conv: 196 columns in 4-column tiles).
  const tilesPerLine = Math.ceil(CACHE_LINE_FLOATS / (4 * o.rv));
  const split = tilesPerLine > 1 ? { splitGranule: grid[0] * tilesPerLine } : {};
  if (o.epilogue === 'bias-residual-nchw') {
    if (plane === undefined) throw new RangeError('linearVec4Launch: the bias-residual-nchw epilogue needs the plane size');
    return { grid, uniforms: { rows, plane }, ...split };
  }
  return { grid, uniforms: { rows }, ...split };
}
