import jpeg from 'jpeg-js';
import pngjs from 'pngjs';
import { describe, expect, it } from 'vitest';
import { decodeImage } from '../runtime/image/decode.js';
import { ImageError } from '../runtime/image/image-error.js';
import { checkImageSize, MAX_IMAGE_ASPECT, MAX_IMAGE_PIXELS, MAX_JPEG_PIXELS } from '../runtime/image/image-header.js';
import { caught } from './helpers/caught.js';
import { claimedPng, pngChunk } from './helpers/png-bytes.js';

/** issue 14: image sizes are checked from the header before decoding; damaged PNGs fail in one clear line. */

const imageError = (fn: () => unknown): ImageError => caught(ImageError, fn);

const greyPng = (width: number, height: number): Buffer =>
  pngjs.PNG.sync.write(Object.assign(new pngjs.PNG({ width, height }), { data: Buffer.alloc(width * height * 4, 128) }), { colorType: 0 });

describe('image budgets and damaged images', () => {
  it('refuses a 1x5000 PNG by its aspect ratio (its resize took 8 GB), naming the file, the size and the limit', () => {
    const bytes = greyPng(1, 5000);
    expect(bytes.length).toBeLessThan(4000); // a tiny file
    const err = imageError(() => decodeImage(bytes, 'strip.png'));
    expect(err.code).toBe('too-many-pixels');
    expect(err.message).toMatch(new RegExp(`^strip\\.png: the PNG of 1x5000 has an aspect ratio of 5000\\.0:1, over the limit of ${MAX_IMAGE_ASPECT}:1`));
    // 50:1 itself decodes.
    expect(decodeImage(greyPng(2, 100), 'ok.png').height).toBe(100);
  });

  it('refuses a 20000x20000 PNG and JPEG from the header in milliseconds (decoding took 8-10 GB)', () => {
    const started = performance.now();
    let err = imageError(() => decodeImage(claimedPng(20000, 20000), 'big.png'));
    expect(err.code).toBe('too-many-pixels');
    expect(err.message).toBe(`big.png: the PNG of 20000x20000 is 400.0 megapixels, over the limit of ${MAX_IMAGE_PIXELS / 1e6} megapixels for PNG; ` +
      'downscale it, or raise the limit with --max-megapixels 400 (decoding takes memory in proportion)');
    const small = Buffer.from(jpeg.encode({ width: 8, height: 8, data: Buffer.alloc(256, 90) }, 90).data);
    const sof = small.indexOf(Buffer.from([0xff, 0xc0]));
    small.writeUInt16BE(20000, sof + 5);
    small.writeUInt16BE(20000, sof + 7);
    err = imageError(() => decodeImage(small, 'big.jpg'));
    expect(err.message).toMatch(/^big\.jpg: the JPEG of 20000x20000 is 400\.0 megapixels, over the limit/);
    expect(performance.now() - started).toBeLessThan(500);
    // Past what --max-megapixels may allow: no option to suggest.
    expect(imageError(() => decodeImage(claimedPng(60000, 60000), 'huge.png')).message).toMatch(/^huge\.png: the PNG of 60000x60000 is 3600\.0 megapixels, over the limit of 64 megapixels for PNG; downscale it first$/);
  });

  it(`JPEG: ${MAX_JPEG_PIXELS / 1e6} megapixels by default (jpeg-js needs ~33 bytes a pixel); maxPixels (--max-megapixels) raises it`, () => {
    const small = Buffer.from(jpeg.encode({ width: 8, height: 8, data: Buffer.alloc(256, 90) }, 90).data);
    const sof = small.indexOf(Buffer.from([0xff, 0xc0]));
    small.writeUInt16BE(4001, sof + 5);
    small.writeUInt16BE(4000, sof + 7);
    const err = imageError(() => decodeImage(small, 'photo.jpg'));
    expect(err.code).toBe('too-many-pixels');
    expect(err.message).toBe(`photo.jpg: the JPEG of 4000x4001 is 16.0 megapixels, over the limit of ${MAX_JPEG_PIXELS / 1e6} megapixels for JPEG; ` +
      'downscale it, or raise the limit with --max-megapixels 17 (decoding takes memory in proportion)');
    // Raised, the size passes (decoding it would take ~0.5 GB: not done here).
    expect(() => checkImageSize({ width: 4000, height: 4001 }, 'JPEG', 'photo.jpg', 17e6)).not.toThrow();
  });

  it('a truncated PNG and a bad IHDR CRC fail in one clear line (pngjs: "read requests waitng on finished stream")', () => {
    const bytes = greyPng(40, 30);
    let err = imageError(() => decodeImage(bytes.subarray(0, bytes.length - 20), 'cut.png'));
    expect(err.code).toBe('corrupt-image');
    expect(err.message).toMatch(/^cut\.png: truncated PNG: chunk IDAT at byte 33 needs \d+ bytes, the file ends at byte \d+$/);
    err = imageError(() => decodeImage(bytes.subarray(0, 20), 'head.png'));
    expect(err.message).toBe('head.png: truncated PNG: chunk IHDR at byte 8 needs 25 bytes, the file ends at byte 20');
    const bad = Buffer.from(bytes);
    bad[29]! ^= 1;
    err = imageError(() => decodeImage(bad, 'crc.png'));
    expect(err.message).toBe('crc.png: damaged PNG: chunk IHDR at byte 8 fails its CRC-32 check');
  });
});
