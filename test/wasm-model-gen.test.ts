import { modelKernels } from '../schedule/model-kernels.js';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { KernelArtifact } from '../compiler/artifact.js';
import {
  diffGenerated, generate, generateWithBinaries, resolveGenRequest, wasmArtifacts, writeGenerated, type GenRequest,
} from '../compiler/gen/generate.js';
import { wasmFileName } from '../compiler/gen/spec-artifacts.js';
import { modelConfig, releasedConfig } from '../compiler/spec/model-config.js';
import { neoNeXtSchema } from '../compiler/spec/neonext-state-dict.js';
import { neoNeXtParams } from '../nn/neonext-params.js';
import { relativeL2Error } from '../nn/tensor.js';
import { resolveModelConfig } from '../runtime/model/resolve-config.js';
import { compileAssemblyScript } from '../runtime/wasm/compile-assemblyscript.js';
import { missingPrebuiltWasm, registerPrebuiltWasm, type PrebuiltWasmModule } from '../runtime/wasm/prebuilt.js';
import { clearWasmModuleCacheForTests, compileStats, compileWasmKernels } from '../runtime/wasm/wasm-kernels.js';
import { WasmNeoNeXt, type WasmNeoNeXtOptions } from '../runtime/wasm/wasm-neonext.js';
import { allArtifacts } from '../schedule/model-kernels.js';
import { loadStateDict } from '../runtime/weights/state-dict.js';
import { readFixture } from './helpers/fixtures.js';
import { ASSEMBLYSCRIPT, ASSEMBLYSCRIPT_RELAXED_SIMD } from '../compiler/targets/index.js';
import { RELAXED_SIMD } from './helpers/wasm-simd.js';

// Every asc call of this file goes through this gate: the generator may compile, a model running on prebuilt
// binaries must not (an asc call then fails the load, and is counted).
const asc = vi.hoisted(() => ({ allowed: true, calls: 0 }));
vi.mock('../runtime/wasm/asc-worker.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../runtime/wasm/asc-worker.js')>();
  return {
    ...original,
    runAsc: (request: Parameters<typeof original.runAsc>[0]) => {
      asc.calls += 1;
      if (!asc.allowed) throw new Error('asc was called although every kernel should be prebuilt');
      return original.runAsc(request);
    },
  };
});

