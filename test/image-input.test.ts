/**
 * Image inputs in Node (runtime/image/image-input.ts): encoded bytes, Blobs, file: URLs, URL strings, file paths,
 * http and data: URLs, RgbImage and ImageData-shaped RGBA give the tensor decodeImage + imagesToTensor gives; unknown
 * inputs fail with one NeoccError naming the accepted forms; loadNeoNeXt's classify/forward take them (float64
 * reference, neonext-mini).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import pngjs from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NeoccError } from '../compiler/errors.js';
import type { Tensor } from '../nn/tensor.js';
import { decodeImage, type RgbImage } from '../runtime/image/decode.js';
import { ImageError } from '../runtime/image/image-error.js';
import { imageInputToTensor, readImage, type ImageInput } from '../runtime/image/image-input.js';
import { imagesToTensor } from '../runtime/image/preprocess.js';
import { loadNeoNeXt } from '../runtime/model/load-neonext.js';
import { rejected } from './helpers/caught.js';
import { FIXTURES, MODEL_DIR } from './helpers/fixtures.js';

const R = 64;
const dir = mkdtempSync(join(tmpdir(), 'neocc-image-input-'));

/** A 45x37 RGB PNG with a pattern in every channel (odd sizes: the resize and crop do real work). */
function patternPng(): Buffer {
  const png = new pngjs.PNG({ width: 45, height: 37 });
  for (let i = 0; i < 45 * 37; i++) png.data.set([(i * 7) % 256, (i * 13 + 50) % 256, (i * 29) % 256, 255], i * 4);
  return pngjs.PNG.sync.write(png, { colorType: 2 });
}

const png = new Uint8Array(patternPng());
const jpg = new Uint8Array(readFileSync(`${FIXTURES}/image/photo-420.jpg`));
const pngPath = join(dir, 'pattern.png');
writeFileSync(pngPath, png);
const expected = imagesToTensor([decodeImage(png, 'pattern.png')], R);

let server: Server;
let base = '';
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/pattern.png') res.writeHead(200, { 'content-type': 'image/png' }).end(png);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(dir, { recursive: true, force: true });
});

const same = (t: Tensor, want: Tensor = expected): void => {
  expect(t.shape).toEqual(want.shape);
  expect(Array.from(t.data)).toEqual(Array.from(want.data));
};

