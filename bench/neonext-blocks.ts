/**
 * One NeoNeXt block on WebGPU, fused vs unfused, at the NeoNeXt-T block shapes (stages 1-4 at 224, stage 1 at 384),
 * batch 1 and 8, in one interleaved run (docs/DESIGN-NOTES.md §7):
 * - `fused`: what runtime/webgpu/model ran per block before `two-gemm` (still its fallback): the folded NeoCell writing channels-last
 *   (blockKernels) + the fused fc_1 → GELU → fc_2 → +residual kernel, BN/LayerScale folded (foldBlock): 2 dispatches;
 * - `two-gemm`: the folded NeoCell (same kernel) + the MLP as two register-tiled GEMMs with IR epilogues
 *   (kernels/neonext/mlp-two-gemm.ts: fc_1 + GELU → [pixels, 4C] scratch; fc_2 + residual, NCHW store), the tile
 *   the model runtime uses (the WGSL record's GEMM tile): 3 dispatches; what runtime/webgpu/model runs (preferredMlpPath);
 * - `unfused`: the chain a framework runs op by op (kernels/neonext/unfused/chain.ts), unfolded weights:
 *   NeoCell NCHW → BN → NCHW→NHWC → fc_1 → GELU → fc_2 → LayerScale → residual add: 8 dispatches, fc tiles
 *   autotuned per shape and batch (LINEAR_TILE_CANDIDATES), as a tuned BLAS would.
 * All are checked before timing (batch 1: against the float64 reference block; batch 8: against fused).
 * See bench/README.md.
 *
 *   npm run bench:blocks -- [--quick] [--shapes t224-s1,t384] [--rounds N] [--rounds8 N] [--batches 1,8] [--timer wall] [--out FILE]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { neoCellForwardMacs, planNeoCell, type NeoCellPlan } from '../compiler/plan/neocell-plan.js';
import { blockSpec, releasedConfig, stageSize } from '../compiler/spec/model-config.js';
import { foldBlock } from '../nn/fold-neonext.js';
import type { BlockParams } from '../nn/neonext-params.js';
import { compileMlpResidual, mlpSharedBytes, type MlpTiling } from '../kernels/neonext/mlp-residual.js';
import { unfusedActivationSizes, unfusedBlockSteps, unfusedBlockWeights, type UnfusedBuffer, type UnfusedOptions } from '../kernels/neonext/unfused/chain.js';
import { LINEAR_TILE_CANDIDATES, type LinearTile } from '../kernels/neonext/unfused/linear.js';
import { neoNeXtBlock } from '../nn/reference/neonext.js';
import { relativeL2Error, Tensor } from '../nn/tensor.js';
import { BufferUsage } from '../runtime/webgpu/constants.js';
import { acquireGpu, describeAdapter, type GpuContext } from '../runtime/webgpu/gpu-context.js';
import { blockKernels, type BlockKernels } from '../schedule/model-kernels.js';
import { blockProgram, blockWeights } from '../schedule/neonext.js';
import { weightDeclarations } from '../schedule/program.js';
import { PipelineCache } from '../runtime/webgpu/pipeline-cache.js';
import { uploadWeights } from '../runtime/webgpu/program-runner.js';
import { download } from '../runtime/webgpu/transfers.js';
import { benchArgs } from './cli-args.js';
import { prepareDispatch, prepareProgram, runOnce, type PreparedDispatch } from './dispatch.js';
import { randomTensor32, randomWeights, seededUniform } from './neocell-variants.js';
import { GpuTimer, chooseReps, median } from './timing.js';

const TOLERANCE = 1e-5;

const args = benchArgs('npm run bench:blocks -- [--quick] [--shapes t224-s1,t384] [--rounds N] [--rounds8 N] [--batches 1,8] [--timer wall] [--out FILE]', {
  options: {
    quick: { type: 'boolean', default: false },
    shapes: { type: 'string' },
    rounds: { type: 'string' },
    rounds8: { type: 'string' },
    batches: { type: 'string', default: '1,8' },
    timer: { type: 'string', default: 'auto' },
    out: { type: 'string', default: 'bench/results/neonext-blocks.json' },
  },
});
// Interleaved rounds per shape at batch 1 and at batch 8 (a batch-8 round is ~8x longer; fewer keep the run short).
const rounds1 = Number(args.rounds ?? (args.quick ? 3 : 9));
const rounds8 = Number(args.rounds8 ?? (args.quick ? 1 : 5));
const SAMPLE_NS = 20e6;
const batchList = args.batches!.split(',').map(Number);
if (args.timer !== 'auto' && args.timer !== 'wall') throw new Error('--timer must be auto (timestamp-query when available) or wall');

interface BlockShape { id: string; label: string; channels: number; side: number; shift: number; spec: ReturnType<typeof blockSpec> }

function shapes(): BlockShape[] {
  const out: BlockShape[] = [];
  for (const [resolution, stages] of [[224, [0, 1, 2, 3]], [384, [0]]] as const) {
    const config = releasedConfig('neonext-t', resolution);
    for (const s of stages) {
      const [h] = stageSize(config, s);
      const c = config.dims[s]!;
      out.push({ id: `t${resolution}-s${s + 1}`, label: `neonext-t-${resolution} stage ${s + 1}: ${c}x${h}x${h}, "${config.kernelSpecs[s]}" shift ${config.shifts[s]}`, channels: c, side: h, shift: config.shifts[s]!, spec: blockSpec(config, s) });
    }
  }
  const wanted = args.shapes?.split(',');
  return wanted ? out.filter((s) => wanted.some((w) => s.id.startsWith(w))) : out;
}

function randomBlock(plan: NeoCellPlan, random: () => number): BlockParams {
  const c = plan.spec.channels;
  const vec = (n: number, scale: number, offset = 0): Tensor => new Tensor([n], Float32Array.from({ length: n }, () => offset + scale * random()));
  const mat = (rows: number, cols: number): Tensor => new Tensor([rows, cols], Float32Array.from({ length: rows * cols }, () => random() / Math.sqrt(cols)));
  return {
    neocell: randomWeights(plan, random),
    norm: { weight: vec(c, 0.4, 1), bias: vec(c, 0.3), runningMean: vec(c, 0.3), runningVar: vec(c, 0.4, 1) },
    fc1: { weight: mat(4 * c, c), bias: vec(4 * c, 0.2) },
    fc2: { weight: mat(c, 4 * c), bias: vec(c, 0.2) },
    gamma: vec(c, 0.5),
  };
}

class Buffers {
  readonly all: GPUBuffer[] = [];
  constructor(private readonly device: GPUDevice) {}
  make(data: Float32Array | number): GPUBuffer {
    const bytes = typeof data === 'number' ? 4 * data : data.byteLength;
    const b = this.device.createBuffer({ size: Math.max(16, bytes), usage: BufferUsage.STORAGE | BufferUsage.COPY_DST | BufferUsage.COPY_SRC });
    if (typeof data !== 'number') this.device.queue.writeBuffer(b, 0, data);
    this.all.push(b);
    return b;
  }
  destroy(): void { for (const b of this.all) b.destroy(); }
}

interface Variant { dispatches: PreparedDispatch[]; output: GPUBuffer; detail: Record<string, unknown> }

/** Weight buffers a variant uploaded itself (blockWeights), freed with the shape's other buffers. */
interface Uploaded { readonly up: { destroy(): void } }

