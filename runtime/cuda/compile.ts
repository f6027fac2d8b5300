import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NeoccError } from '../../compiler/errors.js';
import { CUDA_BACKEND } from '../backends/backend.js';
import { NVCC_INSTALL_HINT, findNvcc, hasNvidiaDriver } from '../backends/cuda-toolchain.js';
import { buildCachedBinary, protocolHeader, runTool } from '../cuda-common/build-binary.js';
import { cudaFlavourHeaders } from '../cuda-common/source.js';

/**
 * nvcc for CUDA binaries that run on a device, cached on disk like cuda-cpu's (runtime/cuda-common/build-binary.ts:
 * named by everything that made them, so an unchanged kernel set is compiled once per architecture).
 */

const HERE = fileURLToPath(new URL('.', import.meta.url));

/**
 * The -arch of a build: NEOCC_CUDA_ARCH (e.g. sm_80), else `native` (the GPU nvcc sees) when an NVIDIA driver is
 * loaded, else sm_90 (Hopper: a binary built without a device can only be a guess).
 */
export function cudaArch(env: NodeJS.ProcessEnv = process.env, driver = hasNvidiaDriver()): string {
  return env.NEOCC_CUDA_ARCH?.trim() || (driver ? 'native' : 'sm_90');
}

/**
 * nvcc's flags for `arch`: C++17 as the CUDA tests build, -O3 as this is the fast path, and --fmad=false: nvcc
 * would otherwise contract `a*b + c` into FMAs, while the IR rounds every f32 operation once except where it says
 * `fma` (compiler/render/cuda.ts), as the other runtimes and cuda-cpu do.
 */
export const nvccFlags = (arch: string): readonly string[] => ['-std=c++17', '-O3', '--fmad=false', `-arch=${arch}`];

/** The files of a build (name → text): the generated `kernels.cu` and the headers it #includes. */
export async function cudaGpuFiles(source: string): Promise<Map<string, string>> {
  const headers = cudaFlavourHeaders('gpu');
  const texts = await Promise.all(headers.map((h) => readFile(join(HERE, h), 'utf8')));
  return new Map([...headers.map((h, i): [string, string] => [h, texts[i]!]), await protocolHeader(), ['kernels.cu', source]]);
}

/** Compiles (or finds in the cache) the binary of `source` (cudaSource(…, 'gpu')); its path. */
export async function compileCudaGpu(source: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const nvcc = findNvcc(env);
  if (!nvcc) throw new NeoccError('missing-toolchain', `--backend cuda needs nvcc: ${NVCC_INSTALL_HINT}`);
  const version = await runTool(nvcc, ['--version']);
  const files = await cudaGpuFiles(source);
  return buildCachedBinary({ runtime: CUDA_BACKEND, compiler: nvcc, version: version.stdout.trim(), flags: nvccFlags(cudaArch(env)), files, main: 'kernels.cu', env });
}
