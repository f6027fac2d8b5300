/**
 * NeoCell forward on WebGPU: specialized kernel vs the generic (table-driven) kernel vs upstream's dense
 * block-diagonal matmul method, at every NeoCell shape of NeoNeXt-T (224, 384) and stage 1 of NeoNeXt-B-224.
 * Every variant is checked against the float64 reference before it is timed. See bench/README.md.
 *
 *   npm run bench:neocell -- [--quick] [--shapes t224-s1,b224] [--rounds N] [--sample-ms MS] [--timer wall] [--out FILE]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { neoCellForwardMacs } from '../compiler/plan/neocell-plan.js';
import { canonicalSpec } from '../compiler/spec/neocell-spec.js';
import { denseForwardMacs } from '../kernels/baselines/dense-matrices.js';
import { neoCellForward } from '../nn/reference/neocell.js';
import { relativeL2Error, shapeSize } from '../nn/tensor.js';
import { acquireGpu, describeAdapter, type GpuContext } from '../runtime/webgpu/gpu-context.js';
import { PipelineCache } from '../runtime/webgpu/pipeline-cache.js';
import { download } from '../runtime/webgpu/transfers.js';
import { benchArgs } from './cli-args.js';
import { runOnce } from './dispatch.js';
import { benchShapes, selectShapes, type BenchShape } from './neocell-shapes.js';
import {
  ShapeBuffers, VARIANT_NAMES, buildVariants, randomTensor32, randomWeights, seededUniform, type Variant, type VariantName,
} from './neocell-variants.js';
import { formatTable, type ShapeResult, type VariantResult } from './report.js';
import { GpuTimer, chooseReps, median } from './timing.js';

const TOLERANCE = 1e-5;
const HEADLINE = 't224-s1';

const args = benchArgs('npm run bench:neocell -- [--quick] [--shapes t224-s1,b224] [--rounds N] [--sample-ms MS] [--timer wall] [--out FILE]', {
  options: {
    quick: { type: 'boolean', default: false },
    shapes: { type: 'string' },
    rounds: { type: 'string' },
    'sample-ms': { type: 'string' },
    timer: { type: 'string', default: 'auto' },
    out: { type: 'string', default: 'bench/results/neocell-kernels.json' },
  },
});
// Interleaved rounds per shape (odd, so the median is a sample) and the length of one timed sample: 10 ms keeps
// Dawn's 65.536 µs timestamp quantization (seen on lavapipe) under 1%.
const rounds = Number(args.rounds ?? (args.quick ? 5 : 15));
const sampleMs = Number(args['sample-ms'] ?? (args.quick ? 3 : 10));
const warmupRounds = args.quick ? 1 : 2;
if (!(rounds >= 1) || !(sampleMs > 0)) throw new Error('--rounds and --sample-ms must be positive numbers');
if (args.timer !== 'auto' && args.timer !== 'wall') throw new Error('--timer must be auto (timestamp-query when available) or wall');

/** Runs a variant once into a NaN-poisoned output and returns its relative L2 error against `want`. */
async function verify(ctx: GpuContext, v: Variant, want: ArrayLike<number>): Promise<number> {
  ctx.device.queue.writeBuffer(v.output, 0, new Float32Array(want.length).fill(NaN));
  await runOnce(ctx, v.dispatches);
  const err = relativeL2Error(await download(ctx.device, v.output, want.length), want);
  return err;
}

