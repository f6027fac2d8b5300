import { readFileSync } from 'node:fs';
import { channelLayouts, type NeoCellPlan } from '../../compiler/plan/neocell-plan.js';
import type { ShiftSubgroup } from '../../compiler/plan/neocell-plan.js';
import { blockPlan, downsamplePlan, releasedConfig, STAGE_COUNT } from '../../compiler/spec/model-config.js';
import { neoNeXtSchema } from '../../compiler/spec/neonext-state-dict.js';
import { CUDA } from '../../compiler/targets/index.js';
import { foldBlock, foldNeoNeXt } from '../../nn/fold-neonext.js';
import { neoNeXtParams } from '../../nn/neonext-params.js';
import { concatTensors } from '../../nn/tensor.js';
import { readGoldenCase, type GoldenCase } from '../../runtime/conformance/golden-case.js';
import { listGoldenCases } from '../../runtime/conformance/run-conformance.js';
import type { DeterministicFill } from '../../runtime/cuda-common/protocol.js';
import { resolveModelConfig } from '../../runtime/model/resolve-config.js';
import { parseSafetensors } from '../../runtime/weights/safetensors.js';
import { loadStateDict } from '../../runtime/weights/state-dict.js';
import { syntheticStateDict } from '../../runtime/weights/synthetic.js';
import { blockKernels, modelKernels } from '../../schedule/model-kernels.js';
import { neoCellBackwardProgram, neoCellForwardProgram, neoCellWeightElements } from '../../schedule/neocell.js';
import { blockProgram, blockWeights, modelForwardProgram, modelWeights } from '../../schedule/neonext.js';
import { weightDeclarations, type Program } from '../../schedule/program.js';
import type { KernelArtifact } from '../../compiler/artifact.js';

/**
 * What nc-bench runs, as programs of the schedule (the same sequences `--backend cuda` runs), before they are encoded
 * into request files (prepare.ts): conformance checks with their expected outputs, and timed programs whose large
 * inputs the runner fills itself (nc-protocol.h's deterministic fill) so nothing big is shipped to the GPU machine.
 */

/** Run once; every `output` buffer (in program order) compared with `expected` (same order) at rel. L2 <= tolerance. */
export interface CheckRequest {
  readonly kind: 'check';
  readonly id: string;
  readonly program: Program;
  readonly data: Readonly<Record<string, Float32Array>>;
  readonly expected: readonly Float32Array[];
  readonly tolerance: number;
}

/** Timed: a NeoCell forward (with its upstream dense baseline) or a whole model forward. */
export interface TimeRequest {
  readonly kind: 'time';
  readonly id: string;
  readonly what: 'neocell' | 'model';
  readonly label: string;
  readonly batch: number;
  readonly program: Program;
  readonly fills: Readonly<Record<string, DeterministicFill>>;
  /** NeoCell only: the plan the dense baseline's matrices are built for. */
  readonly plan?: NeoCellPlan;
  /** Fewest bytes the NeoCell must move: x read once, y written once, the compact weights once (f32). */
  readonly bytes: number;
}

export type BenchRequest = CheckRequest | TimeRequest;

const TOLERANCE = 1e-5;
/** neonext-mini's logits through 18 kernels: the tolerance of `neocc infer` against golden logits (issue 11). */
const MODEL_TOLERANCE = 1e-4;

const outputs = (p: Program): string[] => p.buffers.filter((b) => b.role === 'output').map((b) => b.name);

function goldenCases(directory: string): Promise<GoldenCase[]> {
  return listGoldenCases(directory).then((paths) => paths.map((p) => readGoldenCase(p.replace(/^.*\/|\.safetensors$/g, ''), parseSafetensors(readFileSync(p), p))));
}

