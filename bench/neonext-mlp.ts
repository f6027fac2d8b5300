/**
 * The fused NeoNeXt MLP kernel (fc_1 → GELU → fc_2 → + residual) at the NeoNeXt-T-224 stage shapes, two tilings
 * interleaved in the same rounds (docs/DESIGN-NOTES.md §7): one hidden unit / one channel per invocation (16-pixel tiles)
 * vs the register-blocked tiling the runtime uses (chooseMlpTiling). Reports median ms and GFLOP/s
 * (16·C²·pixels FLOPs: fc_1 and fc_2, 4C hidden). Run: `npx tsx bench/neonext-mlp.ts [rounds]`.
 */
import { chooseMlpTiling, compileMlpResidual, mlpLaunch, mlpSharedBytes, type MlpKernelOptions } from '../kernels/neonext/mlp-residual.js';
import { BufferUsage } from '../runtime/webgpu/constants.js';
import { acquireGpu, describeAdapter } from '../runtime/webgpu/gpu-context.js';
import { PipelineCache } from '../runtime/webgpu/pipeline-cache.js';
import { prepareDispatch, runOnce } from './dispatch.js';
import { GpuTimer, median } from './timing.js';

const SHAPES: readonly (readonly [number, number])[] = [[96, 56], [192, 28], [384, 14], [768, 7]];

async function main(): Promise<void> {
  const rounds = Number(process.argv[2] ?? 5);
  const ctx = await acquireGpu();
  const pipelines = new PipelineCache(ctx.device);
  const timer = new GpuTimer(ctx);
  process.stdout.write(`adapter: ${describeAdapter(ctx.adapter)}; timer: ${timer.method}; median of ${rounds} rounds\n`);
  process.stdout.write('C      plane  variant                          ms     GFLOP/s\n');
  for (const [c, side] of SHAPES) {
    const plane = side * side;
    const limits = ctx.target.limits;
    const blocked = chooseMlpTiling(c, limits);
    const oneUnit = [16, 8, 4, 2, 1].map((pixelTile) => ({ pixelTile, workgroupSize: 64, hiddenPerInvocation: 1, channelsPerInvocation: 1 }))
      .find((t) => mlpSharedBytes(c, t) <= limits.maxComputeWorkgroupStorageSize)!;
    const variants = [['one unit/invocation', oneUnit], ['register-blocked', blocked]] as const;
    const buffer = (elements: number): GPUBuffer => {
      const b = ctx.device.createBuffer({ size: 4 * elements, usage: BufferUsage.STORAGE | BufferUsage.COPY_DST });
      ctx.device.queue.writeBuffer(b, 0, Float32Array.from({ length: elements }, (_, i) => Math.sin(i) * 0.1));
      return b;
    };
    const io = [buffer(c * plane), buffer(c * plane), buffer(4 * c * c), buffer(4 * c), buffer(4 * c * c), buffer(c), buffer(c * plane)];
    const works = [];
    for (const [, tiling] of variants) {
      const options: MlpKernelOptions = { channels: c, hidden: 4 * c, ...tiling };
      const { grid, uniforms } = mlpLaunch(options, 1, plane, limits.maxComputeWorkgroupsPerDimension);
      const d = await prepareDispatch(ctx, pipelines, compileMlpResidual(options, ctx.target), io, uniforms, grid);
      await runOnce(ctx, [d]); // JIT + warm-up
      works.push({ dispatches: [d], reps: 1 });
    }
    const samples: number[][] = variants.map(() => []);
    for (let r = 0; r < rounds; r++) (await timer.round(works)).forEach((ns, i) => samples[i]!.push(ns));
    variants.forEach(([name, t], i) => {
      const ms = median(samples[i]!) / 1e6;
      const text = `${name} (${t.pixelTile}px, ${t.hiddenPerInvocation}x${t.channelsPerInvocation})`;
      process.stdout.write(`${String(c).padEnd(6)} ${String(plane).padEnd(6)} ${text.padEnd(32)} ${ms.toFixed(1).padStart(6)} ${((16 * c * c * plane) / (ms * 1e6)).toFixed(2).padStart(9)}\n`);
    });
    for (const b of io) b.destroy();
  }
  timer.destroy();
  ctx.destroy();
  process.exit(0);
}

await main();