/**
 * The model's block as the runtime runs it: blockWeights and blockProgram (schedule/neonext.ts) for `kernels`, the
 * program's `x` bound to the shared input, its other activations made in `bufs`, its dispatches bound by name.
 */
async function modelBlock(ctx: GpuContext, pipelines: PipelineCache, plan: NeoCellPlan, x: GPUBuffer, params: BlockParams, bufs: Buffers, kernels: BlockKernels): Promise<Variant & Uploaded> {
  const weights = blockWeights('block', foldBlock(plan.spec, params), kernels);
  const program = blockProgram(plan, kernels, ctx.target, weightDeclarations(weights));
  const buffers = uploadWeights(ctx.device, weights);
  const up = { destroy: (): void => { for (const b of weights) buffers.get(b.name)?.destroy(); } };
  try {
    for (const b of program.buffers) if (b.role !== 'weight') buffers.set(b.name, b.name === 'x' ? x : bufs.make(b.elements));
    return { up, output: buffers.get('y')!, dispatches: await prepareProgram(ctx, pipelines, program, buffers), detail: {} };
  } catch (err) {
    up.destroy();
    throw err;
  }
}

/** The model's block (blockKernels); `mlpTiling` overrides the MLP tiling (the diagnostic probe only). */
async function fusedVariant(ctx: GpuContext, pipelines: PipelineCache, plan: NeoCellPlan, x: GPUBuffer, params: BlockParams, bufs: Buffers, mlpTiling?: MlpTiling): Promise<Variant & Uploaded> {
  const model = blockKernels(plan, ctx.target, 'fused');
  const mlpOptions = mlpTiling ? { ...model.mlpOptions, ...mlpTiling } : model.mlpOptions;
  const kernels = { ...model, mlpOptions, mlp: mlpTiling ? compileMlpResidual(mlpOptions, ctx.target) : model.mlp };
  const v = await modelBlock(ctx, pipelines, plan, x, params, bufs, kernels);
  return { ...v, detail: { neocell: kernels.neocell.key.slice(0, 12), mlp: kernels.mlpOptions } };
}

