/**
 * NeoCell forward on WebAssembly (CPU, ONE thread): neocc's specialized kernel vs the generic (table-driven) kernel
 * vs upstream's dense block-diagonal method as two batched matmuls — register-tiled (kernels/baselines) and as the
 * project's SIMD GEMM micro-kernel (linear-vec4) — at the NeoCell shapes of NeoNeXt-T at 224 and 384. The WebAssembly
 * counterpart of bench/neocell-kernels.ts: every variant is checked against the float64 reference, then timed in
 * interleaved rounds. See bench/README.md.
 *
 *   npm run bench:wasm-neocell -- [--quick] [--shapes t224-s1,t384] [--rounds N] [--sample-ms MS] [--out FILE]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { makeArtifact, type KernelArtifact } from '../compiler/artifact.js';
import { chooseTiling, compileNeoCellForward, forwardBaked } from '../kernels/neocell/compile.js';
import { neoCellForwardMacs, type NeoCellPlan } from '../compiler/plan/neocell-plan.js';
import { canonicalSpec } from '../compiler/spec/neocell-spec.js';
import {
  compileDenseMatmul, denseGrid, denseNeoCellSteps, denseTileCandidates, denseTileText, type DenseMatmulStep, type DenseTile,
} from '../kernels/baselines/dense-matmul.js';
import { denseForwardMacs, denseNeoCellMatrices } from '../kernels/baselines/dense-matrices.js';
import { forwardLaunch, genericChannelTable, shouldPackChannels } from '../kernels/neocell/launch.js';
import { chooseVec4Tile, vec4Gemm, linearVec4Kernel, linearVec4Launch, type LinearVec4Options } from '../kernels/neonext/unfused/linear-vec4.js';
import { neoCellForward } from '../nn/reference/neocell.js';
import { concatTensors, relativeL2Error, shapeSize } from '../nn/tensor.js';
import { LinearMemory } from '../runtime/wasm/linear-memory.js';
import { compileStats, compileWasmKernels } from '../runtime/wasm/wasm-kernels.js';
import { benchShapes, selectShapes, type BenchShape } from './neocell-shapes.js';
import { randomTensor32, randomWeights, seededUniform } from './neocell-variants.js';
import type { VariantResult as ReportedVariant } from './report.js';
import { chooseReps, median } from './timing.js';
import { SyncWasmLauncher, runLaunches, type BoundLaunch } from './wasm-launch.js';
import { ASSEMBLYSCRIPT } from '../compiler/targets/index.js';

// Like bin/neocc.mjs: V8 compiles wasm with its optimizing tier up front instead of tiering hot functions up later.
// The warm-up rounds below would get there anyway; the flag makes sure no sample runs baseline (Liftoff) code.
const V8_FLAGS = '--no-wasm-dynamic-tiering';
setFlagsFromString(V8_FLAGS);

const TOLERANCE = 1e-5;
const HEADLINE = 't224-s1';
const DEFAULT_SHAPES = 't224,t384';
const SIMD_NA = 'n/a (width not a multiple of 4)';

type VariantName = 'specialized' | 'generic' | 'dense-registers' | 'dense-simd';
const VARIANT_NAMES: readonly VariantName[] = ['specialized', 'generic', 'dense-registers', 'dense-simd'];

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    shapes: { type: 'string' },
    rounds: { type: 'string' },
    'sample-ms': { type: 'string' },
    out: { type: 'string', default: 'bench/results/wasm-neocell.json' },
  },
});
// Interleaved rounds per shape (odd, so the median is a sample) and the length of one timed sample.
const rounds = Number(args.rounds ?? (args.quick ? 5 : 15));
const sampleMs = Number(args['sample-ms'] ?? (args.quick ? 4 : 15));
const warmupRounds = args.quick ? 1 : 2;
const TUNE_ROUNDS = args.quick ? 2 : 3;
if (!(rounds >= 1) || !(sampleMs > 0)) throw new Error('--rounds and --sample-ms must be positive numbers');

/** A variant ready to run: its launches (in order) and where y lands, or why it does not apply to the shape. */
type Variant =
  | {
    readonly name: VariantName; readonly status: 'ok'; readonly launches: readonly BoundLaunch[]; readonly output: number;
    /** The dense variants' intermediate T (poisoned too before verification). */
    readonly t?: number;
    readonly detail: Readonly<Record<string, unknown>>;
  }
  | { readonly name: VariantName; readonly status: 'n/a'; readonly reason: string };
