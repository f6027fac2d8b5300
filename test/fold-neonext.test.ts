import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { neoNeXtSchema } from '../compiler/spec/neonext-state-dict.js';
import { foldBlock, foldNeoNeXt } from '../nn/fold-neonext.js';
import { neoNeXtParams } from '../nn/neonext-params.js';
import { neoNeXtBlock, neoNeXtForward } from '../nn/reference/neonext.js';
import { foldedBlock, foldedNeoNeXtForward } from '../nn/reference/neonext-folded.js';
import { relativeL2Error, type Tensor } from '../nn/tensor.js';
import { readGoldenCase } from '../runtime/conformance/golden-case.js';
import { resolveModelConfig } from '../runtime/model/resolve-config.js';
import { loadStateDict } from '../runtime/weights/state-dict.js';
import { readFixture } from './helpers/fixtures.js';

// Folding only re-associates float64 arithmetic, so folded and unfolded networks agree to ~1e-15; 1e-12 leaves
// room for the longer sums of fc1's folded bias without hiding a wrong formula (those show up at >= 1e-3).
const FOLD_BOUND = 1e-12;

describe('load-time folding (BN into NeoCell/fc_1/convs, LayerScale into fc_2)', () => {
  const blockFiles = readdirSync('test/fixtures/block').filter((f) => f.endsWith('.safetensors'));

  it.each(blockFiles)('block %s: folded == unfolded in float64', (file) => {
    const c = readGoldenCase(file, readFixture(`block/${file}`));
    if (c.op !== 'neo_bottleneck') throw new Error('not a block case');
    const folded = foldBlock(c.plan.spec, c.params);
    const want = neoNeXtBlock(c.plan, c.x, c.params);
    expect(relativeL2Error(foldedBlock(c.plan, c.x, folded).data, want.data)).toBeLessThanOrEqual(FOLD_BOUND);
    // and the folded block still matches upstream's float32 output
    expect(relativeL2Error(foldedBlock(c.plan, c.x, folded).data, c.y.data)).toBeLessThanOrEqual(1e-5);
  });

  it('neonext-mini: folded network == unfolded, module by module and on the logits', () => {
    const weights = readFixture('model/neonext-mini.safetensors');
    const golden = readFixture('model/neonext-mini.golden.safetensors');
    const config = resolveModelConfig({ resolution: 128 }, weights);
    const params = neoNeXtParams(config, loadStateDict(weights, neoNeXtSchema(config)));
    const input = golden.tensor('input');
    const unfolded = new Map<string, Tensor>();
    const want = neoNeXtForward(config, params, input, (m, out) => unfolded.set(m, out));
    let modules = 0;
    const got = foldedNeoNeXtForward(config, foldNeoNeXt(config, params), input, (m, out) => {
      modules++;
      expect(relativeL2Error(out.data, unfolded.get(m)!.data), m).toBeLessThanOrEqual(FOLD_BOUND);
    });
    expect(modules).toBe(9);
    expect(relativeL2Error(got.data, want.data)).toBeLessThanOrEqual(FOLD_BOUND);
    expect(relativeL2Error(got.data, golden.tensor('logits').data)).toBeLessThanOrEqual(1e-5);
  });
});
