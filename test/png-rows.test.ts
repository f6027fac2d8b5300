import { deflateSync } from 'node:zlib';
import pngjs from 'pngjs';
import { describe, expect, it } from 'vitest';
import { decodeImage } from '../runtime/image/decode.js';
import { ImageError } from '../runtime/image/image-error.js';
import { caught } from './helpers/caught.js';
import { ihdr, pngChunk, pngFile } from './helpers/png-bytes.js';
import { seededRandom } from './helpers/random.js';

/**
 * The streaming PNG decoder (runtime/image/png-rows.ts) against pngjs, an independent decoder, with PIL's
 * convert('RGB') rules applied to pngjs's RGBA (the conversion the decoder replaced): every color type and bit
 * depth, Adam7, palettes, every scanline filter, IDAT split into several chunks.
 */

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
const ADAM7 = [[0, 0, 8, 8], [4, 0, 8, 8], [0, 4, 4, 8], [2, 0, 4, 4], [0, 2, 2, 4], [1, 0, 2, 2], [0, 1, 1, 2]];

interface PngSpec {
  width: number;
  height: number;
  colorType: number;
  depth: number;
  interlace: 0 | 1;
  /** Palette entries (color type 3). */
  colors?: number;
  seed: number;
}

/** A PNG of random samples, each scanline with a random filter type, written by this test (not by pngjs). */
function makePng(spec: PngSpec): Buffer {
  const { width, height, colorType, depth, interlace } = spec;
  const random = seededRandom(spec.seed);
  const channels = CHANNELS[colorType]!;
  const maxSample = colorType === 3 ? spec.colors! - 1 : 2 ** depth - 1;
  const samples = Array.from({ length: width * height * channels }, () => Math.floor(random() * (maxSample + 1)));
  const bpp = Math.max(1, (channels * depth) >> 3);
  const rows: Buffer[] = [];
  for (const [x0, y0, dx, dy] of interlace ? ADAM7 : [[0, 0, 1, 1]]) {
    const pw = Math.ceil((width - x0!) / dx!);
    const ph = Math.ceil((height - y0!) / dy!);
    if (pw <= 0 || ph <= 0) continue;
    const rowBytes = Math.ceil((pw * channels * depth) / 8);
    let prior = Buffer.alloc(rowBytes);
    for (let r = 0; r < ph; r++) {
      const raw = Buffer.alloc(rowBytes);
      for (let i = 0; i < pw; i++) {
        for (let c = 0; c < channels; c++) {
          const v = samples[((y0! + r * dy!) * width + x0! + i * dx!) * channels + c]!;
          const s = i * channels + c;
          if (depth === 16) raw.writeUInt16BE(v, 2 * s);
          else if (depth === 8) raw[s] = v;
          else raw[(s * depth) >> 3]! |= v << (8 - depth - ((s * depth) & 7));
        }
      }
      const filter = Math.floor(random() * 5);
      const line = Buffer.alloc(1 + rowBytes);
      line[0] = filter;
      for (let i = 0; i < rowBytes; i++) {
        const a = i >= bpp ? raw[i - bpp]! : 0;
        const b = prior[i]!;
        const c = i >= bpp ? prior[i - bpp]! : 0;
        const p = a + b - c;
        const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
        const predict = [0, a, b, (a + b) >> 1, paeth][filter]!;
        line[1 + i] = (raw[i]! - predict) & 255;
      }
      rows.push(line);
      prior = raw;
    }
  }
  const z = deflateSync(Buffer.concat(rows));
  // Three IDAT chunks: the stream continues across them.
  const cuts = [0, Math.floor(z.length / 3), Math.floor((2 * z.length) / 3), z.length];
  const idat = [0, 1, 2].map((i) => pngChunk('IDAT', z.subarray(cuts[i], cuts[i + 1])));
  const plte = colorType === 3 ? [pngChunk('PLTE', Uint8Array.from({ length: 3 * spec.colors! }, () => Math.floor(random() * 256)))] : [];
  return pngFile(ihdr(width, height, depth, colorType, interlace), ...plte, ...idat);
}

/** pngjs's RGBA, converted as PIL's convert('RGB') does (the conversion neocc used with pngjs). */
function pngjsRgb(bytes: Buffer): Uint8Array {
  const png = pngjs.PNG.sync.read(bytes, { skipRescale: true });
  const rgba = png.data as unknown as ArrayLike<number>;
  const colorType: number = png.colorType;
  const scale = colorType === 3 || png.depth === 8 ? (v: number) => v
    : png.depth === 16 ? (v: number) => v >>> 8 : (v: number) => Math.round((v * 255) / ((1 << png.depth) - 1));
  const out = new Uint8Array(png.width * png.height * 3);
  for (let p = 0; p < png.width * png.height; p++) for (let c = 0; c < 3; c++) out[p * 3 + c] = scale(rgba[p * 4 + c]!);
  return out;
}

describe('streaming PNG decoder', () => {
  const cases: PngSpec[] = [];
  let seed = 1;
  for (const [colorType, depths] of [[0, [1, 2, 4, 8, 16]], [2, [8, 16]], [3, [1, 2, 4, 8]], [4, [8, 16]], [6, [8, 16]]] as const) {
    for (const depth of depths) {
      for (const interlace of [0, 1] as const) {
        // Odd sizes: partial bytes at row ends, Adam7 passes of uneven (and, at width 1, empty) sizes.
        for (const [width, height] of [[13, 7], [1, 9], [33, 20]] as const) {
          cases.push({ width, height, colorType, depth, interlace, colors: colorType === 3 ? 2 ** depth : undefined, seed: seed++ });
        }
      }
    }
  }

  it(`matches pngjs + PIL's RGB conversion on ${cases.length} PNGs (every color type, bit depth, filter, Adam7)`, () => {
    for (const spec of cases) {
      const bytes = makePng(spec);
      const ours = decodeImage(bytes, 'x.png');
      expect([ours.width, ours.height], JSON.stringify(spec)).toEqual([spec.width, spec.height]);
      expect(Buffer.from(ours.data).equals(Buffer.from(pngjsRgb(bytes))), JSON.stringify(spec)).toBe(true);
    }
  });

  it('refuses a palette index outside the palette, a bad filter type and image data that ends early, naming the file', () => {
    const bad = (bytes: Buffer): string => caught(ImageError, () => decodeImage(bytes, 'bad.png')).message;
    // 8-bit palette of 3 colors: random indices up to 255.
    const palette = makePng({ width: 8, height: 8, colorType: 3, depth: 8, interlace: 0, colors: 256, seed: 5 });
    const at = palette.indexOf(Buffer.from('PLTE'));
    const short = Buffer.concat([palette.subarray(0, at - 4), pngChunk('PLTE', palette.subarray(at + 4, at + 4 + 9)), palette.subarray(at + 4 + 768 + 4)]);
    expect(bad(short)).toMatch(/^bad\.png: cannot decode PNG: palette index \d+ at pixel \(\d+, \d+\) is outside the palette of 3 colors$/);
    const rows = Buffer.from([7, 1, 2, 3]);
    const png = (data: Buffer): Buffer => pngFile(ihdr(1, 2, 8, 2), pngChunk('IDAT', deflateSync(data)));
    expect(bad(png(rows))).toBe('bad.png: cannot decode PNG: scanline filter type 7; allowed: 0 to 4');
    expect(bad(png(Buffer.from([0, 1, 2, 3])))).toBe('bad.png: cannot decode PNG: the image data ends early (pass 1, row 1 of 2)');
  });
});
