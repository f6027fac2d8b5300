import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';
import { wasmCacheDir } from './runtime/wasm/disk-cache.js';

// The wasm kernel disk cache (runtime/wasm/disk-cache.ts) of a test run lives in a fresh temporary folder, shared by
// the run's test files and CLI child processes and deleted when the run ends: tests never read or fill the user's
// ~/.cache/neocc, and every run compiles each kernel with asc once. A folder the caller chose (NEOCC_CACHE_DIR) is
// kept as is.
// Local runs may opt into a persistent asc cache with NEOCC_TEST_CACHE=persistent: the tests then share the user's
// own cache folder, resolved by disk-cache.ts's wasmCacheDir() ($XDG_CACHE_HOME/neocc/wasm if XDG_CACHE_HOME is
// absolute, else ~/.cache/neocc/wasm), so a second run skips asc. Safe, as the cache keys every binary by its source,
// asc's options and version. On CI (CI set, and not "false" or "0") the opt-in is ignored: CI always uses a temporary
// folder.
const onCi = !['', 'false', '0'].includes(process.env.CI?.trim() ?? '');
const cacheMode = process.env.NEOCC_TEST_CACHE?.trim() || 'temporary';
if (cacheMode !== 'temporary' && cacheMode !== 'persistent') {
  throw new Error(`vitest.config.ts: NEOCC_TEST_CACHE = "${cacheMode}" is unknown; allowed: persistent | temporary (the default)`);
}

const persistentDir = cacheMode === 'persistent' && !onCi && process.env.NEOCC_CACHE_DIR === undefined ? wasmCacheDir() : null;
if (cacheMode === 'persistent') {
  console.error(persistentDir ? `neocc tests: persistent wasm kernel cache in ${persistentDir}`
    : `neocc tests: NEOCC_TEST_CACHE=persistent ignored (${onCi ? 'on CI' : process.env.NEOCC_CACHE_DIR !== undefined ? 'NEOCC_CACHE_DIR is set' : 'no home folder'})`);
}
const testCacheDir = process.env.NEOCC_CACHE_DIR ?? persistentDir ?? mkdtempSync(join(tmpdir(), 'neocc-test-wasm-cache-'));
if (process.env.NEOCC_CACHE_DIR === undefined && persistentDir === null) process.on('exit', () => rmSync(testCacheDir, { recursive: true, force: true }));

// Test tiers: Vitest projects, one per kind of machine a test needs. `npm test` runs them all; `npm run test:<tier>`
// (vitest run --project <tier>) runs one. A file goes to the heaviest tier it needs (browser > webgpu > wasm > integration > unit):
// each tier leaves out the files of the tiers above it, so every file is in exactly one. `unit` is every test file no
// other tier lists, so a new file runs somewhere by default; list it below when it needs asc, a WebGPU adapter or
// Chromium (a CLI test that runs `--backend wasm` is wasm; `neocc infer`/`conformance` without --backend is `auto`,
// which probes WebGPU and then runs webgpu or wasm: webgpu).
const TIERS = {
  // CPU only but slow (tens of seconds): the float64 reference on a whole NeoNeXt-T, `neocc` child processes, ONNX
  // Runtime sessions. Kept out of unit so `npm run test:unit` runs in seconds.
  integration: [
    'test/model.test.ts', // float64 NeoNeXt-T-224 forward (~20 s)
    'test/gen.test.ts', // `neocc gen` in child processes, ts-morph
    'test/onnx-export.test.ts', // onnxruntime-node/web sessions
    'test/cuda-nvcc.test.ts', // nvcc on ~90 CUDA kernels for two architectures (~15 s)
    'test/hostile-cli.test.ts', // `neocc` child processes on hostile input
    'test/image-memory.test.ts', // `neocc infer` children on 16-64 megapixel images, peak RSS (~40 s)
    'test/cuda-cpu.test.ts', // g++ on the CUDA kernels' .cu text, run on the CPU with real threads per block
    'test/cuda-gpu.test.ts', // nvcc on the GPU runner's whole binary source (runtime/cuda), and an -O3 build
    'test/torch-extension.test.ts', // neocc gen --torch: nvcc, g++ on torch headers, system python3 + torch.utils.cpp_extension builds (~3 min)
    'test/cuda-bench.test.ts', // bench/cuda: prepare, nvcc -O3 of the bench runner, run.sh --cpu (g++, ~100 kernels)
  ],
  // asc-compiled WebAssembly kernels or the wasm backend, on this CPU.
  wasm: ['test/wasm-*.test.ts'],
  // A WebGPU adapter (Dawn via npm `webgpu`; CI: Mesa's lavapipe), possibly with wasm too.
  webgpu: [
    'test/webgpu-*.test.ts',
    'test/backend-auto.test.ts', // probes the adapter; `infer`/`conformance` on --backend auto
    'test/cli.test.ts', // conformance --backend webgpu and --backend wasm
    'test/image.test.ts', // `neocc infer` on image files (--backend auto)
    'test/torch-checkpoint.test.ts', // `neocc infer` with --backend webgpu and auto
    'test/unfused-kernels.test.ts', // acquireGpu
  ],
  // Headless Chromium (Debian's `chromium` through playwright-core).
  browser: [
    'test/browser-*.test.ts',
    'test/package.test.ts', // npm run build + npm pack, installed into a scratch app (registry): plain node, tsc, esbuild and Vite bundles in Chromium (~2 min)
  ],
} as const;
const ALL_TESTS = 'test/**/*.test.ts';

// A tier entry without a wildcard names one file: it must exist (a renamed test file would otherwise fall into unit)
// and be listed once.
const root = fileURLToPath(new URL('.', import.meta.url));
const named = Object.values(TIERS).flat().filter((p) => !/[*?[{]/.test(p));
for (const [i, path] of named.entries()) {
  if (!existsSync(join(root, path))) throw new Error(`vitest.config.ts: test tier lists ${path}, which does not exist; update TIERS`);
  if (named.indexOf(path) !== i) throw new Error(`vitest.config.ts: ${path} is listed in two test tiers; keep it in the heavier one`);
}

// Shared by every tier.
const common = {
  // dawn.node (npm `webgpu`) can crash when an adapter is requested inside worker threads: use processes.
  pool: 'forks',
  // The float64 reference runs whole networks (NeoNeXt-T at 224) inside some tests.
  testTimeout: 120_000,
  env: { NEOCC_CACHE_DIR: testCacheDir },
} as const;

const tier = (name: string, include: readonly string[], heavier: readonly string[]) => ({
  test: { ...common, name, include: [...include], exclude: [...configDefaults.exclude, ...heavier] },
});

export default defineConfig({
  test: {
    projects: [
      tier('unit', [ALL_TESTS], [...TIERS.integration, ...TIERS.wasm, ...TIERS.webgpu, ...TIERS.browser]),
      tier('integration', TIERS.integration, [...TIERS.wasm, ...TIERS.webgpu, ...TIERS.browser]),
      tier('wasm', TIERS.wasm, [...TIERS.webgpu, ...TIERS.browser]),
      tier('webgpu', TIERS.webgpu, TIERS.browser),
      tier('browser', TIERS.browser, []),
    ],
  },
});
