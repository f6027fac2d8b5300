import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NeoccError } from '../../compiler/errors.js';
import { CUDA_BACKEND } from '../backends/backend.js';
import { NVCC_INSTALL_HINT, findNvcc, hasNvidiaDriver } from '../backends/cuda-toolchain.js';
import { userCacheFolder } from '../cache-folder.js';
import { cudaFlavourHeaders } from '../cuda-common/source.js';

/**
 * nvcc for CUDA binaries that run on a device, with a disk cache like cuda-cpu's: a binary is named by sha256 of
 * everything that made it (the generated source, both headers, the flags, nvcc's version), so an unchanged kernel
 * set is compiled once per architecture.
 */

const HERE = fileURLToPath(new URL('.', import.meta.url));
const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

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

/** `$NEOCC_CACHE_DIR/cuda` (`off` or `0`: none), else `$XDG_CACHE_HOME/neocc/cuda`, else `~/.cache/neocc/cuda`. */
export function cudaCacheDir(env: NodeJS.ProcessEnv = process.env): string | null {
  const own = env.NEOCC_CACHE_DIR?.trim();
  if (own) return own === 'off' || own === '0' ? null : join(resolve(own), CUDA_BACKEND);
  return userCacheFolder(CUDA_BACKEND, env);
}

/** The files of a build (name → text): the generated `kernels.cu` and the two headers it #includes. */
export async function cudaGpuFiles(source: string): Promise<Map<string, string>> {
  const headers = cudaFlavourHeaders('gpu');
  const texts = await Promise.all(headers.map((h) => readFile(join(HERE, h), 'utf8')));
  return new Map([...headers.map((h, i): [string, string] => [h, texts[i]!]), ['kernels.cu', source]]);
}

function run(file: string, args: readonly string[], cwd?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(file, [...args], { cwd, maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      const e = err as (NodeJS.ErrnoException & { code?: number | string }) | null;
      done({ code: e ? (typeof e.code === 'number' ? e.code : -1) : 0, stdout, stderr });
    });
  });
}

/** Compiles (or finds in the cache) the binary of `source` (cudaSource(…, 'gpu')); its path. */
export async function compileCudaGpu(source: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const nvcc = findNvcc(env);
  if (!nvcc) throw new NeoccError('missing-toolchain', `--backend cuda needs nvcc: ${NVCC_INSTALL_HINT}`);
  const version = await run(nvcc, ['--version']);
  const flags = nvccFlags(cudaArch(env));
  const files = await cudaGpuFiles(source);
  const key = sha256(JSON.stringify({ format: 1, files: [...files], flags, version: version.stdout.trim() }));
  const cache = cudaCacheDir(env);
  const cached = cache ? join(cache, `${key}.bin`) : null;
  if (cached && existsSync(cached)) return cached;
  const work = await mkdtemp(join(tmpdir(), 'neocc-cuda-'));
  try {
    await Promise.all([...files].map(([name, text]) => writeFile(join(work, name), text)));
    const r = await run(nvcc, [...flags, '-o', 'kernels.bin', 'kernels.cu'], work);
    if (r.code !== 0) {
      const log = (r.stderr + r.stdout).split('\n').slice(0, 30).join('\n');
      throw new NeoccError('compile-failed', `cuda: ${nvcc} failed to compile the CUDA kernels (exit ${r.code}):\n${log}`);
    }
    if (!cached) {
      // No disk cache (NEOCC_CACHE_DIR=off): the binary goes to a temporary folder of its own, left for the OS to clean.
      const keep = await mkdtemp(join(tmpdir(), 'neocc-cuda-bin-'));
      await rename(join(work, 'kernels.bin'), join(keep, 'kernels.bin'));
      return join(keep, 'kernels.bin');
    }
    await mkdir(cache!, { recursive: true });
    // Renamed into place (atomic): a concurrent process sees the whole binary or none.
    const temp = `${cached}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
    await rename(join(work, 'kernels.bin'), temp).catch(async () => {
      await writeFile(temp, await readFile(join(work, 'kernels.bin')), { mode: 0o755 });
    });
    await rename(temp, cached);
    return cached;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
