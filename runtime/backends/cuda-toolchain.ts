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

export const NVIDIA_DRIVER_HINT = 'run on a machine with an NVIDIA GPU and its driver installed (e.g. apt-get install ' +
  'nvidia-driver-570 or NVIDIA\'s installer; in a container, start it with the GPU passed through, e.g. docker --gpus all)';

/** What `--backend cuda` needs and this machine has: nvcc (null: none) and an NVIDIA driver. */
export interface CudaToolchain {
  readonly nvcc: string | null;
  readonly driver: boolean;
}

/** This machine's CUDA toolchain (findNvcc, hasNvidiaDriver). */
export const probeCudaToolchain = (): CudaToolchain => ({ nvcc: findNvcc() ?? null, driver: hasNvidiaDriver() });

/**
 * Why `--backend cuda` cannot run here, or null when it can: it compiles the kernels with nvcc and runs them on a
 * CUDA device, so it needs both. The error names each missing piece and how to get it, and names the check that
 * does run without a GPU (`--backend cuda-cpu`: the same .cu text on the CPU).
 */
export function cudaBackendUnavailable({ nvcc, driver }: CudaToolchain = probeCudaToolchain()): NotSupportedError | null {
  if (nvcc && driver) return null;
  const missing = [
    ...(nvcc ? [] : [`nvcc is missing (${NVCC_INSTALL_HINT})`]),
    ...(driver ? [] : [`no CUDA device: no NVIDIA driver is loaded (/dev/nvidiactl is missing; ${NVIDIA_DRIVER_HINT})`]),
  ];
  const have = nvcc ? `; nvcc found at ${nvcc}` : driver ? '; an NVIDIA driver is loaded' : '';
  return new NotSupportedError(`--backend cuda on this machine: ${missing.join('; ')}${have}. ` +
    '--backend cuda-cpu runs the same .cu text on the CPU');
}
