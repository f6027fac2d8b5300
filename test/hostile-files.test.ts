import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NeoccError } from '../compiler/errors.js';
import { readImageFile } from '../runtime/image/decode.js';
import { MAX_IMAGE_FILE_BYTES, MAX_TENSOR_FILE_BYTES } from '../runtime/read-input-file.js';
import { readTensorFile } from '../runtime/weights/read-tensor-file.js';
import { rejected } from './helpers/caught.js';

/** issue 14: input paths that are not regular files, or too large, are refused by stat before a byte is read. */

const tmp = mkdtempSync(join(tmpdir(), 'neocc-hostile-files-'));

const rejection = (promise: Promise<unknown>): Promise<NeoccError> => rejected(NeoccError, promise);

/** A sparse file of `size` bytes: instant, and takes no disk. */
function sparseFile(name: string, size: number): string {
  const path = join(tmp, name);
  const fd = openSync(path, 'w');
  ftruncateSync(fd, size);
  closeSync(fd);
  return path;
}

describe('input files that are not regular files, or too large', () => {
  it('refuses devices, folders and FIFOs by what they are, naming the path (before reading: /dev/zero never ends)', async () => {
    const fifo = join(tmp, 'pipe');
    execFileSync('mkfifo', [fifo]);
    // Thunks, called one at a time: a promise made up front would reject before anything awaits it.
    const cases: Array<[() => Promise<unknown>, string]> = [
      [() => readTensorFile('/dev/zero'), '/dev/zero: is a character device, not a regular file; give the path of a tensor file (weights or --input)'],
      [() => readImageFile('/dev/urandom'), '/dev/urandom: is a character device, not a regular file; give the path of an image file (JPEG or PNG)'],
      [() => readTensorFile(tmp), `${tmp}: is a directory, not a regular file`],
      [() => readImageFile(tmp), `${tmp}: is a directory, not a regular file`],
      // Opening a FIFO for reading blocks until a writer comes: this would hang without the stat.
      [() => readTensorFile(fifo), `${fifo}: is a FIFO (named pipe), not a regular file`],
      [() => readImageFile(fifo), `${fifo}: is a FIFO (named pipe), not a regular file`],
    ];
    for (const [start, message] of cases) {
      const err = await rejection(start());
      expect(err.code).toBe('not-a-file');
      expect(err.message).toContain(message);
    }
  });

  it('refuses files over the budget, saying the limit (sparse files, so nothing is written)', async () => {
    let err = await rejection(readTensorFile(sparseFile('huge.safetensors', MAX_TENSOR_FILE_BYTES + 1)));
    expect(err.code).toBe('too-large');
    expect(err.message).toMatch(/huge\.safetensors: is 4294967297 bytes, over the 4 GiB limit for a tensor file/);
    err = await rejection(readImageFile(sparseFile('huge.png', MAX_IMAGE_FILE_BYTES + 1)));
    expect(err.code).toBe('too-large');
    expect(err.message).toMatch(/huge\.png: is 67108865 bytes, over the 64 MiB limit for an image file/);
    // At the budget it is read (and then refused for what it holds).
    err = await rejection(readImageFile(sparseFile('zeros.png', 1000)));
    expect(err.code).toBe('unsupported-format');
  });
});
