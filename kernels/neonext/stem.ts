import { makeArtifact, type KernelArtifact } from '../../compiler/artifact.js';
import type { KernelTarget } from '../../compiler/targets/target.js';
import {
  BlockBuilder, add, builtin, call, div, finishKernel, ge, lane, load, loadVec4, mod, mul, splat, u32, uniform,
} from '../../compiler/ir/build.js';
import type { Expr, KernelIR } from '../../compiler/ir/ir.js';
import { IMAGE_CHANNELS, PATCH_SIZE } from '../../compiler/spec/model-config.js';
import { foldGrid, type Launch } from '../../compiler/launch.js';

/**
 * The stem as one kernel: patchify 4x4 (3 → 48 features, upstream order ch·16 + dy·4 + dx), 1x1 conv 48 → C and
 * the folded BN (weight [C, 48] pre-scaled, bias = BN shift), straight from the NCHW image to the NCHW stage-1
 * input; the 48-feature patch tensor is never materialized. Each invocation computes `channelsPerInvocation`
 * channels of one pixel, so the 48 image values are loaded once for all of them.
 * Baked: C. Run-time: batch and resolution (uniforms).
 *
 * With `simd` (targets that prefer vec4 SIMD: WebAssembly f32x4) the channels of an invocation are vec4 lanes: the
 * weight is stored transposed, [48, C] (stemWeightLayout), so the 4 channels of one feature are one aligned vec4 load,
 * and each image value is splat once per vec4 — the scalar kernel's sums in the same order, lane by lane.
 */
export interface StemKernelOptions {
  readonly channels: number;
  readonly channelsPerInvocation: number;
  readonly workgroupSize: number;
  /** vec4 lanes over channels, weight [48, C]; absent when scalar, so scalar keys are unchanged. */
  readonly simd?: true;
  /** With simd: accumulate with the IR's fma (one instruction on relaxed SIMD). */
  readonly fma?: true;
}

const FEATURES = IMAGE_CHANNELS * PATCH_SIZE * PATCH_SIZE;

export function defaultStemOptions(channels: number, simd = false, fma = false): StemKernelOptions {
  if (simd && channels % 4 === 0) {
    // Two vec4s (8 channels) when C allows: half the image loads and splats per weight vector.
    const per = channels % 8 === 0 ? 8 : 4;
    return { channels, channelsPerInvocation: per, workgroupSize: 64, simd: true, ...(fma ? { fma: true as const } : {}) };
  }
  // 4 channels per invocation when C allows: 48 loads of the image per 192 FMAs instead of per 48.
  const per = [4, 2, 1].find((r) => channels % r === 0)!;
  return { channels, channelsPerInvocation: per, workgroupSize: 64 };
}

/** The stem weight as the kernel reads it: upstream's [C, 48] (scalar), or transposed to [48, C] (simd). */
export function stemWeightLayout(w: Float32Array, o: StemKernelOptions): Float32Array {
  if (!o.simd) return w;
  const C = o.channels;
  const t = new Float32Array(C * FEATURES);
  for (let c = 0; c < C; c++) for (let f = 0; f < FEATURES; f++) t[f * C + c] = w[c * FEATURES + f]!;
  return t;
}

export function stemKernel(o: StemKernelOptions): KernelIR {
  const { channels: C, channelsPerInvocation: R, workgroupSize: wg } = o;
  const b = new BlockBuilder();
  const wgId = add(builtin('workgroup_id.x'), mul(builtin('workgroup_id.y'), builtin('num_workgroups.x')));
  const id = b.let('id', add(mul(wgId, u32(wg)), builtin('local_index')));
  // id enumerates (n, channel group, pixel) with the pixel fastest, so neighbours store neighbouring addresses.
  const plane = uniform('plane');
  b.if(ge(id, uniform('items')), (r) => r.return());
  const pixel = b.let('pixel', mod(id, plane));
  const cg = b.let('cg', mod(div(id, plane), u32(C / R)));
  const n = b.let('n', div(id, mul(plane, u32(C / R))));
  const outW = uniform('out_w');
  const inW = uniform('in_w');
  const i = b.let('i', div(pixel, outW));
  const j = b.let('j', mod(pixel, outW));
  const c0 = b.let('c0', mul(cg, u32(R)));
  if (o.simd) return finishStem(o, b, simdBody(o, b, { n, i, j, c0, inW, plane, pixel }));
  const acc = Array.from({ length: R }, (_, r) => b.var('acc', load('bias', add(c0, u32(r)))));
  for (let ch = 0; ch < IMAGE_CHANNELS; ch++) {
    for (let dy = 0; dy < PATCH_SIZE; dy++) {
      const rowBase = b.let('x_row', mul(add(mul(add(mul(n, u32(IMAGE_CHANNELS)), u32(ch)), inW), add(mul(i, u32(PATCH_SIZE)), u32(dy))), inW));
      for (let dx = 0; dx < PATCH_SIZE; dx++) {
        const xv: Expr = b.let('xv', load('x', add(rowBase, add(mul(j, u32(PATCH_SIZE)), u32(dx)))));
        const f = (ch * PATCH_SIZE + dy) * PATCH_SIZE + dx;
        acc.forEach((a, r) => b.assign(a.name, add(a.ref, mul(load('w', add(mul(add(c0, u32(r)), u32(FEATURES)), u32(f))), xv))));
      }
    }
  }
  acc.forEach((a, r) => b.store('y', add(mul(add(mul(n, u32(C)), add(c0, u32(r))), plane), pixel), a.ref));
  return finishStem(o, b, 'scalar');
}

