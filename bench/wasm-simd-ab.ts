/**
 * A/B of the scalar and the vec4 (f32x4) wasm kernels of the stem, the head and the NeoCell backward's bwd_dt and
 * bwd_dw at NeoNeXt-T-224 batch 1 shapes, in one process: both kernels of a pair run on the same inputs, checked
 * against each other, then timed in interleaved rounds (one thread, synchronous launches), median per kernel.
 * A relative measure: both sides see the same machine load, so the ratio is more robust than either time.
 *   npx tsx bench/wasm-simd-ab.ts [--rounds 21] [--variant plain|relaxed]
 */
import { parseArgs } from 'node:util';
import { makeArtifact, type KernelArtifact } from '../compiler/artifact.js';
import type { Grid, UniformValues } from '../compiler/launch.js';
import { blockPlan, releasedConfig } from '../compiler/spec/model-config.js';
import { canonicalSpec } from '../compiler/spec/neocell-spec.js';
import { ASSEMBLYSCRIPT, ASSEMBLYSCRIPT_RELAXED_SIMD } from '../compiler/targets/index.js';
import { backwardKernel, bwdDtInvocations, type BackwardKernelName } from '../kernels/neocell/backward-kernels.js';
import { elementwiseGrid, shapeUniforms } from '../kernels/neocell/launch.js';
import { compileHead, headLaunch } from '../kernels/neonext/head.js';
import { compileStem, defaultStemOptions, stemLaunch, stemWeightLayout } from '../kernels/neonext/stem.js';
import { LinearMemory } from '../runtime/wasm/linear-memory.js';
import { enableRelaxedSimdInNode } from '../runtime/wasm/node-v8-flags.js';
import { compileWasmKernels } from '../runtime/wasm/wasm-kernels.js';
import { hostInfo, hostLine } from './host.js';
import { median } from './timing.js';
import { SyncWasmLauncher, runLaunches, type BoundLaunch } from './wasm-launch.js';

enableRelaxedSimdInNode();
const { values: args } = parseArgs({ options: { rounds: { type: 'string', default: '21' }, variant: { type: 'string', default: 'plain' } } });
const ROUNDS = Number(args.rounds);
const WARMUP = 3;
if (args.variant !== 'plain' && args.variant !== 'relaxed') throw new Error(`--variant: "${args.variant}"; allowed: plain, relaxed`);
const target = args.variant === 'relaxed' ? ASSEMBLYSCRIPT_RELAXED_SIMD : ASSEMBLYSCRIPT;
const fma = args.variant === 'relaxed';
const config = releasedConfig('neonext-t', 224);

interface Side { readonly artifact: KernelArtifact; readonly inputs: Record<string, Float32Array>; readonly uniforms: UniformValues; readonly grid: Grid }
interface Pair { readonly name: string; readonly output: string; readonly outElements: number; readonly old: Side; readonly now: Side }

const random = (n: number, seed: number): Float32Array => Float32Array.from({ length: n }, (_, i) => Math.sin(i * 0.37 + seed) * 0.5);

function stemPair(): Pair {
  const c = config.dims[0]!;
  const [x, w, bias] = [random(3 * 224 * 224, 1), random(c * 48, 2), random(c, 3)];
  const side = (simd: boolean): Side => {
    const o = defaultStemOptions(c, simd, simd && fma);
    const l = stemLaunch(o, 1, 224, 65535);
    return { artifact: compileStem(o, target), inputs: { x, w: stemWeightLayout(w, o), bias }, ...l };
  };
  return { name: `stem 224 → ${c}x56x56`, output: 'y', outElements: c * 56 * 56, old: side(false), now: side(true) };
}

function headPair(): Pair {
  const c = config.dims[3]!;
  const inputs = { x: random(c * 49, 4), ln_w: random(c, 5), ln_b: random(c, 6), fc_wt: random(c * config.classes, 7), fc_b: random(config.classes, 8) };
  const side = (simd: boolean): Side => {
    const o = { channels: c, classes: config.classes, workgroupSize: 64, ...(simd ? { simd: true as const, ...(fma ? { fma: true as const } : {}) } : {}) };
    return { artifact: compileHead(o, target), inputs, ...headLaunch(o, 1, 49) };
  };
  return { name: `head ${c}x7x7 → ${config.classes}`, output: 'logits', outElements: config.classes, old: side(false), now: side(true) };
}

