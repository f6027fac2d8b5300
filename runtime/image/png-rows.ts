import { Inflate } from 'fflate';
import type { RgbImage } from './decode.js';

/**
 * A PNG decoder that streams: the image data is inflated a piece at a time and each scanline, once unfiltered, is
 * converted straight into the 8-bit RGB result, so decoding needs the RGB image (3 bytes a pixel) plus two
 * scanlines. pngjs (used before) inflated the whole stream, unfiltered it into a copy and expanded that to RGBA
 * (16-bit: 8 bytes a pixel), then we copied out RGB: ~11-20 bytes a pixel, 0.7-1.3 GB at 64 megapixels.
 *
 * Pixels are PIL's `Image.open(f).convert('RGB')`: grey replicated, alpha and tRNS dropped (not composited),
 * palettes expanded, 16-bit samples keep their high byte (PIL's `RGB;16B`), 1/2/4-bit grey scaled to 0..255.
 * Adam7 interlacing is supported. The caller has checked the chunk structure and CRCs (image-header.ts pngSize).
 */

/** Adam7 passes: first column, first row, column step, row step. A non-interlaced image is one pass (0, 0, 1, 1). */
const ADAM7 = [[0, 0, 8, 8], [4, 0, 8, 8], [0, 4, 4, 8], [2, 0, 4, 4], [0, 2, 2, 4], [1, 0, 2, 2], [0, 1, 1, 2]] as const;
const PLAIN = [[0, 0, 1, 1]] as const;

/** Samples per pixel and allowed bit depths per PNG color type. */
const COLOR_TYPES: Readonly<Record<number, { channels: number; depths: readonly number[] }>> = {
  0: { channels: 1, depths: [1, 2, 4, 8, 16] }, // grey
  2: { channels: 3, depths: [8, 16] }, // RGB
  3: { channels: 1, depths: [1, 2, 4, 8] }, // palette
  4: { channels: 2, depths: [8, 16] }, // grey + alpha
  6: { channels: 4, depths: [8, 16] }, // RGBA
};
const PALETTE = 3;

/** Compressed bytes handed to the inflater at once: deflate expands at most ~1032x, so one push yields <= ~17 MB. */
const INFLATE_PIECE = 16 * 1024;

