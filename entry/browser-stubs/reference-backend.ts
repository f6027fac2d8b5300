import { NotSupportedError } from '../../compiler/errors.js';

/**
 * Browser builds get this instead of runtime/backends/reference-backend.ts (package.json `browser` map): the float64
 * reference is a checking tool whose erf comes from an optional package, which a page's bundle would have to resolve.
 */
export function createReferenceBackend(): never {
  throw new NotSupportedError('the float64 reference backend in a browser build; use webgpu or wasm');
}