async function benchShape(ctx: GpuContext, pipelines: PipelineCache, timer: GpuTimer, shape: BenchShape, seed: number): Promise<ShapeResult> {
  const { plan } = shape;
  const random = seededUniform(seed);
  const x = randomTensor32(plan.inputShape, random);
  const weights = randomWeights(plan, random);
  const want = neoCellForward(plan, x, weights).data;
  const buffers = new ShapeBuffers(ctx.device);
  try {
    const variants = await buildVariants(ctx, pipelines, timer, buffers, plan, x, weights);
    const errors = new Map<VariantName, number>();
    for (const v of variants) {
      const err = await verify(ctx, v, want);
      if (!(err < TOLERANCE)) {
        throw new Error(`${shape.id} (${shape.label}): the ${v.name} variant is wrong — relative L2 error ${err} against the float64 reference (limit ${TOLERANCE}); not timing it`);
      }
      errors.set(v.name, err);
    }

    // Warm-up (first launches pay for lazy driver work), then size each variant's sample to ~sampleMs.
    let single = variants.map(() => Infinity);
    for (let r = 0; r < warmupRounds + 1; r++) {
      const ns = await timer.round(variants.map((v) => ({ dispatches: v.dispatches, reps: 1 })));
      single = single.map((s, i) => Math.min(s, ns[i]!));
    }
    const works = variants.map((v, i) => ({ dispatches: v.dispatches, reps: chooseReps(single[i]!, sampleMs * 1e6) }));
    // Interleaved: every round times A, B, C back to back, so slow phases of a shared machine hit all three.
    const samples: number[][] = variants.map(() => []);
    for (let r = 0; r < rounds; r++) {
      const ns = await timer.round(works);
      ns.forEach((t, i) => samples[i]!.push(t));
    }

    const usefulFlops = 2 * neoCellForwardMacs(plan);
    const weightElements = weights.a.reduce((s, t) => s + t.size, 0) + weights.b.reduce((s, t) => s + t.size, 0);
    const minBytes = 4 * (shapeSize(plan.inputShape) + shapeSize(plan.outputShape) + weightElements);
    const result = {} as Record<VariantName, VariantResult>;
    variants.forEach((v, i) => {
      const ns = median(samples[i]!);
      result[v.name] = {
        medianUs: ns / 1e3,
        gflops: usefulFlops / ns,
        gbs: minBytes / ns,
        reps: works[i]!.reps,
        relL2: errors.get(v.name)!,
        samplesUs: samples[i]!.map((t) => Math.round(t / 10) / 100),
        detail: v.detail,
      };
    });
    const index = (name: VariantName): number => VARIANT_NAMES.indexOf(name);
    const pairedRatio = (other: VariantName): number =>
      median(samples[index(other)]!.map((t, r) => t / samples[index('specialized')]![r]!));
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
      speedup: { specializedOverDense: pairedRatio('dense'), specializedOverGeneric: pairedRatio('generic') },
    };
  } finally {
    buffers.destroy();
  }
}

async function main(): Promise<void> {
  const shapes = selectShapes(benchShapes(), args.shapes);
  // The context holds the GPU instance: it must stay referenced until the end (see gpu-context.ts).
  const ctx = await acquireGpu();
  const pipelines = new PipelineCache(ctx.device);
  const timer = new GpuTimer(ctx, args.timer === 'wall');
  const adapter = describeAdapter(ctx.adapter);
  const started = Date.now();
  console.log(`adapter: ${adapter}`);
  console.log(`timing: ${timer.method}; ${rounds} interleaved rounds (specialized, generic, dense) after ${warmupRounds} warm-up, ~${sampleMs} ms per sample, medians`);
  const results: ShapeResult[] = [];
  for (const [i, shape] of shapes.entries()) {
    const t0 = Date.now();
    results.push(await benchShape(ctx, pipelines, timer, shape, 1000 + i));
    console.error(`  ${shape.id} done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
  console.log('');
  console.log(formatTable(results));

  const headline = results.find((r) => r.id === HEADLINE);
  if (headline) {
    const { specializedOverDense: d, specializedOverGeneric: g } = headline.speedup;
    const met = d >= 5 && g > 1;
    console.log(`\n${HEADLINE} target (specialized >= 5x dense and faster than generic): ${met ? 'met' : 'NOT met'} — ${d.toFixed(2)}x vs dense, ${g.toFixed(2)}x vs generic`);
  }

  const record = {
    benchmark: 'neocell-kernels',
    date: new Date().toISOString(),
    adapter: { ...ctx.adapter, text: adapter },
    node: process.version,
    timing: { method: timer.method, rounds, warmupRounds, sampleMs, statistic: 'median', speedup: 'median of per-round ratios', tolerance: TOLERANCE },
    flopsCounted: '2 x block-aware MACs (neoCellForwardMacs) for every variant',
    bytesCounted: 'x read once + y written once + compact weights once, f32',
    seconds: Math.round((Date.now() - started) / 100) / 10,
    shapes: results,
  };
  mkdirSync(dirname(args.out!), { recursive: true });
  // Six significant digits: far below the run-to-run noise, and keeps the committed file small.
  const rounded = (_key: string, v: unknown): unknown => (typeof v === 'number' && !Number.isInteger(v) ? Number(v.toPrecision(6)) : v);
  writeFileSync(args.out!, `${JSON.stringify(record, rounded)}\n`);
  console.log(`\nwrote ${args.out} (${record.seconds} s)`);
  timer.destroy();
  ctx.destroy();
}

main().then(
  // dawn.node keeps the process alive while the GPU instance exists: exit explicitly (docs/DESIGN-NOTES.md §6).
  () => process.exit(0),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