/** Every public golden NeoCell case forward and backward, and every golden block case. */
export async function conformanceRequests(neocellDir = 'test/fixtures/neocell', blockDir = 'test/fixtures/block'): Promise<CheckRequest[]> {
  const out: CheckRequest[] = [];
  for (const c of [...await goldenCases(neocellDir), ...await goldenCases(blockDir)]) {
    if (c.op === 'neocell') {
      const data = { x: Float32Array.from(c.x.data), weight_a: concatTensors(c.weights.a), weight_b: concatTensors(c.weights.b), grad_y: Float32Array.from(c.gradY.data) };
      const forward = neoCellForwardProgram(c.plan, CUDA);
      const backward = neoCellBackwardProgram(c.plan, CUDA);
      const want: Record<string, Float32Array> = { y: Float32Array.from(c.y.data), grad_x: Float32Array.from(c.gradX.data), grad_weight_a: concatTensors(c.gradA), grad_weight_b: concatTensors(c.gradB) };
      out.push({ kind: 'check', id: `neocell/${c.name}/forward`, program: forward, data, expected: outputs(forward).map((n) => want[n]!), tolerance: TOLERANCE });
      out.push({ kind: 'check', id: `neocell/${c.name}/backward`, program: backward, data, expected: outputs(backward).map((n) => want[n]!), tolerance: TOLERANCE });
    } else {
      const k = blockKernels(c.plan, CUDA);
      const weights = blockWeights('block', foldBlock(c.plan.spec, c.params), k);
      const program = blockProgram(c.plan, k, CUDA, weights);
      const data = { x: Float32Array.from(c.x.data), ...Object.fromEntries(weights.map((w) => [w.name, w.data])) };
      out.push({ kind: 'check', id: `block/${c.name}`, program, data, expected: [Float32Array.from(c.y.data)], tolerance: TOLERANCE });
    }
  }
  return out;
}

/** neonext-mini's whole forward on its golden input against its golden logits (test/fixtures/model). */
export function miniModelRequest(dir = 'test/fixtures/model'): CheckRequest {
  const weights = parseSafetensors(readFileSync(`${dir}/neonext-mini.safetensors`), 'neonext-mini.safetensors');
  const golden = parseSafetensors(readFileSync(`${dir}/neonext-mini.golden.safetensors`), 'neonext-mini.golden.safetensors');
  const config = resolveModelConfig({ resolution: 128 }, weights);
  const folded = foldNeoNeXt(config, neoNeXtParams(config, loadStateDict(weights, neoNeXtSchema(config))));
  const input = golden.tensor('input');
  const k = modelKernels(config, CUDA);
  const list = modelWeights(folded, k);
  const program = modelForwardProgram(config, k, CUDA, input.shape[0]!, list);
  return {
    kind: 'check', id: 'model/neonext-mini/logits', program, tolerance: MODEL_TOLERANCE,
    data: { input: Float32Array.from(input.data), ...Object.fromEntries(list.map((w) => [w.name, w.data])) },
    expected: [Float32Array.from(golden.tensor('logits').data)],
  };
}

const FILL_X: DeterministicFill = { seed: 1, scale: 1 };
const FILL_WEIGHTS: DeterministicFill = { seed: 2, scale: 0.5 };

/** One timed NeoCell forward (NCHW, the kernel `--backend cuda` runs for a lone NeoCell) at `plan`'s shape. */
export function neoCellTimeRequest(id: string, label: string, plan: NeoCellPlan): TimeRequest {
  const program = neoCellForwardProgram(plan, CUDA);
  const w = neoCellWeightElements(plan.spec);
  const size = (s: readonly number[]): number => s.reduce((p, d) => p * d, 1);
  return {
    kind: 'time', id, what: 'neocell', label, batch: plan.inputShape[0], program, plan,
    fills: { x: FILL_X, weight_a: FILL_WEIGHTS, weight_b: { ...FILL_WEIGHTS, seed: 3 } },
    bytes: 4 * (size(plan.inputShape) + size(plan.outputShape) + w.a + w.b),
  };
}

