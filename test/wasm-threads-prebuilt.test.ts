/**
 * The shipped plain-SIMD shared-memory kernels (generated/wasm-shared, issue 12 item 2) where asc is unavailable: asc's
 * worker module is mocked as not installed (ascInstalled() false, runAsc throws), as in an app that installed the
 * runtime only. A wasm backend created by name then defaults to the same thread count as with asc, registers the
 * released config's shared-memory binaries and runs NeoNeXt-T-224 on 2 threads to the golden logits, compiling nothing.
 * Also the `wasmBaseUrl` option on file: URLs (the browser side is test/browser-wasm-threads.test.ts).
 */
import { availableParallelism } from 'node:os';
import { readdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { NeoccError } from '../compiler/errors.js';
import { releasedConfig } from '../compiler/spec/model-config.js';
import { ASSEMBLYSCRIPT } from '../compiler/targets/index.js';
import { relativeL2Error } from '../nn/tensor.js';
import { createBackend } from '../runtime/backends/create-backend.js';
import { loadNeoNeXt } from '../runtime/model/load-neonext.js';
import { canCompileWasmKernels } from '../runtime/wasm/compile-assemblyscript.js';
import { GENERATED_SHARED_MODELS, registerReleasedPrebuiltWasm } from '../runtime/wasm/prebuilt-released.js';
import { compileStats } from '../runtime/wasm/wasm-kernels.js';
import { syntheticInput } from '../runtime/weights/synthetic.js';
import { rejected } from './helpers/caught.js';
import { readSyntheticGolden } from './helpers/fixtures.js';

const asc = vi.hoisted(() => ({ calls: 0 }));

vi.mock('../runtime/wasm/asc-worker.js', () => ({
  ascInstalled: () => false,
  runAsc: () => {
    asc.calls += 1;
    throw new Error('asc is not installed in this test');
  },
}));

describe('generated/wasm-shared without asc', () => {
  it('lists every model module of the folder', () => {
    const files = readdirSync('generated/wasm-shared').filter((f) => /^model-.*\.ts$/.test(f)).map((f) => f.slice('model-'.length, -'.ts'.length));
    expect(Object.keys(GENERATED_SHARED_MODELS).sort()).toEqual(files.sort());
  });

  it('a wasm backend by name defaults to every core up to 4, plain SIMD (the shipped variant), as with asc', async () => {
    expect(await canCompileWasmKernels()).toBe(false);
    const backend = await createBackend('wasm');
    try {
      const threads = Math.min(4, availableParallelism());
      expect(backend.description).toMatch(new RegExp(`SIMD variant plain, ${threads} threads?\\)$`));
    } finally {
      await backend.dispose();
    }
  });

  it('loadNeoNeXt runs NeoNeXt-T-224 on 2 threads on the shipped shared-memory kernels: no asc, no disk cache, golden logits', async () => {
    const before = { ...compileStats, ascCalls: asc.calls };
    const backend = await createBackend('wasm', { threads: 2 });
    const model = await loadNeoNeXt({ weights: 'synthetic', arch: 'neonext-t', resolution: 224, backend });
    try {
      expect(model.backend).toMatch(/SIMD variant plain, 2 threads/);
      const logits = await model.forward(syntheticInput(224));
      expect(relativeL2Error(logits.data, readSyntheticGolden().logits)).toBeLessThanOrEqual(1e-4);
    } finally {
      await model.dispose();
      await backend.dispose();
    }
    expect({ compiles: compileStats.compiles - before.compiles, diskHits: compileStats.diskHits - before.diskHits, ascCalls: asc.calls - before.ascCalls })
      .toEqual({ compiles: 0, diskHits: 0, ascCalls: 0 });
  });

  it('wasmBaseUrl: kernels are read from <base>wasm-shared/; a base without them fails naming the URL', async () => {
    const config = releasedConfig('neonext-s', 224);
    expect(await registerReleasedPrebuiltWasm(config, ASSEMBLYSCRIPT, true, { wasmBaseUrl: pathToFileURL('generated') })).toBe('neonext-s-224');
    const wrong = pathToFileURL('test/').href;
    const err = await rejected(NeoccError, registerReleasedPrebuiltWasm(config, ASSEMBLYSCRIPT, true, { wasmBaseUrl: wrong }));
    expect(err.code).toBe('wasm-prebuilt-fetch');
    expect(err.message).toMatch(new RegExp(`^cannot read the prebuilt wasm kernel ${wrong}wasm-shared/[a-z0-9_]+-[0-9a-f]{12}\\.wasm: ENOENT \\(wasmBaseUrl ${wrong} must hold`));
  });
});
