/**
 * JPEG pixels as libjpeg(-turbo) makes them for PIL, where jpeg-js differs: subsampled chroma is upsampled with
 * libjpeg's "fancy" triangle filter (jdsample.c h2v1/h2v2: 3/4 of the nearer sample, 1/4 of the farther, with
 * its exact rounding) instead of replication, and YCbCr → RGB uses libjpeg's fixed-point tables (jdcolor.c).
 * jpeg-js still does the entropy decoding and the IDCT (its integer IDCT can differ from libjpeg's ISLOW by ±1).
 *
 * How the chroma planes are recovered: jpeg-js decodes with colorTransform off to Y, Cb, Cr per pixel, each chroma
 * sample replicated over its h×v pixels (jpeg-js samples chroma at floor(x·h/H_max)), so the subsampled plane is
 * exactly the values at pixels (v·i, h·j).
 */

/**
 * Sampling factors {h, v} of each component of the first frame (SOF marker), or undefined when there is none or
 * an Adobe APP14 marker comes first (its color transform decides the color space, which jpeg-js then applies itself).
 */
export function jpegSampling(bytes: Uint8Array): readonly { h: number; v: number }[] | undefined {
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return undefined;
    const marker = bytes[at + 1]!;
    if (marker === 0xff) {
      at++;
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
      at += 2;
      continue;
    }
    if (marker === 0xda || marker === 0xd9 || marker === 0xee) return undefined;
    const length = (bytes[at + 2]! << 8) | bytes[at + 3]!;
    // SOF0-SOF15 except DHT (c4), JPG (c8), DAC (cc).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      const count = bytes[at + 9];
      if (count === undefined || at + 10 + 3 * count > bytes.length) return undefined;
      return Array.from({ length: count }, (_, c) => ({ h: bytes[at + 11 + 3 * c]! >> 4, v: bytes[at + 11 + 3 * c]! & 15 }));
    }
    at += 2 + length;
  }
  return undefined;
}

/** libjpeg's h2v1 fancy upsampling of one row of `n` samples into `out` (2n values). */
function upsampleRow(row: ArrayLike<number>, n: number, out: Int32Array): void {
  if (n === 1) {
    out[0] = out[1] = row[0]!;
    return;
  }
  out[0] = row[0]!;
  out[1] = (row[0]! * 3 + row[1]! + 2) >> 2;
  for (let c = 1; c < n - 1; c++) {
    const v = row[c]! * 3;
    out[2 * c] = (v + row[c - 1]! + 1) >> 2;
    out[2 * c + 1] = (v + row[c + 1]! + 2) >> 2;
  }
  out[2 * n - 2] = (row[n - 1]! * 3 + row[n - 2]! + 1) >> 2;
  out[2 * n - 1] = row[n - 1]!;
}

/** libjpeg's h2v2 fancy upsampling: output row from `near` (this input row) and `far` (the row above or below). */
function upsampleRowPair(near: ArrayLike<number>, far: ArrayLike<number>, n: number, out: Int32Array): void {
  if (n === 1) {
    const sum = near[0]! * 3 + far[0]!;
    out[0] = (sum * 4 + 8) >> 4;
    out[1] = (sum * 4 + 7) >> 4;
    return;
  }
  let thisSum = near[0]! * 3 + far[0]!;
  let nextSum = near[1]! * 3 + far[1]!;
  out[0] = (thisSum * 4 + 8) >> 4;
  out[1] = (thisSum * 3 + nextSum + 7) >> 4;
  let lastSum = thisSum;
  thisSum = nextSum;
  for (let c = 2; c < n; c++) {
    nextSum = near[c]! * 3 + far[c]!;
    out[2 * c - 2] = (thisSum * 3 + lastSum + 8) >> 4;
    out[2 * c - 1] = (thisSum * 3 + nextSum + 7) >> 4;
    lastSum = thisSum;
    thisSum = nextSum;
  }
  out[2 * n - 2] = (thisSum * 3 + lastSum + 8) >> 4;
  out[2 * n - 1] = (thisSum * 4 + 7) >> 4;
}

