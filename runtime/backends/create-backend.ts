import { NeoccError, NotSupportedError } from '../../compiler/errors.js';
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
    case 'wasm':
      throw new NotSupportedError('backend "wasm" is not implemented yet (AssemblyScript kernels are planned); use --backend reference');
    default:
      throw new NeoccError('unknown-backend', `unknown backend "${name}"; allowed: ${BACKEND_NAMES.join(', ')}`);
  }
}
