import { NotSupportedError } from '../../compiler/errors.js';

/**
 * Browser builds get this instead of runtime/backends/cuda-toolchain.ts (package.json `browser` map), which probes
 * the file system for nvcc and the NVIDIA driver: the CUDA backends run native binaries, never in a page.
 */
export function probeCudaToolchain(): { readonly nvcc: null; readonly driver: false } {
  return { nvcc: null, driver: false };
}

export function cudaBackendUnavailable(): NotSupportedError {
  return new NotSupportedError('the CUDA backends in a browser (they compile and run native binaries); use webgpu or wasm');
}
