import { NotSupportedError } from '../../compiler/errors.js';

/**
 * Browser builds get this instead of runtime/cuda/cuda-backend.ts and runtime/cuda-cpu/cuda-cpu-backend.ts
 * (package.json `browser` map): both compile and run native binaries in child processes.
 */
const unavailable = {
  create(): never {
    throw new NotSupportedError('the CUDA backends in a browser (they compile and run native binaries); use webgpu or wasm');
  },
};

export const CudaBackend = unavailable;
export const CudaCpuBackend = unavailable;
