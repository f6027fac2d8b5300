import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NeoccError } from '../compiler/errors.js';
import { Tensor } from '../nn/tensor.js';
import { loadNeoNeXt } from '../runtime/model/load-neonext.js';
import { parseSafetensors, writeSafetensors } from '../runtime/weights/safetensors.js';
import { WeightsError } from '../runtime/weights/weights-error.js';
import { MODEL_DIR } from './helpers/fixtures.js';
import { rejected } from './helpers/caught.js';

/** issue 14: non-finite weights are refused at load, and non-finite logits are an error, never a printed result. */

/** The mini model's float tensors, each passed through `edit` (name, copy of the data). */
function miniTensors(edit: (name: string, data: Float32Array) => void = () => {}): Map<string, Tensor> {
  const file = parseSafetensors(readFileSync(`${MODEL_DIR}/neonext-mini.safetensors`), 'mini');
  const out = new Map<string, Tensor>();
  for (const name of file.names) {
    if (!file.isFloat(name)) continue;
    const data = Float32Array.from(file.tensor(name).data);
    edit(name, data);
    out.set(name, new Tensor(file.shapeOf(name)!, data));
  }
  return out;
}

const golden = (): Tensor => parseSafetensors(readFileSync(`${MODEL_DIR}/neonext-mini.golden.safetensors`), 'golden').tensor('input');

const rejection = (promise: Promise<unknown>): Promise<NeoccError> => rejected(NeoccError, promise);

describe('non-finite weights and logits', () => {
  it('refuses a safetensors checkpoint holding a NaN and an Inf, naming the tensor, the flat index and the value', async () => {
    const bytes = writeSafetensors(miniTensors((name, data) => {
      if (name === 'head.fc.weight') data[7] = Number.NaN;
      if (name === 'head.fc.bias') data[3] = Number.POSITIVE_INFINITY;
    }));
    const err = await rejection(loadNeoNeXt({ weights: bytes, backend: 'reference', resolution: 128 }));
    expect(err).toBeInstanceOf(WeightsError);
    expect(err.code).toBe('non-finite-tensor');
    expect(err.message).toMatch(/tensor "head\.fc\.(weight|bias)" .* holds (NaN at flat index 7|Infinity at flat index 3)/);
    expect(err.message).not.toContain('\n');
  });

  it('refuses -Infinity alone too (every tensor is checked, not just the first)', async () => {
    const bytes = writeSafetensors(miniTensors((name, data) => {
      if (name === 'head.fc.bias') data[9] = Number.NEGATIVE_INFINITY;
    }));
    const err = await rejection(loadNeoNeXt({ weights: bytes, backend: 'reference', resolution: 128 }));
    expect(err.message).toContain('tensor "head.fc.bias" [10] holds -Infinity at flat index 9');
  });

  it('forward and classify fail on logits that overflow to NaN instead of returning them', async () => {
    // Finite float32 weights, scaled 1e20: the float64 reference overflows to Inf - Inf = NaN inside the network.
    const scaled = writeSafetensors(miniTensors((name, data) => {
      if (/weight_a|weight_b|fc|head\.fc\.weight|stem.*weight/.test(name)) for (let i = 0; i < data.length; i++) data[i]! *= 1e20;
    }));
    const model = await loadNeoNeXt({ weights: scaled, backend: 'reference', resolution: 128 });
    try {
      const err = await rejection(model.forward(golden()));
      expect(err.code).toBe('non-finite-output');
      expect(err.message).toMatch(/forward pass produced (NaN|-?Infinity) \(logits \[2, 10\], image \d, class \d\)/);
      expect((await rejection(model.classify(golden()))).code).toBe('non-finite-output');
    } finally {
      await model.dispose();
    }
  });
});
