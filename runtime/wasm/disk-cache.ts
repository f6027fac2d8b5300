import { createHash, randomBytes } from 'node:crypto';
import { readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type { KernelArtifact } from '../../compiler/artifact.js';
import { ensureDir } from '../../compiler/output-path.js';
import { ASC_OPTIONS, ASC_SHARED_MEMORY_OPTIONS } from './compile-assemblyscript.js';
import { wasmApi, type WasmModule } from './wasm-api.js';
import { userCacheFolder } from '../cache-folder.js';

/**
 * On-disk cache of asc output, so a new process skips asc (seconds per model) for kernels an earlier one compiled.
 * Node only: wasm-kernels.ts loads this file with a dynamic import, so runtime/wasm still bundles for browsers.
 *
 * Layout (one flat folder, safe to delete at any time):
 *  - `<sha256 of the binary>.wasm`: one asc output, i.e. one batch of kernels (one export per artifact);
 *  - `<disk key>.ref`: per artifact, the 64 hex digits naming the `.wasm` that exports its entry point.
 * The disk key hashes the artifact key, a hash of its source, its entry point, the memory kind, asc's options and
 * asc's version, so a changed renderer, option or compiler never reads a stale binary. Files are written to a
 * temporary name in the folder and renamed (atomic), binaries before their refs. A `.wasm` whose bytes do not hash to
 * its name, that WebAssembly rejects or that lacks an expected export is deleted and its kernels compiled again. No
 * I/O error ever fails a compile: the cache then just misses (or does not store).
 */

/** Bumped when the layout or the key changes. */
const FORMAT = 1;

const HEX64 = /^[0-9a-f]{64}$/;

/** `WebAssembly.Module.exports` (wasm-api.ts types only what the runtime itself uses). */
const moduleExports = (wasmApi.Module as unknown as { exports(m: WasmModule): Array<{ name: string; kind: string }> }).exports;

const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

/**
 * The cache folder for an environment: `$NEOCC_CACHE_DIR` (`off` or `0`: no disk cache), else
 * `$XDG_CACHE_HOME/neocc/wasm`, else `~/.cache/neocc/wasm`; null when disabled or no home is known.
 */
export function wasmCacheDir(env: NodeJS.ProcessEnv = process.env): string | null {
  const own = env.NEOCC_CACHE_DIR?.trim();
  if (own) return own === 'off' || own === '0' ? null : resolve(own);
  return userCacheFolder('wasm', env);
}

let ascVersion: string | null | undefined;

/** The installed assemblyscript's version (null if unreadable: then nothing is cached). */
function installedAscVersion(): string | null {
  if (ascVersion === undefined) {
    try {
      const pkg = createRequire(import.meta.url)('assemblyscript/package.json') as { version?: unknown };
      ascVersion = typeof pkg.version === 'string' ? pkg.version : null;
    } catch {
      ascVersion = null;
    }
  }
  return ascVersion;
}

export class WasmDiskCache {
  /** Hash of everything about the compiler that is the same for every kernel. */
  private readonly compilerHash: string;

  constructor(readonly dir: string, ascVersion: string) {
    this.compilerHash = sha256(JSON.stringify({ format: FORMAT, ascVersion, options: [ASC_OPTIONS, ASC_SHARED_MEMORY_OPTIONS] }));
  }

  /** The file name (without extension) of an artifact's ref for a plain or a shared memory. */
  diskKey(artifact: KernelArtifact, sharedMemory: boolean): string {
    return sha256(JSON.stringify({
      compiler: this.compilerHash, key: artifact.key, source: sha256(artifact.source), entryPoint: artifact.entryPoint, sharedMemory,
    }));
  }

  private refPath(artifact: KernelArtifact, sharedMemory: boolean): string {
    return join(this.dir, `${this.diskKey(artifact, sharedMemory)}.ref`);
  }

  /**
   * Modules of the artifacts whose binaries are on disk, by artifact key (one module per binary, shared by its
   * artifacts). Never throws; bad entries are deleted (best effort) and left out.
   */
  async load(artifacts: readonly KernelArtifact[], sharedMemory: boolean): Promise<Map<string, WasmModule>> {
    const found = new Map<string, WasmModule>();
    const byBinary = new Map<string, KernelArtifact[]>();
    await Promise.all(artifacts.map(async (a) => {
      const ref = this.refPath(a, sharedMemory);
      let name: string;
      try {
        name = (await readFile(ref, 'utf8')).trim();
      } catch {
        return; // not cached (or unreadable)
      }
      if (!HEX64.test(name)) return void removeQuietly(ref);
      const group = byBinary.get(name);
      if (group) group.push(a);
      else byBinary.set(name, [a]);
    }));
    await Promise.all([...byBinary].map(async ([name, group]) => {
      const module = await this.loadBinary(name, group.map((a) => a.entryPoint));
      if (module) for (const a of group) found.set(a.key, module);
      else await Promise.all(group.map((a) => removeQuietly(this.refPath(a, sharedMemory))));
    }));
    return found;
  }

  /** The module of `<name>.wasm` if it is intact and exports every entry point; null otherwise (deleting it if bad). */
  private async loadBinary(name: string, entryPoints: readonly string[]): Promise<WasmModule | null> {
    const file = join(this.dir, `${name}.wasm`);
    let bytes: Uint8Array;
    try {
      bytes = await readFile(file);
    } catch {
      return null; // gone: the refs are stale
    }
    try {
      if (sha256(bytes) !== name) throw new Error('checksum');
      const module = await wasmApi.compile(bytes);
      const exported = new Set(moduleExports(module).filter((e) => e.kind === 'function').map((e) => e.name));
      if (!entryPoints.every((e) => exported.has(e))) throw new Error('missing export');
      return module;
    } catch {
      await removeQuietly(file);
      return null;
    }
  }

  /** Stores one asc output exporting the entry points of `artifacts`. Never throws (a failed write just is not cached). */
  async store(artifacts: readonly KernelArtifact[], sharedMemory: boolean, binary: Uint8Array): Promise<void> {
    try {
      ensureDir(this.dir, 'the wasm kernel cache folder'); // bounded: a recursive mkdir never returns on /proc
      const name = sha256(binary);
      await writeAtomic(join(this.dir, `${name}.wasm`), binary);
      await Promise.all(artifacts.map((a) => writeAtomic(this.refPath(a, sharedMemory), `${name}\n`)));
    } catch {
      // read-only or full disk, permissions…: the next process compiles again
    }
  }
}

async function writeAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const temp = `${path}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temp, data);
    await rename(temp, path);
  } catch (e) {
    await removeQuietly(temp);
    throw e;
  }
}

async function removeQuietly(path: string): Promise<void> {
  try {
    await unlink(path);
  } catch {
    // already gone, or not ours to delete
  }
}

/** Folders already reported unusable, so a process warns once per folder. */
const warned = new Set<string>();

/**
 * The disk cache for `dir` (default: from the environment, see wasmCacheDir); null when disabled or unusable. A
 * folder that cannot be made or written (a path through a file, /proc, read-only) turns the cache off for this call
 * with one line on stderr (once per folder and process): the cache only saves time, so it never fails a compile.
 */
export function openWasmDiskCache(dir: string | null = wasmCacheDir(),
  warn: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): WasmDiskCache | null {
  const version = installedAscVersion();
  if (!dir || !version) return null;
  try {
    ensureDir(dir, 'the wasm kernel cache folder');
  } catch (err) {
    if (!warned.has(dir)) warn(`neocc: warning: wasm kernel disk cache off (set NEOCC_CACHE_DIR to a writable folder, or to off): ${(err as Error).message}`);
    warned.add(dir);
    return null;
  }
  return new WasmDiskCache(dir, version);
}