type ReadyVariant = Extract<Variant, { status: 'ok' }>;

/** As the WebGPU bench reports a variant (bench/report.ts; gflops = useful GFLOP/s, reps = forwards per sample). */
type MeasuredVariant = ReportedVariant & { readonly status: 'ok' };
type VariantResult = MeasuredVariant | { readonly status: 'n/a'; readonly reason: string };

interface ShapeResult {
  readonly id: string;
  readonly label: string;
  readonly inputShape: readonly number[];
  readonly outputShape: readonly number[];
  readonly spec: unknown;
  readonly usefulFlops: number;
  readonly denseFlops: number;
  readonly minBytes: number;
  readonly variants: Readonly<Record<VariantName, VariantResult>>;
  /** Median over rounds of the per-round time ratio other/specialized (> 1: specialized is faster); null: n/a. */
  readonly speedup: {
    readonly specializedOverDenseRegisters: number;
    readonly specializedOverDenseSimd: number | null;
    readonly specializedOverGeneric: number;
  };
}

/** ns per run of `launches`, over `reps` back-to-back runs. */
function timeSample(launches: readonly BoundLaunch[], reps: number): number {
  const start = performance.now();
  for (let r = 0; r < reps; r++) runLaunches(launches);
  return ((performance.now() - start) * 1e6) / reps;
}

/** Runs `launches` back to back for at least `ms` (at least once); returns ns per run. */
function runFor(launches: readonly BoundLaunch[], ms: number): number {
  const start = performance.now();
  let runs = 0;
  let elapsed = 0;
  do {
    runLaunches(launches);
    runs++;
    elapsed = performance.now() - start;
  } while (elapsed < ms);
  return (elapsed * 1e6) / runs;
}

const registerTiles = (step: DenseMatmulStep): DenseTile[] => denseTileCandidates(step.m, step.n).filter((t) => t.staging === 'registers');

function simdOptions(inFeatures: number, outFeatures: number, rows: number): LinearVec4Options | undefined {
  const tile = chooseVec4Tile(outFeatures, rows, vec4Gemm(ASSEMBLYSCRIPT)!);
  return tile ? { inFeatures, outFeatures, epilogue: 'none', ...tile, workgroupSize: 1 } : undefined;
}

const compileSimdMatmul = (o: LinearVec4Options): KernelArtifact =>
  makeArtifact(linearVec4Kernel(o), ASSEMBLYSCRIPT, { op: 'unfused-linear', kind: 'vec4', ...o });

/** The two SIMD matmuls of a shape (T_c = A_c·X_c, Y_c = T_c·B_c), or undefined where a width is not a multiple of 4. */
function simdSteps(plan: NeoCellPlan): { t: LinearVec4Options; y: LinearVec4Options } | undefined {
  const [, , inH, inW] = plan.inputShape;
  const [, , outH, outW] = plan.outputShape;
  const t = simdOptions(inH, inW, outH);
  const y = simdOptions(inW, outW, outH);
  return t && y ? { t, y } : undefined;
}

/** Every kernel a shape needs, so they can be compiled (asc, or the disk cache) before anything is timed. */
function shapeArtifacts(plan: NeoCellPlan): KernelArtifact[] {
  const tiling = chooseTiling(plan.spec, ASSEMBLYSCRIPT.limits);
  const artifacts = [
    compileNeoCellForward(plan.spec, ASSEMBLYSCRIPT, { tiling, packChannels: shouldPackChannels(plan, tiling) }),
    compileNeoCellForward(undefined, ASSEMBLYSCRIPT, { mode: 'generic', tiling: chooseTiling(undefined, ASSEMBLYSCRIPT.limits) }),
    ...denseNeoCellSteps(plan).flatMap((st) => registerTiles(st).map((tile) => compileDenseMatmul(tile, ASSEMBLYSCRIPT))),
  ];
  const simd = simdSteps(plan);
  if (simd) artifacts.push(compileSimdMatmul(simd.t), compileSimdMatmul(simd.y));
  return artifacts;
}

