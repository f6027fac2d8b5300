import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jpeg from 'jpeg-js';
import pngjs from 'pngjs';
import { describe, expect, it } from 'vitest';
import { decodeImage, readImageFile, type RgbImage } from '../runtime/image/decode.js';
import { ImageError } from '../runtime/image/image-error.js';
import { IMAGENET_CLASSES } from '../runtime/image/imagenet-classes.js';
import {
  centerCropOffset, IMAGENET_MEAN, IMAGENET_STD, imagesToTensor, preprocessImage, resizedSize, roundHalfEven,
} from '../runtime/image/preprocess.js';
import { resizeImage, type FloatImage, type Interpolation } from '../runtime/image/resize.js';
import { runCli } from './helpers/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'neocc-image-'));

/** A deterministic RGB test pattern with edges and wrap-arounds (not smooth), as 8-bit RGB. */
function pattern(width: number, height: number): RgbImage {
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      for (let c = 0; c < 3; c++) data[(y * width + x) * 3 + c] = (x * 37 + y * 91 + c * 53 + x * y * 5) % 256;
    }
  }
  return { width, height, data };
}

/** A smooth pattern (JPEG-friendly). */
function smooth(width: number, height: number): RgbImage {
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      for (let c = 0; c < 3; c++) data[(y * width + x) * 3 + c] = Math.round(127.5 + 100 * Math.sin(x / 11 + c) * Math.cos(y / 9 - c));
    }
  }
  return { width, height, data };
}

function rgba(image: RgbImage, alpha: (p: number) => number = () => 255): Buffer {
  const out = Buffer.alloc(image.width * image.height * 4);
  for (let p = 0; p < image.width * image.height; p++) {
    out.set(image.data.subarray(p * 3, p * 3 + 3), p * 4);
    out[p * 4 + 3] = alpha(p);
  }
  return out;
}

function writePng(name: string, width: number, height: number, data: Buffer, options: { colorType: 0 | 2 | 4 | 6; bitDepth?: 8 | 16 }): string {
  const path = join(dir, name);
  writeFileSync(path, pngjs.PNG.sync.write(Object.assign(new pngjs.PNG({ width, height }), { data }), options));
  return path;
}

function writeJpeg(name: string, image: RgbImage, quality: number): string {
  const path = join(dir, name);
  writeFileSync(path, jpeg.encode({ width: image.width, height: image.height, data: rgba(image) }, quality).data);
  return path;
}

describe('ImageNet-1k class names', () => {
  it('has 1000 names in the standard order', () => {
    expect(IMAGENET_CLASSES).toHaveLength(1000);
    expect(IMAGENET_CLASSES[0]).toBe('tench');
    expect(IMAGENET_CLASSES[1]).toBe('goldfish');
    expect(IMAGENET_CLASSES[281]).toBe('tabby');
    expect(IMAGENET_CLASSES[282]).toBe('tiger cat');
    expect(IMAGENET_CLASSES[207]).toBe('golden retriever');
    expect(IMAGENET_CLASSES[398]).toBe('abacus');
    expect(IMAGENET_CLASSES[999]).toBe('toilet tissue');
  });

  it('is unique except for the two known homonym pairs of the canonical list', () => {
    expect(IMAGENET_CLASSES.every((n) => n.length > 0 && n === n.trim() && !n.includes('_'))).toBe(true);
    const seen = new Map<string, number[]>();
    IMAGENET_CLASSES.forEach((n, i) => seen.set(n, [...(seen.get(n) ?? []), i]));
    const duplicates = [...seen.entries()].filter(([, at]) => at.length > 1);
    expect(duplicates).toEqual([['crane', [134, 517]], ['maillot', [638, 639]]]);
    expect(seen.size).toBe(998);
  });
});

