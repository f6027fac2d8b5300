import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { kernelIR, type KernelArtifact } from '../compiler/artifact.js';
import { TARGET_RECORDS, WGSL, type KernelTarget } from '../compiler/targets/index.js';
import { compileNeoCellBackward, compileNeoCellForward } from '../kernels/neocell/compile.js';
import { NeoccError } from '../compiler/errors.js';
import { BlockBuilder, add, builtin, f32, finishKernel, load, loadVec4, lt, ref, u32, uniform } from '../compiler/ir/build.js';
import type { Expr, KernelIR, Stmt } from '../compiler/ir/ir.js';
import { verifyKernel, type VerifyLimits } from '../compiler/ir/verify.js';
import { parseNeoCellSpec } from '../compiler/spec/neocell-spec.js';
import { ARCHITECTURE_NAMES, RELEASED_RESOLUTIONS, releasedConfig } from '../compiler/spec/model-config.js';
import { compileDenseMatmul, denseTileCandidates } from '../kernels/baselines/dense-matmul.js';
import { compileMlpResidual, chooseMlpTiling } from '../kernels/neonext/mlp-residual.js';
import { compileElementwise, type ElementwiseOp } from '../kernels/neonext/unfused/elementwise.js';
import { compileLinear, DEFAULT_LINEAR_TILE } from '../kernels/neonext/unfused/linear.js';
import { allArtifacts, modelKernels } from '../schedule/model-kernels.js';

function verifyArtifacts(artifacts: readonly KernelArtifact[], limits: VerifyLimits): number {
  for (const a of artifacts) {
    const ir = kernelIR(a);
    expect(ir, a.name).toBeDefined();
    verifyKernel(ir!, limits);
  }
  return artifacts.length;
}
// Every record, variants included (AssemblyScript with relaxed SIMD builds its GEMMs with fma).
const TARGET_LIST: readonly KernelTarget[] = Object.values(TARGET_RECORDS).flat();

const goldenSpecs = (JSON.parse(readFileSync('test/fixtures/neocell/index.json', 'utf8')) as Array<{ name: string; channel_specs: unknown }>)
  .map((c) => ({ name: c.name, spec: parseNeoCellSpec(c.channel_specs) }));

describe('verifyKernel accepts every kernel neocc builds', () => {
  for (const arch of ARCHITECTURE_NAMES) {
    for (const resolution of RELEASED_RESOLUTIONS) {
      it(`${arch}-${resolution}: every model kernel, for every target (against its record's limits)`, () => {
        const config = releasedConfig(arch, resolution);
        for (const target of TARGET_LIST) {
          const k = modelKernels(config, target);
          // Both MLP paths of every stage (the fused one is the fallback).
          const artifacts = [...allArtifacts(k), ...k.stages.flatMap((s) => [s.mlp, s.twoGemm.fc1, s.twoGemm.fc2])];
          expect(verifyArtifacts(artifacts, target.limits), target.name).toBeGreaterThan(10);
        }
      });
    }
  }

  it('the golden specs: forward (scalar, SIMD, generic shared-t) and the 4 backward kernels, every target', () => {
    let n = 0;
    for (const { spec } of goldenSpecs) {
      for (const target of TARGET_LIST) {
        const backward = compileNeoCellBackward(spec, target);
        n += verifyArtifacts([
          compileNeoCellForward(spec, target, { simd: false }),
          compileNeoCellForward(spec, target, { simd: true }),
          compileNeoCellForward(spec, target, { layout: 'nhwc', channelBias: true }),
          ...Object.values(backward),
        ], target.limits);
      }
    }
    n += verifyArtifacts([compileNeoCellForward(undefined, WGSL, { mode: 'generic' })], WGSL.limits);
    expect(n).toBe(goldenSpecs.length * TARGET_LIST.length * 7 + 1);
  });

  it('the dense-matmul baselines, the unfused chain kernels and the fused MLP at several widths', () => {
    const dense = denseTileCandidates(256, 256).map((t) => compileDenseMatmul(t, WGSL));
    const ops: ElementwiseOp[] = ['batch-norm', 'to-channels-last', 'gelu', 'layer-scale', 'residual-add'];
    const unfused = [...ops.map((op) => compileElementwise(op, 24, WGSL)), ...(['bias', 'bias-gelu', 'bias-residual-nchw'] as const).map((epilogue) =>
      compileLinear({ inFeatures: 24, outFeatures: 96, epilogue, ...DEFAULT_LINEAR_TILE }, WGSL))];
    const mlp = [16, 96, 768].map((channels) => compileMlpResidual({ channels, hidden: 4 * channels, ...chooseMlpTiling(channels, WGSL.limits) }, WGSL));
    expect(verifyArtifacts([...dense, ...unfused, ...mlp], WGSL.limits)).toBe(dense.length + 8 + 3);
  });
});

