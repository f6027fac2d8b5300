import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NeoccError } from '../errors.js';
import { ensureDir, OutputPathError } from '../output-path.js';
import { GENERATED_HEADER, type GeneratedFile } from './render-modules.js';

/** File names `neocc gen` writes; only these are ever removed or reported as extra, so other files in DIR are safe. */
const OWNED = [
  /^neocell-[0-9a-f]{12}\.ts$/, /^model-[a-z0-9-]+\.ts$/, /^[a-z0-9_]+-[0-9a-f]{12}\.(wgsl|as\.ts|wasm|cu)$/, /^index\.ts$/, /^kernel-artifact\.ts$/,
  // A target's per-folder header (KernelTarget.header: CUDA's neocc-kernels.h).
  /^neocc-[a-z0-9-]+\.h$/,
  // The PyTorch extension of `--torch` (compiler/gen/torch-extension.ts).
  /^neocc_torch_[0-9a-f]{12}(_kernels\.cu|_binding\.cpp|\.py)$/,
];

/** How a folder differs from what the generator renders now (names relative to the folder, sorted). */
export interface OutputDiff {
  /** Present with other contents. */
  readonly stale: readonly string[];
  /** Rendered but absent. */
  readonly missing: readonly string[];
  /** Generated-looking files that the generator would no longer write. */
  readonly extra: readonly string[];
}

export interface WriteReport {
  readonly written: readonly string[];
  readonly unchanged: readonly string[];
  readonly removed: readonly string[];
}

/** Compares `outDir` with `files` without touching it (`neocc gen --check`, the CI staleness gate). */
export function diffGenerated(outDir: string, files: readonly GeneratedFile[]): OutputDiff {
  const present = ownedFiles(outDir);
  const wanted = new Set(files.map((f) => f.name));
  const stale: string[] = [];
  const missing: string[] = [];
  for (const file of files) {
    const path = join(outDir, file.name);
    // Any file at a wanted name counts (a generated file whose header was edited away is stale, not missing).
    if (!existsSync(path)) missing.push(file.name);
    else if (!sameContent(path, file.content)) stale.push(file.name);
  }
  const extra = [...present].filter((name) => !wanted.has(name)).sort();
  return { stale, missing, extra };
}

export function isUpToDate(diff: OutputDiff): boolean {
  return diff.stale.length + diff.missing.length + diff.extra.length === 0;
}

/**
 * Makes `outDir` hold exactly `files` among the files the generator owns: removes owned files it would no longer
 * write (specs dropped from a request), and rewrites only files whose contents changed so timestamps stay put.
 */
export function writeGenerated(outDir: string, files: readonly GeneratedFile[]): WriteReport {
  ensureDir(outDir, 'the --out folder');
  const present = ownedFiles(outDir);
  const wanted = new Set(files.map((f) => f.name));
  // A file of a wanted name that neocc did not write (an app's own index.ts) is never overwritten; checked before
  // anything changes so a refusal leaves the folder as it was.
  const foreign = files.find((file) => !present.has(file.name) && existsSync(join(outDir, file.name)));
  if (foreign) {
    throw new NeoccError('not-generated', `gen: ${join(outDir, foreign.name)} exists and was not written by neocc gen ` +
      `(no "${GENERATED_HEADER}" header); move it away or choose another --out`);
  }
  const removed = [...present].filter((name) => !wanted.has(name)).sort();
  for (const name of removed) rmSync(join(outDir, name));
  const written: string[] = [];
  const unchanged: string[] = [];
  for (const file of files) {
    const path = join(outDir, file.name);
    if (present.has(file.name) && sameContent(path, file.content)) {
      unchanged.push(file.name);
    } else {
      try {
        writeFileSync(path, file.content);
      } catch (err) {
        throw new OutputPathError(path, `cannot write: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
      }
      written.push(file.name);
    }
  }
  return { written, unchanged, removed };
}

/** Generated files already in `outDir`: owned names, and for TS files only those that carry the generated header. */
function ownedFiles(outDir: string): Set<string> {
  let names: string[];
  try {
    names = readdirSync(outDir);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return new Set();
    throw new OutputPathError(outDir, `cannot list the --out folder: ${code === 'ENOTDIR' ? 'not a directory' : code ?? (err as Error).message}`);
  }
  return new Set(names.filter((name) => OWNED.some((re) => re.test(name)) && isGenerated(join(outDir, name))));
}

/** Kernel sources and binaries are recognized by name; TS modules must carry the generated header too. */
function isGenerated(path: string): boolean {
  if (!statSync(path).isFile()) return false;
  return !path.endsWith('.ts') || path.endsWith('.as.ts') || readFileSync(path, 'utf8').startsWith(GENERATED_HEADER);
}

/** The file at `path` holds exactly `content` (text compared as UTF-8, binaries byte for byte). */
function sameContent(path: string, content: string | Uint8Array): boolean {
  return typeof content === 'string' ? readFileSync(path, 'utf8') === content : Buffer.from(content).equals(readFileSync(path));
}