function backwardPair(name: BackwardKernelName, stage: number): Pair {
  const plan = blockPlan(config, stage, 1);
  const [n, c, h, w] = plan.inputShape;
  const outW = plan.outputShape[3];
  const wa = plan.spec.groups.reduce((s, g) => s + g.channels * g.hIn * g.hOut, 0);
  const wb = plan.spec.groups.reduce((s, g) => s + g.channels * g.wIn * g.wOut, 0);
  const all = { x: random(n * c * h * w, 9), dy: random(n * c * plan.outputShape[2] * outW, 10), t: random(n * c * h * outW, 11), dt: random(n * c * h * outW, 12), wa: random(wa, 13), wb: random(wb, 14) };
  const side = (simd: boolean): Side => {
    const o = { spec: plan.spec, workgroupSize: 64, simd, fma: simd && fma };
    const artifact = makeArtifact(backwardKernel(name, o), target, { workgroupSize: 64, spec: canonicalSpec(plan.spec), ...(simd ? { simd: true } : {}), ...(o.fma ? { fma: true } : {}) });
    const grid: Grid = name === 'neocell_bwd_dw' ? [c, 1, 1] : elementwiseGrid(bwdDtInvocations({ simd }, n, c, h, outW), 64, 65535);
    return { artifact, inputs: all, uniforms: shapeUniforms(plan), grid };
  };
  const output = name === 'neocell_bwd_dw' ? 'gwa' : 'dt';
  return { name: `${name} stage ${stage + 1} ${c}x${h}x${w}`, output, outElements: output === 'gwa' ? wa : n * c * h * outW, old: side(false), now: side(true) };
}

const pairs = [stemPair(), headPair(), ...[0, 2].flatMap((s) => [backwardPair('neocell_bwd_dt', s), backwardPair('neocell_bwd_dw', s)])];
await compileWasmKernels(pairs.flatMap((p) => [p.old.artifact, p.now.artifact]));
const memory = new LinearMemory();
const launcher = new SyncWasmLauncher(memory);
const lines: string[] = [];
for (const p of pairs) {
  const bind = async (s: Side): Promise<{ launch: BoundLaunch; out: number }> => {
    const pointers: number[] = [];
    let out = -1;
    for (const b of s.artifact.bindings.filter((q) => q.kind !== 'uniform')) {
      // Written buffers get fresh memory (gwb: as large as wb), the others the pair's shared inputs.
      const written = b.name === p.output || b.name === 'gwb';
      const ptr = written ? memory.alloc(b.name === 'gwb' ? s.inputs.wb!.length : p.outElements) : memory.put(s.inputs[b.name]!);
      if (b.name === p.output) out = ptr;
      pointers.push(ptr);
    }
    return { launch: await launcher.bind(s.artifact, pointers, s.uniforms, s.grid), out };
  };
  const old = await bind(p.old);
  const now = await bind(p.now);
  runLaunches([old.launch, now.launch]);
  const a = memory.read(old.out, p.outElements);
  const b = memory.read(now.out, p.outElements);
  const scale = a.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  const diff = a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i]!)), 0);
  if (!(diff <= 1e-5 * Math.max(1, scale))) throw new Error(`${p.name}: vec4 and scalar differ by ${diff} (scale ${scale})`);
  const samples = { old: [] as number[], now: [] as number[] };
  for (let r = 0; r < WARMUP + ROUNDS; r++) {
    for (const [key, l] of r % 2 === 0 ? [['old', old], ['now', now]] as const : [['now', now], ['old', old]] as const) {
      const t = performance.now();
      runLaunches([l.launch]);
      if (r >= WARMUP) samples[key].push(performance.now() - t);
    }
  }
  const [mo, mn] = [median(samples.old), median(samples.now)];
  lines.push(`${p.name.padEnd(34)}${mo.toFixed(3).padStart(11)}${mn.toFixed(3).padStart(11)}${(mo / mn).toFixed(2).padStart(9)}x   max |diff| ${diff.toExponential(1)}`);
}
process.stdout.write([
  `wasm scalar vs vec4 kernels (${target.description}), NeoNeXt-T-224 batch 1, 1 thread, median of ${ROUNDS} interleaved rounds · ${hostLine(hostInfo(target))}`,
  `${'kernel'.padEnd(34)}${'scalar ms'.padStart(11)}${'vec4 ms'.padStart(11)}${'speedup'.padStart(10)}`,
  ...lines,
].join('\n') + '\n');
