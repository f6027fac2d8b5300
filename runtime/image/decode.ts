import jpeg from 'jpeg-js';
import pngjs from 'pngjs';
import { MAX_IMAGE_FILE_BYTES, readInputFile } from '../read-input-file.js';
import { ImageError } from './image-error.js';
import { checkImageSize, jpegSize, MAX_IMAGE_PIXELS, pngSize } from './image-header.js';
import { fancyChromaFactors, fancyYccToRgb } from './jpeg-fancy.js';

/** An 8-bit RGB image, interleaved (r, g, b per pixel), rows top to bottom. */
export interface RgbImage {
  readonly width: number;
  readonly height: number;
  /** width * height * 3 bytes. */
  readonly data: Uint8Array;
}

export const SUPPORTED_IMAGE_FORMATS = 'JPEG (.jpg/.jpeg) and PNG (.png)';

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
 * Decodes a JPEG or PNG (chosen by magic number) to 8-bit RGB, like PIL's `Image.open(f).convert('RGB')` that
 * torchvision's `ImageFolder` loader applies: grayscale is replicated to R, G and B, alpha is dropped (not
 * composited), palettes are expanded. 16-bit PNG samples keep their high byte (PIL's `RGB;16B` unpacker);
 * 1/2/4-bit grayscale is scaled to 0..255. JPEG: jpeg-js decodes the planes; YCbCr frames (4:4:4, 4:2:2, 4:2:0,
 * 4:4:0) get libjpeg's fancy chroma upsampling and color tables (./jpeg-fancy.ts), so pixels land within a few
 * levels of PIL's (the IDCTs differ by ±1); EXIF orientation is ignored, as in upstream's loader.
 */
export function decodeImage(bytes: Uint8Array, source: string): RgbImage {
  const format = sniffImageFormat(bytes);
  if (format === undefined) {
    const head = Array.from(bytes.subarray(0, 4), (b) => b.toString(16).padStart(2, '0')).join(' ');
    throw new ImageError('unsupported-format', source,
      `not a supported image (first bytes: ${head || 'none, the file is empty'}); supported: ${SUPPORTED_IMAGE_FORMATS}`);
  }
  // Sizes from the header, before decoding: the decoders allocate whatever a header claims.
  const size = format === 'png' ? pngSize(bytes, source) : jpegSize(bytes);
  if (size) checkImageSize(size, format === 'png' ? 'PNG' : 'JPEG', source);
  try {
    return format === 'png' ? decodePng(bytes) : decodeJpeg(bytes);
  } catch (err) {
    if (err instanceof ImageError) throw err;
    const why = err instanceof Error ? err.message : String(err);
    throw new ImageError('corrupt-image', source, `cannot decode ${format === 'png' ? 'PNG' : 'JPEG'}: ${why}`);
  }
}

/**
 * Reads and decodes one image file; a missing or unreadable file, one that is not a regular file or one over
 * MAX_IMAGE_FILE_BYTES is an ImageError naming it.
 */
export async function readImageFile(path: string): Promise<RgbImage> {
  const bytes = await readInputFile(path, MAX_IMAGE_FILE_BYTES, 'an image file (JPEG or PNG)', (problem, message) => {
    throw new ImageError(problem, path, message);
  });
  return decodeImage(bytes, path);
}

function decodeJpeg(bytes: Uint8Array): RgbImage {
  // jpeg-js's own pixel cap backs up the header check (checkImageSize) for frames it finds that jpegSize did not.
  const options = { useTArray: true, formatAsRGBA: false, maxResolutionInMP: MAX_IMAGE_PIXELS / 1e6 } as const;
  const fancy = fancyChromaFactors(bytes);
  if (fancy) {
    // YCbCr as libjpeg (PIL) converts it: raw planes from jpeg-js, libjpeg's chroma upsampling and tables.
    const raw = jpeg.decode(bytes, { ...options, colorTransform: false });
    return checked({ width: raw.width, height: raw.height, data: fancyYccToRgb(raw.data, raw.width, raw.height, fancy.h, fancy.v) });
  }
  const decoded = jpeg.decode(bytes, options);
  return checked({ width: decoded.width, height: decoded.height, data: decoded.data });
}

/** pngjs PNG color types: 0 gray, 2 RGB, 3 palette, 4 gray + alpha, 6 RGBA. */
const PNG_PALETTE = 3;
const PNG_HAS_ALPHA = new Set([4, 6]);

function decodePng(bytes: Uint8Array): RgbImage {
  // skipRescale: pngjs would round 16-bit samples to v*255/65535; we keep the high byte like PIL instead.
  const png = pngjs.PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { skipRescale: true });
  const { width, height, depth } = png;
  const colorType: number = png.colorType;
  // Always RGBA in pngjs (gray replicated); a Uint16Array for 16-bit images under skipRescale.
  const rgba = png.data as unknown as ArrayLike<number>;
  const transColor = (png as unknown as { transColor?: number[] }).transColor;
  const scale = colorType === PNG_PALETTE || depth === 8 ? (v: number) => v
    : depth === 16 ? (v: number) => v >>> 8
      : (v: number) => Math.round((v * 255) / ((1 << depth) - 1));
  const data = new Uint8Array(width * height * 3);
  for (let p = 0; p < width * height; p++) {
    // pngjs zeroes all four samples of a pixel matching a tRNS key color; PIL's convert('RGB') keeps the color.
    const keyed = transColor !== undefined && !PNG_HAS_ALPHA.has(colorType) && colorType !== PNG_PALETTE && rgba[p * 4 + 3] === 0;
    for (let c = 0; c < 3; c++) {
      const raw = keyed ? transColor![transColor!.length === 1 ? 0 : c]! : rgba[p * 4 + c]!;
      data[p * 3 + c] = scale(raw);
    }
  }
  return checked({ width, height, data });
}

function checked(image: RgbImage): RgbImage {
  if (!(image.width > 0 && image.height > 0) || image.data.length !== image.width * image.height * 3) {
    throw new Error(`decoded to ${image.width}x${image.height} with ${image.data.length} bytes`);
  }
  return image;
}
