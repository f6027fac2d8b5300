import { makeArtifact, type KernelArtifact } from '../../compiler/artifact.js';
import type { KernelTarget } from '../../compiler/targets/target.js';
import { NeoccError } from '../../compiler/errors.js';
import {
  BlockBuilder, add, builtin, call, cast, div, eq, f32, finishKernel, load, loadVec4, lt, mul, splat, sub, u32, uniform,
} from '../../compiler/ir/build.js';
import type { Expr, KernelIR } from '../../compiler/ir/ir.js';
import type { Grid, UniformValues } from '../../compiler/launch.js';

/**
 * The head as one kernel: global average pool → LayerNorm (eps 1e-6, biased variance as PyTorch) → Linear, one
 * workgroup per image and slice of classes (headClassesPerWorkgroup: one class, with simd one vec4 of classes, per
 * invocation), so the Linear — C × classes multiply-adds and the C × classes weight read, most of the head — spreads
 * over GPU cores and CPU threads instead of one workgroup. Every workgroup pools and normalizes the image itself:
 * C·H·W adds, redundant across slices but far below its slice of the Linear at NeoNeXt's sizes (C·49 against
 * C·256 on wasm), and no second launch or intermediate buffer. The pooled vector (C floats) stays in workgroup
 * memory. The LayerNorm statistics are two serial passes by one invocation: C ≤ a few thousand adds, far below the
 * pooling and the C × classes Linear, and exact two-pass variance avoids E[x²] − E[x]² cancellation. The fc weight
 * is stored transposed ([C, classes]) so neighbouring invocations (neighbouring classes) read neighbouring addresses.
 * Baked: C, classes. Run-time: H·W (uniform).
 *
 * With `simd` (targets that prefer vec4 SIMD) the Linear — C × classes multiply-adds, most of the head — computes 4
 * neighbouring classes per invocation as one vec4 (their fc_wt entries are adjacent: one vec4 load per channel),
 * each lane the scalar kernel's sum in the same order; classes past the last multiple of 4 stay scalar.
 */
export interface HeadKernelOptions {
  readonly channels: number;
  readonly classes: number;
  readonly workgroupSize: number;
  /** vec4 over classes in the Linear; absent when scalar, so scalar keys are unchanged. */
  readonly simd?: true;
  /** With simd: accumulate with the IR's fma (one instruction on relaxed SIMD). */
  readonly fma?: true;
}

export const LAYER_NORM_EPS = 1e-6;
const POOLED = 'pooled';
const STATS = 'stats';

export function headSharedBytes(channels: number): number {
  return 4 * (channels + 2);
}

