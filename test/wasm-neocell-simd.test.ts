import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { chooseTiling, compileNeoCellForward, forwardBaked, type ForwardArtifactOptions } from '../kernels/neocell/compile.js';
import { f32, ref, splat, vec4 } from '../compiler/ir/build.js';
import { planNeoCell, type NeoCellPlan } from '../compiler/plan/neocell-plan.js';
import { parseNeoCellSpec, specFromCode, type NeoCellSpec } from '../compiler/spec/neocell-spec.js';
import { renderAssemblyScript } from '../compiler/render/assemblyscript.js';
import { wgslExpr } from '../compiler/render/wgsl.js';
import { forwardLaunch, shouldPackChannels } from '../kernels/neocell/launch.js';
import { neoCellForward, type NeoCellWeights } from '../nn/reference/neocell.js';
import { concatTensors, relativeL2Error, Tensor } from '../nn/tensor.js';
import { neoCellForwardProgram } from '../schedule/neocell.js';
import { runConformance } from '../runtime/conformance/run-conformance.js';
import { LinearMemory } from '../runtime/wasm/linear-memory.js';
import { WasmBackend } from '../runtime/wasm/wasm-backend.js';
import { WasmKernelRunner, compileWasmKernels } from '../runtime/wasm/wasm-kernels.js';
import { randomNeoCellWeights, randomTensor, seededRandom } from './helpers/random.js';
import { neoCellCaseArb } from './helpers/spec-arbitrary.js';
import { ASSEMBLYSCRIPT, WGSL } from '../compiler/targets/index.js';

// The specialized NeoCell forward kernel with 128-bit SIMD along the block columns: what the WebAssembly target
// compiles by default (compileNeoCellForward with target 'assemblyscript'); WGSL stays scalar.
const memory = new LinearMemory();
const runner = new WasmKernelRunner(memory);
const wasm = new WasmBackend({ poisonOutputs: true });
afterAll(async () => {
  await wasm.dispose();
});

function randomOperands(spec: NeoCellSpec, shape: readonly number[], seed: number): { plan: NeoCellPlan; x: Tensor; weights: NeoCellWeights; bias: Tensor } {
  const plan = planNeoCell(spec, shape);
  const random = seededRandom(seed);
  const x = randomTensor(shape, random);
  const weights = randomNeoCellWeights(spec, random);
  return { plan, x, weights, bias: randomTensor([spec.channels], random) };
}

type Options = Pick<ForwardArtifactOptions, 'layout' | 'channelBias' | 'packChannels' | 'simd'>;

/** Runs the block kernel (tiled as the wasm runtime tiles it) on NaN-poisoned output; returns y as the kernel laid it out. */
const blockKernel = (spec: NeoCellSpec, options: Options) => compileNeoCellForward(spec, ASSEMBLYSCRIPT, { tiling: chooseTiling(spec, ASSEMBLYSCRIPT.limits), ...options });

async function runForward(plan: NeoCellPlan, x: Tensor, weights: NeoCellWeights, bias: Tensor, options: Options): Promise<{ y: Float32Array; source: string; simd: boolean }> {
  const artifact = blockKernel(plan.spec, options);
  const size = plan.outputShape.reduce((a, b) => a * b, 1);
  memory.reset();
  const pointers = [
    memory.put(x.data), memory.put(concatTensors(weights.a)), memory.put(concatTensors(weights.b)),
    ...(options.channelBias ? [memory.put(bias.data)] : []),
    memory.output(size, true),
  ];
  const { grid, uniforms } = forwardLaunch(plan, forwardBaked(artifact).tiling, false, options.packChannels ?? false);
  await runner.run(artifact, pointers, uniforms, grid);
  return { y: memory.read(pointers.at(-1)!, size), source: artifact.source, simd: forwardBaked(artifact).simd === true };
}

/** The float64 reference in the kernel's layout, plus the channel bias. */
function expected(plan: NeoCellPlan, x: Tensor, weights: NeoCellWeights, bias: Tensor, options: Options): Float64Array {
  const want = neoCellForward(plan, x, weights).data;
  const [, c, h, w] = plan.outputShape;
  const out = new Float64Array(want.length);
  for (let i = 0; i < want.length; i++) {
    const col = i % w, r = Math.floor(i / w) % h, ch = Math.floor(i / (w * h)) % c, b = Math.floor(i / (w * h * c));
    out[options.layout === 'nhwc' ? ((b * h + r) * w + col) * c + ch : i] = want[i]! + (options.channelBias ? bias.data[ch]! : 0);
  }
  return out;
}

