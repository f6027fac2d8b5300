import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NeoccError } from '../../compiler/errors.js';
import { buildCachedBinary, protocolHeader, runTool } from '../cuda-common/build-binary.js';

/**
 * g++ for cuda-cpu binaries, cached on disk by everything that made them (runtime/cuda-common/build-binary.ts: the
 * generated source, both headers, the flags, the compiler's version), so an unchanged kernel set is compiled once.
 */

/** Warnings off: this is CUDA text (nvcc's -Werror build is test/cuda-nvcc.test.ts). No strict aliasing: float4 casts. */
export const GXX_FLAGS = ['-std=c++20', '-O2', '-pthread', '-w', '-fno-strict-aliasing'] as const;

export const GXX_MISSING = 'cuda-cpu needs a C++20 compiler: g++ (12 or newer) was not found on PATH (or NEOCC_GXX). '
  + 'Install it, e.g. `apt-get install g++` on Debian/Ubuntu, or point NEOCC_GXX at one.';

const HEADERS = ['cuda-cpu.h', 'cuda-cpu-main.h'] as const;
const HERE = fileURLToPath(new URL('.', import.meta.url));

const gxxVersions = new Map<string, Promise<{ gxx: string; version: string } | null>>();

/** The compiler (NEOCC_GXX or g++) and its `--version` line; null when it cannot be run. */
function findGxx(): Promise<{ gxx: string; version: string } | null> {
  const gxx = process.env.NEOCC_GXX?.trim() || 'g++';
  let found = gxxVersions.get(gxx);
  if (!found) {
    found = runTool(gxx, ['--version']).then((r) => (r.code === 0 ? { gxx, version: r.stdout.split('\n')[0] ?? '' } : null));
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
  const files = new Map<string, string>([...HEADERS.map((h, i): [string, string] => [h, headers[i]!]), await protocolHeader(), ['kernels.cpp', source]]);
  return buildCachedBinary({ runtime: 'cuda-cpu', compiler: found.gxx, version: found.version, flags: GXX_FLAGS, files, main: 'kernels.cpp' });
}
