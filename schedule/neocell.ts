import type { KernelArtifact } from '../compiler/artifact.js';
import { canonicalJson } from '../compiler/cache-key.js';
import type { NeoCellPlan } from '../compiler/plan/neocell-plan.js';
import { canonicalSpec, type NeoCellSpec } from '../compiler/spec/neocell-spec.js';
import type { KernelTarget } from '../compiler/targets/target.js';
import { backwardBaked, compileNeoCellBackward, type BackwardArtifacts } from '../kernels/neocell/compile.js';
import { bwdDtInvocations } from '../kernels/neocell/backward-kernels.js';
import { elementwiseGrid, shapeUniforms } from '../kernels/neocell/launch.js';
import { neoCellKernel, neoCellLaunch } from './model-kernels.js';
import { ProgramBuilder, type Program } from './program.js';

/**
 * A single NeoCell as programs: the forward (x, weight_a, weight_b → y) and the backward (→ grad_x, grad_weight_a,
 * grad_weight_b through the t = X·B and dT scratch), the sequences every runtime executes for `neocc conformance`
 * and the Backend API. Weights are each matrix's per-group kernels back to back (concatTensors order).
 */

/** Kernels are rendered once per (target and its limits, spec, variant) in a process: runtimes ask again per call. */
const kernelMemo = new Map<string, unknown>();

function memo<T>(target: KernelTarget, id: unknown, build: () => T): T {
  const key = canonicalJson({ target: target.name, limits: target.limits, id });
  if (!kernelMemo.has(key)) kernelMemo.set(key, build());
  return kernelMemo.get(key) as T;
}

/** The specialized forward kernel for `plan` (NCHW output), tiled for the target; channels packed on small planes. */
export function neoCellForwardKernel(plan: NeoCellPlan, target: KernelTarget): KernelArtifact {
  const spatial = plan.inputShape.slice(2);
  return memo(target, { op: 'neocell-forward', spec: canonicalSpec(plan.spec), spatial }, () => neoCellKernel(plan, target, { layout: 'nchw' }));
}

export function neoCellBackwardKernels(spec: NeoCellSpec, target: KernelTarget): BackwardArtifacts {
  return memo(target, { op: 'neocell-backward', spec: canonicalSpec(spec) }, () => compileNeoCellBackward(spec, target));
}

/** f32 elements of weight_a and weight_b (all groups' kernels back to back). */
export function neoCellWeightElements(spec: NeoCellSpec): { a: number; b: number } {
  return {
    a: spec.groups.reduce((s, g) => s + g.channels * g.hOut * g.hIn, 0),
    b: spec.groups.reduce((s, g) => s + g.channels * g.wIn * g.wOut, 0),
  };
}

const size = (shape: readonly number[]): number => shape.reduce((p, d) => p * d, 1);

export function neoCellForwardProgram(plan: NeoCellPlan, target: KernelTarget): Program {
  const artifact = neoCellForwardKernel(plan, target);
  const w = neoCellWeightElements(plan.spec);
  const p = new ProgramBuilder();
  const x = p.buffer('x', 'input', size(plan.inputShape));
  const wa = p.buffer('weight_a', 'input', w.a);
  const wb = p.buffer('weight_b', 'input', w.b);
  const y = p.buffer('y', 'output', size(plan.outputShape));
  p.dispatch(artifact, [x, wa, wb, y], neoCellLaunch(artifact, plan));
  return p.build();
}

/**
 * The backward: t = X·B (forward half), dT = Aᵀ·dY, dX = dT·Bᵀ, then both weight gradients in one kernel per
 * channel (kernels/neocell/backward-kernels.ts).
 */
export function neoCellBackwardProgram(plan: NeoCellPlan, target: KernelTarget): Program {
  const k = neoCellBackwardKernels(plan.spec, target);
  const [n, c, inH, inW] = plan.inputShape;
  const outW = plan.outputShape[3];
  const w = neoCellWeightElements(plan.spec);
  const p = new ProgramBuilder();
  const x = p.buffer('x', 'input', n * c * inH * inW);
  const dy = p.buffer('grad_y', 'input', size(plan.outputShape));
  const wa = p.buffer('weight_a', 'input', w.a);
  const wb = p.buffer('weight_b', 'input', w.b);
  const t = p.buffer('t', 'activation', n * c * inH * outW, 't = x·B');
  const dt = p.buffer('dt', 'activation', n * c * inH * outW, 'dT = Aᵀ·dY');
  const dx = p.buffer('grad_x', 'output', n * c * inH * inW);
  const gwa = p.buffer('grad_weight_a', 'output', w.a);
  const gwb = p.buffer('grad_weight_b', 'output', w.b);
  const uniforms = shapeUniforms(plan);
  const grid = (elements: number, artifact: KernelArtifact) => elementwiseGrid(elements, artifact.workgroupSize, target.limits.maxComputeWorkgroupsPerDimension);
  p.dispatch(k.neocell_fwd_t, [x, wb, t], { grid: grid(n * c * inH * outW, k.neocell_fwd_t), uniforms });
  p.dispatch(k.neocell_bwd_dt, [dy, wa, dt], { grid: grid(bwdDtInvocations(backwardBaked(k.neocell_bwd_dt), n, c, inH, outW), k.neocell_bwd_dt), uniforms });
  p.dispatch(k.neocell_bwd_dx, [dt, wb, dx], { grid: grid(n * c * inH * inW, k.neocell_bwd_dx), uniforms });
  p.dispatch(k.neocell_bwd_dw, [x, dy, t, dt, wa, wb, gwa, gwb], { grid: [c, 1, 1], uniforms });
  return p.build();
}
