import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

// The wasm kernel disk cache (runtime/wasm/disk-cache.ts) of a test run lives in a fresh temporary folder, shared by
// the run's test files and CLI child processes and deleted when the run ends: tests never read or fill the user's
// ~/.cache/neocc, and every run compiles each kernel with asc once. A folder the caller chose is kept as is.
const wasmCacheDir = process.env.NEOCC_CACHE_DIR ?? mkdtempSync(join(tmpdir(), 'neocc-test-wasm-cache-'));
if (process.env.NEOCC_CACHE_DIR === undefined) process.on('exit', () => rmSync(wasmCacheDir, { recursive: true, force: true }));

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // dawn.node (npm `webgpu`) can crash when an adapter is requested inside worker threads: use processes.
    pool: 'forks',
    // The float64 reference runs whole networks (NeoNeXt-T at 224) inside some tests.
    testTimeout: 120_000,
    env: { NEOCC_CACHE_DIR: wasmCacheDir },
  },
});