describe('image inputs in Node', () => {
  it('PNG bytes, a Blob, a File, a file: URL, its string, a file path, an http URL and a data: URL give decodeImage + imagesToTensor\'s tensor', async () => {
    const inputs: [string, ImageInput][] = [
      ['bytes', png], ['Buffer', Buffer.from(png)], ['Blob', new Blob([png])], ['File', new File([png], 'pattern.png', { type: 'image/png' })],
      ['file URL', pathToFileURL(pngPath)], ['file URL string', pathToFileURL(pngPath).href], ['path', pngPath],
      ['http URL', new URL(`${base}/pattern.png`)], ['data URL', `data:image/png;base64,${Buffer.from(png).toString('base64')}`],
    ];
    for (const [name, input] of inputs) {
      const t = await imageInputToTensor(input, R);
      expect(t.shape, name).toEqual([1, 3, R, R]);
      expect(Array.from(t.data), name).toEqual(Array.from(expected.data));
    }
  });

  it('JPEG bytes go through neocc\'s JPEG decoder; an RgbImage and ImageData-shaped RGBA (alpha dropped) give the same tensor', async () => {
    same(await imageInputToTensor(jpg, R), imagesToTensor([decodeImage(jpg, 'photo-420.jpg')], R));
    const rgb: RgbImage = decodeImage(png, 'pattern.png');
    same(await imageInputToTensor(rgb, R));
    const rgba = new Uint8ClampedArray(rgb.width * rgb.height * 4);
    for (let i = 0; i < rgb.width * rgb.height; i++) rgba.set([...rgb.data.subarray(i * 3, i * 3 + 3), i % 256], i * 4);
    same(await imageInputToTensor({ width: rgb.width, height: rgb.height, data: rgba }, R));
    expect((await readImage({ width: rgb.width, height: rgb.height, data: rgba })).data).toEqual(rgb.data);
  });

  it('an array is one batch, in order', async () => {
    const batch = await imageInputToTensor([png, jpg, pathToFileURL(pngPath)], R);
    same(batch, imagesToTensor([decodeImage(png, 'a'), decodeImage(jpg, 'b'), decodeImage(png, 'c')], R));
  });

  it('unknown inputs, empty arrays, wrong RGB lengths and browser-only objects fail with one clear error', async () => {
    for (const bad of [42, null, {}, { shape: [1, 3, 8, 8], data: new Float32Array(192) }, new Float32Array(12)]) {
      const err = await rejected(NeoccError, imageInputToTensor(bad as unknown as ImageInput, R));
      expect(err.code).toBe('invalid-input');
      expect(err.message).toMatch(/^imageInputToTensor: unsupported image input \(.+\); accepted: a Tensor \[N, 3, R, R\], ImageData, HTMLImageElement, .*Blob\/File, a URL or URL string, JPEG\/PNG bytes/);
    }
    expect((await rejected(NeoccError, imageInputToTensor([png, 7 as unknown as ImageInput], R))).message)
      .toMatch(/^imageInputToTensor: image 1: unsupported image input \(number\)/);
    expect((await rejected(NeoccError, imageInputToTensor([], R))).message).toBe('imageInputToTensor: an empty array of images; give at least one');
    expect((await rejected(NeoccError, readImage({ width: 4, height: 4, data: new Uint8Array(47) }))).message)
      .toBe('readImage: an RgbImage of 4x4 needs 48 bytes (r, g, b per pixel), got 47');
    const bitmapLike = { width: 4, height: 4, close: () => undefined };
    const notHere = await rejected(NeoccError, readImage(bitmapLike));
    expect(notHere.code).toBe('not-supported');
    expect(notHere.message).toMatch(/outside a browser\); pass ImageData, an RgbImage, encoded bytes, a Blob or a URL$/);
  });

  it('bytes that are no image, a missing file and an HTTP 404 are ImageErrors naming the input', async () => {
    const text = await rejected(ImageError, readImage(new TextEncoder().encode('hello')));
    expect(text.message).toMatch(/^readImage: bytes: not a supported image \(first bytes: 68 65 6c 6c\)/);
    expect((await rejected(ImageError, readImage(join(dir, 'missing.png')))).code).toBe('not-found');
    const http = await rejected(ImageError, readImage(`${base}/nothing.png`));
    expect(http.message).toBe(`readImage: ${base}/nothing.png: HTTP 404 Not Found`);
  });
});

describe('loadNeoNeXt takes image inputs', () => {
  it('classify(Blob) and forward(imagesToTensor(decodeImage(bytes))) agree: the same logits, labels, softmax probabilities', async () => {
    const model = await loadNeoNeXt({ weights: new Uint8Array(readFileSync(`${MODEL_DIR}/neonext-mini.safetensors`)), backend: 'reference' });
    try {
      const logits = await model.forward(imagesToTensor([decodeImage(png, 'pattern.png')], model.config.resolution));
      const [top] = await model.classify(new Blob([png]), 3);
      const sorted = Array.from(logits.data, (logit, i) => ({ i, logit })).sort((a, b) => b.logit - a.logit).slice(0, 3);
      expect(top!.map((t) => [t.class, t.logit])).toEqual(sorted.map((s) => [s.i, s.logit]));
      expect(top!.map((t) => t.label)).toEqual(top!.map((t) => `class ${t.class}`));
      const sum = Array.from(logits.data).reduce((a, v) => a + Math.exp(v), 0);
      top!.forEach((t) => expect(t.probability).toBeCloseTo(Math.exp(logits.data[t.class]!) / sum, 12));
      const err = await rejected(NeoccError, model.classify({} as unknown as ImageInput));
      expect(err.message).toMatch(/^classify: unsupported image input \(an object\); accepted: /);
    } finally {
      await model.dispose();
    }
  });
});
