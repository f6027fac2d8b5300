import { mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeGenerated } from '../compiler/gen/output-dir.js';
import { ensureDir, ensureOutputFile, OutputPathError } from '../compiler/output-path.js';
import { openWasmDiskCache } from '../runtime/wasm/disk-cache.js';
import { caught } from './helpers/caught.js';

/** issue 14: output paths are checked with one-line errors; no recursive mkdir that never returns on procfs. */

const tmp = mkdtempSync(join(tmpdir(), 'neocc-hostile-out-'));
const file = join(tmp, 'a-file');
writeFileSync(file, 'x');

const outputError = (fn: () => unknown): OutputPathError => caught(OutputPathError, fn);

describe('output paths', () => {
  it('refuses folders on procfs at once (a recursive mkdir there never returns)', () => {
    const started = performance.now();
    let err = outputError(() => ensureDir('/proc/self/x/y', 'the --out folder'));
    expect(err.message).toBe('/proc/self/x/y: cannot create the --out folder (at /proc/self/x): its parent /proc/self does not allow new folders (/proc, /sys?)');
    err = outputError(() => ensureOutputFile('/proc/self/x/m.onnx', 'the --out file'));
    expect(err.message).toMatch(/^\/proc\/self\/x: cannot create the folder of the --out file: its parent \/proc\/self does not allow new folders/);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('names the component that is not a directory: a regular file, /dev/null, a dangling symlink', () => {
    expect(outputError(() => ensureDir(join(file, 'sub', 'dir'), 'the --out folder')).message)
      .toBe(`${join(file, 'sub', 'dir')}: ${file} is a regular file, not a directory, so the --out folder cannot be made below it`);
    expect(outputError(() => ensureDir(file, 'the --out folder')).message).toBe(`${file}: is a regular file, not a directory; the --out folder must be a directory`);
    expect(outputError(() => ensureDir('/dev/null', 'the --out folder')).message).toBe('/dev/null: is a character device, not a directory; the --out folder must be a directory');
    const dangling = join(tmp, 'dangling');
    symlinkSync(join(tmp, 'nowhere'), dangling);
    expect(outputError(() => ensureDir(dangling, 'the --out folder')).message).toBe(`${dangling}: is a symbolic link to a missing target; cannot use it as the --out folder`);
    expect(outputError(() => ensureOutputFile(tmp, 'the --out file')).message).toBe(`${tmp}: is a directory; the --out file must be a file path (e.g. ${tmp}/model.onnx)`);
    // Fine paths: made (parents too) and returned absolute.
    expect(ensureDir(join(tmp, 'new', 'deeper'), 'the --out folder')).toBe(join(tmp, 'new', 'deeper'));
    expect(ensureOutputFile(join(tmp, 'onnx', 'm.onnx'), 'the --out file')).toBe(join(tmp, 'onnx', 'm.onnx'));
  });

  it('gen writing to a file path fails in one line, and leaves the file alone', () => {
    expect(outputError(() => writeGenerated(file, [{ name: 'index.ts', content: '' }])).message).toContain('is a regular file, not a directory');
  });

  it('the wasm disk cache turns itself off with one warning when its folder is unusable', () => {
    const warnings: string[] = [];
    for (let i = 0; i < 2; i++) expect(openWasmDiskCache('/proc/self/neocc-cache', (line) => warnings.push(line))).toBeNull();
    expect(openWasmDiskCache(join(file, 'cache'), (line) => warnings.push(line))).toBeNull();
    expect(warnings).toHaveLength(2); // once per folder
    expect(warnings[0]).toMatch(/^neocc: warning: wasm kernel disk cache off \(set NEOCC_CACHE_DIR to a writable folder, or to off\): \/proc\/self\/neocc-cache: cannot create/);
    expect(warnings.every((w) => !w.includes('\n'))).toBe(true);
    expect(openWasmDiskCache(join(tmp, 'cache'), (line) => warnings.push(line))).not.toBeNull();
    expect(readdirSync(tmp)).toContain('cache');
  });
});
