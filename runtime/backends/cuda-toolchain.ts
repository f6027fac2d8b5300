import { existsSync } from 'node:fs';
import { NotSupportedError } from '../../compiler/errors.js';

/** nvcc from NEOCC_NVCC, else the CUDA toolkit's default location; undefined when neither exists. Node only. */
export function findNvcc(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const candidates = [env.NEOCC_NVCC, '/usr/local/cuda/bin/nvcc'].filter((c): c is string => c !== undefined && c !== '');
  return candidates.find((c) => existsSync(c));
}

export const NVCC_INSTALL_HINT = 'install the CUDA toolkit (e.g. apt-get install cuda-toolkit-13-0, which puts nvcc in ' +
  '/usr/local/cuda/bin) or set NEOCC_NVCC to the nvcc binary';

/** Whether the NVIDIA kernel driver is loaded (its control device or its /proc entry), i.e. a CUDA device may exist. */
export function hasNvidiaDriver(exists: (path: string) => boolean = existsSync): boolean {
  return exists('/dev/nvidiactl') || exists('/proc/driver/nvidia/version');
}

/**
 * `--backend cuda`: running the generated CUDA kernels on a GPU is not built yet. The error still says what this
 * machine has and lacks (nvcc, an NVIDIA driver), so a user knows what a GPU run would need, and names the check
 * that does run here (`--backend cuda-cpu`: the same .cu text on the CPU).
 */
export function cudaBackendNotSupported(nvcc: string | null = findNvcc() ?? null, driver = hasNvidiaDriver()): NotSupportedError {
  const have = [
    nvcc ? `nvcc found at ${nvcc}` : `no nvcc (${NVCC_INSTALL_HINT})`,
    driver ? 'an NVIDIA driver is loaded' : 'no CUDA device (no NVIDIA driver: /dev/nvidiactl is missing)',
  ];
  return new NotSupportedError(`--backend cuda (running the CUDA kernels on a GPU is not built yet; this machine: ${have.join('; ')}). ` +
    '`neocc gen --target cuda` writes the kernels, and --backend cuda-cpu runs the same .cu text on the CPU');
}
