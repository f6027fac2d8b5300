/**
 * The Linear GEMMs of the wasm NeoNeXt model on ONE thread: the register-tiled scalar kernel
 * (kernels/neonext/unfused/linear.ts, the GPU GEMM rendered to AssemblyScript) vs the vec4 SIMD micro-kernel
 * (kernels/neonext/unfused/linear-vec4.ts, weights packed in column panels as the wasm model lays them out) at
 * several register tiles, plain SIMD (mul + add) and relaxed SIMD (fma as f32x4.relaxed_madd, where the engine has
 * it), at NeoNeXt-T-224's fc_1 (+ GELU) and fc_2 (+ residual, NCHW) shapes, batch 1. This is the measurement behind
 * chooseVec4Tile and the two AssemblyScript records' GEMM budgets (compiler/targets/assemblyscript.ts); the summary
 * puts each record's pick side by side. The report names the host (bench/host.ts): CPU and SIMD flags, V8, variant.
 * Each kernel is checked against the scalar kernel's output first (max abs difference < 1e-4). Timing: wall time of
 * the synchronous launch, warm-up rounds first (V8 tiers wasm up), then interleaved rounds; median per kernel.
 *
 *   npm run bench:wasm-gemm -- [--rounds 15] [--tiles 2x16,4x8,...] [--fma-tiles 2x16,6x8,...] [--out bench/results/wasm-gemm.json]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { makeArtifact, type KernelArtifact } from '../compiler/artifact.js';
import { releasedConfig, stageSize } from '../compiler/spec/model-config.js';
import { ASSEMBLYSCRIPT, ASSEMBLYSCRIPT_RELAXED_SIMD, type KernelTarget } from '../compiler/targets/index.js';
import type { Grid, UniformValues } from '../compiler/launch.js';
import { DEFAULT_LINEAR_TILE, linearKernel, linearLaunch, type LinearEpilogue } from '../kernels/neonext/unfused/linear.js';
import { chooseVec4Tile, vec4Gemm, linearVec4Kernel, linearVec4Launch, packWeightPanels } from '../kernels/neonext/unfused/linear-vec4.js';
import { LinearMemory } from '../runtime/wasm/linear-memory.js';
import { enableRelaxedSimdInNode } from '../runtime/wasm/node-v8-flags.js';
import { WasmKernelRunner, compileWasmKernels } from '../runtime/wasm/wasm-kernels.js';
import { hostInfo, hostLine } from './host.js';
import { previousResultReport, wasmGemmRows } from './previous-result.js';
import { median } from './timing.js';

// Before any module compiles (Node 20 keeps relaxed SIMD behind a V8 flag, as bin/neocc.mjs does).
const relaxed = enableRelaxedSimdInNode();
const { values: args } = parseArgs({
  options: {
    rounds: { type: 'string', default: '15' },
    tiles: { type: 'string', default: '2x16,4x8,3x16' },
    'fma-tiles': { type: 'string', default: '2x16,3x16,4x12,3x12,6x8,5x8,4x8' },
    out: { type: 'string', default: 'bench/results/wasm-gemm.json' },
  },
});
const ROUNDS = Number(args.rounds);
const WARMUP = 3;
const parseTiles = (option: string, text: string): Array<{ rm: number; rv: number }> => text.split(',').map((t) => {
  const [rows, cols] = t.split('x').map(Number);
  if (!rows || !cols || cols % 4 !== 0) throw new Error(`--${option}: "${t}" is not ROWSxCOLS with COLS a multiple of 4`);
  return { rm: rows, rv: cols / 4 };
});
/** Plain SIMD tiles, then (with relaxed SIMD) FMA tiles: each with the record it is rendered for. */
const variants: Array<{ label: string; target: KernelTarget; fma: boolean; tiles: Array<{ rm: number; rv: number }> }> = [
  { label: 'vec4', target: ASSEMBLYSCRIPT, fma: false, tiles: parseTiles('tiles', args.tiles!) },
  ...(relaxed ? [{ label: 'fma', target: ASSEMBLYSCRIPT_RELAXED_SIMD, fma: true, tiles: parseTiles('fma-tiles', args['fma-tiles']!) }] : []),
];
if (!relaxed) process.stderr.write('this engine has no relaxed SIMD: FMA tiles skipped\n');