interface StemIndices {
  readonly n: Expr;
  readonly i: Expr;
  readonly j: Expr;
  readonly c0: Expr;
  readonly inW: Expr;
  readonly plane: Expr;
  readonly pixel: Expr;
}

/** simd body: R/4 vec4 accumulators over channels c0..c0+R-1 (c0 and C multiples of 4: aligned loads). */
function simdBody(o: StemKernelOptions, b: BlockBuilder, { n, i, j, c0, inW, plane, pixel }: StemIndices): string {
  const { channels: C, channelsPerInvocation: R } = o;
  if (R % 4 !== 0 || C % R !== 0) throw new RangeError(`stem: simd needs channelsPerInvocation a multiple of 4 dividing C (${R}, C = ${C})`);
  const aligned = { aligned: true };
  const acc = Array.from({ length: R / 4 }, (_, v) => b.var('acc', loadVec4('bias', add(c0, u32(4 * v)), aligned)));
  for (let ch = 0; ch < IMAGE_CHANNELS; ch++) {
    for (let dy = 0; dy < PATCH_SIZE; dy++) {
      const rowBase = b.let('x_row', mul(add(mul(add(mul(n, u32(IMAGE_CHANNELS)), u32(ch)), inW), add(mul(i, u32(PATCH_SIZE)), u32(dy))), inW));
      for (let dx = 0; dx < PATCH_SIZE; dx++) {
        const xv = b.let('xv', splat(load('x', add(rowBase, add(mul(j, u32(PATCH_SIZE)), u32(dx))))));
        const f = (ch * PATCH_SIZE + dy) * PATCH_SIZE + dx;
        acc.forEach((a, v) => {
          const w = loadVec4('w', add(c0, u32(f * C + 4 * v)), aligned);
          b.assign(a.name, o.fma ? call('fma', w, xv, a.ref) : add(a.ref, mul(w, xv)));
        });
      }
    }
  }
  // The 4 channels of a vec4 are `plane` apart in NCHW: one store per lane.
  acc.forEach((a, v) => {
    for (let l = 0; l < 4; l++) b.store('y', add(mul(add(mul(n, u32(C)), add(c0, u32(4 * v + l))), plane), pixel), lane(a.ref, l));
  });
  return `vec4 over channels${o.fma ? ', fma' : ''}, weight [48, C]`;
}

function finishStem(o: StemKernelOptions, b: BlockBuilder, how: string): KernelIR {
  const { channels: C, channelsPerInvocation: R, workgroupSize: wg } = o;
  return finishKernel({
    name: 'neonext_stem',
    workgroupSize: wg,
    buffers: [
      { name: 'x', access: 'read', elem: 'f32' },
      { name: 'w', access: 'read', elem: 'f32' },
      { name: 'bias', access: 'read', elem: 'f32' },
      { name: 'y', access: 'read_write', elem: 'f32' },
    ],
    uniforms: [{ name: 'items', type: 'u32' }, { name: 'plane', type: 'u32' }, { name: 'out_w', type: 'u32' }, { name: 'in_w', type: 'u32' }],
    shared: [],
    body: b.stmts,
    doc: [
      `neocc neonext_stem: y = BN(conv1x1(patchify4x4(x))) with BN folded, C = ${C}, ${R} channels per invocation, workgroup ${wg}${how === 'scalar' ? '' : `, ${how}`}`,
      'x [N, 3, R, R], y [N, C, R/4, R/4]; run-time: batch and resolution (uniforms)',
    ],
  });
}

export function compileStem(o: StemKernelOptions, target: KernelTarget): KernelArtifact {
  return makeArtifact(stemKernel(o), target, { op: 'neonext-stem', ...o });
}

export function stemLaunch(o: StemKernelOptions, batch: number, resolution: number, maxPerDimension: number): Launch {
  const outW = resolution / PATCH_SIZE;
  const items = batch * (o.channels / o.channelsPerInvocation) * outW * outW;
  return { grid: foldGrid(Math.ceil(items / o.workgroupSize), maxPerDimension), uniforms: { items, plane: outW * outW, out_w: outW, in_w: resolution } };
}