/** The dense step's register tile that runs fastest here (one warm-up sample, best of the rest), as a tuned BLAS would pick. */
async function tuneDenseStep(
  launcher: SyncWasmLauncher, step: DenseMatmulStep, pointers: readonly [number, number, number],
): Promise<{ tile: DenseTile; launch: BoundLaunch; candidatesUs: Record<string, number> }> {
  const tiles = registerTiles(step);
  const launches = await Promise.all(tiles.map((tile) => launcher.bind(compileDenseMatmul(tile, ASSEMBLYSCRIPT), pointers, step.uniforms, denseGrid(step, tile))));
  const best = tiles.map(() => Infinity);
  const reps = launches.map((l) => chooseReps(runFor([l], sampleMs / 4), (sampleMs / 2) * 1e6, 100000));
  for (let r = 0; r < TUNE_ROUNDS; r++) {
    launches.forEach((l, i) => { best[i] = Math.min(best[i]!, timeSample([l], reps[i]!)); });
  }
  const winner = best.indexOf(Math.min(...best));
  return {
    tile: tiles[winner]!,
    launch: launches[winner]!,
    candidatesUs: Object.fromEntries(tiles.map((t, i) => [denseTileText(t), Math.round(best[i]! / 10) / 100])),
  };
}

async function buildVariants(
  launcher: SyncWasmLauncher, plan: NeoCellPlan, x: Float32Array, wa: Float32Array, wb: Float32Array, dense: { a: Float32Array; b: Float32Array },
): Promise<Variant[]> {
  const mem = launcher.memory;
  const [batch, channels, inH, inW] = plan.inputShape;
  const [, , outH, outW] = plan.outputShape;
  const outElements = shapeSize(plan.outputShape);
  const planes = batch * channels;
  const ptr = {
    x: mem.put(x),
    wa: mem.put(wa),
    wb: mem.put(wb),
    cfg: mem.put(genericChannelTable(plan)),
    a: mem.put(dense.a),
    b: mem.put(dense.b),
    t: mem.output(planes * outH * inW, true),
    ySpec: mem.output(outElements, true),
    yGen: mem.output(outElements, true),
    yReg: mem.output(outElements, true),
    ySimd: mem.output(outElements, true),
  };

  // 1. specialized: exactly the wasm backend's kernel choice (tiled for ASSEMBLYSCRIPT.limits, channels packed on small planes), NCHW.
  const tiling = chooseTiling(plan.spec, ASSEMBLYSCRIPT.limits);
  const packChannels = shouldPackChannels(plan, tiling);
  const specialized = compileNeoCellForward(plan.spec, ASSEMBLYSCRIPT, { tiling, packChannels });
  const s = forwardLaunch(plan, tiling, false, packChannels);

  // 2. generic: one kernel for every spec, per-channel table in `cfg`, the T tile in (scratch) workgroup memory.
  const generic = compileNeoCellForward(undefined, ASSEMBLYSCRIPT, { mode: 'generic', tiling: chooseTiling(undefined, ASSEMBLYSCRIPT.limits) });
  const g = forwardLaunch(plan, forwardBaked(generic).tiling, true);

  // 3. dense-registers: T = A·X, Y = T·B as two batched matmuls (register-tiled), the fastest register tile per step.
  const steps = denseNeoCellSteps(plan);
  const operand = { a: ptr.a, b: ptr.b, x: ptr.x, t: ptr.t, y: ptr.yReg };
  const chosen: Awaited<ReturnType<typeof tuneDenseStep>>[] = [];
  for (const st of steps) {
    chosen.push(await tuneDenseStep(launcher, st, [operand[st.lhs], operand[st.rhs], operand[st.out]]));
    runLaunches([chosen[chosen.length - 1]!.launch]); // step 2 is tuned on a real T
  }

  const variants: Variant[] = [
    {
      name: 'specialized', status: 'ok', output: ptr.ySpec,
      launches: [await launcher.bind(specialized, [ptr.x, ptr.wa, ptr.wb, ptr.ySpec], s.uniforms, s.grid)],
      detail: { key: specialized.key, tiling, packChannels, workgroupSize: specialized.workgroupSize, grid: s.grid },
    },
    {
      name: 'generic', status: 'ok', output: ptr.yGen,
      launches: [await launcher.bind(generic, [ptr.x, ptr.wa, ptr.wb, ptr.cfg, ptr.yGen], g.uniforms, g.grid)],
      detail: { key: generic.key, tiling: forwardBaked(generic).tiling, workgroupSize: generic.workgroupSize, grid: g.grid, scratchBytes: generic.scratchBytes },
    },
    {
      name: 'dense-registers', status: 'ok', output: ptr.yReg, t: ptr.t,
      launches: chosen.map((c) => c.launch),
      detail: {
        steps: steps.map((st, i) => ({
          op: `${st.out} = ${st.lhs}·${st.rhs}`, m: st.m, n: st.n, k: st.k, planes: st.planes,
          tile: denseTileText(chosen[i]!.tile), grid: chosen[i]!.launch.grid, candidatesUs: chosen[i]!.candidatesUs,
        })),
      },
    },
  ];

  // 4. dense-simd: the same two matmuls, per plane, as the SIMD GEMM micro-kernel (y[rows, N] = x[rows, K] · wt[K, N]):
  //    T_p = A_c · X_p (rows H', K = H, N = W), then Y_p = T_p · B_c (rows H', K = W, N = W'); all of step 1, then step 2.
  const simd = simdSteps(plan);
  if (!simd) {
    variants.push({ name: 'dense-simd', status: 'n/a', reason: SIMD_NA });
  } else {
    const kt = compileSimdMatmul(simd.t);
    const ky = compileSimdMatmul(simd.y);
    const lt = linearVec4Launch(simd.t, outH);
    const ly = linearVec4Launch(simd.y, outH);
    const launches: BoundLaunch[] = [];
    for (let p = 0; p < planes; p++) {
      const c = p % channels;
      launches.push(await launcher.bind(kt, [ptr.a + 4 * c * outH * inH, ptr.x + 4 * p * inH * inW, ptr.t + 4 * p * outH * inW], lt.uniforms, lt.grid));
    }
    for (let p = 0; p < planes; p++) {
      const c = p % channels;
      launches.push(await launcher.bind(ky, [ptr.t + 4 * p * outH * inW, ptr.b + 4 * c * inW * outW, ptr.ySimd + 4 * p * outH * outW], ly.uniforms, ly.grid));
    }
    variants.push({
      name: 'dense-simd', status: 'ok', output: ptr.ySimd, t: ptr.t, launches,
      detail: {
        launches: launches.length,
        steps: [
          { op: 't = a·x', rows: outH, k: inH, n: inW, rm: simd.t.rm, columns: 4 * simd.t.rv, grid: lt.grid, key: kt.key },
          { op: 'y = t·b', rows: outH, k: inW, n: outW, rm: simd.y.rm, columns: 4 * simd.y.rv, grid: ly.grid, key: ky.key },
        ],
      },
    });
  }
  return variants;
}

