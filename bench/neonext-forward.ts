/**
 * Whole-network latency on WebGPU: NeoNeXt-mini (the golden checkpoint, 128 px, batch 2) and NeoNeXt-T-224
 * (synthetic weights, batch 1), next to the float64 reference on the CPU. Wall time of `forward` (one submit,
 * logits read back), after one warm-up pass that JIT-compiles the shaders; median of `runs`.
 * Run: `npx tsx bench/neonext-forward.ts [runs]`.
 */
import { readFileSync } from 'node:fs';
import { releasedConfig, type NeoNeXtConfig } from '../compiler/spec/model-config.js';
import { neoNeXtSchema } from '../compiler/spec/neonext-state-dict.js';
import { neoNeXtParams, type NeoNeXtParams } from '../kernels/neonext-params.js';
import { neoNeXtForward } from '../kernels/reference/neonext.js';
import type { Tensor } from '../kernels/tensor.js';
import { resolveModelConfig } from '../runtime/model/resolve-config.js';
import { describeAdapter } from '../runtime/webgpu/gpu-context.js';
import { WebGpuBackend } from '../runtime/webgpu/webgpu-backend.js';
import { parseSafetensors } from '../runtime/weights/safetensors.js';
import { loadStateDict } from '../runtime/weights/state-dict.js';
import { syntheticInput, syntheticStateDict } from '../runtime/weights/synthetic.js';
import { median } from './timing.js';

interface Case { name: string; config: NeoNeXtConfig; params: NeoNeXtParams; input: Tensor }

function cases(): Case[] {
  const weights = parseSafetensors(readFileSync('test/fixtures/model/neonext-mini.safetensors'), 'neonext-mini');
  const golden = parseSafetensors(readFileSync('test/fixtures/model/neonext-mini.golden.safetensors'), 'golden');
  const mini = resolveModelConfig({ resolution: 128 }, weights);
  const t = releasedConfig('neonext-t', 224);
  return [
    { name: 'neonext-mini 128 px, batch 2', config: mini, params: neoNeXtParams(mini, loadStateDict(weights, neoNeXtSchema(mini))), input: golden.tensor('input') },
    { name: 'neonext-t-224, batch 1', config: t, params: neoNeXtParams(t, syntheticStateDict(neoNeXtSchema(t))), input: syntheticInput(224) },
  ];
}

async function main(): Promise<void> {
  const runs = Number(process.argv[2] ?? 5);
  const gpu = await WebGpuBackend.create();
  process.stdout.write(`adapter: ${describeAdapter(gpu.ctx.adapter)}; median of ${runs} forwards after one warm-up\n`);
  for (const c of cases()) {
    let start = performance.now();
    const model = await gpu.loadModel(c.config, c.params);
    const loadMs = performance.now() - start;
    start = performance.now();
    await model.forward(c.input);
    const firstMs = performance.now() - start;
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      start = performance.now();
      await model.forward(c.input);
      times.push(performance.now() - start);
    }
    model.dispose();
    start = performance.now();
    neoNeXtForward(c.config, c.params, c.input);
    const refMs = performance.now() - start;
    const ms = median(times);
    const images = c.input.shape[0]!;
    process.stdout.write(`${c.name}: webgpu ${ms.toFixed(0)} ms (${((1000 * images) / ms).toFixed(2)} images/s; load ${loadMs.toFixed(0)} ms, ` +
      `first forward ${firstMs.toFixed(0)} ms); float64 reference ${refMs.toFixed(0)} ms\n`);
  }
  await gpu.dispose();
  process.exit(0);
}

await main();
