/**
 * The committed prebuilt kernels found without a registration call (issue 12, item 2): loadNeoNeXt on a one-thread
 * wasm backend registers generated/wasm's binaries of the matching released config before loading, so neither asc
 * nor the disk cache is asked for a kernel; the logits match upstream's golden NeoNeXt-T-224 synthetic ones.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { releasedConfig } from '../compiler/spec/model-config.js';
import { relativeL2Error } from '../nn/tensor.js';
import { loadNeoNeXt } from '../runtime/model/load-neonext.js';
import { GENERATED_MODELS, registerReleasedPrebuiltWasm } from '../runtime/wasm/prebuilt-released.js';
import { WasmBackend } from '../runtime/wasm/wasm-backend.js';
import { compileStats } from '../runtime/wasm/wasm-kernels.js';
import { syntheticInput } from '../runtime/weights/synthetic.js';
import { readSyntheticGolden } from './helpers/fixtures.js';

describe('prebuilt wasm kernels without registerPrebuiltWasm', () => {
  it('loadNeoNeXt on one thread runs NeoNeXt-T-224 on the committed binaries: no asc, no disk cache, golden logits', async () => {
    const before = { ...compileStats };
    const backend = await WasmBackend.create({ threads: 1 });
    const model = await loadNeoNeXt({ weights: 'synthetic', arch: 'neonext-t', resolution: 224, backend });
    try {
      const logits = await model.forward(syntheticInput(224));
      expect(relativeL2Error(logits.data, readSyntheticGolden().logits)).toBeLessThanOrEqual(1e-4);
    } finally {
      await model.dispose();
      await backend.dispose();
    }
    expect({ compiles: compileStats.compiles - before.compiles, diskHits: compileStats.diskHits - before.diskHits }).toEqual({ compiles: 0, diskHits: 0 });
  });

  it('matches a config by its kernels: a released one (also under another name) is found, other shifts or widths are not', async () => {
    expect(await registerReleasedPrebuiltWasm(releasedConfig('neonext-s', 384))).toBe('neonext-s-384');
    // A checkpoint's config is named checkpoint-<R>; its kernels are NeoNeXt-T-224's (layer counts do not enter a kernel).
    expect(await registerReleasedPrebuiltWasm(releasedConfig('neonext-t', 224, { name: 'checkpoint-224', layers: [2, 2, 6, 2] }))).toBe('neonext-t-224');
    expect(await registerReleasedPrebuiltWasm(releasedConfig('neonext-t', 224, { shifts: [0, 0, 0, 0] }))).toBeUndefined();
    expect(await registerReleasedPrebuiltWasm(releasedConfig('neonext-t', 224, { dims: [64, 128, 256, 512] }))).toBeUndefined();
  });

  it('lists every generated model module of generated/wasm', () => {
    const files = readdirSync('generated/wasm').filter((f) => /^model-.*\.ts$/.test(f)).map((f) => f.slice('model-'.length, -'.ts'.length));
    expect(Object.keys(GENERATED_MODELS).sort()).toEqual(files.sort());
  });
});
