import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NeoccError } from '../../compiler/errors.js';
import { userCacheFolder } from '../cache-folder.js';

/** Runs a tool; never rejects (`missing`: the executable was not found). */
export function runTool(file: string, args: readonly string[], cwd?: string): Promise<{ code: number; stdout: string; stderr: string; missing: boolean }> {
  return new Promise((done) => {
    execFile(file, [...args], { cwd, maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      const e = err as (NodeJS.ErrnoException & { code?: number | string }) | null;
      done({ code: e ? (typeof e.code === 'number' ? e.code : -1) : 0, stdout, stderr, missing: e?.code === 'ENOENT' });
    });
  });
}

/**
 * Where binaries of `runtime` ('cuda-cpu', 'cuda') are cached: `$NEOCC_CACHE_DIR/<runtime>` (`off` or `0`: none),
 * else `$XDG_CACHE_HOME/neocc/<runtime>`, else `~/.cache/neocc/<runtime>` — siblings of the wasm kernel cache.
 */
export function binaryCacheDir(runtime: string, env: NodeJS.ProcessEnv = process.env): string | null {
  const own = env.NEOCC_CACHE_DIR?.trim();
  if (own) return own === 'off' || own === '0' ? null : join(resolve(own), runtime);
  return userCacheFolder(runtime, env);
}

/** The protocol header both binaries' mains #include, read from this folder: its name and text. */
export async function protocolHeader(): Promise<[string, string]> {
  return [PROTOCOL_HEADER, await readFile(join(HERE, PROTOCOL_HEADER), 'utf8')];
}
const PROTOCOL_HEADER = 'nc-protocol.h';
const HERE = fileURLToPath(new URL('.', import.meta.url));

/** One compile of a kernel binary: everything that determines its bytes is in here (and so in its cache key). */
export interface BinaryBuild {
  /** 'cuda-cpu' or 'cuda': messages, temporary folder names and the cache folder. */
  readonly runtime: string;
  readonly compiler: string;
  /** The compiler's `--version` output: a new compiler means a new binary. */
  readonly version: string;
  readonly flags: readonly string[];
  /** Every file of the build, name → text: the generated source and the headers it #includes. */
  readonly files: ReadonlyMap<string, string>;
  /** The file of `files` to compile. */
  readonly main: string;
  readonly env?: NodeJS.ProcessEnv;
}

/**
 * Compiles `build` to an executable, or finds it in the disk cache (named by sha256 of the build), and returns its
 * path. A failed compile is a NeoccError with the first lines of the compiler's log.
 */
export async function buildCachedBinary(build: BinaryBuild): Promise<string> {
  const { runtime, compiler, flags, files, main } = build;
  const key = createHash('sha256').update(JSON.stringify({ format: 1, files: [...files], flags, version: build.version })).digest('hex');
  const cache = binaryCacheDir(runtime, build.env);
  const cached = cache ? join(cache, `${key}.bin`) : null;
  if (cached && existsSync(cached)) return cached;
  const work = await mkdtemp(join(tmpdir(), `neocc-${runtime}-`));
  try {
    await Promise.all([...files].map(([name, text]) => writeFile(join(work, name), text)));
    const r = await runTool(compiler, [...flags, '-o', 'kernels.bin', main], work);
    if (r.code !== 0) {
      const log = (r.stderr + r.stdout).split('\n').slice(0, 30).join('\n');
      throw new NeoccError('compile-failed', `${runtime}: ${compiler} failed to compile the CUDA kernels (exit ${r.code}):\n${log}`);
    }
    if (!cached) {
      // No disk cache (NEOCC_CACHE_DIR=off): the binary goes to a temporary folder of its own, left for the OS to clean.
      const keep = await mkdtemp(join(tmpdir(), `neocc-${runtime}-bin-`));
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