describe('image decoding', () => {
  const image = pattern(23, 17);

  it('round-trips an RGB PNG exactly', async () => {
    const decoded = await readImageFile(writePng('rgb.png', 23, 17, rgba(image), { colorType: 2 }));
    expect([decoded.width, decoded.height]).toEqual([23, 17]);
    expect(Buffer.from(decoded.data).equals(Buffer.from(image.data))).toBe(true);
  });

  it('drops alpha from RGBA PNGs (no compositing, like PIL convert("RGB"))', async () => {
    const decoded = await readImageFile(writePng('rgba.png', 23, 17, rgba(image, (p) => (p * 7) % 256), { colorType: 6 }));
    expect(Buffer.from(decoded.data).equals(Buffer.from(image.data))).toBe(true);
  });

  it('replicates grayscale PNGs (8-bit, with alpha, 16-bit) to RGB', async () => {
    const gray = (p: number): number => (p * 13) % 256;
    const grayRgb: RgbImage = { width: 23, height: 17, data: Uint8Array.from({ length: 23 * 17 * 3 }, (_, i) => gray(Math.floor(i / 3))) };
    for (const [name, colorType] of [['gray.png', 0], ['gray-alpha.png', 4]] as const) {
      // Alpha below 255 only where the PNG keeps it (pngjs composites onto white when writing without alpha).
      const decoded = await readImageFile(writePng(name, 23, 17, rgba(grayRgb, () => (colorType === 4 ? 200 : 255)), { colorType }));
      expect(Buffer.from(decoded.data).equals(Buffer.from(grayRgb.data)), name).toBe(true);
    }
    // 16-bit: samples v * 256 + 255 keep their high byte, v (pngjs's own rescale, round(s * 255 / 65535), gives
    // v + 1 for v < 127).
    const samples = new Uint16Array(23 * 17 * 4).map((_, i) => (i % 4 === 3 ? 65535 : gray(Math.floor(i / 4)) * 256 + 255));
    const decoded16 = await readImageFile(writePng('gray16.png', 23, 17, Buffer.from(samples.buffer), { colorType: 0, bitDepth: 16 }));
    expect(Buffer.from(decoded16.data).equals(Buffer.from(grayRgb.data))).toBe(true);
  });

  it('reads 16-bit RGB PNGs by their high byte', async () => {
    const samples = new Uint16Array(23 * 17 * 4).map((_, i) => (i % 4 === 3 ? 65535 : image.data[Math.floor(i / 4) * 3 + (i % 4)]! * 256 + 255));
    const decoded = await readImageFile(writePng('rgb16.png', 23, 17, Buffer.from(samples.buffer), { colorType: 2, bitDepth: 16 }));
    expect(Buffer.from(decoded.data).equals(Buffer.from(image.data))).toBe(true);
  });

  it('decodes JPEG within the codec tolerance', async () => {
    const source = smooth(48, 40);
    const decoded = await readImageFile(writeJpeg('smooth.jpg', source, 95));
    expect([decoded.width, decoded.height]).toEqual([48, 40]);
    let sum = 0;
    let max = 0;
    decoded.data.forEach((v, i) => {
      const d = Math.abs(v - source.data[i]!);
      sum += d;
      max = Math.max(max, d);
    });
    expect(sum / decoded.data.length).toBeLessThan(2);
    expect(max).toBeLessThan(16);
  });

  it('chooses the decoder by magic number, not by file name', async () => {
    const path = join(dir, 'really-a-png.jpg');
    writeFileSync(path, pngjs.PNG.sync.write(Object.assign(new pngjs.PNG({ width: 23, height: 17 }), { data: rgba(image) }), { colorType: 2 }));
    expect(Buffer.from((await readImageFile(path)).data).equals(Buffer.from(image.data))).toBe(true);
  });

  it('names the file and the supported formats for anything else', async () => {
    const gif = join(dir, 'anim.gif');
    writeFileSync(gif, 'GIF89a\x01\x00\x01\x00');
    await expect(readImageFile(gif)).rejects.toThrow(ImageError);
    await expect(readImageFile(gif)).rejects.toThrow(/anim\.gif: not a supported image \(first bytes: 47 49 46 38\); supported: JPEG .* and PNG/);
    expect(() => decodeImage(new Uint8Array(0), 'empty.png')).toThrow(/empty\.png: .*the file is empty.*JPEG/);
    await expect(readImageFile(join(dir, 'missing.jpg'))).rejects.toMatchObject({ code: 'not-found', message: expect.stringMatching(/missing\.jpg: cannot read: ENOENT/) });
    const truncated = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(() => decodeImage(truncated, 'cut.png')).toThrow(/^cut\.png: truncated PNG: the file ends at byte 12, before the IEND chunk$/);
  });
});