async function benchShape(shape: BenchShape, seed: number): Promise<ShapeResult> {
  const { plan } = shape;
  const random = seededUniform(seed);
  const x = randomTensor32(plan.inputShape, random);
  const weights = randomWeights(plan, random);
  const want = neoCellForward(plan, x, weights).data;
  const outElements = shapeSize(plan.outputShape);
  const [batch, channels, , inW] = plan.inputShape;
  const tElements = batch * channels * plan.outputShape[2] * inW;

  const memory = new LinearMemory(false);
  const launcher = new SyncWasmLauncher(memory);
  const variants = await buildVariants(launcher, plan, x.data as Float32Array, concatTensors(weights.a), concatTensors(weights.b), denseNeoCellMatrices(plan, weights));

  // Verify: each variant once into a NaN-poisoned output (and a poisoned T for the dense ones: a T element a step
  // forgets to write cannot come from another variant).
  const errors = new Map<VariantName, number>();
  const ready = variants.filter((v): v is ReadyVariant => v.status === 'ok');
  for (const v of ready) {
    memory.f32(v.output, outElements).fill(Number.NaN);
    if (v.t !== undefined) memory.f32(v.t, tElements).fill(Number.NaN);
    runLaunches(v.launches);
    const err = relativeL2Error(memory.read(v.output, outElements), want);
    if (!(err < TOLERANCE)) {
      throw new Error(`${shape.id} (${shape.label}): the ${v.name} variant is wrong — relative L2 error ${err} against the float64 reference (limit ${TOLERANCE}); not timing it`);
    }
    errors.set(v.name, err);
  }

  // Warm-up (caches, and any tier-up V8 still does), then size each variant's sample to ~sampleMs.
  let single = ready.map(() => Infinity);
  for (let r = 0; r < warmupRounds; r++) single = ready.map((v) => runFor(v.launches, sampleMs));
  const reps = single.map((ns) => chooseReps(ns, sampleMs * 1e6, 100000));
  // Interleaved: every round times each variant back to back, so slow phases of a shared machine hit all of them.
  const samples: number[][] = ready.map(() => []);
  for (let r = 0; r < rounds; r++) ready.forEach((v, i) => samples[i]!.push(timeSample(v.launches, reps[i]!)));

  const usefulFlops = 2 * neoCellForwardMacs(plan);
  const weightElements = weights.a.reduce((s, t) => s + t.size, 0) + weights.b.reduce((s, t) => s + t.size, 0);
  const minBytes = 4 * (shapeSize(plan.inputShape) + outElements + weightElements);
  const result = {} as Record<VariantName, VariantResult>;
  for (const v of variants) {
    const i = ready.findIndex((r) => r.name === v.name);
    if (v.status === 'n/a') {
      result[v.name] = { status: 'n/a', reason: v.reason };
      continue;
    }
    const ns = median(samples[i]!);
    result[v.name] = {
      status: 'ok',
      medianUs: ns / 1e3,
      gflops: usefulFlops / ns,
      gbs: minBytes / ns,
      reps: reps[i]!,
      relL2: errors.get(v.name)!,
      samplesUs: samples[i]!.map((t) => Math.round(t / 10) / 100),
      detail: v.detail,
    };
  }
  const spec = ready.findIndex((v) => v.name === 'specialized');
  const pairedRatio = (other: VariantName): number | null => {
    const i = ready.findIndex((v) => v.name === other);
    return i < 0 ? null : median(samples[i]!.map((t, r) => t / samples[spec]![r]!));
  };
  return {
    id: shape.id,
    label: shape.label,
    inputShape: plan.inputShape,
    outputShape: plan.outputShape,
    spec: canonicalSpec(plan.spec),
    usefulFlops,
    denseFlops: 2 * denseForwardMacs(plan),
    minBytes,
    variants: result,
    speedup: {
      specializedOverDenseRegisters: pairedRatio('dense-registers')!,
      specializedOverDenseSimd: pairedRatio('dense-simd'),
      specializedOverGeneric: pairedRatio('generic')!,
    },
  };
}

