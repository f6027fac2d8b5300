import { readFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseTorchCheckpoint } from '../runtime/weights/torch/checkpoint.js';
import { MAX_ZIP_INFLATE_RATIO } from '../runtime/weights/torch/zip.js';
import { WeightsError } from '../runtime/weights/weights-error.js';
import { MODEL_DIR } from './helpers/fixtures.js';
import { caught } from './helpers/caught.js';

/** issue 14: a damaged zip directory is refused from the directory alone, before fflate walks or inflates anything. */

const weightsError = (fn: () => unknown): WeightsError => caught(WeightsError, fn);

/** Byte offset of the first central directory entry of a classic (non-zip64) zip. */
function centralEntry(bytes: Uint8Array): number {
  return new DataView(bytes.buffer, bytes.byteOffset).getUint32(bytes.length - 22 + 16, true);
}

/** A small deflated zip (fflate's zipSync: classic end record) with one highly compressible record. */
function deflatedZip(): Uint8Array {
  return Uint8Array.from(zipSync({ 'a/data.pkl': new Uint8Array(4096) }, { level: 9 }));
}

describe('zip directory checks before unzipping', () => {
  it('refuses a zip64 entry count with its high bit flipped in milliseconds (fflate walked 2^31 phantom entries)', () => {
    const bytes = Uint8Array.from(readFileSync(`${MODEL_DIR}/neonext-mini.pt`));
    const view = new DataView(bytes.buffer);
    const zip64 = Number(view.getBigUint64(bytes.length - 22 - 20 + 8, true));
    expect(view.getUint32(zip64, true)).toBe(0x06064b50);
    // The offset: the top byte of the low word of the zip64 record's "total entries" (offset 32).
    expect(zip64 + 35).toBe(1014980);
    bytes[1014980]! ^= 0x80;
    const started = performance.now();
    const err = weightsError(() => parseTorchCheckpoint(bytes, 'z.pt'));
    expect(performance.now() - started).toBeLessThan(500);
    expect(err.code).toBe('corrupt-archive');
    expect(err.message).toMatch(/^z\.pt: zip64 end-of-central-directory "total entries" field \(byte \d+\) says 2147483\d+ entries, but the \d+-byte central directory holds at most \d+ \(each entry is at least 46 bytes\)/);
  });

  it('refuses an absurd uncompressed size before inflating: over 4 GiB, and over the ratio to the file size', () => {
    for (const size of [0xfffffffe, MAX_ZIP_INFLATE_RATIO * 200]) {
      const bytes = deflatedZip();
      new DataView(bytes.buffer).setUint32(centralEntry(bytes) + 24, size, true);
      const started = performance.now();
      const err = weightsError(() => parseTorchCheckpoint(bytes, 'bomb.pt'));
      expect(performance.now() - started).toBeLessThan(500);
      expect(err.code).toBe('corrupt-archive');
      expect(err.message).toContain(`bomb.pt: zip record "a/data.pkl": "uncompressed size" ${size} brings the inflated total to ${size} bytes, over the limit of `);
      expect(err.message).toContain('refused before inflating');
    }
    // The undamaged zip inflates 4096 bytes from ~130: within the ratio.
    expect(deflatedZip().length * MAX_ZIP_INFLATE_RATIO).toBeGreaterThan(4096);
  });

  it('refuses a compressed size that runs past the file, and a stored record whose two sizes differ', () => {
    let bytes = deflatedZip();
    new DataView(bytes.buffer).setUint32(centralEntry(bytes) + 20, 1 << 30, true);
    let err = weightsError(() => parseTorchCheckpoint(bytes, 'long.pt'));
    expect(err.code).toBe('truncated-file');
    expect(err.message).toMatch(/^long\.pt: zip record "a\/data\.pkl": "local header offset" 0 \+ "compressed size" 1073741824 runs past the record area/);

    bytes = Uint8Array.from(zipSync({ 'a/data.pkl': new Uint8Array(64) }, { level: 0 }));
    new DataView(bytes.buffer).setUint32(centralEntry(bytes) + 24, 1000, true);
    err = weightsError(() => parseTorchCheckpoint(bytes, 'stored.pt'));
    expect(err.message).toBe('stored.pt: zip record "a/data.pkl" is stored (not compressed) but its "uncompressed size" 1000 differs from its "compressed size" 64');
  });
});
