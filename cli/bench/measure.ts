import { NotSupportedError } from '../../compiler/errors.js';
import { blockPlan, stageSize, type NeoNeXtConfig } from '../../compiler/spec/model-config.js';
import { neoNeXtSchema } from '../../compiler/spec/neonext-state-dict.js';
import { neoCellForwardMacs } from '../../compiler/plan/neocell-plan.js';
import { neoNeXtParams } from '../../nn/neonext-params.js';
import { Tensor } from '../../nn/tensor.js';
import type { Backend } from '../../runtime/backends/backend.js';
import { syntheticInput, syntheticStateDict } from '../../runtime/weights/synthetic.js';

/**
 * What `neocc bench` measures on one backend: each stage's NeoCell forward at the model's shapes, then the whole
 * forward (prepare once, warm-up, timed runs) and one observed forward for a per-module breakdown. Synthetic weights
 * and input: run time does not depend on weight values. Times are wall-clock around the backend's public calls, so
 * they include what a user pays (uploads and readbacks on WebGPU, copies in and out of wasm memory).
 */

export interface Timing {
  readonly medianMs: number;
  readonly minMs: number;
  readonly samplesMs: readonly number[];
}

export interface NeoCellRow {
  readonly stage: number;
  readonly inputShape: readonly number[];
  readonly spec: string;
  /** 2 × the block-diagonal MACs: the work the operator needs. */
  readonly usefulFlops: number;
  readonly timing: Timing;
  readonly gflops: number;
}

export interface ModelResult {
  readonly prepareMs: number;
  readonly firstForwardMs: number;
  readonly timing: Timing;
  readonly imagesPerSecond: number;
  /** Time from the previous module's end to this module's end, in one forward with an observer (which adds readbacks on WebGPU). */
  readonly modules: readonly { readonly module: string; readonly ms: number }[];
}

export interface BenchResult {
  readonly bench: 'neocc bench';
  readonly date: string;
  readonly model: string;
  readonly config: NeoNeXtConfig;
  readonly batch: number;
  readonly backend: { readonly name: string; readonly description: string };
  readonly host: { readonly cpu: string; readonly cores: number; readonly os: string; readonly node: string };
  readonly runs: number;
  readonly neoCells: readonly NeoCellRow[];
  /** Why there are no NeoCell rows although they were asked for (e.g. no asc to build a NeoCell's own kernels). */
  readonly neoCellsSkipped?: string;
  readonly model_forward: ModelResult;
}

export interface BenchPlan {
  readonly config: NeoNeXtConfig;
  readonly batch: number;
  readonly runs: number;
  readonly neoCells: boolean;
  readonly progress: (line: string) => void;
}

async function timed(runs: number, call: () => Promise<unknown>): Promise<Timing> {
  const samplesMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await call();
    samplesMs.push(round(performance.now() - started));
  }
  const sorted = [...samplesMs].sort((a, b) => a - b);
  return { medianMs: sorted[sorted.length >> 1]!, minMs: sorted[0]!, samplesMs };
}

/** Deterministic values in [-0.5, 0.5): sizes matter for timing, values only need to be finite. */
function pattern(shape: readonly number[], seed: number): Tensor {
  const data = new Float32Array(shape.reduce((p, d) => p * d, 1));
  for (let i = 0; i < data.length; i++) data[i] = (((i * 2654435761 + seed * 40503) >>> 0) % 1000) / 1000 - 0.5;
  return new Tensor(shape, data);
}

async function benchNeoCell(backend: Backend, config: NeoNeXtConfig, stage: number, batch: number, runs: number): Promise<NeoCellRow> {
  const plan = blockPlan(config, stage, batch);
  const x = pattern(plan.inputShape, 1);
  const weights = {
    a: plan.spec.groups.map((g, i) => pattern([g.channels, g.hOut, g.hIn], 2 + i)),
    b: plan.spec.groups.map((g, i) => pattern([g.channels, g.wIn, g.wOut], 100 + i)),
  };
  await backend.neoCellForward(plan, x, weights); // warm-up: compiles or loads the kernels
  const timing = await timed(runs, () => backend.neoCellForward(plan, x, weights));
  const usefulFlops = 2 * neoCellForwardMacs(plan);
  return {
    stage: stage + 1, inputShape: plan.inputShape, spec: config.kernelSpecs[stage]!, usefulFlops, timing,
    gflops: round(usefulFlops / (timing.medianMs * 1e6)),
  };
}

async function benchModel(backend: Backend, config: NeoNeXtConfig, batch: number, runs: number, progress: (line: string) => void): Promise<ModelResult> {
  const params = neoNeXtParams(config, syntheticStateDict(neoNeXtSchema(config)));
  const input = syntheticInput(config.resolution, batch);
  let started = performance.now();
  const model = await backend.loadModel(config, params);
  const prepareMs = round(performance.now() - started);
  try {
    started = performance.now();
    await model.forward(input);
    const firstForwardMs = round(performance.now() - started);
    progress(`neocc bench: ${config.name} prepared in ${prepareMs} ms, first forward ${firstForwardMs} ms; ${runs} timed forwards…`);
    const timing = await timed(runs, () => model.forward(input));
    const modules: { module: string; ms: number }[] = [];
    let last = performance.now();
    await model.forward(input, (module) => {
      const now = performance.now();
      modules.push({ module, ms: round(now - last) });
      last = now;
    });
    return { prepareMs, firstForwardMs, timing, imagesPerSecond: round((1000 * batch) / timing.medianMs), modules };
  } finally {
    model.dispose();
  }
}

export async function runBench(backend: Backend, plan: BenchPlan): Promise<BenchResult> {
  const { config, batch, runs, progress } = plan;
  const neoCells: NeoCellRow[] = [];
  let neoCellsSkipped: string | undefined;
  if (plan.neoCells) {
    try {
      for (let s = 0; s < config.dims.length; s++) {
        const [h, w] = stageSize(config, s);
        progress(`neocc bench: NeoCell of stage ${s + 1} (${batch}x${config.dims[s]}x${h}x${w}, spec ${config.kernelSpecs[s]})…`);
        neoCells.push(await benchNeoCell(backend, config, s, batch, runs));
      }
    } catch (err) {
      // A runtime-only install has prebuilt kernels for whole released models, not for NeoCells alone: say so, go on.
      if (!(err instanceof NotSupportedError)) throw err;
      neoCellsSkipped = err.message;
      neoCells.length = 0;
      progress(`neocc bench: NeoCell rows skipped (${err.message})`);
    }
  }
  progress(`neocc bench: whole ${config.name} forward at batch ${batch}…`);
  const modelForward = await benchModel(backend, config, batch, runs, progress);
  const os = await import('node:os');
  return {
    bench: 'neocc bench', date: new Date().toISOString(), model: config.name, config, batch,
    backend: { name: backend.name, description: backend.description },
    host: { cpu: os.cpus()[0]?.model.trim() ?? 'unknown', cores: os.availableParallelism(), os: `${os.platform()} ${os.release()}`, node: process.version },
    runs, neoCells, ...(neoCellsSkipped === undefined ? {} : { neoCellsSkipped }), model_forward: modelForward,
  };
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}