/**
 * An independent float64 resampler for the check: dense and two-dimensional (no separable passes, no tap
 * windows): every input pixel is weighted by kernel(dx) · kernel(dy) in input-pixel units, with the kernel
 * stretched by the downscale factor; weights are normalized per output pixel along each axis.
 */
function denseResize(image: FloatImage, outW: number, outH: number, interpolation: Interpolation): Float64Array {
  const cubic = (t: number): number => {
    const a = -0.5;
    const u = Math.abs(t);
    return u < 1 ? (a + 2) * u ** 3 - (a + 3) * u ** 2 + 1 : u < 2 ? a * u ** 3 - 5 * a * u ** 2 + 8 * a * u - 4 * a : 0;
  };
  const kernel = interpolation === 'bicubic' ? cubic : (t: number) => Math.max(0, 1 - Math.abs(t));
  const axisWeights = (inSize: number, outSize: number): number[][] => {
    const scale = inSize / outSize;
    const stretch = Math.max(1, scale);
    return Array.from({ length: outSize }, (_, o) => {
      const centre = (o + 0.5) * scale; // in continuous input coordinates; pixel i covers [i, i + 1)
      const w = Array.from({ length: inSize }, (_, i) => kernel((i + 0.5 - centre) / stretch));
      const total = w.reduce((s, v) => s + v, 0);
      return w.map((v) => v / total);
    });
  };
  const wx = axisWeights(image.width, outW);
  const wy = axisWeights(image.height, outH);
  const out = new Float64Array(outW * outH * image.channels);
  for (let y = 0; y < outH; y++) {
    for (let x = 0; x < outW; x++) {
      for (let c = 0; c < image.channels; c++) {
        let acc = 0;
        for (let j = 0; j < image.height; j++) {
          for (let i = 0; i < image.width; i++) acc += wy[y]![j]! * wx[x]![i]! * image.data[(j * image.width + i) * image.channels + c]!;
        }
        out[(y * outW + x) * image.channels + c] = acc;
      }
    }
  }
  return out;
}

const asFloat = (image: RgbImage): FloatImage => ({ width: image.width, height: image.height, channels: 3, data: Float64Array.from(image.data) });

describe('resize (PIL convention)', () => {
  const cases: Array<[number, number, number, number]> = [[37, 23, 11, 7], [5, 4, 9, 13], [30, 20, 13, 9], [16, 16, 16, 5], [12, 9, 40, 3]];
  for (const interpolation of ['bilinear', 'bicubic'] as const) {
    it(`${interpolation}: float64 agrees with an independent dense 2-D resampler (down, up, mixed)`, () => {
      for (const [w, h, outW, outH] of cases) {
        const src = asFloat(pattern(w, h));
        const got = resizeImage(src, outW, outH, { interpolation });
        expect([got.width, got.height]).toEqual([outW, outH]);
        const want = denseResize(src, outW, outH, interpolation);
        let max = 0;
        got.data.forEach((v, i) => { max = Math.max(max, Math.abs(v - want[i]!)); });
        expect(max, `${w}x${h} -> ${outW}x${outH}`).toBeLessThan(1e-9);
      }
    });
  }

  it('matches bytes produced by Pillow 12.3 Image.resize on an 8-bit image', () => {
    // Channel 0 of pattern(6, 4) resized by Pillow (BILINEAR to 4x3, BICUBIC to 9x5), recorded once.
    const src = asFloat(pattern(6, 4));
    const channel0 = (img: FloatImage): number[] => Array.from({ length: img.width * img.height }, (_, p) => img.data[p * 3]!);
    expect(channel0(resizeImage(src, 4, 3, { interpolation: 'bilinear', quantize: true }))).toEqual([42, 96, 126, 128, 154, 131, 109, 86, 86, 105, 153, 111]);
    expect(channel0(resizeImage(src, 9, 5, { interpolation: 'bicubic', quantize: true }))).toEqual([
      0, 11, 39, 64, 88, 114, 147, 177, 193, 57, 74, 108, 149, 192, 180, 54, 48, 79, 149, 179, 187, 107, 120, 132, 52, 69, 107,
      139, 174, 175, 53, 48, 97, 147, 145, 128, 7, 30, 72, 115, 152, 190, 236, 119, 1,
    ]);
  });

  it('leaves an unchanged size alone and is exact on constant images', () => {
    const src = asFloat(pattern(7, 5));
    expect(Array.from(resizeImage(src, 7, 5, { interpolation: 'bicubic' }).data)).toEqual(Array.from(src.data));
    const flat: FloatImage = { width: 9, height: 6, channels: 3, data: new Float64Array(9 * 6 * 3).fill(77) };
    for (const interpolation of ['bilinear', 'bicubic'] as const) {
      expect(resizeImage(flat, 4, 13, { interpolation, quantize: true }).data.every((v) => v === 77)).toBe(true);
    }
  });
});