/** panelCols: the kernel reads wt in column panels of that width (undefined: row-major). */
interface Kernel { name: string; artifact: KernelArtifact; launch: { grid: Grid; uniforms: UniformValues }; panelCols?: number; samplesMs: number[] }
interface Shape { id: string; rows: number; k: number; n: number; epilogue: LinearEpilogue; plane: number }

const config = releasedConfig('neonext-t', 224);
const shapes: Shape[] = config.dims.flatMap((c, s) => {
  const plane = stageSize(config, s).reduce((p, d) => p * d, 1);
  return [
    { id: `s${s + 1}-fc1`, rows: plane, k: c, n: 4 * c, epilogue: 'bias-gelu' as const, plane },
    { id: `s${s + 1}-fc2`, rows: plane, k: 4 * c, n: c, epilogue: 'bias-residual-nchw' as const, plane },
  ];
});

interface ShapeResult extends Shape {
  flops: number;
  /** Each record's pick (chooseVec4Tile over its GEMM budget): plain SIMD, and relaxed SIMD's FMA tile where run. */
  chosen: string;
  chosenFma?: string;
  kernels: Array<{ name: string; medianMs: number; gflops: number }>;
}

const log = (line: string): void => { process.stderr.write(`${line}\n`); };
const results: ShapeResult[] = [];
for (const shape of shapes) {
  const { rows, k: K, n: N, epilogue, plane } = shape;
  const kernels: Kernel[] = [];
  const scalar = { inFeatures: K, outFeatures: N, epilogue, ...DEFAULT_LINEAR_TILE };
  kernels.push({ name: `scalar ${scalar.tm}x${scalar.tn}/${scalar.rm}x${scalar.rn}`, artifact: makeArtifact(linearKernel(scalar), ASSEMBLYSCRIPT, scalar), launch: linearLaunch(scalar, rows, plane), samplesMs: [] });
  for (const v of variants) {
    for (const { rm, rv } of v.tiles) {
      if (N % (4 * rv) !== 0) continue;
      // Weights packed in column panels, as the wasm model lays them out (gemmWeightLayout).
      const o = { inFeatures: K, outFeatures: N, epilogue, rm, rv, workgroupSize: 1, packedWt: true, ...(v.fma ? { fma: true } : {}) };
      kernels.push({ name: `${v.label} ${rm}x${4 * rv}`, artifact: makeArtifact(linearVec4Kernel(o), v.target, o), launch: linearVec4Launch(o, rows, plane), panelCols: 4 * rv, samplesMs: [] });
    }
  }
  await compileWasmKernels(kernels.map((k) => k.artifact));
  const mem = new LinearMemory();
  const random = (n: number): Float32Array => Float32Array.from({ length: n }, (_, i) => Math.sin(i * 0.37 + K) * 0.5);
  const x = mem.put(random(rows * K));
  const weights = random(K * N);
  const wtRowMajor = mem.put(weights);
  const packed = new Map<number, number>();
  const wtFor = (kernel: Kernel): number => {
    if (kernel.panelCols === undefined) return wtRowMajor;
    if (!packed.has(kernel.panelCols)) packed.set(kernel.panelCols, mem.put(packWeightPanels(weights, K, N, kernel.panelCols)));
    return packed.get(kernel.panelCols)!;
  };
  const bias = mem.put(random(N));
  const res = mem.put(random(rows * N));
  const y = mem.alloc(rows * N);
  const pointers = (kernel: Kernel): number[] => (epilogue === 'bias-residual-nchw' ? [x, wtFor(kernel), bias, res, y] : [x, wtFor(kernel), bias, y]);
  for (const kernel of kernels) wtFor(kernel);
  const runner = new WasmKernelRunner(mem);
  const run = (kernel: Kernel): Promise<void> => runner.run(kernel.artifact, pointers(kernel), kernel.launch.uniforms, kernel.launch.grid);
  let reference: Float32Array | undefined;
  for (const kernel of kernels) {
    await run(kernel);
    const out = mem.read(y, rows * N);
    if (!reference) reference = out.slice();
    const diff = out.reduce((m, v, i) => Math.max(m, Math.abs(v - reference![i]!)), 0);
    if (!(diff < 1e-4)) throw new Error(`${shape.id} ${kernel.name}: max |difference| to the scalar kernel ${diff}`);
  }
  for (let r = 0; r < WARMUP + ROUNDS; r++) {
    for (const kernel of kernels) {
      const t = performance.now();
      await run(kernel);
      if (r >= WARMUP) kernel.samplesMs.push(performance.now() - t);
    }
  }
  const flops = 2 * rows * K * N;
  const rowsOut = kernels.map((kernel) => {
    const ms = median(kernel.samplesMs);
    return { name: kernel.name, medianMs: Math.round(ms * 1000) / 1000, gflops: Math.round((flops / ms / 1e6) * 10) / 10 };
  });
  const pick = (label: string, target: KernelTarget): string => {
    const tile = chooseVec4Tile(N, rows, vec4Gemm(target)!);
    return tile ? `${label} ${tile.rm}x${4 * tile.rv}` : 'scalar';
  };
  results.push({ ...shape, flops, chosen: pick('vec4', ASSEMBLYSCRIPT), ...(relaxed ? { chosenFma: pick('fma', ASSEMBLYSCRIPT_RELAXED_SIMD) } : {}), kernels: rowsOut });
  log(`${shape.id} ${rows}x${K}x${N} ${epilogue}: ${rowsOut.map((r) => `${r.name} ${r.medianMs} ms (${r.gflops} GF/s)`).join(', ')}`);
}