/** Every NeoCell of NeoNeXt-T at 224 and 384 (4 stage blocks, 3 downsamples), each at every batch in `batches`. */
export function neoNeXtTNeoCellRequests(batches: readonly number[] = [1, 64]): TimeRequest[] {
  const out: TimeRequest[] = [];
  for (const resolution of [224, 384] as const) {
    const config = releasedConfig('neonext-t', resolution);
    for (const batch of batches) {
      for (let s = 0; s < STAGE_COUNT; s++) {
        const plan = blockPlan(config, s, batch);
        const [, c, h, w] = plan.inputShape;
        out.push(neoCellTimeRequest(`t${resolution}-s${s + 1}-b${batch}`, `stage ${s + 1}: ${config.kernelSpecs[s]} shift ${config.shifts[s]}, ${c}x${h}x${w}`, plan));
      }
      for (let s = 1; s < STAGE_COUNT; s++) {
        const plan = downsamplePlan(config, s, batch);
        const [, c, h, w] = plan.inputShape;
        out.push(neoCellTimeRequest(`t${resolution}-d${s}-b${batch}`, `downsample ${s}: 2x2->1x1, ${c}x${h}x${w}`, plan));
      }
    }
  }
  return out;
}

/** The whole NeoNeXt-T-224 forward at each batch: weights and input filled by the runner (timing only). */
export function neoNeXtModelRequests(batches: readonly number[] = [1, 64], arch = 'neonext-t', resolution = 224): TimeRequest[] {
  const config = releasedConfig(arch, resolution);
  const k = modelKernels(config, CUDA);
  // The weights' names and sizes only (their values are the runner's fill): made once from synthetic parameters.
  const declarations = weightDeclarations(modelWeights(foldNeoNeXt(config, neoNeXtParams(config, syntheticStateDict(neoNeXtSchema(config)))), k));
  const fills = Object.fromEntries([['input', FILL_X], ...declarations.map((d, i): [string, DeterministicFill] => [d.name, { seed: 100 + i, scale: 0.05 }])]);
  return batches.map((batch) => ({
    kind: 'time', id: `${arch.replace('neonext-', '')}${resolution}-model-b${batch}`, what: 'model', label: `${arch}-${resolution} forward`, batch,
    program: modelForwardProgram(config, k, CUDA, batch, declarations), fills, bytes: 0,
  }));
}

/** Every kernel a set of requests dispatches (the binary holds them all). */
export function requestArtifacts(requests: readonly BenchRequest[]): KernelArtifact[] {
  return requests.flatMap((r) => r.program.dispatches.map((d) => d.artifact));
}

/**
 * The `.dense` file of a NeoCell request (bench-program.h DenseBaseline): shape, the program's buffer indices of x,
 * y, weight_a and weight_b, and each channel's block placements into A_c and B_c (compiler/plan/block-layout.ts, the
 * rules kernels/baselines/dense-matrices.ts builds upstream's matrices with).
 */
export function denseFile(plan: NeoCellPlan, program: Program): Uint8Array {
  const [n, c, h, w] = plan.inputShape;
  const [, , oh, ow] = plan.outputShape;
  const index = (name: string): number => program.buffers.findIndex((b) => b.name === name);
  const words: number[] = [0x3144434e, n, c, h, w, oh, ow, index('x'), index('y'), index('weight_a'), index('weight_b')];
  const baseA: number[] = [];
  const baseB: number[] = [];
  let [a, b] = [0, 0];
  for (const g of plan.spec.groups) {
    baseA.push(a);
    baseB.push(b);
    a += g.channels * g.hOut * g.hIn;
    b += g.channels * g.wIn * g.wOut;
  }
  const blocks = (s: ShiftSubgroup): number[] => [s.blocks.length, ...s.blocks.flatMap((k) => [k.row0, k.col0, k.kRow0, k.kCol0, k.rows, k.cols])];
  for (const layout of channelLayouts(plan)) {
    const g = layout.group.group;
    words.push(baseA[layout.group.index]! + layout.local * g.hOut * g.hIn, g.hIn, ...blocks(layout.a));
    words.push(baseB[layout.group.index]! + layout.local * g.wIn * g.wOut, g.wOut, ...blocks(layout.b));
  }
  return new Uint8Array(Uint32Array.from(words).buffer);
}
