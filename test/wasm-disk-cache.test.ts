import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KernelArtifact } from '../compiler/artifact.js';
import { compileNeoCellForward, forwardBaked } from '../kernels/neocell/compile.js';
import { planNeoCell } from '../compiler/plan/neocell-plan.js';
import { specFromCode } from '../compiler/spec/neocell-spec.js';
import { forwardLaunch } from '../kernels/neocell/launch.js';
import { neoCellForward } from '../nn/reference/neocell.js';
import { concatTensors, relativeL2Error } from '../nn/tensor.js';
import { openWasmDiskCache, wasmCacheDir } from '../runtime/wasm/disk-cache.js';
import { LinearMemory } from '../runtime/wasm/linear-memory.js';
import { WasmKernelRunner, clearWasmModuleCacheForTests, compileStats, compileWasmKernels } from '../runtime/wasm/wasm-kernels.js';
import { randomNeoCellWeights, randomTensor, seededRandom } from './helpers/random.js';
import { ASSEMBLYSCRIPT } from '../compiler/targets/index.js';

// A small NeoCell: its NCHW and NHWC forward kernels are one asc batch (one .wasm, two .ref files).
const spec = specFromCode('3+5', 8, 1);
const shape = [1, 8, 11, 11] as const;
const plan = planNeoCell(spec, shape);
const nchw = compileNeoCellForward(spec, ASSEMBLYSCRIPT);
const nhwc = compileNeoCellForward(spec, ASSEMBLYSCRIPT, { layout: 'nhwc' });
const random = seededRandom(5);
const x = randomTensor(shape, random);
const weights = randomNeoCellWeights(spec, random);
const want = neoCellForward(plan, x, weights).data;
const outputSize = want.length;

/** Runs the NCHW forward kernel on a fresh memory (compiling, or loading, its module on first use). */
async function runForward(shared = false): Promise<Float32Array> {
  const memory = new LinearMemory(shared);
  const runner = new WasmKernelRunner(memory);
  const y = memory.output(outputSize, true);
  const pointers = [memory.put(x.data), memory.put(concatTensors(weights.a)), memory.put(concatTensors(weights.b)), y];
  const { grid, uniforms } = forwardLaunch(plan, forwardBaked(nchw).tiling, false);
  await runner.run(nchw, pointers, uniforms, grid);
  return memory.read(y, outputSize).slice();
}

const files = (dir: string, ext: string) => readdirSync(dir).filter((n) => n.endsWith(ext)).sort();
const stats = () => ({ ...compileStats });

const temps: string[] = [];
const temp = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
};
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

const savedEnv = { ...process.env };
let dir: string;
beforeEach(() => {
  dir = temp('neocc-wasm-cache-');
  process.env.NEOCC_CACHE_DIR = dir;
  clearWasmModuleCacheForTests();
});
afterEach(() => {
  for (const name of ['NEOCC_CACHE_DIR', 'XDG_CACHE_HOME', 'HOME']) {
    if (savedEnv[name] === undefined) delete process.env[name];
    else process.env[name] = savedEnv[name];
  }
});

/** One asc compile of both kernels into `dir`, then a fresh in-memory state; returns the compiled output. */
async function primeCache(): Promise<Float32Array> {
  const before = stats();
  await compileWasmKernels([nchw, nhwc]);
  expect(compileStats.compiles - before.compiles).toBe(1);
  const y = await runForward();
  clearWasmModuleCacheForTests();
  return y;
}

