import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NeoccError } from '../../compiler/errors.js';
import { userCacheFolder } from '../cache-folder.js';

/**
 * g++ for cuda-cpu binaries, with a disk cache: a binary is named by sha256 of everything that made it (the
 * generated source, both headers, the flags, the compiler's version), so an unchanged kernel set is compiled once.
 */

/** Warnings off: this is CUDA text (nvcc's -Werror build is test/cuda-nvcc.test.ts). No strict aliasing: float4 casts. */
export const GXX_FLAGS = ['-std=c++20', '-O2', '-pthread', '-w', '-fno-strict-aliasing'] as const;

export const GXX_MISSING = 'cuda-cpu needs a C++20 compiler: g++ (12 or newer) was not found on PATH (or NEOCC_GXX). '
  + 'Install it, e.g. `apt-get install g++` on Debian/Ubuntu, or point NEOCC_GXX at one.';

const HEADERS = ['cuda-cpu.h', 'cuda-cpu-main.h'] as const;
const HERE = fileURLToPath(new URL('.', import.meta.url));

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/**
 * The binary cache folder: `$NEOCC_CACHE_DIR/cuda-cpu` (`off` or `0`: none), else `$XDG_CACHE_HOME/neocc/cuda-cpu`,
 * else `~/.cache/neocc/cuda-cpu` — a sibling of the wasm kernel cache, under the same root and rules.
 */
export function cudaCpuCacheDir(env: NodeJS.ProcessEnv = process.env): string | null {
  const own = env.NEOCC_CACHE_DIR?.trim();
  if (own) return own === 'off' || own === '0' ? null : join(resolve(own), 'cuda-cpu');
  return userCacheFolder('cuda-cpu', env);
}

function run(file: string, args: readonly string[], cwd?: string): Promise<{ code: number; stdout: string; stderr: string; missing: boolean }> {
  return new Promise((done) => {
    execFile(file, [...args], { cwd, maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      const e = err as (NodeJS.ErrnoException & { code?: number | string }) | null;
      done({ code: e ? (typeof e.code === 'number' ? e.code : -1) : 0, stdout, stderr, missing: e?.code === 'ENOENT' });
    });
  });
}

const gxxVersions = new Map<string, Promise<{ gxx: string; version: string } | null>>();

/** The compiler (NEOCC_GXX or g++) and its `--version` line; null when it cannot be run. */
function findGxx(): Promise<{ gxx: string; version: string } | null> {
  const gxx = process.env.NEOCC_GXX?.trim() || 'g++';
  let found = gxxVersions.get(gxx);
  if (!found) {
    found = run(gxx, ['--version']).then((r) => (r.code === 0 ? { gxx, version: r.stdout.split('\n')[0] ?? '' } : null));
    gxxVersions.set(gxx, found);
  }
  return found;
}

/** Whether cuda-cpu can compile here. */
export async function cudaCpuAvailable(): Promise<boolean> {
  return (await findGxx()) !== null;
}

/** Compiles (or finds in the cache) the binary of `source` (source.ts's cudaCpuSource); its path. */
export async function compileCudaCpu(source: string): Promise<string> {
  const found = await findGxx();
  if (!found) throw new NeoccError('missing-toolchain', GXX_MISSING);
  const headers = await Promise.all(HEADERS.map((h) => readFile(join(HERE, h), 'utf8')));
  const key = sha256(JSON.stringify({ format: 1, source, headers, flags: GXX_FLAGS, version: found.version }));
  const cache = cudaCpuCacheDir();
  const cached = cache ? join(cache, `${key}.bin`) : null;
  if (cached && existsSync(cached)) return cached;
  const work = await mkdtemp(join(tmpdir(), 'neocc-cuda-cpu-'));
  try {
    await Promise.all(HEADERS.map((h, i) => writeFile(join(work, h), headers[i]!)));
    await writeFile(join(work, 'kernels.cpp'), source);
    const r = await run(found.gxx, [...GXX_FLAGS, '-o', 'kernels.bin', 'kernels.cpp'], work);
    if (r.code !== 0) {
      const log = r.stderr.split('\n').slice(0, 30).join('\n');
      throw new NeoccError('compile-failed', `cuda-cpu: ${found.gxx} failed to compile the CUDA kernels (exit ${r.code}):\n${log}`);
    }
    if (!cached) {
      // No disk cache (NEOCC_CACHE_DIR=off): the binary goes to a temporary folder of its own, left for the OS to clean.
      const keep = await mkdtemp(join(tmpdir(), 'neocc-cuda-cpu-bin-'));
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