const SCALEBITS = 16;
const ONE_HALF = 1 << (SCALEBITS - 1);
const fix = (x: number): number => Math.round(x * (1 << SCALEBITS));
/** jdcolor.c's tables: R = Y + crR[Cr], G = Y + ((cbG[Cb] + crG[Cr]) >> 16), B = Y + cbB[Cb]. */
const TABLES = (() => {
  const crR = new Int32Array(256), cbB = new Int32Array(256), crG = new Int32Array(256), cbG = new Int32Array(256);
  for (let i = 0; i < 256; i++) {
    const x = i - 128;
    crR[i] = (fix(1.402) * x + ONE_HALF) >> SCALEBITS;
    cbB[i] = (fix(1.772) * x + ONE_HALF) >> SCALEBITS;
    crG[i] = -fix(0.71414) * x;
    cbG[i] = -fix(0.34414) * x + ONE_HALF;
  }
  return { crR, cbB, crG, cbG };
})();

const clamp8 = (v: number): number => (v < 0 ? 0 : v > 255 ? 255 : v);

/**
 * RGB from jpeg-js's raw Y, Cb, Cr pixels (`ycc`, 3 per pixel, chroma replicated) of a frame whose chroma is
 * subsampled by `h`×`v` (1 or 2 each) relative to luma, as libjpeg would produce it. Converts in place and returns
 * `ycc`: a pixel's Y is read before its RGB is written, and the chroma comes from the planes copied out first, so
 * a large photo needs no second full-size buffer.
 */
export function fancyYccToRgb(ycc: Uint8Array, width: number, height: number, h: number, v: number): Uint8Array {
  const cw = Math.ceil(width / h);
  const ch = Math.ceil(height / v);
  // The subsampled chroma planes, recovered from the replicated pixels (bytes: 4:4:4 copies 2 bytes a pixel).
  const planes = [1, 2].map((k) => {
    const p = new Uint8Array(cw * ch);
    for (let i = 0; i < ch; i++) for (let j = 0; j < cw; j++) p[i * cw + j] = ycc[((i * v) * width + j * h) * 3 + k]!;
    return p;
  });
  const rowOf = (p: Uint8Array, i: number): Uint8Array => p.subarray(i * cw, (i + 1) * cw);
  const up = [new Int32Array(2 * cw), new Int32Array(2 * cw)];
  const out = ycc;
  const { crR, cbB, crG, cbG } = TABLES;
  for (let y = 0; y < height; y++) {
    const i = Math.floor(y / v);
    for (let k = 0; k < 2; k++) {
      const plane = planes[k]!;
      if (h === 1 && v === 1) up[k]!.set(rowOf(plane, i));
      else if (v === 1) upsampleRow(rowOf(plane, i), cw, up[k]!);
      else {
        // Upper output row of a pair blends with the input row above, the lower with the row below (edges repeat).
        const far = y % 2 === 0 ? Math.max(0, i - 1) : Math.min(ch - 1, i + 1);
        if (h === 2) upsampleRowPair(rowOf(plane, i), rowOf(plane, far), cw, up[k]!);
        else for (let j = 0; j < cw; j++) up[k]![j] = (plane[i * cw + j]! * 3 + plane[far * cw + j]! + (y % 2 === 0 ? 1 : 2)) >> 2;
      }
    }
    for (let x = 0; x < width; x++) {
      const at = (y * width + x) * 3;
      const yy = ycc[at]!;
      const cb = up[0]![x]!;
      const cr = up[1]![x]!;
      out[at] = clamp8(yy + crR[cr]!);
      out[at + 1] = clamp8(yy + ((cbG[cb]! + crG[cr]!) >> SCALEBITS));
      out[at + 2] = clamp8(yy + cbB[cb]!);
    }
  }
  return out;
}

/**
 * The chroma subsampling (h, v) of a YCbCr frame this module can upsample (luma 1 or 2 in each direction, both
 * chroma components 1×1), or undefined (grayscale, CMYK, Adobe, other factors: jpeg-js's own conversion is used).
 */
export function fancyChromaFactors(bytes: Uint8Array): { h: number; v: number } | undefined {
  const s = jpegSampling(bytes);
  if (!s || s.length !== 3) return undefined;
  const [y, cb, cr] = s as [{ h: number; v: number }, { h: number; v: number }, { h: number; v: number }];
  if (cb.h !== 1 || cb.v !== 1 || cr.h !== 1 || cr.v !== 1 || y.h < 1 || y.h > 2 || y.v < 1 || y.v > 2) return undefined;
  return { h: y.h, v: y.v };
}