const host = hostInfo(relaxed ? ASSEMBLYSCRIPT_RELAXED_SIMD : ASSEMBLYSCRIPT);
const names = [...new Set(results.flatMap((r) => r.kernels.map((k) => k.name)))];
const gflops = (r: ShapeResult, name: string | undefined): number | undefined => r.kernels.find((q) => q.name === name)?.gflops;
const cell = (r: ShapeResult, name: string): string => {
  const g = gflops(r, name);
  return (g !== undefined ? `${g}${r.chosen === name || r.chosenFma === name ? '*' : ''}` : '-').padStart(Math.max(10, name.length + 1));
};
// Each record's pick side by side: what the plain and the relaxed-SIMD model run at this shape.
const summary = results.map((r) => {
  const plain = gflops(r, r.chosen);
  const fma = gflops(r, r.chosenFma);
  return `${`${r.id} ${r.rows}x${r.k}x${r.n}`.padEnd(28)}${`${r.chosen} ${plain ?? '-'}`.padStart(18)}` +
    `${r.chosenFma ? `${`${r.chosenFma} ${fma ?? '-'}`.padStart(18)}${(plain && fma ? `${(fma / plain).toFixed(2)}x` : '-').padStart(11)}` : ''}`;
});
process.stdout.write([
  `NeoNeXt-T-224 MLP GEMMs, batch 1, WebAssembly, 1 thread · ${hostLine(host)} · GFLOP/s (median of ${ROUNDS} rounds; * = a record's chooseVec4Tile pick)`,
  `${'shape'.padEnd(28)}${names.map((n) => n.padStart(Math.max(10, n.length + 1))).join('')}`,
  ...results.map((r) => `${`${r.id} ${r.rows}x${r.k}x${r.n}`.padEnd(28)}${names.map((n) => cell(r, n)).join('')}`),
  '',
  `${'picks'.padEnd(28)}${'plain SIMD GF/s'.padStart(18)}${relaxed ? `${'FMA GF/s'.padStart(18)}${'fma/plain'.padStart(11)}` : ''}`,
  ...summary,
].join('\n') + '\n');
const report = { bench: 'wasm-gemm', date: new Date().toISOString(), host, threads: 1, rounds: ROUNDS, warmup: WARMUP, shapes: results };
// Against the newest committed result on this host class; older files have no `threads`: this bench always ran one.
process.stdout.write(`${previousResultReport({ bench: 'wasm-gemm', current: report, rowsOf: wasmGemmRows, defaultThreads: 1 }).join('\n')}\n`);
mkdirSync(dirname(args.out!), { recursive: true });
writeFileSync(args.out!, `${JSON.stringify(report, null, 2)}\n`);
log(`wrote ${args.out}`);