export function headKernel(o: HeadKernelOptions): KernelIR {
  const { channels: C, classes: K, workgroupSize: wg } = o;
  const b = new BlockBuilder();
  const slice = b.let('slice', builtin('workgroup_id.x'));
  const n = b.let('n', builtin('workgroup_id.y'));
  const lidx = builtin('local_index');
  const plane = uniform('plane');
  const strided = (g: BlockBuilder, count: number, body: (s: BlockBuilder, i: Expr) => void): void =>
    g.for('i', lidx, u32(count), body, { step: u32(wg) });

  b.comment('global average pool');
  const inv = b.let('inv_plane', div(f32(1), cast('f32', plane)));
  strided(b, C, (s, c) => {
    const base = s.let('base', mul(add(mul(n, u32(C)), c), plane));
    const acc = s.var('sum', f32(0));
    s.for('p', u32(0), plane, (t, p) => t.assign(acc.name, add(acc.ref, load('x', add(base, p)))));
    s.store(POOLED, c, mul(acc.ref, inv));
  });
  b.barrier();

  b.comment('LayerNorm statistics (two passes)');
  b.if(eq(lidx, u32(0)), (g) => {
    const mean = g.var('mean', f32(0));
    g.for('c', u32(0), u32(C), (s, c) => s.assign(mean.name, add(mean.ref, load(POOLED, c))));
    const mu = g.let('mu', div(mean.ref, f32(C)));
    const vari = g.var('variance', f32(0));
    g.for('c', u32(0), u32(C), (s, c) => {
      const d = s.let('d', sub(load(POOLED, c), mu));
      s.assign(vari.name, add(vari.ref, mul(d, d)));
    });
    g.store(STATS, u32(0), mu);
    g.store(STATS, u32(1), div(f32(1), call('sqrt', add(div(vari.ref, f32(C)), f32(LAYER_NORM_EPS)))));
  });
  b.barrier();
  const mu = b.let('ln_mean', load(STATS, u32(0)));
  const rstd = b.let('ln_rstd', load(STATS, u32(1)));
  strided(b, C, (s, c) => {
    s.store(POOLED, c, add(mul(mul(sub(load(POOLED, c), mu), rstd), load('ln_w', c)), load('ln_b', c)));
  });
  b.barrier();

  b.comment(`Linear C → classes: this workgroup's slice, ${o.simd ? 'four classes (one vec4)' : 'one class'} per invocation`);
  const dot = (s: BlockBuilder, k: Expr): void => {
    const acc = s.var('logit', load('fc_b', k));
    s.for('c', u32(0), u32(C), (t, c) => t.assign(acc.name, add(acc.ref, mul(load('fc_wt', add(mul(c, u32(K)), k)), load(POOLED, c)))));
    s.store('logits', add(mul(n, u32(K)), k), acc.ref);
  };
  const slot = b.let('slot', add(mul(slice, u32(wg)), lidx));
  if (!o.simd) {
    b.if(lt(slot, u32(K)), (s) => dot(s, slot));
  } else {
    // Classes 0..4·⌊K/4⌋ as vec4s; the slot after the last vec4 takes the (up to 3) classes left, scalar. Aligned
    // when K is a multiple of 4 (rows of fc_wt, fc_b and logits then start at multiples of 4).
    const vecClasses = K - (K % 4);
    const k0 = b.let('k0', mul(slot, u32(4)));
    b.if(lt(k0, u32(vecClasses)), (s) => {
      const aligned = { aligned: K % 4 === 0 };
      const acc = s.var('logits4', loadVec4('fc_b', k0, aligned));
      s.for('c', u32(0), u32(C), (t, c) => {
        const w = loadVec4('fc_wt', add(mul(c, u32(K)), k0), aligned);
        const x = t.let('pooled_c', splat(load(POOLED, c)));
        t.assign(acc.name, o.fma ? call('fma', w, x, acc.ref) : add(acc.ref, mul(w, x)));
      });
      s.store('logits', add(mul(n, u32(K)), k0), acc.ref, aligned);
    });
    if (vecClasses < K) b.if(eq(k0, u32(vecClasses)), (s) => s.for('k', k0, u32(K), dot));
  }

  return finishKernel({
    name: 'neonext_head',
    workgroupSize: wg,
    buffers: [
      { name: 'x', access: 'read', elem: 'f32' },
      { name: 'ln_w', access: 'read', elem: 'f32' },
      { name: 'ln_b', access: 'read', elem: 'f32' },
      { name: 'fc_wt', access: 'read', elem: 'f32' },
      { name: 'fc_b', access: 'read', elem: 'f32' },
      { name: 'logits', access: 'read_write', elem: 'f32' },
    ],
    uniforms: [{ name: 'plane', type: 'u32' }],
    shared: [{ name: POOLED, elem: 'f32', length: C }, { name: STATS, elem: 'f32', length: 2 }],
    body: b.stmts,
    doc: [
      `neocc neonext_head: logits = Linear(LayerNorm(mean_hw(x))) with C = ${C}, ${K} classes, workgroups of ${wg} per image and ${headClassesPerWorkgroup(o)} classes${o.simd ? `, Linear as vec4 over classes${o.fma ? ' (fma)' : ''}` : ''}`,
      'x [N, C, H, W] NCHW; run-time: H·W (uniform)',
    ],
  });
}

export function compileHead(o: HeadKernelOptions, target: KernelTarget): KernelArtifact {
  const { limits } = target;
  if (headSharedBytes(o.channels) > limits.maxComputeWorkgroupStorageSize) {
    throw new NeoccError('adapter-limits-exceeded',
      `the head kernel for C = ${o.channels} needs ${headSharedBytes(o.channels)} bytes of workgroup storage; the adapter allows ` +
      `${limits.maxComputeWorkgroupStorageSize} (maxComputeWorkgroupStorageSize)`);
  }
  // classesPerWorkgroup is the launch geometry (headLaunch): in the key, so no binary from before the class split
  // (one workgroup per image) ever runs on the split grid.
  return makeArtifact(headKernel(o), target, { op: 'neonext-head', ...o, eps: LAYER_NORM_EPS, classesPerWorkgroup: headClassesPerWorkgroup(o) });
}

/** Classes one head workgroup computes: one per invocation, four (a vec4) with simd. */
export function headClassesPerWorkgroup(o: HeadKernelOptions): number {
  return o.workgroupSize * (o.simd ? 4 : 1);
}

/** Grid x = slices of classes, y = images. */
export function headLaunch(o: HeadKernelOptions, batch: number, plane: number): { grid: Grid; uniforms: UniformValues } {
  return { grid: [Math.ceil(o.classes / headClassesPerWorkgroup(o)), batch, 1], uniforms: { plane } };
}