/** The model's block on the two-GEMM MLP path (blockKernels(…, 'two-gemm')), same folded weights as fused. */
async function twoGemmVariant(ctx: GpuContext, pipelines: PipelineCache, plan: NeoCellPlan, x: GPUBuffer, params: BlockParams, bufs: Buffers): Promise<Variant & Uploaded> {
  const kernels = blockKernels(plan, ctx.target, 'two-gemm');
  const tg = kernels.twoGemm;
  const v = await modelBlock(ctx, pipelines, plan, x, params, bufs, kernels);
  // blockProgram falls back to the fused MLP where the hidden scratch exceeds a binding: that is not this variant.
  if (v.dispatches.length !== 3) {
    v.up.destroy();
    throw new Error(`${plan.inputShape.join('x')}: the two-GEMM block's hidden activations do not fit one binding on this adapter`);
  }
  return { ...v, detail: { fc1Tile: tg.fc1Options, fc2Tile: tg.fc2Options } };
}

async function unfusedVariant(ctx: GpuContext, pipelines: PipelineCache, plan: NeoCellPlan, x: GPUBuffer, params: BlockParams, bufs: Buffers, options: UnfusedOptions): Promise<Variant & { ops: string[] }> {
  const steps = unfusedBlockSteps(plan, ctx.target, options);
  const map = new Map<UnfusedBuffer, GPUBuffer>([['x', x]]);
  for (const [name, data] of Object.entries(unfusedBlockWeights(params))) map.set(name as UnfusedBuffer, bufs.make(data));
  for (const [name, elements] of Object.entries(unfusedActivationSizes(plan))) if (name !== 'x') map.set(name as UnfusedBuffer, bufs.make(elements));
  const dispatches = [];
  for (const s of steps) dispatches.push(await prepareDispatch(ctx, pipelines, s.artifact, s.buffers.map((b) => map.get(b)!), s.uniforms, s.grid));
  return { dispatches, output: map.get('y')!, ops: steps.map((s) => s.op), detail: { fc1Tile: options.fc1Tile, fc2Tile: options.fc2Tile } };
}

async function check(ctx: GpuContext, v: Variant, elements: number, want: ArrayLike<number>): Promise<number> {
  ctx.device.queue.writeBuffer(v.output, 0, new Float32Array(elements).fill(NaN));
  await runOnce(ctx, v.dispatches);
  return relativeL2Error(await download(ctx.device, v.output, elements), want);
}