describe('eval preprocessing', () => {
  it('rounds like Python and sizes like torchvision Resize(int) / CenterCrop', () => {
    expect([roundHalfEven(0.5), roundHalfEven(1.5), roundHalfEven(2.5), roundHalfEven(3.5), roundHalfEven(-1.5), roundHalfEven(2.4)]).toEqual([0, 2, 2, 4, -2, 2]);
    expect(roundHalfEven(224 / 0.875)).toBe(256);
    expect(roundHalfEven(384 / 0.875)).toBe(439);
    expect(resizedSize(640, 480, 256)).toEqual([341, 256]);
    expect(resizedSize(480, 640, 256)).toEqual([256, 341]);
    expect(resizedSize(300, 300, 256)).toEqual([256, 256]);
    expect(centerCropOffset(256, 256, 224)).toEqual([16, 16]);
    expect(centerCropOffset(341, 256, 224)).toEqual([58, 16]); // 117 / 2 = 58.5 -> 58 (half to even)
    expect(centerCropOffset(256, 343, 224)).toEqual([16, 60]); // 119 / 2 = 59.5 -> 60
    expect(centerCropOffset(225, 224, 224)).toEqual([0, 0]);
    expect(() => centerCropOffset(200, 300, 224)).toThrow(/exceeds/);
  });

  it('crops the center of non-square images (odd and even margins) and normalizes with the ImageNet mean/std', () => {
    // cropPct 1 and R = the shorter side: no resampling, so every output pixel is a source pixel.
    for (const [w, h, left, top] of [[10, 7, 2, 0], [11, 7, 2, 0], [14, 7, 4, 0], [7, 12, 0, 2], [7, 16, 0, 4]] as const) {
      const src = pattern(w, h);
      const out = preprocessImage(src, 7, { cropPct: 1 });
      for (const [x, y] of [[0, 0], [6, 0], [3, 4], [6, 6]] as const) {
        for (let c = 0; c < 3; c++) {
          const v = src.data[((top + y) * w + left + x) * 3 + c]!;
          expect(out[c * 49 + y * 7 + x], `${w}x${h} (${x},${y}) c${c}`).toBeCloseTo((v / 255 - IMAGENET_MEAN[c]!) / IMAGENET_STD[c]!, 12);
        }
      }
    }
  });

  it('normalizes a constant color to the expected values', () => {
    const color = [255, 0, 128];
    const image: RgbImage = { width: 20, height: 30, data: Uint8Array.from({ length: 20 * 30 * 3 }, (_, i) => color[i % 3]!) };
    const t = imagesToTensor([image, image], 8);
    expect(t.shape).toEqual([2, 3, 8, 8]);
    expect(t.data).toBeInstanceOf(Float32Array);
    const expected = [(1 - 0.485) / 0.229, (0 - 0.456) / 0.224, (128 / 255 - 0.406) / 0.225];
    for (let n = 0; n < 2; n++) {
      for (let c = 0; c < 3; c++) {
        for (let p = 0; p < 64; p++) expect(t.data[(n * 3 + c) * 64 + p]).toBeCloseTo(expected[c]!, 6);
      }
    }
  });

  it('matches Pillow for the whole resize (bilinear, round(R / 0.875)) + center crop', () => {
    // pattern(30, 20) at R = 8: shorter side to round(9.14) = 9 -> 13x9, crop 8x8 at (2, 0); Pillow's bytes of
    // im.resize((13, 9), BILINEAR).crop((2, 0, 10, 8)): channel 0 row 0, and the sum of all bytes.
    const out = preprocessImage(pattern(30, 20), 8);
    const bytes = Array.from(out, (v, i) => Math.round((v * IMAGENET_STD[Math.floor(i / 64)]! + IMAGENET_MEAN[Math.floor(i / 64)]!) * 255));
    expect(bytes.slice(0, 8)).toEqual([123, 116, 146, 136, 123, 122, 133, 139]);
    expect(bytes.reduce((s, v) => s + v, 0)).toBe(24470);
  });

  it('uses bicubic and another crop fraction when asked', () => {
    const src = pattern(30, 20);
    const bilinear = preprocessImage(src, 8);
    const bicubic = preprocessImage(src, 8, { interpolation: 'bicubic' });
    expect(bicubic.some((v, i) => Math.abs(v - bilinear[i]!) > 1e-3)).toBe(true);
    expect(() => preprocessImage(src, 8, { cropPct: 1.2 })).toThrow(/cropPct/);
  });
});

