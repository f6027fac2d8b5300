import { makeArtifact, type KernelArtifact } from '../../../compiler/artifact.js';
import {
  BlockBuilder, add, builtin, call, div, f32, finishKernel, ge, load, mod, mul, sub, u32, uniform,
} from '../../../compiler/ir/build.js';
import type { BufferDecl, Expr, KernelIR } from '../../../compiler/ir/ir.js';
import { elementwiseGrid } from '../../neocell/launch.js';
import type { Grid, UniformValues } from '../../../compiler/launch.js';
import type { KernelTarget } from '../../../compiler/targets/target.js';
import { gelu } from '../../../compiler/ir/math.js';

/**
 * The element-wise ops of the unfused NeoNeXt block (the chain a framework runs op by op; see chain.ts): one
 * element per invocation, the flat index folded over a 2D grid (elementwiseGrid). Channels are baked (as in the
 * fused kernels); element and plane counts are run-time uniforms, so one kernel serves every batch and resolution.
 */
export const ELEMENTWISE_WORKGROUP = 64;

type Body = (b: BlockBuilder, i: Expr) => void;

function elementwise(name: string, buffers: readonly BufferDecl[], doc: string, body: Body): KernelIR {
  const b = new BlockBuilder();
  const group = add(builtin('workgroup_id.x'), mul(builtin('workgroup_id.y'), builtin('num_workgroups.x')));
  const i = b.let('i', add(mul(group, u32(ELEMENTWISE_WORKGROUP)), builtin('local_index')));
  b.if(ge(i, uniform('total')), (r) => r.return());
  body(b, i);
  return finishKernel({
    name,
    workgroupSize: ELEMENTWISE_WORKGROUP,
    buffers,
    uniforms: [{ name: 'total', type: 'u32' }, { name: 'plane', type: 'u32' }],
    shared: [],
    body: b.stmts,
    doc: [`neocc unfused ${name}: ${doc}`, 'one element per invocation; run-time: total elements, plane = H·W (uniforms)'],
  });
}

const read = (name: string): BufferDecl => ({ name, access: 'read', elem: 'f32' });
const write = (name: string): BufferDecl => ({ name, access: 'read_write', elem: 'f32' });

/** Eval BatchNorm over NCHW: y = (x - mean[c]) · weight[c] / sqrt(var[c] + eps) + bias[c] (parameters unfolded). */
export function batchNormKernel(channels: number, eps = 1e-5): KernelIR {
  return elementwise('batch_norm_nchw', [read('x'), read('weight'), read('bias'), read('mean'), read('variance'), write('y')],
    `eval BatchNorm2d over NCHW, C = ${channels}, eps = ${eps}`, (b, i) => {
      const c = b.let('c', mod(div(i, uniform('plane')), u32(channels)));
      const scale = b.let('scale', div(load('weight', c), call('sqrt', add(load('variance', c), f32(eps)))));
      b.store('y', i, add(mul(sub(load('x', i), load('mean', c)), scale), load('bias', c)));
    });
}

/** NCHW → NHWC (channels-last, what the Linear layers read), indexed by the output element. */
export function toChannelsLastKernel(channels: number): KernelIR {
  return elementwise('to_channels_last', [read('x'), write('y')], `NCHW -> NHWC copy, C = ${channels}`, (b, i) => {
    const c = b.let('c', mod(i, u32(channels)));
    const q = b.let('q', div(i, u32(channels)));
    const plane = uniform('plane');
    b.store('y', i, load('x', add(mul(add(mul(div(q, plane), u32(channels)), c), plane), mod(q, plane))));
  });
}

/** In place: h = GELU(h), exact form a/2 · (1 + erf(a/√2)) as torch.nn.GELU(). */
export function geluKernel(): KernelIR {
  return elementwise('gelu', [write('h')], 'exact GELU (erf), in place', (b, i) => {
    const a = b.let('a', load('h', i));
    b.store('h', i, gelu(b, a));
  });
}

/** In place over channels-last: o[..., c] *= gamma[c] (LayerScale, unfolded). */
export function layerScaleKernel(channels: number): KernelIR {
  return elementwise('layer_scale', [read('gamma'), write('o')], `LayerScale over NHWC, C = ${channels}, in place`, (b, i) => {
    b.store('o', i, mul(load('o', i), load('gamma', mod(i, u32(channels)))));
  });
}

/** y[n, c, p] = x[n, c, p] + o[n, p, c]: the residual add, reading the channels-last branch and writing NCHW. */
export function residualAddKernel(channels: number): KernelIR {
  return elementwise('residual_add_nchw', [read('x'), read('o'), write('y')],
    `y (NCHW) = x (NCHW) + o (NHWC), C = ${channels}`, (b, i) => {
      const plane = uniform('plane');
      const p = b.let('p', mod(i, plane));
      const nc = b.let('nc', div(i, plane));
      const n = b.let('n', div(nc, u32(channels)));
      const c = b.let('c', mod(nc, u32(channels)));
      b.store('y', i, add(load('x', i), load('o', add(mul(add(mul(n, plane), p), u32(channels)), c))));
    });
}

export type ElementwiseOp = 'batch-norm' | 'to-channels-last' | 'gelu' | 'layer-scale' | 'residual-add';

/** `eps` is BatchNorm's (ignored by the other ops). */
export function compileElementwise(op: ElementwiseOp, channels: number, target: KernelTarget, eps = 1e-5): KernelArtifact {
  const ir = op === 'batch-norm' ? batchNormKernel(channels, eps)
    : op === 'to-channels-last' ? toChannelsLastKernel(channels)
      : op === 'gelu' ? geluKernel()
        : op === 'layer-scale' ? layerScaleKernel(channels)
          : residualAddKernel(channels);
  return makeArtifact(ir, target, { op: `unfused-${op}`, channels: op === 'gelu' ? null : channels, ...(op === 'batch-norm' ? { eps } : {}) });
}

export function elementwiseLaunch(total: number, plane: number, maxPerDimension: number): { grid: Grid; uniforms: UniformValues } {
  return { grid: elementwiseGrid(total, ELEMENTWISE_WORKGROUP, maxPerDimension), uniforms: { total, plane } };
}
