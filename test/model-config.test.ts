import { describe, expect, it } from 'vitest';
import { ARCHITECTURE_NAMES, blockSpec, releasedConfig, stageSize } from '../compiler/spec/model-config.js';
import { neoNeXtSchema } from '../compiler/spec/neonext-state-dict.js';
import { SpecError } from '../compiler/spec/spec-error.js';
import { resolveModelConfig } from '../runtime/model/resolve-config.js';

describe('NeoNeXt configurations', () => {
  it.each(ARCHITECTURE_NAMES.flatMap((arch) => [[arch, 224], [arch, 384]] as const))('%s at %i uses the released shifts and fits every stage', (arch, r) => {
    const config = releasedConfig(arch, r);
    expect(config.shifts).toEqual(r === 384 ? [1, 1, 1, 1] : [1, 1, 1, 0]);
    expect(config.kernelSpecs).toEqual(['4+7', '4+7', '4+7', '4+7']);
    expect(stageSize(config, 3)).toEqual([r / 32, r / 32]);
  });

  it('lists every upstream tensor of NeoNeXt-T with its shape', () => {
    const schema = neoNeXtSchema(releasedConfig('neonext-t', 224));
    // stem 5, per block 4 neocell + 4 BN + 4 fc + 1 gamma = 13 (x18), per downsample 1 + 2 + 4 = 7 (x3), head 4.
    expect(schema.size).toBe(5 + 18 * 13 + 3 * 7 + 4);
    expect(schema.get('stage_3.8.ops.content.neocell.weight_b.1')).toEqual([192, 7, 7]);
    expect(schema.get('downsample_2.neocell.weight_a.0')).toEqual([384, 1, 2]);
    expect(schema.get('stage_4.2.ops.content.fc_1.weight')).toEqual([3072, 768]);
    expect(schema.get('head.fc.weight')).toEqual([1000, 768]);
  });

  it('builds custom configs, with per-stage kernel specs', () => {
    const config = resolveModelConfig({ layers: [1, 1, 1, 1], dims: [8, 16, 32, 64], kernelSpecs: ['4+7', '4+7', '7', '7'], classes: 3 }, 'synthetic');
    expect(config.resolution).toBe(224);
    expect(blockSpec(config, 2).groups.map((g) => [g.hIn, g.channels])).toEqual([[7, 32]]);
    expect(neoNeXtSchema(config).get('head.fc.bias')).toEqual([3]);
  });

  it('rejects inconsistent or impossible configs with the field named', () => {
    const fieldOf = (fn: () => unknown): string => {
      try {
        fn();
      } catch (err) {
        if (err instanceof SpecError) return err.field;
      }
      return 'no error';
    };
    expect(fieldOf(() => releasedConfig('neonext-t', 226))).toBe('resolution');
    expect(fieldOf(() => releasedConfig('neonext-t', 224, { layers: [3, 3, 9] }))).toBe('layers');
    expect(fieldOf(() => resolveModelConfig({ arch: 'neonext-t', dims: [1, 2, 3, 4] }, 'synthetic'))).toBe('arch');
    expect(fieldOf(() => resolveModelConfig({ layers: [1, 1, 1, 1] }, 'synthetic'))).toBe('dims');
    expect(fieldOf(() => resolveModelConfig({ arch: 'neonext-t', kernelSpecs: ['4+7', '7'] }, 'synthetic'))).toBe('kernel_spec');
    expect(fieldOf(() => resolveModelConfig({ arch: 'neonext-t', kernelSpecs: ['4+q'] }, 'synthetic'))).toBe('stage_1.kernel_spec');
  });
});
