import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { releasedConfig } from '../compiler/spec/model-config.js';
import { neoNeXtSchema } from '../compiler/spec/neonext-state-dict.js';
import { Tensor } from '../nn/tensor.js';
import { absurdElements, checkWeightMagnitudes } from '../runtime/weights/magnitudes.js';
import { parseSafetensors } from '../runtime/weights/safetensors.js';
import { syntheticStateDict } from '../runtime/weights/synthetic.js';
import { MODEL_DIR } from './helpers/fixtures.js';
import { seededRandom } from './helpers/random.js';

/**
 * issue 14, `--check-weights`: one flipped bit in a float32's exponent byte (safetensors has no checksum) must be
 * reported; clean checkpoints must not be. The CLI side (report, exit status) is in test/hostile-cli.test.ts.
 */

const mini = parseSafetensors(readFileSync(`${MODEL_DIR}/neonext-mini.safetensors`), 'mini');
const miniTensors = new Map(mini.names.filter((n) => mini.isFloat(n)).map((n) => [n, mini.tensor(n)] as const));

/** The float32 `value` with `mask` XORed into its top byte (sign and 7 exponent bits), computed by bytes. */
function flipTopByte(value: number, mask: number): number {
  const b = Buffer.alloc(4);
  b.writeFloatLE(value, 0);
  b[3]! ^= mask;
  return b.readFloatLE(0);
}

describe('--check-weights: absurd magnitudes', () => {
  it('flags nothing in neonext-mini or in NeoNeXt-T\'s synthetic weights', () => {
    expect(checkWeightMagnitudes(miniTensors)).toEqual({ tensors: miniTensors.size, flagged: [] });
    const dict = syntheticStateDict(neoNeXtSchema(releasedConfig('neonext-t', 224)));
    expect(checkWeightMagnitudes(dict)).toEqual({ tensors: dict.size, flagged: [] });
  });

  it('does not flag ordinary large values: a mostly-zero bias, BatchNorm variances in the hundreds', () => {
    const bias = new Float32Array(256);
    bias[3] = 0.5;
    expect(absurdElements(new Tensor([256], bias))).toBeUndefined();
    const variance = Float32Array.from({ length: 64 }, (_, i) => 1 + i * 12); // up to 757, median ~380
    expect(absurdElements(new Tensor([64], variance))).toBeUndefined();
  });

  it('reproduces issue 14: a weight of -1.2e-5 whose exponent bit 30 flipped (-4.2e33) is named with its index and the median', () => {
    const dict = new Map(miniTensors);
    const name = 'stage_2.0.ops.content.fc_1.weight';
    const data = Float32Array.from(dict.get(name)!.data);
    data[77] = -1.2345e-5;
    data[77] = flipTopByte(data[77]!, 0x40);
    expect(data[77]).toBeCloseTo(-4.2e33, -31);
    dict.set(name, new Tensor(dict.get(name)!.shape, data));
    const sorted = Float64Array.from(data, Math.abs).sort();
    const report = checkWeightMagnitudes(dict);
    expect(report.flagged).toEqual([{
      name, shape: [128, 32], medianAbs: sorted[(sorted.length - 1) >> 1], threshold: 1e4 * sorted[(sorted.length - 1) >> 1]!, count: 1, index: 77, value: data[77],
    }]);
  });

  it('flags every single-bit exponent flip that lands beyond the rule, at sampled elements of mini', () => {
    const random = seededRandom(14);
    const names = [...miniTensors.keys()];
    let checked = 0;
    let belowOne = 0;
    for (let trial = 0; trial < 60; trial++) {
      const name = names[Math.floor(random() * names.length)]!;
      const tensor = miniTensors.get(name)!;
      const index = Math.floor(random() * tensor.data.length);
      const sorted = Float64Array.from(tensor.data, Math.abs).sort();
      const median = sorted[(sorted.length - 1) >> 1]!;
      if (Math.abs(tensor.data[index]!) < 1 && Math.abs(tensor.data[index]!) > 1e-30) belowOne++;
      for (const mask of [0x01, 0x02, 0x04, 0x08, 0x10, 0x20, 0x40]) {
        const flipped = flipTopByte(tensor.data[index]!, mask);
        // Only flips that enlarge the value (the bit was 0) and land finite beyond 1e4 x median and 1000: the rule's promise.
        if (!(Number.isFinite(flipped) && Math.abs(flipped) > 1e4 * median && Math.abs(flipped) > 1000)) continue;
        const data = Float32Array.from(tensor.data);
        data[index] = flipped;
        const found = absurdElements(new Tensor(tensor.shape, data));
        expect(found, `${name}[${index}] ^ ${mask}`).toMatchObject({ index, value: flipped, count: 1 });
        checked++;
      }
    }
    // Below 1 in magnitude the exponent's top bit (30) is clear and its flip (x2^128) lands finite and absurd: at least
    // that flip of every such sampled weight was checked (in [1, 2) it gives Infinity or NaN: the load's finite check).
    expect(belowOne).toBeGreaterThan(30);
    expect(checked).toBeGreaterThanOrEqual(belowOne);
  });
});
