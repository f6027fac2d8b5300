/**
 * Whole-network latency on WebGPU (docs/DESIGN-NOTES.md §7: latency and images/s): NeoNeXt-T at 224 and 384, batch 1 and 8,
 * synthetic weights, next to the float64 CPU reference (batch 1 at 224 only: it is slow).
 * - `latency`: wall time of `model.forward(input)` on the runtime's model (runtime/webgpu/model: one command buffer,
 *   one submit, logits read back), median of the runs. Pipeline compilation (lavapipe JITs each shader on first
 *   use) is excluded: the first batch-1 forward compiles every pipeline and is reported on its own as
 *   `firstForwardMs`; batch 8 reuses those pipelines (its first run only adds its activation buffers).
 * - `breakdown`: the same dispatches re-recorded from the same schedule (modelKernels, modelWeights,
 *   modelForwardProgram) into one submit with one compute pass per module (stem, stage_1, stage_s incl.
 *   downsample_{s-1}, head: split at the program's observation points) and a timestamp-query pair around each
 *   pass (wall time per module pass via onSubmittedWorkDone when the adapter has no timestamps); median per module
 *   over the breakdown rounds. Their sum is a GPU-only figure (no upload/readback).
 * Fewer runs at 384 and at batch 8 keep the whole run under ~6 minutes on 2 lavapipe cores (see bench/README.md).
 *
 *   npm run bench:model -- [--quick] [--resolutions 224,384] [--batches 1,8] [--no-reference] [--out FILE]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { releasedConfig, type NeoNeXtConfig } from '../compiler/spec/model-config.js';
import { neoNeXtSchema } from '../compiler/spec/neonext-state-dict.js';
import { foldNeoNeXt } from '../nn/fold-neonext.js';
import { neoNeXtParams, type NeoNeXtParams } from '../nn/neonext-params.js';
import { neoNeXtForward } from '../nn/reference/neonext.js';
import { describeAdapter, type GpuContext } from '../runtime/webgpu/gpu-context.js';
import { modelKernels } from '../schedule/model-kernels.js';
import { modelForwardProgram, modelWeights } from '../schedule/neonext.js';
import { weightDeclarations } from '../schedule/program.js';
import { PipelineCache } from '../runtime/webgpu/pipeline-cache.js';
import { createProgramBuffer, uploadWeights } from '../runtime/webgpu/program-runner.js';
import { WebGpuBackend } from '../runtime/webgpu/webgpu-backend.js';
import { syntheticInput, syntheticStateDict } from '../runtime/weights/synthetic.js';
import { benchArgs } from './cli-args.js';
import { prepareProgram, type PreparedDispatch } from './dispatch.js';
import { GpuTimer, median } from './timing.js';

const args = benchArgs('npm run bench:model -- [--quick] [--resolutions 224,384] [--batches 1,8] [--no-reference] [--out FILE]', {
  options: {
    quick: { type: 'boolean', default: false },
    resolutions: { type: 'string', default: '224,384' },
    batches: { type: 'string', default: '1,8' },
    'no-reference': { type: 'boolean', default: false },
    out: { type: 'string', default: 'bench/results/neonext-forward.json' },
  },
});

/**
 * Timed forward() runs and breakdown rounds per (resolution, batch): fewer where one forward takes tens of seconds
 * on lavapipe (224: ~5 s at batch 1, ~40 s at batch 8; 384: ~3x that). At 384 / batch 8 (~2 min a forward) only one
 * breakdown round runs and its sum stands in for the latency (`latencySource: 'breakdown-sum'`).
 */
function runsFor(resolution: number, batch: number): { runs: number; breakdownRounds: number } {
  if (args.quick) return { runs: 1, breakdownRounds: 1 };
  if (batch === 1) return resolution <= 224 ? { runs: 3, breakdownRounds: 2 } : { runs: 2, breakdownRounds: 1 };
  return resolution <= 224 ? { runs: 1, breakdownRounds: 1 } : { runs: 0, breakdownRounds: 1 };
}

interface Module { readonly name: string; readonly dispatches: PreparedDispatch[] }

/**
 * The module a breakdown pass ends with, from the forward program's observations (stem, stage_s, head); the
 * downsample_s observation is no boundary, so each downsample is timed with the stage it feeds.
 */
function moduleName(observed: string): string | undefined {
  if (observed.startsWith('downsample_')) return undefined;
  const stage = /^stage_(\d+)$/.exec(observed);
  return stage && stage[1] !== '1' ? `${observed} (incl. downsample_${Number(stage[1]) - 1})` : observed;
}