/** The fastest register tile for each Linear of the chain, timed on the device (one sample per candidate after JIT). */
async function tuneLinears(ctx: GpuContext, pipelines: PipelineCache, timer: GpuTimer, plan: NeoCellPlan, x: GPUBuffer, params: BlockParams): Promise<{ fc1Tile: LinearTile; fc2Tile: LinearTile; tried: unknown[] }> {
  const bufs = new Buffers(ctx.device);
  try {
    const tried: { tile: LinearTile; fc1Us: number; fc2Us: number }[] = [];
    for (const tile of LINEAR_TILE_CANDIDATES) {
      const v = await unfusedVariant(ctx, pipelines, plan, x, params, bufs, { layerScale: true, fc1Tile: tile, fc2Tile: tile });
      const fc1 = v.dispatches[v.ops.indexOf('fc_1')]!;
      const fc2 = v.dispatches[v.ops.indexOf('fc_2')]!;
      await runOnce(ctx, [fc1, fc2]);
      const [a, b] = await timer.round([{ dispatches: [fc1], reps: 1 }, { dispatches: [fc2], reps: 1 }]);
      tried.push({ tile, fc1Us: a! / 1e3, fc2Us: b! / 1e3 });
    }
    const best = (k: 'fc1Us' | 'fc2Us'): LinearTile => tried.reduce((p, c) => (c[k] < p[k] ? c : p)).tile;
    return { fc1Tile: best('fc1Us'), fc2Tile: best('fc2Us'), tried };
  } finally {
    bufs.destroy();
  }
}

interface Row {
  id: string; label: string; batch: number; inputShape: readonly number[]; usefulFlops: number; rounds: number;
  fused: { medianUs: number; gflops: number; reps: number; relL2: number | null; samplesUs: number[]; detail: unknown };
  unfused: { medianUs: number; gflops: number; reps: number; relL2: number; samplesUs: number[]; detail: unknown; opsUs: Record<string, number> };
  twoGemm: { medianUs: number; gflops: number; reps: number; relL2: number; samplesUs: number[]; detail: unknown };
  /** Median of per-round unfused/fused time ratios (> 1 = fused faster). */
  speedup: number;
  /** Median of per-round fused/two-gemm time ratios (> 1 = two-gemm faster). */
  fusedOverTwoGemm: number;
  /** Median of per-round unfused/two-gemm time ratios (> 1 = two-gemm faster). */
  unfusedOverTwoGemm: number;
  /** Diagnostic: the fused block with a 16-pixel MLP tile where workgroup storage allows (not what the model runs). */
  probe: { tiling: MlpTiling; medianUs: number; relL2: number | null; fusedOverProbe: number } | null;
}

