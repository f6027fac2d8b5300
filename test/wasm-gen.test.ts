import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { KernelArtifact } from '../compiler/artifact.js';
import { compileNeoCellForward } from '../kernels/neocell/compile.js';
import { diffGenerated, generateWithBinaries, isUpToDate, resolveGenRequest, writeGenerated } from '../compiler/gen/generate.js';
import { planNeoCell } from '../compiler/plan/neocell-plan.js';
import { specFromCode } from '../compiler/spec/neocell-spec.js';
import { neoCellBackward, neoCellForward } from '../nn/reference/neocell.js';
import { relativeL2Error } from '../nn/tensor.js';
import { compileAssemblyScript } from '../runtime/wasm/compile-assemblyscript.js';
import { WasmBackend } from '../runtime/wasm/wasm-backend.js';
import { compileStats, registerWasmBinary } from '../runtime/wasm/wasm-kernels.js';
import { randomNeoCellWeights, randomTensor, seededRandom } from './helpers/random.js';
import { runCli } from './helpers/run-cli.js';
import { ASSEMBLYSCRIPT } from '../compiler/targets/index.js';

const dir = mkdtempSync(join(tmpdir(), 'neocc-gen-wasm-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A small spec keeps the six asc compiles short.
const request = resolveGenRequest({ target: 'assemblyscript', spec: '3+5', inputShape: [1, 8, 11, 11], shift: 1 });
const compile = async (a: KernelArtifact): Promise<Uint8Array> => (await compileAssemblyScript([a])).binary;

describe('neocc gen --target assemblyscript', () => {
  it('writes .as.ts + .wasm per kernel and a module with the artifacts and wasm URLs; the binaries run without asc', async () => {
    const generated = await generateWithBinaries(request, dir, compile);
    writeGenerated(dir, generated.files);
    const names = readdirSync(dir).sort();
    expect(names.filter((n) => n.endsWith('.as.ts'))).toHaveLength(6);
    expect(names.filter((n) => n.endsWith('.wasm'))).toHaveLength(6);
    const moduleName = names.find((n) => /^neocell-[0-9a-f]{12}\.ts$/.test(n))!;
    const module = await import(pathToFileURL(join(dir, moduleName)).href) as {
      artifacts: KernelArtifact[]; forwardNchw: KernelArtifact; wasmUrls: Record<string, URL>;
    };
    const spec = specFromCode('3+5', 8, 1);
    expect(module.forwardNchw.source).toBe(compileNeoCellForward(spec, ASSEMBLYSCRIPT).source);
    expect(Object.keys(module.wasmUrls)).toEqual(['forwardNchw', 'forwardNhwc', 'fwdT', 'bwdDt', 'bwdDx', 'bwdDw']);
    // What registerPrebuiltWasm (runtime/wasm/prebuilt.ts) reads: each artifact's key with its wasmUrls entry.
    expect((module as unknown as { wasmKernels: Array<{ key: string; url: URL }> }).wasmKernels)
      .toEqual(module.artifacts.map((a, i) => ({ key: a.key, url: Object.values(module.wasmUrls)[i] })));
    for (const artifact of module.artifacts) {
      expect(artifact.target).toBe('assemblyscript');
      expect(readFileSync(join(dir, `${artifact.name}-${artifact.key.slice(0, 12)}.as.ts`), 'utf8')).toBe(artifact.source);
    }
    // Load the shipped binaries instead of compiling: the backend then never calls asc.
    const exportNames = ['forwardNchw', 'forwardNhwc', 'fwdT', 'bwdDt', 'bwdDx', 'bwdDw'] as const;
    exportNames.forEach((name, i) => registerWasmBinary(module.artifacts[i]!.key, readFileSync(fileURLToPath(module.wasmUrls[name]!))));
    const plan = planNeoCell(spec, [1, 8, 11, 11]);
    const random = seededRandom(3);
    const x = randomTensor([1, 8, 11, 11], random);
    const weights = randomNeoCellWeights(spec, random);
    const gradY = randomTensor(plan.outputShape, random);
    const backend = new WasmBackend({ poisonOutputs: true });
    expect(relativeL2Error((await backend.neoCellForward(plan, x, weights)).data, neoCellForward(plan, x, weights).data)).toBeLessThan(1e-5);
    const grads = await backend.neoCellBackward(plan, x, weights, gradY);
    expect(relativeL2Error(grads.gradX.data, neoCellBackward(plan, x, weights, gradY).gradX.data)).toBeLessThan(1e-5);
    expect(compileStats.compiles).toBe(0);
  });

  it('renders byte-identical .wasm on a second run (--check finds the folder up to date)', async () => {
    const again = await generateWithBinaries(request, dir, compile);
    expect(isUpToDate(diffGenerated(dir, again.files))).toBe(true);
  });

  it('is what the CLI writes: `neocc gen --target assemblyscript … --check` in another process finds the folder up to date', async () => {
    const { code, stdout, stderr } = await runCli(['gen', '--target', 'assemblyscript', '--spec', '3+5', '--input-shape', '1,8,11,11', '--shift', '1', '--out', dir, '--check']);
    // Progress on stderr: each asc compile as it finishes, then each module.
    expect(stderr).toMatch(/^neocc gen: asc 1\/6 neocell_forward_tiles_nchw-[0-9a-f]{12}\.wasm \(\d+\.\d s\)\n/);
    expect(stderr).toMatch(/\nneocc gen: asc 6\/6 .*\nneocc gen: neocell-[0-9a-f]{12}\.ts: 6 kernels for /);
    expect([code, stdout]).toEqual([0, `${dir} is up to date: 15 files (1 specs, 6 kernels)\n`]);
  });
});