export function decodePngRgb(bytes: Uint8Array): RgbImage {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const idat: Uint8Array[] = [];
  let header: { width: number; height: number; depth: number; colorType: number; interlace: number } | undefined;
  let palette: Uint8Array | undefined;
  for (let at = 8; at + 12 <= bytes.length;) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    const data = bytes.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      const [depth, colorType, compression, filter, interlace] = data.subarray(8, 13);
      if (compression !== 0 || filter !== 0) throw new Error(`IHDR compression method ${compression} / filter method ${filter}; PNG defines only 0`);
      if (interlace !== 0 && interlace !== 1) throw new Error(`IHDR interlace method ${interlace}; allowed: 0 (none) or 1 (Adam7)`);
      const kind = COLOR_TYPES[colorType!];
      if (!kind) throw new Error(`IHDR color type ${colorType}; allowed: 0, 2, 3, 4, 6`);
      if (!kind.depths.includes(depth!)) throw new Error(`IHDR bit depth ${depth} with color type ${colorType}; allowed: ${kind.depths.join(', ')}`);
      header = { width: view.getUint32(at + 8), height: view.getUint32(at + 12), depth: depth!, colorType: colorType!, interlace };
    } else if (type === 'PLTE') {
      if (length % 3 !== 0 || length === 0 || length > 768) throw new Error(`PLTE of ${length} bytes; expected 3 to 768, a multiple of 3`);
      palette = data;
    } else if (type === 'IDAT') {
      idat.push(data);
    } else if (type === 'IEND') {
      break;
    }
    at += 12 + length;
  }
  if (!header) throw new Error('no IHDR chunk');
  if (idat.length === 0) throw new Error('no IDAT chunk (no image data)');
  if (header.colorType === PALETTE && !palette) throw new Error('a palette image without a PLTE chunk');
  const { width, height, depth, colorType } = header;
  const channels = COLOR_TYPES[colorType]!.channels;
  const out = new Uint8Array(width * height * 3);
  const sample = sampleReader(depth);
  const grey = greyScale(depth);
  const colors = palette ? palette.length / 3 : 0;

  // Filtering works on whole bytes: the left neighbour is `bpp` bytes back (at least 1 for sub-byte pixels).
  const bpp = Math.max(1, (channels * depth) >> 3);
  const passes = header.interlace === 1 ? ADAM7 : PLAIN;
  let pass = -1;
  let passWidth = 0;
  let passRows = 0;
  let row = 0;
  let rowBytes = 0;
  let current = new Uint8Array(0);
  let prior = new Uint8Array(0);
  let filled = 0; // bytes of `current` (filter byte first) received
  /** Moves to the next non-empty pass; false when every pass is done. */
  const nextPass = (): boolean => {
    while (++pass < passes.length) {
      const [x0, y0, dx, dy] = passes[pass]!;
      passWidth = Math.ceil((width - x0) / dx);
      passRows = Math.ceil((height - y0) / dy);
      if (passWidth > 0 && passRows > 0) {
        row = 0;
        rowBytes = Math.ceil((passWidth * channels * depth) / 8);
        current = new Uint8Array(1 + rowBytes);
        prior = new Uint8Array(1 + rowBytes); // the row above the first is zeros
        return true;
      }
    }
    return false;
  };
  let done = !nextPass();

  const emitRow = (): void => {
    unfilter(current, prior, bpp);
    const [x0, y0, dx, dy] = passes[pass]!;
    const y = y0 + row * dy;
    for (let i = 0; i < passWidth; i++) {
      const o = (y * width + x0 + i * dx) * 3;
      const s = i * channels;
      if (colorType === PALETTE) {
        const index = sample(current, s);
        if (index >= colors) throw new Error(`palette index ${index} at pixel (${x0 + i * dx}, ${y}) is outside the palette of ${colors} colors`);
        out[o] = palette![index * 3]!;
        out[o + 1] = palette![index * 3 + 1]!;
        out[o + 2] = palette![index * 3 + 2]!;
      } else if (channels <= 2) {
        out[o] = out[o + 1] = out[o + 2] = grey(sample(current, s));
      } else {
        out[o] = grey(sample(current, s));
        out[o + 1] = grey(sample(current, s + 1));
        out[o + 2] = grey(sample(current, s + 2));
      }
    }
    [prior, current] = [current, prior];
    filled = 0;
    if (++row === passRows) done = !nextPass();
  };

  const inflater = new Inflate((chunk: Uint8Array) => {
    for (let at = 0; at < chunk.length && !done;) {
      const take = Math.min(chunk.length - at, current.length - filled);
      current.set(chunk.subarray(at, at + take), filled);
      filled += take;
      at += take;
      if (filled === current.length) emitRow();
    }
  });
  // IDAT holds a zlib stream: a 2-byte header, raw deflate, a 4-byte Adler-32 (not checked: the chunks' CRCs were).
  const zlib = concat(idat);
  if (zlib.length < 6 || (zlib[0]! & 0x0f) !== 8 || ((zlib[0]! << 8) | zlib[1]!) % 31 !== 0 || (zlib[1]! & 0x20) !== 0) {
    throw new Error('the image data is not a zlib stream');
  }
  const deflate = zlib.subarray(2, zlib.length - 4);
  for (let at = 0; at < deflate.length && !done; at += INFLATE_PIECE) {
    const end = Math.min(deflate.length, at + INFLATE_PIECE);
    inflater.push(deflate.subarray(at, end), end === deflate.length);
  }
  if (!done) throw new Error(`the image data ends early (pass ${pass + 1}, row ${row} of ${passRows})`);
  return { width, height, data: out };
}

/** Reads sample number `s` of a scanline (after its filter byte) at `depth` bits: big-endian, high bits first. */
function sampleReader(depth: number): (line: Uint8Array, s: number) => number {
  switch (depth) {
    case 8:
      return (line, s) => line[1 + s]!;
    case 16:
      return (line, s) => line[1 + 2 * s]!; // the high byte
    default:
      return (line, s) => {
        const bit = s * depth;
        return (line[1 + (bit >> 3)]! >> (8 - depth - (bit & 7))) & ((1 << depth) - 1);
      };
  }
}

/** A grey/color sample (as sampleReader returns it) to 0..255: sub-byte grey levels are stretched like PIL's. */
function greyScale(depth: number): (v: number) => number {
  if (depth >= 8) return (v) => v;
  const max = (1 << depth) - 1;
  return (v) => Math.round((v * 255) / max);
}

/** Undoes a scanline's filter in place (`line[0]` is the filter type), against the unfiltered line above. */
function unfilter(line: Uint8Array, above: Uint8Array, bpp: number): void {
  const n = line.length;
  switch (line[0]) {
    case 0:
      return;
    case 1:
      for (let i = 1 + bpp; i < n; i++) line[i] = (line[i]! + line[i - bpp]!) & 255;
      return;
    case 2:
      for (let i = 1; i < n; i++) line[i] = (line[i]! + above[i]!) & 255;
      return;
    case 3:
      for (let i = 1; i < n; i++) line[i] = (line[i]! + (((i > bpp ? line[i - bpp]! : 0) + above[i]!) >> 1)) & 255;
      return;
    case 4:
      for (let i = 1; i < n; i++) {
        const a = i > bpp ? line[i - bpp]! : 0;
        const b = above[i]!;
        const c = i > bpp ? above[i - bpp]! : 0;
        const p = a + b - c;
        const pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
        line[i] = (line[i]! + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c)) & 255;
      }
      return;
    default:
      throw new Error(`scanline filter type ${line[0]}; allowed: 0 to 4`);
  }
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