/**
 * The forward pass of runtime/webgpu/model/webgpu-neonext.ts, dispatch for dispatch: the same schedule
 * (modelKernels, modelWeights, modelForwardProgram for ctx.target), each dispatch bound by its buffer names,
 * grouped by module at the program's observation points. Returns the modules and the buffers to free.
 */
async function recordModules(ctx: GpuContext, pipelines: PipelineCache, config: NeoNeXtConfig, params: NeoNeXtParams, batch: number): Promise<{ modules: Module[]; destroy(): void }> {
  const { device } = ctx;
  const k = modelKernels(config, ctx.target);
  const weights = modelWeights(foldNeoNeXt(config, params), k);
  const program = modelForwardProgram(config, k, ctx.target, batch, weightDeclarations(weights));
  const buffers = uploadWeights(device, weights);
  const owned = [...buffers.values()];
  const destroy = (): void => { for (const b of owned) b.destroy(); };
  try {
    for (const b of program.buffers) {
      if (b.role === 'weight') continue;
      const buffer = createProgramBuffer(device, b);
      owned.push(buffer);
      buffers.set(b.name, buffer);
    }
    const data = Float32Array.from(syntheticInput(config.resolution, batch).data);
    device.queue.writeBuffer(buffers.get('input')!, 0, data);
    const modules: Module[] = [];
    let from = 0;
    for (const o of program.observations) {
      const name = moduleName(o.module);
      if (name === undefined) continue;
      modules.push({ name, dispatches: await prepareProgram(ctx, pipelines, program, buffers, { from, to: o.after }) });
      from = o.after;
    }
    if (from !== program.dispatches.length) throw new Error(`${program.dispatches.length - from} dispatches after the last module boundary`);
    return { modules, destroy };
  } catch (err) {
    destroy();
    throw err;
  }
}

interface CaseResult {
  model: string; resolution: number; batch: number; runs: number; breakdownRounds: number;
  latencyMs: number; latencySource: 'forward' | 'breakdown-sum'; imagesPerSecond: number; samplesMs: number[];
  breakdownMs: Record<string, number>; breakdownSumMs: number;
  referenceMs?: number;
}

