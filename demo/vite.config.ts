import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { neoccKernels } from '../plugins/vite-neocc-kernels.js';

/** The bundled neonext-mini test checkpoint (resolveModelConfig reads the same off its weights at 128 px). */
const NEONEXT_MINI = {
  name: 'neonext-mini-128', layers: [1, 1, 2, 1], dims: [16, 32, 64, 128], kernelSpecs: ['4+7', '4+7', '4+7', '4+7'],
  shifts: [1, 1, 1, 0], classes: 10, layerScale: true, linearBias: true, resolution: 128,
};

// `npm run demo` serves this folder; `npm run demo:build` writes demo/dist (a static site: any file server will do).
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  // The page reads the test checkpoints from ../test/fixtures (as ?url assets).
  server: { fs: { allow: [fileURLToPath(new URL('..', import.meta.url))] } },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 2000 },
  plugins: [neoccKernels({ models: [NEONEXT_MINI, 'neonext-t-224'] })],
});
