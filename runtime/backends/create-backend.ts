import { NeoccError } from '../../compiler/errors.js';
import { BACKEND_NAMES, type Backend } from './backend.js';
import { createReferenceBackend } from './reference-backend.js';

/** Creates a backend by its `--backend` name; the caller disposes it. */
export async function createBackend(name: string): Promise<Backend> {
  switch (name) {
    case 'reference':
      return createReferenceBackend();
    case 'webgpu': {
      // Loaded on demand: CPU-only users never load Dawn.
      const { WebGpuBackend } = await import('../webgpu/webgpu-backend.js');
      return WebGpuBackend.create();
    }
    case 'wasm': {
      // Loaded on demand: asc (with Binaryen) is only needed when kernels are compiled for WebAssembly.
      const { WasmBackend } = await import('../wasm/wasm-backend.js');
      return WasmBackend.create();
    }
    default:
      throw new NeoccError('unknown-backend', `unknown backend "${name}"; allowed: ${BACKEND_NAMES.join(', ')}`);
  }
}
