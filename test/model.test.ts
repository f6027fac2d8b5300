import { describe, expect, it } from 'vitest';
import { releasedConfig } from '../compiler/spec/model-config.js';
import { neoNeXtSchema } from '../compiler/spec/neonext-state-dict.js';
import { neoNeXtParams } from '../nn/neonext-params.js';
import { neoNeXtForward } from '../nn/reference/neonext.js';
import { relativeL2Error, type Tensor } from '../nn/tensor.js';
import { resolveModelConfig } from '../runtime/model/resolve-config.js';
import { loadStateDict } from '../runtime/weights/state-dict.js';
import { syntheticInput, syntheticStateDict } from '../runtime/weights/synthetic.js';
import { readFixture, readSyntheticGolden } from './helpers/fixtures.js';

describe('whole-network float64 reference vs upstream', () => {
  it('neonext-mini (from its safetensors) matches the golden logits and every module output at <= 1e-5', () => {
    const weights = readFixture('model/neonext-mini.safetensors');
    const golden = readFixture('model/neonext-mini.golden.safetensors');
    const config = resolveModelConfig({ resolution: 128 }, weights);
    expect(config).toMatchObject({ layers: [1, 1, 2, 1], dims: [16, 32, 64, 128], kernelSpecs: ['4+7', '4+7', '4+7', '4+7'], shifts: [1, 1, 1, 0], classes: 10 });
    const params = neoNeXtParams(config, loadStateDict(weights, neoNeXtSchema(config)));
    const seen: string[] = [];
    const logits = neoNeXtForward(config, params, golden.tensor('input'), (module, out) => {
      if (!golden.has(module)) return;
      seen.push(module);
      expect(out.shape).toEqual(golden.tensor(module).shape);
      expect(relativeL2Error(out.data, golden.tensor(module).data), module).toBeLessThanOrEqual(1e-5);
    });
    expect(seen).toHaveLength(8);
    expect(logits.shape).toEqual([2, 10]);
    expect(relativeL2Error(logits.data, golden.tensor('logits').data)).toBeLessThanOrEqual(1e-5);
  });

  it('neonext-t-224 with synthetic weights matches the golden logits at <= 1e-5 and each stage\'s statistics', () => {
    const golden = readSyntheticGolden();
    const config = releasedConfig('neonext-t', 224);
    expect([config.layers, config.dims, config.shifts, config.classes]).toEqual(
      [golden.config.per_stage_layers, golden.config.dims, golden.config.shifts, golden.config.num_classes]);
    const params = neoNeXtParams(config, syntheticStateDict(neoNeXtSchema(config)));
    const logits = neoNeXtForward(config, params, syntheticInput(224), (module, out: Tensor) => {
      const expected = golden.stages[module];
      if (!expected) return;
      expect(out.shape).toEqual(expected.shape);
      const values = Array.from(out.data);
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      const std = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1));
      expect(Math.abs(mean - expected.mean), `${module} mean`).toBeLessThan(1e-6);
      expect(Math.abs(std / expected.std - 1), `${module} std`).toBeLessThan(1e-5);
      expect(relativeL2Error(values.slice(0, 8), expected.first8), `${module} first8`).toBeLessThan(1e-5);
    });
    expect(logits.shape).toEqual([1, 1000]);
    expect(relativeL2Error(logits.data, golden.logits)).toBeLessThanOrEqual(1e-5);
  });
});