async function main(): Promise<void> {
  const started = performance.now();
  const gpu = await WebGpuBackend.create();
  const ctx = gpu.ctx;
  const timer = new GpuTimer(ctx);
  const pipelines = new PipelineCache(ctx.device);
  const resolutions = args.resolutions!.split(',').map(Number);
  const batches = args.batches!.split(',').map(Number);
  process.stdout.write(`adapter: ${describeAdapter(ctx.adapter)}\nlatency: wall time of forward() (upload, one submit, logits readback), median; breakdown: ${timer.method} per module pass, one submit\n`);
  const results: CaseResult[] = [];
  const loads: { resolution: number; loadMs: number; firstForwardMs: number }[] = [];
  let first = true;
  for (const resolution of resolutions) {
    const config = releasedConfig('neonext-t', resolution);
    const params = neoNeXtParams(config, syntheticStateDict(neoNeXtSchema(config)));
    let t0 = performance.now();
    const model = await gpu.loadModel(config, params);
    const loadMs = performance.now() - t0;
    t0 = performance.now();
    await model.forward(syntheticInput(resolution, 1));
    const firstForwardMs = performance.now() - t0;
    loads.push({ resolution, loadMs, firstForwardMs });
    process.stdout.write(`neonext-t-${resolution}: load ${loadMs.toFixed(0)} ms (folding, upload, pipeline creation), first forward (batch 1, shader JIT) ${firstForwardMs.toFixed(0)} ms\n`);
    for (const batch of batches) {
      const { runs, breakdownRounds } = runsFor(resolution, batch);
      const input = syntheticInput(resolution, batch);
      const samplesMs: number[] = [];
      for (let i = 0; i < runs; i++) {
        t0 = performance.now();
        await model.forward(input);
        samplesMs.push(performance.now() - t0);
      }
      const rec = await recordModules(ctx, pipelines, config, params, batch);
      const perModule: number[][] = rec.modules.map(() => []);
      try {
        // The first batch of a resolution builds this bench's own pipelines (a second PipelineCache): one untimed
        // round so any deferred shader compilation stays out of the breakdown.
        const warmup = first ? 1 : 0;
        first = false;
        for (let i = 0; i < warmup + breakdownRounds; i++) {
          const ms = (await timer.round(rec.modules.map((m) => ({ dispatches: m.dispatches, reps: 1 })))).map((ns) => ns / 1e6);
          if (i >= warmup) ms.forEach((v, j) => perModule[j]!.push(v));
        }
      } finally {
        rec.destroy();
      }
      const breakdownMs: Record<string, number> = {};
      rec.modules.forEach((m, j) => { breakdownMs[m.name] = median(perModule[j]!); });
      const breakdownSumMs = Object.values(breakdownMs).reduce((a, b) => a + b, 0);
      const latencyMs = runs > 0 ? median(samplesMs) : breakdownSumMs;
      const row: CaseResult = {
        model: `neonext-t-${resolution}`, resolution, batch, runs, breakdownRounds, latencyMs, latencySource: runs > 0 ? 'forward' : 'breakdown-sum',
        imagesPerSecond: (1000 * batch) / latencyMs, samplesMs, breakdownMs, breakdownSumMs,
      };
      if (resolution === 224 && batch === 1 && !args['no-reference']) {
        t0 = performance.now();
        neoNeXtForward(config, params, input);
        row.referenceMs = performance.now() - t0;
      }
      results.push(row);
      process.stdout.write(`  batch ${batch}: ${latencyMs.toFixed(0)} ms (${row.imagesPerSecond.toFixed(2)} images/s, ${runs > 0 ? `median of ${runs} forwards` : 'breakdown sum'}); ` +
        `breakdown ${Object.entries(breakdownMs).map(([n, ms]) => `${n.split(' ')[0]} ${ms.toFixed(0)}`).join(', ')} = ${row.breakdownSumMs.toFixed(0)} ms` +
        `${row.referenceMs !== undefined ? `; float64 reference ${row.referenceMs.toFixed(0)} ms` : ''} (${((performance.now() - started) / 1e3).toFixed(0)} s)\n`);
    }
    await model.dispose();
  }
  const head = `${'model'.padEnd(14)} ${'batch'.padStart(5)} ${'latency ms'.padStart(10)} ${'images/s'.padStart(9)} ${'stem'.padStart(6)} ${'stage_1'.padStart(8)} ${'stage_2'.padStart(8)} ${'stage_3'.padStart(8)} ${'stage_4'.padStart(8)} ${'head'.padStart(6)} ${'sum'.padStart(7)} ${'f64 ref ms'.padStart(10)}`;
  const lines = ['', head, '-'.repeat(head.length)];
  for (const r of results) {
    const b = Object.values(r.breakdownMs);
    lines.push(`${r.model.padEnd(14)} ${String(r.batch).padStart(5)} ${`${r.latencySource === 'forward' ? '' : '*'}${r.latencyMs.toFixed(0)}`.padStart(10)} ${r.imagesPerSecond.toFixed(2).padStart(9)} ${b.map((v, i) => v.toFixed(0).padStart(i === 0 || i === b.length - 1 ? 6 : 8)).join(' ')} ${r.breakdownSumMs.toFixed(0).padStart(7)} ${(r.referenceMs?.toFixed(0) ?? '-').padStart(10)}`);
  }
  lines.push('stage_2..4 include the downsample in front of them; breakdown columns are GPU time per module pass (ms);',
    '* latency = breakdown sum (no forward() run at this size, to keep the bench short).');
  process.stdout.write(`${lines.join('\n')}\n`);
  const out = {
    bench: 'neonext-forward',
    date: new Date().toISOString(),
    adapter: ctx.adapter,
    weights: 'synthetic (test/fixtures/GOLDEN-README.md)',
    timing: {
      latency: 'wall time of WebGpuNeoNeXt.forward (upload, one submit, logits readback); median of runs; first (JIT) forward excluded and reported as firstForwardMs',
      breakdown: `${timer.method}: one compute pass per module, all in one submit; median of breakdownRounds; stage_s includes downsample_{s-1}`,
      reference: 'float64 CPU reference (nn/reference), one run, batch 1 at 224 only',
    },
    loads,
    results,
    totalSeconds: (performance.now() - started) / 1e3,
  };
  mkdirSync(dirname(args.out!), { recursive: true });
  writeFileSync(args.out!, `${JSON.stringify(out, null, 1)}\n`);
  process.stdout.write(`wrote ${args.out} (${out.totalSeconds.toFixed(0)} s)\n`);
  timer.destroy();
  await gpu.dispose();
  process.exit(0);
}

await main();
