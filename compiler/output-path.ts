import { accessSync, constants, lstatSync, mkdirSync, statSync, type Stats } from 'node:fs';
import { dirname, parse, resolve, sep } from 'node:path';
import { NeoccError } from './errors.js';

/**
 * Output paths (`neocc gen --out`, `export-onnx --out`, the wasm disk cache folder), checked with one-line errors.
 * Node's `mkdir(…, { recursive: true })` never returns on procfs (/proc/self/x: mkdir says ENOENT for a parent that
 * exists, and it retries forever), and a path through a regular file or a dangling symlink fails deep in fs with a
 * raw errno. So folders are made here one component at a time: at most one stat and one mkdir per component.
 * Node only (imported by the CLI, compiler/gen and runtime/wasm/disk-cache.ts, never by browser code).
 */
export class OutputPathError extends NeoccError {
  readonly path: string;

  constructor(path: string, message: string) {
    super('bad-output-path', `${path}: ${message}`);
    this.path = path;
  }
}

/** What a non-directory is, for messages. */
export function describeFileKind(stats: Stats): string {
  if (stats.isFile()) return 'a regular file';
  if (stats.isDirectory()) return 'a directory';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isFIFO()) return 'a FIFO (named pipe)';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file or directory';
}

function errno(err: unknown): string {
  return (err as NodeJS.ErrnoException).code ?? (err as Error).message;
}

/** The stat of `path` (following links), or undefined when nothing is there; a dangling link is an error. */
function statOrNothing(path: string, role: string): Stats | undefined {
  try {
    return statSync(path);
  } catch (err) {
    if (errno(err) !== 'ENOENT') throw new OutputPathError(path, `cannot use as ${role}: ${errno(err)}`);
  }
  let link: Stats | undefined;
  try {
    link = lstatSync(path);
  } catch {
    return undefined;
  }
  if (link.isSymbolicLink()) throw new OutputPathError(path, `is a symbolic link to a missing target; cannot use it as ${role}`);
  return undefined;
}

/**
 * Makes `dir` (and missing parents) a writable directory, bounded: every existing component must be a directory,
 * each missing one is made with a plain mkdir, and a mkdir that fails (procfs, sysfs, read-only, permissions) stops
 * with an OutputPathError naming the component and the errno. `role` names the path in messages ("the --out folder").
 */
export function ensureDir(dir: string, role: string): string {
  const target = resolve(dir);
  const { root } = parse(target);
  const parts = target.slice(root.length).split(sep).filter((p) => p !== '');
  let at = root;
  for (const [i, part] of parts.entries()) {
    at = i === 0 ? `${root}${part}` : `${at}${sep}${part}`;
    const stats = statOrNothing(at, role);
    if (stats?.isDirectory()) continue;
    if (stats) {
      throw new OutputPathError(target, at === target ? `is ${describeFileKind(stats)}, not a directory; ${role} must be a directory`
        : `${at} is ${describeFileKind(stats)}, not a directory, so ${role} cannot be made below it`);
    }
    try {
      mkdirSync(at);
    } catch (err) {
      const code = errno(err);
      // procfs and sysfs answer ENOENT to mkdir below a folder that exists.
      const why = code === 'ENOENT' ? `its parent ${dirname(at)} does not allow new folders (/proc, /sys?)` : code;
      throw new OutputPathError(target, `cannot create ${role}${at === target ? '' : ` (at ${at})`}: ${why}`);
    }
  }
  try {
    accessSync(target, constants.W_OK);
  } catch (err) {
    throw new OutputPathError(target, `${role} is not writable: ${errno(err)}`);
  }
  return target;
}

/**
 * Checks that `file` can be written as a new or replaced regular file: its folder is made (bounded, see ensureDir)
 * and anything already at `file` must be a regular file (not a folder, a device or a dangling link).
 */
export function ensureOutputFile(file: string, role: string): string {
  const target = resolve(file);
  ensureDir(dirname(target), `the folder of ${role}`);
  const stats = statOrNothing(target, role);
  if (stats && !stats.isFile()) {
    throw new OutputPathError(target, `is ${describeFileKind(stats)}; ${role} must be a file path${stats.isDirectory() ? ` (e.g. ${target}${sep}model.onnx)` : ''}`);
  }
  return target;
}