async function benchOne(ctx: GpuContext, pipelines: PipelineCache, timer: GpuTimer, shape: BlockShape, batch: number, rounds: number): Promise<Row> {
  const plan = planNeoCell(shape.spec, [batch, shape.channels, shape.side, shape.side]);
  const random = seededUniform(1000 * shape.channels + shape.side + batch);
  const xT = randomTensor32(plan.inputShape, random);
  const params = randomBlock(plan, random);
  const bufs = new Buffers(ctx.device);
  const x = bufs.make(xT.data as Float32Array);
  const fused = await fusedVariant(ctx, pipelines, plan, x, params, bufs);
  const twoGemm = await twoGemmVariant(ctx, pipelines, plan, x, params, bufs);
  const tp16: MlpTiling = { ...(fused.detail.mlp as MlpTiling), pixelTile: 16 };
  const probe = mlpSharedBytes(shape.channels, tp16) <= ctx.target.limits.maxComputeWorkgroupStorageSize
    ? await fusedVariant(ctx, pipelines, plan, x, params, bufs, tp16) : undefined;
  try {
    const tuned = await tuneLinears(ctx, pipelines, timer, plan, x, params);
    const unfused = await unfusedVariant(ctx, pipelines, plan, x, params, bufs, { layerScale: true, fc1Tile: tuned.fc1Tile, fc2Tile: tuned.fc2Tile });
    unfused.detail.tuning = tuned.tried;
    // 0 fused, 1 unfused, 2 two-gemm, 3 the 16-pixel probe (when it fits).
    const variants: Variant[] = [fused, unfused, twoGemm, ...(probe ? [probe] : [])];
    const elements = xT.size;
    // Batch 1: every variant against the float64 reference block; batch 8 (reference too slow): against fused.
    let relL2: (number | null)[];
    if (batch === 1) {
      const want = neoNeXtBlock(plan, xT, params).data;
      relL2 = [];
      for (const v of variants) relL2.push(await check(ctx, v, elements, want));
    } else {
      await check(ctx, fused, elements, new Float32Array(elements));
      const want = await download(ctx.device, fused.output, elements);
      relL2 = [null];
      for (const v of variants.slice(1)) relL2.push(await check(ctx, v, elements, want));
    }
    relL2.forEach((err, i) => {
      if (err !== null && !(err < TOLERANCE)) throw new Error(`${shape.id} batch ${batch}: variant ${i} has relative L2 error ${err} (> ${TOLERANCE})`);
    });
    // Warm-up (JIT done by check), then reps so a sample lasts ~SAMPLE_NS.
    const first = await timer.round(variants.map((v) => ({ dispatches: v.dispatches, reps: 1 })));
    const works = variants.map((v, i) => ({ dispatches: v.dispatches, reps: chooseReps(first[i]!, SAMPLE_NS, 16) }));
    const samples: number[][] = variants.map(() => []);
    const ratios: number[] = [];
    const probeRatios: number[] = [];
    const twoRatios: number[] = [];
    const unfTwoRatios: number[] = [];
    for (let r = 0; r < rounds; r++) {
      // Rotate which variant goes first, so none always runs on a warmer (or hotter) machine.
      const order = variants.map((_, j) => (j + r) % variants.length);
      const t = await timer.round(order.map((i) => works[i]!));
      order.forEach((vi, k) => samples[vi]!.push(t[k]! / 1e3));
      ratios.push(samples[1]![r]! / samples[0]![r]!);
      twoRatios.push(samples[0]![r]! / samples[2]![r]!);
      unfTwoRatios.push(samples[1]![r]! / samples[2]![r]!);
      if (probe) probeRatios.push(samples[0]![r]! / samples[3]![r]!);
    }
    const [fs, us] = [samples[0]!, samples[1]!];
    const [relFused, relUnfused] = [relL2[0]!, relL2[1]!];
    // Per-op breakdown of the chain (one round, each op its own pass): where the unfused time goes.
    const opNs = await timer.round(unfused.dispatches.map((d) => ({ dispatches: [d], reps: 1 })));
    const opsUs: Record<string, number> = {};
    unfused.ops.forEach((op, i) => { opsUs[op] = opNs[i]! / 1e3; });
    const macs = neoCellForwardMacs(plan) + 2 * batch * shape.side * shape.side * 4 * shape.channels * shape.channels;
    const usefulFlops = 2 * macs;
    const fm = median(fs);
    const um = median(us);
    const tm = median(samples[2]!);
    return {
      id: shape.id, label: shape.label, batch, inputShape: plan.inputShape, usefulFlops, rounds,
      fused: { medianUs: fm, gflops: usefulFlops / (fm * 1e3), reps: works[0]!.reps, relL2: relFused, samplesUs: fs, detail: fused.detail },
      unfused: { medianUs: um, gflops: usefulFlops / (um * 1e3), reps: works[1]!.reps, relL2: relUnfused, samplesUs: us, detail: unfused.detail, opsUs },
      twoGemm: { medianUs: tm, gflops: usefulFlops / (tm * 1e3), reps: works[2]!.reps, relL2: relL2[2]!, samplesUs: samples[2]!, detail: twoGemm.detail },
      speedup: median(ratios),
      fusedOverTwoGemm: median(twoRatios),
      unfusedOverTwoGemm: median(unfTwoRatios),
      probe: probe ? { tiling: tp16, medianUs: median(samples[3]!), relL2: relL2[3]!, fusedOverProbe: median(probeRatios) } : null,
    };
  } finally {
    fused.up.destroy();
    twoGemm.up.destroy();
    probe?.up.destroy();
    bufs.destroy();
  }
}

