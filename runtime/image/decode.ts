import jpeg from 'jpeg-js';
import { MAX_IMAGE_FILE_BYTES, readInputFile } from '../read-input-file.js';
import { ImageError } from './image-error.js';
import { checkImageSize, defaultMaxPixels, jpegSize, pngSize, sniffImageFormat } from './image-header.js';
import { fancyChromaFactors, fancyYccToRgb } from './jpeg-fancy.js';
import { decodePngRgb } from './png-rows.js';

/** An 8-bit RGB image, interleaved (r, g, b per pixel), rows top to bottom. */
export interface RgbImage {
  readonly width: number;
  readonly height: number;
  /** width * height * 3 bytes. */
  readonly data: Uint8Array;
}

export interface DecodeOptions {
  /** Largest image to decode, in pixels (default: the format's budget, see image-header.ts). */
  readonly maxPixels?: number;
}

export const SUPPORTED_IMAGE_FORMATS = 'JPEG (.jpg/.jpeg) and PNG (.png)';

// Also used by browser decoding (image-input.ts), which must not load this module's decoders.
export { sniffImageFormat } from './image-header.js';

/**
 * Decodes a JPEG or PNG (chosen by magic number) to 8-bit RGB, like PIL's `Image.open(f).convert('RGB')` that
 * torchvision's `ImageFolder` loader applies: grayscale is replicated to R, G and B, alpha is dropped (not
 * composited), palettes are expanded. 16-bit PNG samples keep their high byte (PIL's `RGB;16B` unpacker);
 * 1/2/4-bit grayscale is scaled to 0..255 (PNG: ./png-rows.ts, which streams scanlines into the result). JPEG: jpeg-js decodes the planes; YCbCr frames (4:4:4, 4:2:2, 4:2:0,
 * 4:4:0) get libjpeg's fancy chroma upsampling and color tables (./jpeg-fancy.ts), so pixels land within a few
 * levels of PIL's (the IDCTs differ by ±1); EXIF orientation is ignored, as in upstream's loader.
 */
export function decodeImage(bytes: Uint8Array, source: string, options: DecodeOptions = {}): RgbImage {
  const format = sniffImageFormat(bytes);
  if (format === undefined) {
    const head = Array.from(bytes.subarray(0, 4), (b) => b.toString(16).padStart(2, '0')).join(' ');
    throw new ImageError('unsupported-format', source,
      `not a supported image (first bytes: ${head || 'none, the file is empty'}); supported: ${SUPPORTED_IMAGE_FORMATS}`);
  }
  // Sizes from the header, before decoding: the decoders allocate whatever a header claims.
  const size = format === 'png' ? pngSize(bytes, source) : jpegSize(bytes);
  const maxPixels = options.maxPixels ?? defaultMaxPixels(format === 'png' ? 'PNG' : 'JPEG');
  if (size) checkImageSize(size, format === 'png' ? 'PNG' : 'JPEG', source, maxPixels);
  try {
    return format === 'png' ? checked(decodePngRgb(bytes)) : decodeJpeg(bytes, maxPixels);
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
export async function readImageFile(path: string, options: DecodeOptions = {}): Promise<RgbImage> {
  const bytes = await readInputFile(path, MAX_IMAGE_FILE_BYTES, 'an image file (JPEG or PNG)', (problem, message) => {
    throw new ImageError(problem, path, message);
  });
  return decodeImage(bytes, path, options);
}

/** jpeg-js's own memory accounting (coefficients, component lines, output) reaches ~21 bytes a pixel at 4:4:4. */
const JPEG_JS_BYTES_PER_PIXEL = 24;

function decodeJpeg(bytes: Uint8Array, maxPixels: number): RgbImage {
  // jpeg-js's own pixel cap backs up the header check (checkImageSize) for frames it finds that jpegSize did not;
  // its memory cap (512 MB by default, which refused a 64-megapixel 4:4:4 frame the pixel budget allowed) follows.
  const options = {
    useTArray: true, formatAsRGBA: false, maxResolutionInMP: maxPixels / 1e6,
    maxMemoryUsageInMB: Math.max(512, Math.ceil((maxPixels * JPEG_JS_BYTES_PER_PIXEL) / 2 ** 20)),
  } as const;
  const fancy = fancyChromaFactors(bytes);
  if (fancy) {
    // YCbCr as libjpeg (PIL) converts it: raw planes from jpeg-js, libjpeg's chroma upsampling and tables.
    const raw = jpeg.decode(bytes, { ...options, colorTransform: false });
    return checked({ width: raw.width, height: raw.height, data: fancyYccToRgb(raw.data, raw.width, raw.height, fancy.h, fancy.v) });
  }
  const decoded = jpeg.decode(bytes, options);
  return checked({ width: decoded.width, height: decoded.height, data: decoded.data });
}

function checked(image: RgbImage): RgbImage {
  if (!(image.width > 0 && image.height > 0) || image.data.length !== image.width * image.height * 3) {
    throw new Error(`decoded to ${image.width}x${image.height} with ${image.data.length} bytes`);
  }
  return image;
}