const num = (v: number, digits: number, width: number): string => v.toFixed(digits).padStart(width);
const ratio = (v: number | null, width: number): string => (v === null ? 'n/a' : `${v.toFixed(2)}x`).padStart(width);
const us = (v: VariantResult, width: number): string => (v.status === 'ok' ? num(v.medianUs, 1, width) : 'n/a'.padStart(width));

function formatTable(shapes: readonly ShapeResult[]): string {
  const lines: string[] = [];
  const head = `${'shape'.padEnd(9)} ${'variant'.padEnd(16)} ${'time µs'.padStart(10)} ${'GFLOP/s'.padStart(8)} ${'GB/s'.padStart(7)} ${'rel.L2'.padStart(8)} ${'reps'.padStart(5)}`;
  lines.push(head, '-'.repeat(head.length));
  for (const s of shapes) {
    lines.push(`${s.id.padEnd(9)} ${s.label}`);
    const reg = s.variants['dense-registers'];
    const executed = reg.status === 'ok' ? ` (dense-registers ${(s.denseFlops / (reg.medianUs * 1e3)).toFixed(2)} GFLOP/s executed)` : '';
    lines.push(`${''.padEnd(9)} useful ${(s.usefulFlops / 1e6).toFixed(2)} MFLOP, fewest bytes ${(s.minBytes / 1e6).toFixed(3)} MB; dense executes ${(s.denseFlops / 1e6).toFixed(1)} MFLOP${executed}`);
    if (reg.status === 'ok') {
      const steps = (reg.detail.steps ?? []) as readonly { op: string; tile: string }[];
      lines.push(`${''.padEnd(9)} dense-registers kernels: ${steps.map((st) => `${st.op} ${st.tile}`).join('; ')}`);
    }
    for (const name of VARIANT_NAMES) {
      const v = s.variants[name];
      if (v.status === 'n/a') lines.push(`${''.padEnd(9)} ${name.padEnd(16)} ${v.reason}`);
      else lines.push(`${''.padEnd(9)} ${name.padEnd(16)} ${num(v.medianUs, 1, 10)} ${num(v.gflops, 2, 8)} ${num(v.gbs, 2, 7)} ${v.relL2.toExponential(1).padStart(8)} ${String(v.reps).padStart(5)}`);
    }
  }
  lines.push('', 'summary (median µs per forward; ratios = median of per-round time ratios other ÷ specialized, > 1 means specialized is faster)');
  const sumHead = `${'shape'.padEnd(9)} ${'C x H x W'.padEnd(13)} ${'specialized'.padStart(11)} ${'dense-reg'.padStart(10)} ${'dense-simd'.padStart(10)} ${'generic'.padStart(10)} ${'reg/spec'.padStart(9)} ${'simd/spec'.padStart(9)} ${'gen/spec'.padStart(9)}`;
  lines.push(sumHead, '-'.repeat(sumHead.length));
  for (const s of shapes) {
    const [, c, h, w] = s.inputShape;
    const v = s.variants;
    lines.push(`${s.id.padEnd(9)} ${`${c}x${h}x${w}`.padEnd(13)} ${us(v.specialized, 11)} ${us(v['dense-registers'], 10)} ${us(v['dense-simd'], 10)} ${us(v.generic, 10)} ${ratio(s.speedup.specializedOverDenseRegisters, 9)} ${ratio(s.speedup.specializedOverDenseSimd, 9)} ${ratio(s.speedup.specializedOverGeneric, 9)}`);
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const shapes = selectShapes(benchShapes(), args.shapes ?? DEFAULT_SHAPES);
  const cpu = cpus();
  const machine = { cpu: cpu[0]?.model.trim() ?? 'unknown', cores: cpu.length, node: process.version, v8: process.versions.v8, loadAverageBefore: loadavg() };
  const started = Date.now();
  console.log(`machine: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node} (V8 ${machine.v8}, ${V8_FLAGS}); WebAssembly, 1 thread`);
  console.log(`load average before: ${machine.loadAverageBefore.map((l) => l.toFixed(2)).join(' ')}`);
  console.log(`timing: performance.now() around synchronous launches; ${rounds} interleaved rounds (${VARIANT_NAMES.join(', ')}) after ${warmupRounds} warm-up, ~${sampleMs} ms per sample, medians`);

  // Compile every kernel first (asc, or the on-disk cache), so no compile lands between timed samples.
  const t0 = Date.now();
  await compileWasmKernels(shapes.flatMap((s) => shapeArtifacts(s.plan)), false);
  const compile = { seconds: (Date.now() - t0) / 1000, ascCompiles: compileStats.compiles, ascMs: Math.round(compileStats.ms), diskHits: compileStats.diskHits };
  console.error(`  kernels ready in ${compile.seconds.toFixed(1)} s (${compile.ascCompiles} asc compiles, ${compile.diskHits} from the disk cache)`);

  const results: ShapeResult[] = [];
  for (const shape of shapes) {
    const t = Date.now();
    // Seeds by position in the full list, so a shape gets the same data whatever --shapes selects.
    results.push(await benchShape(shape, 1000 + benchShapes().findIndex((b) => b.id === shape.id)));
    console.error(`  ${shape.id} done in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  }
  console.log('');
  console.log(formatTable(results));

  const headline = results.find((r) => r.id === HEADLINE);
  if (headline) {
    const { specializedOverDenseRegisters: r, specializedOverDenseSimd: d, specializedOverGeneric: g } = headline.speedup;
    console.log(`\n${HEADLINE}: specialized is ${r.toFixed(2)}x dense-registers, ${d === null ? 'n/a' : `${d.toFixed(2)}x`} dense-simd, ${g.toFixed(2)}x generic (time ratios)`);
  }
  const loadAverageAfter = loadavg();
  console.log(`load average after: ${loadAverageAfter.map((l) => l.toFixed(2)).join(' ')}`);

  const record = {
    benchmark: 'wasm-neocell',
    date: new Date().toISOString(),
    machine: { ...machine, loadAverageAfter, runtime: 'WebAssembly (AssemblyScript kernels, asc -O3, SIMD enabled), 1 thread, plain (unshared) memory', v8Flags: V8_FLAGS },
    timing: {
      method: 'performance.now() around reps synchronous forwards', rounds, warmupRounds, sampleMs, statistic: 'median',
      speedup: 'median of per-round ratios other/specialized', tolerance: TOLERANCE, denseTuneRounds: TUNE_ROUNDS,
    },
    flopsCounted: '2 x block-aware MACs (neoCellForwardMacs) for every variant',
    bytesCounted: 'x read once + y written once + compact weights once, f32',
    compile,
    seconds: Math.round((Date.now() - started) / 100) / 10,
    shapes: results,
  };
  mkdirSync(dirname(args.out!), { recursive: true });
  const rounded = (_key: string, v: unknown): unknown => (typeof v === 'number' && !Number.isInteger(v) ? Number(v.toPrecision(6)) : v);
  writeFileSync(args.out!, `${JSON.stringify(record, rounded)}\n`);
  console.log(`\nwrote ${args.out} (${record.seconds} s)`);
}

main().then(
  // asc's compiler worker may keep the event loop alive: exit explicitly.
  () => process.exit(0),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