function table(rows: readonly Row[]): string {
  const head = `${'shape'.padEnd(8)} ${'C x H x W'.padEnd(11)} ${'batch'.padStart(5)} ${'fused µs'.padStart(10)} ${'unfused µs'.padStart(11)} ${'unfused/fused'.padStart(13)} ${'fused GF/s'.padStart(10)} ${'unf. GF/s'.padStart(9)} ${'rel.L2 f/u'.padStart(17)}`;
  const lines = [head, '-'.repeat(head.length)];
  for (const r of rows) {
    const [, c, h, w] = r.inputShape;
    lines.push(`${r.id.padEnd(8)} ${`${c}x${h}x${w}`.padEnd(11)} ${String(r.batch).padStart(5)} ${r.fused.medianUs.toFixed(0).padStart(10)} ${r.unfused.medianUs.toFixed(0).padStart(11)} ${`${r.speedup.toFixed(2)}x`.padStart(13)} ${r.fused.gflops.toFixed(2).padStart(10)} ${r.unfused.gflops.toFixed(2).padStart(9)} ${`${r.fused.relL2?.toExponential(1) ?? '-'}/${r.unfused.relL2.toExponential(1)}`.padStart(17)}`);
  }
  lines.push('', 'two-gemm (folded NeoCell + fc_1·GELU GEMM + fc_2·residual GEMM, 3 dispatches): µs, GF/s, fused/two-gemm and unfused/two-gemm (> 1 = two-gemm faster):');
  for (const r of rows) lines.push(`${r.id.padEnd(8)} b${r.batch}: ${r.twoGemm.medianUs.toFixed(0)} µs, ${r.twoGemm.gflops.toFixed(2)} GF/s, ${r.fusedOverTwoGemm.toFixed(2)}x, ${r.unfusedOverTwoGemm.toFixed(2)}x (rel.L2 ${r.twoGemm.relL2.toExponential(1)})`);
  lines.push('', 'diagnostic: fused block with a 16-pixel MLP tile (fused/probe time; > 1 = the larger tile is faster):');
  for (const r of rows) if (r.probe) lines.push(`${r.id.padEnd(8)} b${r.batch}: ${r.probe.medianUs.toFixed(0)} µs, ${r.probe.fusedOverProbe.toFixed(2)}x`);
  lines.push('', 'unfused chain per op (µs, one round, each op its own pass):');
  for (const r of rows) lines.push(`${r.id.padEnd(8)} b${r.batch}: ${Object.entries(r.unfused.opsUs).map(([op, us]) => `${op} ${us.toFixed(0)}`).join(', ')}`);
  return lines.join('\n');
}

async function main(): Promise<void> {
  const ctx = await acquireGpu();
  const pipelines = new PipelineCache(ctx.device);
  const timer = new GpuTimer(ctx, args.timer === 'wall');
  const started = performance.now();
  process.stdout.write(`adapter: ${describeAdapter(ctx.adapter)}\ntimer: ${timer.method}; ${rounds1} rounds at batch 1, ${rounds8} at batch 8 (interleaved, rotating order); speedup = median of per-round unfused/fused time ratios\n`);
  const rows: Row[] = [];
  for (const shape of shapes()) {
    for (const [batch, rounds] of ([[1, rounds1], [8, rounds8]] as const).filter(([b]) => batchList.includes(b))) {
      const row = await benchOne(ctx, pipelines, timer, shape, batch, rounds);
      rows.push(row);
      process.stdout.write(`${shape.id} batch ${batch}: fused ${row.fused.medianUs.toFixed(0)} µs, two-gemm ${row.twoGemm.medianUs.toFixed(0)} µs, unfused ${row.unfused.medianUs.toFixed(0)} µs; unfused/fused ${row.speedup.toFixed(2)}x, fused/two-gemm ${row.fusedOverTwoGemm.toFixed(2)}x (${((performance.now() - started) / 1e3).toFixed(0)} s)\n`);
    }
  }
  process.stdout.write(`\n${table(rows)}\n`);
  const result = {
    bench: 'neonext-blocks',
    date: new Date().toISOString(),
    adapter: ctx.adapter,
    timing: { method: timer.method, batches: batchList, roundsBatch1: rounds1, roundsBatch8: rounds8, sampleMs: SAMPLE_NS / 1e6, statistic: 'median; speedup = median of per-round unfused/fused ratios; fusedOverTwoGemm, unfusedOverTwoGemm likewise' },
    usefulFlops: '2 x (NeoCell block-aware MACs + fc_1 + fc_2 MACs); element-wise ops not counted',
    rows,
  };
  mkdirSync(dirname(args.out!), { recursive: true });
  writeFileSync(args.out!, `${JSON.stringify(result, null, 1)}\n`);
  process.stdout.write(`wrote ${args.out} (${((performance.now() - started) / 1e3).toFixed(0)} s)\n`);
  timer.destroy();
  ctx.destroy();
  process.exit(0);
}

await main();
