import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // dawn.node (npm `webgpu`) can crash when an adapter is requested inside worker threads: use processes.
    pool: 'forks',
    // The float64 reference runs whole networks (NeoNeXt-T at 224) inside some tests.
    testTimeout: 120_000,
  },
});
