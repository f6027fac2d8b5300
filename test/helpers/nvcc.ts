import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { NVCC_INSTALL_HINT, findNvcc } from '../../runtime/backends/cuda-toolchain.js';

const run = promisify(execFile);

export { findNvcc };

/** The one-line failure when nvcc is missing: the nvcc tests must fail, never skip. */
export const NVCC_MISSING = `nvcc is missing: ${NVCC_INSTALL_HINT}`;

/** Architectures every CUDA test compiles for (Hopper and Ampere), in one nvcc call each. */
export const NVCC_ARCHS = ['sm_90', 'sm_80'] as const;

/**
 * Writes `files` (name → contents) to a fresh temp dir and compiles `main` there to an object (-c: nvcc, then ptxas,
 * which also checks registers and shared memory) once per NVCC_ARCHS, with every warning an error. The
 * architectures run as parallel nvcc processes (nvcc itself is single-threaded per architecture). Rejects with
 * nvcc's messages on failure.
 */
export async function nvccCompile(files: ReadonlyMap<string, string>, main: string): Promise<{ dir: string; archs: readonly string[] }> {
  const nvcc = findNvcc();
  if (!nvcc) throw new Error(NVCC_MISSING);
  const dir = mkdtempSync(join(tmpdir(), 'neocc-nvcc-'));
  for (const [name, content] of files) writeFileSync(join(dir, name), content);
  await Promise.all(NVCC_ARCHS.map(async (arch) => {
    try {
      await run(nvcc, ['-std=c++17', '-Werror', 'all-warnings', `-arch=${arch}`, '-c', main, '-o', `${arch}.o`], { cwd: dir, maxBuffer: 64 << 20 });
    } catch (err) {
      const e = err as { stderr?: string; stdout?: string; message: string };
      throw new Error(`nvcc -arch=${arch} failed in ${dir}:\n${((e.stderr ?? '') + (e.stdout ?? '')) || e.message}`.slice(0, 20000));
    }
  }));
  return { dir, archs: NVCC_ARCHS };
}