describe('neocc infer on image files', () => {
  const arch = ['--layers', '1,1,1,1', '--dims', '8,16,32,64', '--shifts', '1,1,0,0', '--classes', '1000', '--weights', 'synthetic', '--resolution', '64'];

  it('classifies JPEG and PNG files as one batch and prints ImageNet names', async () => {
    const jpg = writeJpeg('cat.jpg', smooth(80, 60), 90);
    const png = writePng('dog.png', 50, 70, rgba(pattern(50, 70)), { colorType: 2 });
    const { code, stdout, stderr } = await runCli(['infer', ...arch, '--quiet', jpg, png]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('input ');
    expect(stdout).toContain('[2, 3, 64, 64]');
    const lines = stdout.split('\n').filter((l) => l.includes('top-5:'));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain(`(${jpg}) top-5:`);
    for (const line of lines) {
      const entries = [...line.matchAll(/#(\d+) ([^(]+) \((-?\d+\.\d{4}), \d+\.\d\d%\)/g)];
      expect(entries).toHaveLength(5);
      for (const [, index, name] of entries) expect(name!.trim()).toBe(IMAGENET_CLASSES[Number(index)]);
    }
  });

  it('reports labels and image paths in --json, with logits of the preprocessed images', async () => {
    const jpg = writeJpeg('one.jpg', smooth(64, 64), 90);
    const { code, stdout } = await runCli(['infer', ...arch, '--json', '--quiet', jpg]);
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as { images: string[]; input_shape: number[]; logits: number[][]; top5: Array<Array<{ class: number; logit: number; label: string }>> };
    expect(out.images).toEqual([jpg]);
    expect(out.input_shape).toEqual([1, 3, 64, 64]);
    expect(out.top5[0]).toHaveLength(5);
    for (const t of out.top5[0]!) {
      expect(t.label).toBe(IMAGENET_CLASSES[t.class]);
      expect(t.logit).toBe(out.logits[0]![t.class]);
    }
    // A different image gives different logits (the image really is the input, not the synthetic one).
    const other = await runCli(['infer', ...arch, '--json', '--quiet', writePng('other.png', 64, 64, rgba(pattern(64, 64)), { colorType: 2 })]);
    const otherLogits = (JSON.parse(other.stdout) as { logits: number[][] }).logits[0]!;
    expect(otherLogits.some((v, i) => Math.abs(v - out.logits[0]![i]!) > 1e-3)).toBe(true);
  });

  it('explains an unknown file type, a missing file and --input together with images', async () => {
    const txt = join(dir, 'notes.txt');
    writeFileSync(txt, 'hello');
    let r = await runCli(['infer', ...arch, txt]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`neocc: error: ${txt}: not a supported image (first bytes: 68 65 6c 6c); supported: JPEG (.jpg/.jpeg) and PNG (.png)`);
    r = await runCli(['infer', ...arch, join(dir, 'nope.jpg')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`neocc: error: ${join(dir, 'nope.jpg')}: cannot read: ENOENT`);
    r = await runCli(['infer', ...arch, '--input', 'test/fixtures/model/neonext-mini.golden.safetensors', writeJpeg('x.jpg', smooth(8, 8), 90)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/give either image files \(.*x\.jpg\) or --input test\/fixtures\/model\/neonext-mini\.golden\.safetensors, not both/);
  });
});
