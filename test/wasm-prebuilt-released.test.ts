/**
 * The committed prebuilt kernels found without a registration call (issue 12, item 2): loadNeoNeXt on a one-thread
 * wasm backend registers generated/wasm's binaries of the matching released config before loading, so neither asc
 * nor the disk cache is asked for a kernel; the logits match upstream's golden NeoNeXt-T-224 synthetic ones.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { releasedConfig } from '../compiler/spec/model-config.js';
import { relativeL2Error } from '../nn/tensor.js';
import { loadNeoNeXt } from '../runtime/model/load-neonext.js';
import { GENERATED_MODELS, registerReleasedPrebuiltWasm } from '../runtime/wasm/prebuilt-released.js';
import { WasmBackend } from '../runtime/wasm/wasm-backend.js';
import { compileStats } from '../runtime/wasm/wasm-kernels.js';
import { syntheticInput } from '../runtime/weights/synthetic.js';
import { readSyntheticGolden } from './helpers/fixtures.js';
import { runCli } from './helpers/run-cli.js';

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

  it('the README\'s main command on an empty cache: 2 threads of relaxed-SIMD kernels from generated/wasm-relaxed-simd-shared, no asc', async () => {
    // A child process (tsx, like users): Vitest cannot load the variable-specifier import of that folder in-process.
    // asc's output would land in the disk cache; an empty cache afterwards means nothing was compiled.
    const cache = mkdtempSync(join(tmpdir(), 'neocc-cold-cache-'));
    try {
      const r = await runCli(['infer', '--arch', 'neonext-t', '--resolution', '224', '--weights', 'synthetic', '--backend', 'wasm', '--threads', '2', '--json', '--quiet'],
        { env: { NEOCC_CACHE_DIR: cache, NEOCC_WASM_SIMD: 'auto' } });
      expect(r.code, r.stderr).toBe(0);
      const out = JSON.parse(r.stdout) as { logits: number[][]; backend_description: string; timings: { prepare_ms: number } };
      expect(out.backend_description).toMatch(/SIMD variant relaxed-simd.*2 threads/);
      expect(relativeL2Error(out.logits.flat(), readSyntheticGolden().logits)).toBeLessThanOrEqual(1e-4);
      expect(readdirSync(cache, { recursive: true })).toEqual([]);
      process.stderr.write(`cold neonext-t-224, 2 threads relaxed SIMD: prepare ${out.timings.prepare_ms} ms\n`);
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  }, 120_000);

  it('lists every generated model module of generated/wasm', () => {
    const files = readdirSync('generated/wasm').filter((f) => /^model-.*\.ts$/.test(f)).map((f) => f.slice('model-'.length, -'.ts'.length));
    expect(Object.keys(GENERATED_MODELS).sort()).toEqual(files.sort());
  });
});