describe('on-disk cache of compiled wasm kernels', () => {
  it('writes one .wasm per asc batch and one .ref per kernel; a fresh process state loads them without asc and computes the same numbers', async () => {
    const fresh = await primeCache();
    expect(relativeL2Error(fresh, want)).toBeLessThan(1e-5);
    expect(files(dir, '.wasm')).toHaveLength(1);
    expect(files(dir, '.ref')).toHaveLength(2);
    expect(files(dir, '.tmp')).toEqual([]);
    const [wasmFile] = files(dir, '.wasm');
    // The binary is content-addressed; every ref names it.
    expect(wasmFile).toBe(`${createHash('sha256').update(readFileSync(join(dir, wasmFile!))).digest('hex')}.wasm`);
    for (const ref of files(dir, '.ref')) expect(readFileSync(join(dir, ref), 'utf8').trim()).toBe(wasmFile!.slice(0, 64));

    const before = stats();
    await compileWasmKernels([nchw, nhwc]);
    const cached = await runForward();
    expect(compileStats.compiles).toBe(before.compiles);
    expect(compileStats.diskHits - before.diskHits).toBe(2);
    expect(Array.from(cached)).toEqual(Array.from(fresh));
    // Already in memory now: no second disk read.
    await compileWasmKernels([nchw, nhwc]);
    expect(compileStats.diskHits - before.diskHits).toBe(2);
  });

  it('keys plain and shared-memory modules apart (a shared-memory module is compiled, stored and loaded on its own)', async () => {
    const fresh = await primeCache();
    let before = stats();
    await compileWasmKernels([nchw], true);
    expect([compileStats.compiles - before.compiles, compileStats.diskHits - before.diskHits]).toEqual([1, 0]);
    expect(files(dir, '.wasm')).toHaveLength(2);
    clearWasmModuleCacheForTests();
    before = stats();
    const shared = await runForward(true);
    expect([compileStats.compiles - before.compiles, compileStats.diskHits - before.diskHits]).toEqual([0, 1]);
    expect(Array.from(shared)).toEqual(Array.from(fresh));
  });

  it('ignores, deletes and recompiles a corrupt binary (garbage bytes, bytes WebAssembly rejects, a module without the export)', async () => {
    const fresh = await primeCache();
    const [wasmFile] = files(dir, '.wasm');
    const refs = files(dir, '.ref');
    const recompiles = async () => {
      clearWasmModuleCacheForTests();
      const before = stats();
      const y = await runForward(); // compiles nchw alone
      expect(Array.from(y)).toEqual(Array.from(fresh));
      expect([compileStats.compiles - before.compiles, compileStats.diskHits - before.diskHits]).toEqual([1, 0]);
    };

    // 1. The binary overwritten with garbage: its checksum no longer matches its name.
    writeFileSync(join(dir, wasmFile!), Buffer.from('this is not WebAssembly at all'));
    await recompiles();

    // 2. A self-consistent file (named by its hash) that is no wasm module: WebAssembly.compile rejects it.
    const garbage = Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 0xff, 0xff, 0xff]);
    const garbageName = createHash('sha256').update(garbage).digest('hex');
    writeFileSync(join(dir, `${garbageName}.wasm`), garbage);
    for (const ref of refs) writeFileSync(join(dir, ref), `${garbageName}\n`);
    await recompiles();
    expect(files(dir, '.wasm')).not.toContain(`${garbageName}.wasm`);

    // 3. A valid module that does not export the entry point (an empty module).
    const empty = Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]);
    const emptyName = createHash('sha256').update(empty).digest('hex');
    writeFileSync(join(dir, `${emptyName}.wasm`), empty);
    for (const ref of refs) writeFileSync(join(dir, ref), `${emptyName}\n`);
    await recompiles();
    expect(files(dir, '.wasm')).not.toContain(`${emptyName}.wasm`);

    // 4. A garbage ref.
    for (const ref of refs) writeFileSync(join(dir, ref), 'garbage');
    await recompiles();

    // The cache healed: the next state loads nchw from disk again.
    clearWasmModuleCacheForTests();
    const before = stats();
    expect(Array.from(await runForward())).toEqual(Array.from(fresh));
    expect([compileStats.compiles - before.compiles, compileStats.diskHits - before.diskHits]).toEqual([0, 1]);
  });

  it('writes nothing with NEOCC_CACHE_DIR=off (or 0), and an unusable folder never fails a compile', async () => {
    const home = temp('neocc-home-');
    const xdg = temp('neocc-xdg-');
    process.env.HOME = home;
    process.env.XDG_CACHE_HOME = xdg;
    for (const off of ['off', '0']) {
      process.env.NEOCC_CACHE_DIR = off;
      clearWasmModuleCacheForTests();
      const before = stats();
      expect(relativeL2Error(await runForward(), want)).toBeLessThan(1e-5);
      expect([compileStats.compiles - before.compiles, compileStats.diskHits - before.diskHits]).toEqual([1, 0]);
    }
    expect([readdirSync(dir), readdirSync(home), readdirSync(xdg)]).toEqual([[], [], []]);

    // A "folder" below a regular file: mkdir fails, the compile does not.
    const file = join(dir, 'a-file');
    writeFileSync(file, 'x');
    process.env.NEOCC_CACHE_DIR = join(file, 'cache');
    clearWasmModuleCacheForTests();
    expect(relativeL2Error(await runForward(), want)).toBeLessThan(1e-5);
    expect(readdirSync(dir)).toEqual(['a-file']);
  });

  it('finds its folder: $NEOCC_CACHE_DIR, else $XDG_CACHE_HOME/neocc/wasm, else ~/.cache/neocc/wasm', () => {
    expect(wasmCacheDir({ NEOCC_CACHE_DIR: '/c', XDG_CACHE_HOME: '/x' })).toBe('/c');
    expect(wasmCacheDir({ NEOCC_CACHE_DIR: 'off', XDG_CACHE_HOME: '/x' })).toBeNull();
    expect(wasmCacheDir({ NEOCC_CACHE_DIR: '0' })).toBeNull();
    expect(wasmCacheDir({ XDG_CACHE_HOME: '/x' })).toBe(join('/x', 'neocc', 'wasm'));
    expect(wasmCacheDir({ XDG_CACHE_HOME: 'relative' })).toMatch(/[/\\]\.cache[/\\]neocc[/\\]wasm$/);
    expect(wasmCacheDir({})).toMatch(/[/\\]\.cache[/\\]neocc[/\\]wasm$/);
    expect(openWasmDiskCache(null)).toBeNull();
  });

  it('keys a kernel by its source, memory kind and entry point as well as its artifact key', () => {
    const cache = openWasmDiskCache(dir)!;
    const k = cache.diskKey(nchw, false);
    expect(k).toMatch(/^[0-9a-f]{64}$/);
    expect(cache.diskKey(nchw, true)).not.toBe(k);
    expect(cache.diskKey({ ...nchw, source: `${nchw.source}\n` } as KernelArtifact, false)).not.toBe(k);
    expect(cache.diskKey({ ...nchw, entryPoint: 'other' } as KernelArtifact, false)).not.toBe(k);
    expect(cache.diskKey(nhwc, false)).not.toBe(k);
  });
});
