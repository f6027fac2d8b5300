import { crc32 } from '../crc32.js';
import { ImageError } from './image-error.js';

/**
 * Image size budgets, checked from the file's header before decoding (the decoders allocate whatever a header
 * claims: a 20000x20000 grey PNG of a few KB took 8-10 GB before this check). They bound the memory decoding and
 * preprocessing take, measured as peak RSS of `neocc infer` over the model's own (test/image-memory.test.ts):
 * - PNG: 64 megapixels, above any camera photo (a 50-megapixel frame). The streaming decoder (./png-rows.ts) and
 *   the 8-bit resize need ~4 bytes a pixel: ~260 MB at 64 megapixels (2.1 GB before, with pngjs and a float64 copy);
 * - JPEG: 16 megapixels (a 12-megapixel phone photo fits). jpeg-js keeps every 8x8 block of coefficients as its own
 *   Int32Array, ~33 bytes a pixel at 4:4:4 (~530 MB at 16 megapixels), about half that at 4:2:0.
 * A caller may raise either (`neocc infer --max-megapixels`), up to MAX_IMAGE_PIXELS_LIMIT.
 */
export const MAX_IMAGE_PIXELS = 64 * 1000 * 1000;
export const MAX_JPEG_PIXELS = 16 * 1000 * 1000;
/** The most a caller may allow: 1000 megapixels (~3 GB as RGB alone). */
export const MAX_IMAGE_PIXELS_LIMIT = 1000 * 1000 * 1000;
/**
 * Longer side over shorter side. The eval transform resizes the shorter side to ~256 and the longer one in
 * proportion, so a 1x5000 strip became a 256x1280000 image (8 GB as float64); 50:1 keeps that under 13 megapixels.
 */
export const MAX_IMAGE_ASPECT = 50;

const PNG_SIGNATURE_BYTES = 8;
const IHDR_DATA_BYTES = 13;

/** Width and height as the header states them. */
export interface ImageSize {
  readonly width: number;
  readonly height: number;
}

/**
 * A PNG's size from its IHDR, after checking the chunk structure up to IEND: every chunk inside the file and with
 * a matching CRC-32, so a truncated or damaged file fails here in one line (pngjs says "There are some read
 * requests waitng on finished stream"). Reads the whole file once (~1.5 GB/s).
 */
export function pngSize(bytes: Uint8Array, source: string): ImageSize {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const fail = (message: string): never => {
    throw new ImageError('corrupt-image', source, message);
  };
  let size: ImageSize | undefined;
  let at = PNG_SIGNATURE_BYTES;
  for (;;) {
    if (at + 8 > bytes.length) fail(`truncated PNG: the file ends at byte ${bytes.length}, before the IEND chunk`);
    const length = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    if (!/^[A-Za-z]{4}$/.test(type)) fail(`damaged PNG: no chunk type at byte ${at + 4} (bytes ${JSON.stringify(type)})`);
    if (at + 12 + length > bytes.length) {
      fail(`truncated PNG: chunk ${type} at byte ${at} needs ${12 + length} bytes, the file ends at byte ${bytes.length}`);
    }
    const stored = view.getUint32(at + 8 + length);
    if (crc32(bytes.subarray(at + 4, at + 8 + length)) !== stored) fail(`damaged PNG: chunk ${type} at byte ${at} fails its CRC-32 check`);
    if (size === undefined) {
      if (type !== 'IHDR' || length !== IHDR_DATA_BYTES) fail(`damaged PNG: the first chunk is ${type} of ${length} bytes; expected IHDR of ${IHDR_DATA_BYTES}`);
      size = { width: view.getUint32(at + 8), height: view.getUint32(at + 12) };
    }
    if (type === 'IEND') return size;
    at += 12 + length;
  }
}

/** JPEG start-of-frame markers (SOF0-SOF15 less DHT 0xc4, JPG 0xc8 and DAC 0xcc): they carry the frame size. */
const isStartOfFrame = (marker: number): boolean => marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;

/**
 * A JPEG's size from its start-of-frame segment, walking the marker segments before the scan; undefined when the
 * header ends first (jpeg-js then reports the damage).
 */
export function jpegSize(bytes: Uint8Array): ImageSize | undefined {
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return undefined;
    const marker = bytes[at + 1]!;
    if (marker === 0xff) {
      at++; // fill byte
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
      at += 2; // no length
      continue;
    }
    if (marker === 0xda || marker === 0xd9) return undefined; // scan or end before any frame header
    const length = (bytes[at + 2]! << 8) | bytes[at + 3]!;
    if (isStartOfFrame(marker)) {
      if (at + 9 > bytes.length) return undefined;
      return { height: (bytes[at + 5]! << 8) | bytes[at + 6]!, width: (bytes[at + 7]! << 8) | bytes[at + 8]! };
    }
    at += 2 + length;
  }
  return undefined;
}

/** What checkImageSize names: a PNG or JPEG header, or an image a browser decoded (any format it reads). */
export type ImageKind = 'PNG' | 'JPEG' | 'image';

/** The default pixel budget of a kind (JPEG's is jpeg-js' memory; PNG's and a browser's decoders stream or are native). */
export function defaultMaxPixels(format: ImageKind): number {
  return format === 'JPEG' ? MAX_JPEG_PIXELS : MAX_IMAGE_PIXELS;
}

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG_MAGIC = [0xff, 0xd8, 0xff];

/** Which decoder the leading bytes call for (the file name's extension is not trusted). */
export function sniffImageFormat(bytes: Uint8Array): 'jpeg' | 'png' | undefined {
  const starts = (magic: readonly number[]): boolean => bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
  if (starts(PNG_MAGIC)) return 'png';
  if (starts(JPEG_MAGIC)) return 'jpeg';
  return undefined;
}

/**
 * Refuses a size with no pixels, over `maxPixels` (default: the format's budget), or longer than MAX_IMAGE_ASPECT:1,
 * naming the file, the limit and how to raise it.
 */
export function checkImageSize(size: ImageSize, format: ImageKind, source: string, maxPixels = defaultMaxPixels(format)): void {
  const { width, height } = size;
  const what = `${format} of ${width}x${height}`;
  if (width === 0 || height === 0) throw new ImageError('corrupt-image', source, `the ${what} has no pixels`);
  if (width * height > maxPixels) {
    const needed = Math.ceil((width * height) / 1e6);
    throw new ImageError('too-many-pixels', source,
      `the ${what} is ${(width * height / 1e6).toFixed(1)} megapixels, over the limit of ${maxPixels / 1e6} megapixels for ${format}; ` +
      (width * height > MAX_IMAGE_PIXELS_LIMIT ? 'downscale it first'
        : `downscale it, or raise the limit with --max-megapixels ${needed} (decoding takes memory in proportion)`));
  }
  const aspect = Math.max(width, height) / Math.min(width, height);
  if (aspect > MAX_IMAGE_ASPECT) {
    throw new ImageError('too-many-pixels', source,
      `the ${what} has an aspect ratio of ${aspect.toFixed(1)}:1, over the limit of ${MAX_IMAGE_ASPECT}:1 (resizing its shorter side to the ` +
      'network input would make it huge); crop it first');
  }
}