const dir = mkdtempSync(join(tmpdir(), 'neocc-gen-wasm-model-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const compile = async (a: KernelArtifact, options: { sharedMemory: boolean }): Promise<Uint8Array> => (await compileAssemblyScript([a], options)).binary;
const readBytes = (url: URL | string): Promise<Uint8Array> => readFile(url);
const keysOf = (artifacts: readonly KernelArtifact[]): string[] => [...new Set(artifacts.map((a) => a.key))].sort();

let savedCacheDir: string | undefined;
beforeEach(() => {
  savedCacheDir = process.env.NEOCC_CACHE_DIR;
});
afterEach(() => {
  process.env.NEOCC_CACHE_DIR = savedCacheDir;
});
/**
 * No asc, no disk cache, no compiled module in this process: only what the test registers can run. asc stays
 * forbidden for the rest of the file (a test that needs it allows it first), so a compile still in flight when a
 * test ends can neither succeed later nor count against the next test.
 */
function forbidAsc(): { compiles: number; ascCalls: number } {
  process.env.NEOCC_CACHE_DIR = 'off';
  clearWasmModuleCacheForTests();
  asc.allowed = false;
  return { compiles: compileStats.compiles, ascCalls: asc.calls };
}

/** Registers `module`'s binaries with asc forbidden, then runs neonext-mini loaded with `options` to the golden logits: nothing compiles. */
async function expectGoldenWithoutAsc(module: PrebuiltWasmModule, options: WasmNeoNeXtOptions): Promise<void> {
  const { config, golden, params } = mini();
  const before = forbidAsc();
  await registerPrebuiltWasm(module, readBytes);
  const model = await WasmNeoNeXt.load(config, params, options);
  try {
    expect(relativeL2Error((await model.forward(golden.tensor('input'))).data, golden.tensor('logits').data)).toBeLessThanOrEqual(1e-4);
  } finally {
    model.dispose();
  }
  expect({ compiles: compileStats.compiles, ascCalls: asc.calls }).toEqual(before);
}

function mini() {
  const weights = readFixture('model/neonext-mini.safetensors');
  const golden = readFixture('model/neonext-mini.golden.safetensors');
  const inferred = resolveModelConfig({ resolution: 128 }, weights);
  const config = modelConfig({ ...inferred, name: 'neonext-mini-128' });
  return { config, golden, params: neoNeXtParams(config, loadStateDict(weights, neoNeXtSchema(config))) };
}

describe('neocc gen --target assemblyscript: whole models', () => {
  it('writes every kernel of a model\'s wasm forward; registered, they run neonext-mini to the golden logits without asc', async () => {
    const { config, golden, params } = mini();
    const request: GenRequest = { target: ASSEMBLYSCRIPT, source: { kind: 'configs', configs: [config] } };
    asc.allowed = true;
    const generated = await generateWithBinaries(request, dir, compile);
    writeGenerated(dir, generated.files);
    expect(generated.models.map((m) => m.id)).toEqual(['neonext-mini-128']);
    const names = generated.files.map((f) => f.name);
    // Each kernel once, though model kernels and NeoCell kernels overlap.
    expect(new Set(names).size).toBe(names.length);
    const expected = keysOf(allArtifacts(modelKernels(config, ASSEMBLYSCRIPT)));

    const module = await import(pathToFileURL(join(dir, 'model-neonext-mini-128.ts')).href) as PrebuiltWasmModule & {
      config: { name: string; dims: readonly number[] };
      wasmKernels: ReadonlyArray<{ role: string; key: string; url: URL }>;
    };
    expect(module.config.name).toBe('neonext-mini-128');
    expect(module.config.dims).toEqual(config.dims);
    expect(module.wasmKernels.map((k) => k.key).sort()).toEqual(expected);
    expect(module.wasmKernels.map((k) => k.role)).toContain('stage_1 fc_1 + GELU');
    for (const { url } of module.wasmKernels) expect(existsSync(fileURLToPath(url)), String(url)).toBe(true);
    expect(missingPrebuiltWasm(config, module)).toEqual([]);

    const before = forbidAsc();
    expect((await registerPrebuiltWasm(module, readBytes)).sort()).toEqual(expected);
    const model = await WasmNeoNeXt.load(config, params, { threads: 1, target: ASSEMBLYSCRIPT });
    try {
      const logits = await model.forward(golden.tensor('input'));
      expect(logits.shape).toEqual([2, 10]);
      expect(relativeL2Error(logits.data, golden.tensor('logits').data)).toBeLessThanOrEqual(1e-4);
    } finally {
      model.dispose();
    }
    expect({ compiles: compileStats.compiles, ascCalls: asc.calls }).toEqual(before);
  });

  it('--variant relaxed-simd: FMA kernels under their own keys; registered, they run neonext-mini to the golden logits without asc', async () => {
    expect(RELAXED_SIMD).toBe(true);
    const { config } = mini();
    const relaxedDir = join(dir, 'relaxed-simd');
    const request = resolveGenRequest({ target: 'assemblyscript', variant: 'relaxed-simd', model: 'neonext-t', resolution: '224' });
    expect(request.target).toBe(ASSEMBLYSCRIPT_RELAXED_SIMD);
    expect(() => resolveGenRequest({ target: 'assemblyscript', variant: 'avx', model: 'all' }))
      .toThrow('gen: --variant = "avx" is not a variant of --target assemblyscript; allowed: relaxed-simd (or no --variant: the baseline kernels)');
    expect(() => resolveGenRequest({ target: 'wgsl', variant: 'relaxed-simd', model: 'all' })).toThrow(/--variant .* allowed: none/);
    asc.allowed = true;
    const generated = await generateWithBinaries({ ...request, source: { kind: 'configs', configs: [config] } }, relaxedDir, compile);
    writeGenerated(relaxedDir, generated.files);
    const gemms = generated.files.filter((f) => /_vec4-.*\.as\.ts$/.test(f.name));
    expect(gemms.length).toBeGreaterThan(0);
    for (const f of gemms) expect(String(f.content), f.name).toContain('f32x4.relaxed_madd(');
    const module = await import(pathToFileURL(join(relaxedDir, 'model-neonext-mini-128.ts')).href) as PrebuiltWasmModule;
    expect(missingPrebuiltWasm(config, module, ASSEMBLYSCRIPT_RELAXED_SIMD)).toEqual([]);
    // None of the plain model's kernels: the relaxed folder cannot stand in for the plain one.
    expect(missingPrebuiltWasm(config, module, ASSEMBLYSCRIPT)).toHaveLength(keysOf(allArtifacts(modelKernels(config, ASSEMBLYSCRIPT))).length);

    await expectGoldenWithoutAsc(module, { threads: 1, target: ASSEMBLYSCRIPT_RELAXED_SIMD });
  });

  it('the index lists every model and kernel; a binary that is not WebAssembly is refused by URL', async () => {
    const index = await import(pathToFileURL(join(dir, 'index.ts')).href) as {
      wasmModels: Record<string, PrebuiltWasmModule>; wasmKernels: ReadonlyArray<{ key: string; url: URL }>;
    };
    expect(Object.keys(index.wasmModels)).toEqual(['neonext-mini-128']);
    const { config } = mini();
    expect(new Set(index.wasmKernels.map((k) => k.key)).size).toBe(index.wasmKernels.length);
    expect(missingPrebuiltWasm(config, index)).toEqual([]);
    expect(missingPrebuiltWasm(releasedConfig('neonext-t', 224), index).length).toBeGreaterThan(0);
    const [first] = index.wasmKernels;
    await expect(registerPrebuiltWasm({ wasmKernels: [first!] }, () => new Uint8Array([1, 2, 3]))).rejects.toThrow(/is not a valid WebAssembly module \(3 bytes\)/);
  });
});

describe('generated/wasm (committed `npm run gen` output)', () => {
  /** What `npm run gen` asks for with the AssemblyScript target. */
  const RELEASED: GenRequest = resolveGenRequest({ target: 'assemblyscript', model: 'all' });
  const OUT = 'generated/wasm';

  it('has every artifact of neonext-t-224\'s wasm model; registered, the model compiles nothing', async () => {
    const config = releasedConfig('neonext-t', 224);
    const index = await import('../generated/wasm/index.js') as { wasmModels: Record<string, PrebuiltWasmModule & { wasmKernels: ReadonlyArray<{ key: string; url: URL }> }> };
    const module = index.wasmModels['neonext-t-224']!;
    const artifacts = allArtifacts(modelKernels(config, ASSEMBLYSCRIPT));
    expect(module.wasmKernels.map((k) => k.key).sort()).toEqual(keysOf(artifacts));
    expect(missingPrebuiltWasm(config, module)).toEqual([]);

    const before = forbidAsc();
    await registerPrebuiltWasm(module, readBytes);
    // What WasmNeoNeXt.load does first: every kernel of the model, for a plain memory.
    await compileWasmKernels(artifacts, false);
    expect({ compiles: compileStats.compiles, ascCalls: asc.calls }).toEqual(before);
  });

  // generated/wasm-relaxed-simd-shared: the CLI's default in Node (relaxed SIMD, several threads), registered by
  // runtime/wasm/prebuilt-released.ts so a fresh machine runs the README's command without asc.
  const FOLDERS: ReadonlyArray<[string, GenRequest]> = [
    [OUT, RELEASED],
    ['generated/wasm-relaxed-simd-shared', resolveGenRequest({ target: 'assemblyscript', variant: 'relaxed-simd', sharedMemory: true, model: 'all' })],
    // generated/wasm-shared: plain SIMD on a shared memory, shipped, so several threads need no asc in Node or a page.
    ['generated/wasm-shared', resolveGenRequest({ target: 'assemblyscript', sharedMemory: true, model: 'all' })],
  ];
  for (const [folder, request] of FOLDERS) {
    it(`${folder} is what \`npm run gen\` writes now, the .wasm bytes aside (\`npm run gen:check\` compiles and compares those too)`, () => {
      // The committed binaries stand in for asc's output; a kernel whose key changed has none and is listed here.
      const binaries = new Map<string, Uint8Array>();
      const missing: string[] = [];
      for (const artifact of wasmArtifacts(request)) {
        const path = join(folder, wasmFileName(artifact));
        if (existsSync(path)) binaries.set(artifact.key, readFileSync(path));
        else missing.push(wasmFileName(artifact));
      }
      // On failure: run `npm run gen` and commit generated/.
      expect(missing).toEqual([]);
      const { files, models } = generate(request, folder, undefined, binaries);
      expect(diffGenerated(folder, files)).toEqual({ stale: [], missing: [], extra: [] });
      expect(models.map((m) => m.id)).toEqual([
        'neonext-t-224', 'neonext-t-384', 'neonext-s-224', 'neonext-s-384', 'neonext-b-224', 'neonext-b-384', 'neonext-l-224', 'neonext-l-384',
      ]);
      expect(readFileSync(join(folder, 'kernel-artifact.ts'), 'utf8')).toContain("from '../../compiler/artifact.js'");
    });
  }
});

describe('neocc gen --shared-memory', () => {
  it('--shared-memory binaries serve a multi-threaded model without asc (golden logits, 2 threads)', async () => {
    const { config } = mini();
    const sharedDir = join(dir, 'shared-memory');
    const request = resolveGenRequest({ target: 'assemblyscript', sharedMemory: true, model: 'all' });
    expect(request.sharedMemory).toBe(true);
    expect(() => resolveGenRequest({ target: 'wgsl', sharedMemory: true, model: 'all' }))
      .toThrow('gen: --shared-memory applies to targets that ship compiled binaries, not --target wgsl; allowed: --target assemblyscript');
    asc.allowed = true;
    const generated = await generateWithBinaries({ ...request, source: { kind: 'configs', configs: [config] } }, sharedDir, compile);
    writeGenerated(sharedDir, generated.files);
    const module = await import(pathToFileURL(join(sharedDir, 'model-neonext-mini-128.ts')).href) as PrebuiltWasmModule;
    expect(module.wasmSharedMemory).toBe(true);
    const index = await import(pathToFileURL(join(sharedDir, 'index.ts')).href) as PrebuiltWasmModule;
    expect(index.wasmSharedMemory).toBe(true);

    await expectGoldenWithoutAsc(module, { threads: 2, target: ASSEMBLYSCRIPT });
  });
});

// Last in the file: the refused load leaves compiles of its other batches in flight (they fail too, asc forbidden).
describe('prebuilt binaries and threads', () => {
  it('do not serve a multi-threaded model: its shared-memory kernels still need asc', async () => {
    const { config, params } = mini();
    const before = forbidAsc();
    await registerPrebuiltWasm(await import(pathToFileURL(join(dir, 'model-neonext-mini-128.ts')).href) as PrebuiltWasmModule, readBytes);
    await expect(WasmNeoNeXt.load(config, params, { threads: 2, target: ASSEMBLYSCRIPT })).rejects.toThrow(/asc was called/);
    expect(asc.calls).toBeGreaterThan(before.ascCalls);
    // The same binaries serve one thread.
    (await WasmNeoNeXt.load(config, params, { threads: 1, target: ASSEMBLYSCRIPT })).dispose();
  });

});