describe('verifyKernel rejects broken IR, naming the kernel and the problem', () => {
  const kernel = (body: readonly Stmt[], extra: Partial<KernelIR> = {}): KernelIR => finishKernel({
    name: 'broken', workgroupSize: 4, doc: [], shared: [{ name: 'tile', elem: 'f32', length: 4 }],
    buffers: [{ name: 'src', access: 'read', elem: 'f32' }, { name: 'dst', access: 'read_write', elem: 'f32' }, { name: 'ids', access: 'read', elem: 'u32' }],
    uniforms: [{ name: 'n', type: 'u32' }],
    body, ...extra,
  });
  const lidx = builtin('local_index');
  const rejects = (ir: KernelIR, message: RegExp, limits: VerifyLimits = {}): void => {
    expect(() => verifyKernel(ir, limits)).toThrow(NeoccError);
    expect(() => verifyKernel(ir, limits)).toThrow(new RegExp(`^kernel broken: .*${message.source}`));
  };
  const store = (value: Expr, memory = 'dst', index: Expr = lidx): Stmt => ({ k: 'store', memory, index, value });

  it('accepts a well-formed kernel (the baseline every case below breaks once)', () => {
    const b = new BlockBuilder();
    const x = b.let('x', load('src', lidx));
    b.store('tile', lidx, x);
    b.barrier();
    b.if(lt(lidx, uniform('n')), (t) => t.store('dst', lidx, load('tile', u32(0))));
    expect(() => verifyKernel(kernel(b.stmts), { maxComputeWorkgroupStorageSize: 16, maxComputeInvocationsPerWorkgroup: 4 })).not.toThrow();
  });

  it('type errors: mixed operands, a mislabelled result, a non-bool condition, select arms, vec4 misuse', () => {
    rejects(kernel([store({ k: 'bin', type: 'f32', op: '+', a: f32(1), b: u32(1) })]), /\+ on f32 and u32/);
    rejects(kernel([store({ k: 'bin', type: 'f32', op: '<', a: f32(1), b: f32(2) })]), /< expression is labelled f32 but its operands make it bool/);
    rejects(kernel([{ k: 'if', cond: u32(1), then: [], else: [] }]), /if condition is u32/);
    rejects(kernel([store({ k: 'call', type: 'f32', fn: 'select', args: [f32(0), f32(1), u32(1)] })]), /select condition is u32/);
    rejects(kernel([store({ k: 'bin', type: 'bool', op: '<', a: loadVec4('src', u32(0)), b: loadVec4('src', u32(4)) }, 'dst')]), /< on vec4f/);
    rejects(kernel([store(load('ids', lidx, 'vec4f'))]), /load from "ids": vec4f from u32 elements/);
    rejects(kernel([store(load('src', f32(1)))]), /load from "src": index is f32/);
    rejects(kernel([{ k: 'store', memory: 'dst', index: u32(2), value: loadVec4('src', u32(0)), aligned: true }]), /aligned vec4 at index 2, not a multiple of 4/);
  });

  it('scoping: use before definition, use out of scope, redefinition, assignment to a let or loop variable', () => {
    rejects(kernel([store(ref('x', 'f32'))]), /"x" is used before it is defined/);
    rejects(kernel([
      { k: 'if', cond: lt(lidx, u32(2)), then: [{ k: 'let', name: 'x', value: f32(1) }], else: [] },
      store(ref('x', 'f32')),
    ]), /"x" is used before it is defined or outside its scope/);
    rejects(kernel([{ k: 'let', name: 'x', value: f32(1) }, { k: 'var', name: 'x', type: 'f32', init: f32(2) }]), /"x" is redefined/);
    rejects(kernel([{ k: 'let', name: 'x', value: f32(1) }, { k: 'assign', name: 'x', value: f32(2) }]), /assignment to let "x"/);
    rejects(kernel([{ k: 'for', v: 'i', from: u32(0), to: u32(4), step: u32(1), body: [{ k: 'assign', name: 'i', value: u32(9) }] }]), /assignment to loop variable "i"/);
    rejects(kernel([{ k: 'assign', name: 'y', value: f32(2) }]), /assignment to "y", which is not defined/);
    rejects(kernel([{ k: 'for', v: 'i', from: f32(0), to: u32(4), step: u32(1), body: [] }]), /loop "i": start is f32/);
  });

  it('memories, access modes, uniforms and builtins', () => {
    rejects(kernel([store(load('nowhere', lidx))]), /load from "nowhere", which is neither a buffer nor a workgroup array/);
    rejects(kernel([store(f32(1), 'src')]), /store to read-only buffer "src"/);
    rejects(kernel([store(uniform('m'))]), /uniform "m" is not declared/);
    rejects(kernel([store({ k: 'builtin', type: 'u32', name: 'global_id' as 'local_index' })]), /unknown builtin "global_id"/);
    rejects(kernel([store(uniform('n', 'f32'))]), /uniform "n" is labelled f32 but its operands make it u32/);
  });

  it('barriers only in workgroup-uniform control flow', () => {
    rejects(kernel([{ k: 'if', cond: lt(lidx, u32(2)), then: [{ k: 'barrier' }], else: [] }]), /barrier in non-uniform control flow/);
    rejects(kernel([{ k: 'for', v: 'i', from: u32(0), to: load('ids', lidx, 'u32'), step: u32(1), body: [{ k: 'barrier' }] }]), /barrier in non-uniform control flow/);
    rejects(kernel([{ k: 'if', cond: lt(load('tile', u32(0)), f32(0)), then: [{ k: 'barrier' }], else: [] }]), /barrier in non-uniform control flow/);
    rejects(kernel([{ k: 'if', cond: lt(lidx, u32(2)), then: [{ k: 'return' }], else: [] }, { k: 'barrier' }]), /barrier after a return in non-uniform control flow/);
    // Uniform: uniforms, workgroup ids, loop variables of uniform loops, lets of them, read-only data at uniform indices.
    const ok = kernel([
      { k: 'let', name: 'g', value: add(builtin('workgroup_id.x'), load('ids', builtin('workgroup_id.y'), 'u32')) },
      { k: 'for', v: 'i', from: u32(0), to: uniform('n'), step: u32(1), body: [{ k: 'if', cond: lt(ref('i', 'u32'), ref('g', 'u32')), then: [{ k: 'barrier' }], else: [] }] },
    ]);
    expect(() => verifyKernel(ok)).not.toThrow();
  });

  it('device limits: workgroup storage and invocations', () => {
    rejects(kernel([]), /workgroup arrays take 16 bytes, over the limit of 8/, { maxComputeWorkgroupStorageSize: 8 });
    rejects(kernel([], { workgroupSize: 512 }), /workgroup size 512 exceeds the limit of 256 invocations/, { maxComputeInvocationsPerWorkgroup: 256 });
  });
});