const VARIANTS: readonly Options[] = [
  {},
  { packChannels: true },
  { layout: 'nhwc', channelBias: true },
  { channelBias: true },
  { layout: 'nhwc', channelBias: true, packChannels: true },
];

describe('SIMD NeoCell forward kernel (WebAssembly)', () => {
  it('is what the wasm target compiles (f32x4 source, `simd` in baked and key), the 2x2→1x1 downsample too; WGSL stays scalar', () => {
    const spec = specFromCode('4+7', 96, 1);
    const wasmArtifact = compileNeoCellForward(spec, ASSEMBLYSCRIPT);
    expect(wasmArtifact.source).toContain('f32x4');
    expect(wasmArtifact.source).toContain('vec4 along the block columns');
    expect(forwardBaked(wasmArtifact).simd).toBe(true);
    expect(compileNeoCellForward(spec, ASSEMBLYSCRIPT, { simd: false }).key).not.toBe(wasmArtifact.key);
    expect(compileNeoCellForward(spec, ASSEMBLYSCRIPT, { simd: false }).source).not.toContain('f32x4');
    expect(neoCellForwardProgram(planNeoCell(spec, [1, 96, 56, 56]), ASSEMBLYSCRIPT).dispatches[0]!.artifact.source).toContain('f32x4');

    const wgsl = compileNeoCellForward(spec, WGSL);
    expect(wgsl.source).not.toContain('vec4');
    expect(forwardBaked(wgsl)).not.toHaveProperty('simd');
    expect(wgsl.key).toBe(compileNeoCellForward(spec, WGSL, { simd: false }).key);

    const downsample = parseNeoCellSpec([{ h_in: 2, h_out: 1, w_in: 2, w_out: 1, channels: 8 }]);
    expect(compileNeoCellForward(downsample, ASSEMBLYSCRIPT, { channelBias: true }).source).toContain('f32x4');
    expect(compileNeoCellForward(downsample, WGSL, { channelBias: true }).source).not.toContain('vec4');
    // The shared-t kernel (kernels past 12) has no SIMD form: it stays as it was.
    const large = compileNeoCellForward(specFromCode('13', 4, 0), ASSEMBLYSCRIPT);
    expect(forwardBaked(large).tiling.kind).toBe('shared-t');
    expect(forwardBaked(large)).not.toHaveProperty('simd');
  });

  it('builds vec4 values in the IR: vec4(a, b, c, d) prints as vec4<f32>(…) in WGSL and as splat + replace_lane in AssemblyScript', () => {
    const [a, b] = [ref('a', 'f32'), ref('b', 'f32')];
    expect(wgslExpr(vec4(a, b, f32(0), f32(2)))).toBe('vec4<f32>(a, b, 0.0f, 2.0f)');
    expect(vec4(a, a, a, a)).toEqual(splat(a));
    expect(() => vec4(a, b, a, ref('i', 'u32'))).toThrow(TypeError);
    // AssemblyScript: zero lanes come from the zero splat; others are replaced one by one.
    const source = renderAssemblyScript({
      name: 'vec4_build', workgroupSize: 1, buffers: [{ name: 'y', access: 'read_write', elem: 'f32' }], uniforms: [], shared: [], doc: [],
      body: [
        { k: 'let', name: 'a', value: f32(1.5) },
        { k: 'store', memory: 'y', index: { k: 'lit', type: 'u32', value: 0 }, value: vec4(ref('a', 'f32'), f32(0), ref('a', 'f32'), f32(0)) },
        { k: 'store', memory: 'y', index: { k: 'lit', type: 'u32', value: 4 }, value: vec4(ref('a', 'f32'), f32(2), f32(3), f32(4)) },
      ],
    });
    expect(source).toContain('f32x4.replace_lane(f32x4.replace_lane(f32x4.splat(<f32>(0)), 0, a), 2, a)');
    expect(source).toContain('f32x4.replace_lane(f32x4.replace_lane(f32x4.replace_lane(f32x4.splat(a), 1, <f32>(2)), 2, <f32>(3)), 3, <f32>(4))');
  });

  it('passes every golden NeoCell case at rel. L2 <= 1e-5 (outputs poisoned with NaN)', async () => {
    const report = await runConformance('test/fixtures/neocell', wasm, { tolerance: 1e-5 });
    expect(report.rows).toHaveLength(15);
    for (const row of report.rows) expect(row.errors.y, row.name).toBeLessThanOrEqual(1e-5);
  });

  it('matches the float64 reference and the scalar kernel bit for bit: k = 1..12 (not multiples of 4 too), rectangular, shifts, truncated last blocks, packed, NHWC, bias', async () => {
    const cases: Array<{ raw: unknown; shape: readonly number[] }> = [
      { raw: [{ kernel: 4, shift: 1, channels: 3 }, { kernel: 7, shift: 1, channels: 3 }], shape: [2, 6, 17, 19] },
      { raw: [{ kernel: 3, shift: 2, channels: 4 }], shape: [1, 4, 11, 13] },
      { raw: [{ kernel: 5, channels: 2 }, { kernel: 9, shift: 4, channels: 3 }], shape: [1, 5, 20, 23] },
      { raw: [{ kernel: 12, shift: 5, channels: 2 }, { kernel: 8, channels: 2 }], shape: [1, 4, 25, 26] },
      { raw: [{ kernel_a: 3, kernel_b: 6, shift_a: 1, shift_b: 5, channels: 5 }], shape: [2, 5, 10, 14] },
      { raw: [{ kernel: 2, channels: 3 }, { kernel: 1, channels: 2 }], shape: [1, 5, 7, 9] },
      { raw: [{ h_in: 2, h_out: 1, w_in: 3, w_out: 5, channels: 4 }], shape: [1, 4, 8, 9] },
      { raw: [{ h_in: 2, h_out: 1, w_in: 2, w_out: 1, channels: 6 }], shape: [2, 6, 10, 9] },
      { raw: [{ h_in: 4, h_out: 6, w_in: 2, w_out: 7, channels: 3 }, { h_in: 4, h_out: 6, w_in: 2, w_out: 7, shift_a: 0, shift_b: 0, channels: 2 }], shape: [2, 5, 12, 7] },
      { raw: [{ kernel: 4, channels: 3 }, { kernel: 7, channels: 5 }], shape: [1, 8, 7, 7] },
    ];
    const runs = cases.flatMap(({ raw, shape }, index) => {
      const spec = parseNeoCellSpec(raw);
      const plan = planNeoCell(spec, shape);
      return VARIANTS.filter((o) => !o.packChannels || shouldPackChannels(plan, chooseTiling(spec, ASSEMBLYSCRIPT.limits))).map((options) => ({ raw, shape, spec, index, options }));
    });
    // One asc call for all of them (SIMD and scalar).
    await compileWasmKernels(runs.flatMap(({ spec, options }) => [blockKernel(spec, options), blockKernel(spec, { ...options, simd: false })]), false);
    let checked = 0;
    for (const { raw, shape, spec, index, options } of runs) {
      const { plan, x, weights, bias } = randomOperands(spec, shape, 100 + index);
      const what = `${JSON.stringify(raw)} ${shape.join('x')} ${JSON.stringify(options)}`;
      const got = await runForward(plan, x, weights, bias, options);
      const scalar = await runForward(plan, x, weights, bias, { ...options, simd: false });
      expect(got.y.some(Number.isNaN), what).toBe(false);
      expect(relativeL2Error(got.y, expected(plan, x, weights, bias, options)), what).toBeLessThan(1e-5);
      // Same sums in the same order, no fused multiply-add: identical to the scalar kernel.
      expect(Array.from(got.y), what).toEqual(Array.from(scalar.y));
      expect(got.simd, what).toBe(true);
      expect(got.source, what).toContain('f32x4');
      expect(scalar.source, what).not.toContain('f32x4');
      checked++;
    }
    expect(checked).toBeGreaterThan(30);
  });

  it('matches the float64 reference on random specs (NCHW and NHWC + bias, packed where the wasm runtime packs)', async () => {
    await fc.assert(fc.asyncProperty(neoCellCaseArb, fc.boolean(), async ({ spec, shape, seed }, nhwc) => {
      const { plan, x, weights, bias } = randomOperands(spec, shape, seed);
      const packChannels = shouldPackChannels(plan, chooseTiling(spec, ASSEMBLYSCRIPT.limits));
      const options: Options = nhwc ? { layout: 'nhwc', channelBias: true, packChannels } : { packChannels };
      const got = await runForward(plan, x, weights, bias, options);
      expect(relativeL2Error(got.y, expected(plan, x, weights, bias, options))).toBeLessThan(1e-5);
      expect(got.simd).toBe(true);
    }), { numRuns: 25, seed: 20261202 });
  });

  it('runs through WasmBackend on random specs (the backend compiles the SIMD kernel; outputs poisoned with NaN)', async () => {
    await fc.assert(fc.asyncProperty(neoCellCaseArb, async ({ spec, shape, seed }) => {
      const { plan, x, weights } = randomOperands(spec, shape, seed);
      const y = await wasm.neoCellForward(plan, x, weights);
      expect(relativeL2Error(y.data, neoCellForward(plan, x, weights).data)).toBeLessThan(1e-5);
    }), { numRuns: 10, seed: 7 });
  });
});
