/**
 * Image inputs decoded by the browser (pages and workers): createImageBitmap decodes or snapshots the source, a 2D
 * canvas (OffscreenCanvas, else a <canvas>) gives its RGBA pixels, alpha is dropped (./rgba.ts). Only what this
 * module calls is declared, structurally, on `globalThis`: the package compiles without lib "dom".
 *
 * Pixels match neocc's own decoders for PNG (both are exact) and come within a few levels for JPEG (different IDCTs
 * and chroma upsampling). `colorSpaceConversion: 'none'` ignores embedded color profiles, as PIL's `convert('RGB')`
 * in upstream's loader does; browsers do apply EXIF orientation, which upstream and neocc's decoders ignore. Canvases
 * store premultiplied alpha: translucent pixels may move by a level and fully transparent ones read back as black,
 * where PIL keeps their color (documented in README; opaque images are unaffected).
 */
import { MAX_IMAGE_FILE_BYTES } from '../read-input-file.js';
import { fetchImageBytes, imageTooLarge, inputName } from './fetch-image.js';
import { ImageError } from './image-error.js';
import { checkImageSize, jpegSize, MAX_IMAGE_PIXELS, pngSize, sniffImageFormat } from './image-header.js';
import type { RgbImage } from './decode.js';
import { rgbaToRgb } from './rgba.js';

interface Bitmap {
  readonly width: number;
  readonly height: number;
  close(): void;
}

interface Context2d {
  drawImage(image: Bitmap, x: number, y: number): void;
  getImageData(x: number, y: number, width: number, height: number): { readonly width: number; readonly height: number; readonly data: Uint8ClampedArray };
}

interface Canvas2d {
  width: number;
  height: number;
  getContext(contextId: '2d', options?: { willReadFrequently?: boolean }): Context2d | null;
}

interface BlobHandle {
  readonly size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** The browser APIs used here; each may be missing (Node has Blob and fetch, but no createImageBitmap or canvas). */
interface BrowserApis {
  readonly createImageBitmap?: (source: unknown, options?: { premultiplyAlpha?: 'none'; colorSpaceConversion?: 'none' }) => Promise<Bitmap>;
  readonly OffscreenCanvas?: new (width: number, height: number) => Canvas2d;
  readonly document?: { createElement(tag: 'canvas'): Canvas2d };
  readonly Blob: new (parts: readonly Uint8Array[]) => BlobHandle;
  readonly location?: { readonly href: string };
}

const web = globalThis as unknown as BrowserApis;

/** Whether this engine decodes images itself: createImageBitmap and a 2D canvas (pages and workers, not Node). */
export function browserDecodes(): boolean {
  return typeof web.createImageBitmap === 'function' && (typeof web.OffscreenCanvas === 'function' || web.document !== undefined);
}

/** What image-input.ts found the input to be, for the inputs decoded here. */
export type BrowserInputKind = 'bytes' | 'url' | 'string' | 'blob' | 'element' | 'canvas' | 'bitmap';

/** One input → RGB through the browser's decoders; `where` starts error messages. */
export async function readBrowserImage(input: unknown, kind: BrowserInputKind, where: string): Promise<RgbImage> {
  switch (kind) {
    case 'bytes':
      return pixels(new web.Blob([checkedBytes(input as Uint8Array, `${where}: bytes`)]), `${where}: bytes`);
    case 'blob': {
      const name = inputName(where, input as BlobHandle);
      if ((input as BlobHandle).size > MAX_IMAGE_FILE_BYTES) throw imageTooLarge(name, (input as BlobHandle).size);
      checkedBytes(new Uint8Array(await (input as BlobHandle).arrayBuffer()), name);
      return pixels(input, name);
    }
    case 'url':
    case 'string': {
      const url = new URL(String(input), web.location?.href);
      const name = inputName(where, url);
      return pixels(new web.Blob([checkedBytes(await fetchImageBytes(url, name), name)]), name);
    }
    case 'element': {
      const element = input as { decode(): Promise<void>; currentSrc?: string; src?: string };
      const name = `${where}: <img${element.currentSrc || element.src ? ` src="${element.currentSrc || element.src}"` : ''}>`;
      // decode() waits for a pending load and fails for a broken or missing image (createImageBitmap would throw InvalidStateError).
      await element.decode().catch((err: unknown) => {
        throw new ImageError('corrupt-image', name, `the image element did not load or decode: ${(err as Error).message}`);
      });
      return pixels(input, name);
    }
    case 'canvas':
      return pixels(input, `${where}: canvas`);
    case 'bitmap':
      return pixels(input, `${where}: ImageBitmap`);
  }
}

/** Encoded bytes within the file budget; a PNG's or JPEG's header size within the pixel budget before the browser decodes it. */
function checkedBytes(bytes: Uint8Array, name: string): Uint8Array {
  if (bytes.length > MAX_IMAGE_FILE_BYTES) throw imageTooLarge(name, bytes.length);
  const format = sniffImageFormat(bytes);
  const size = format === 'png' ? pngSize(bytes, name) : format === 'jpeg' ? jpegSize(bytes) : undefined;
  if (size) checkImageSize(size, format === 'png' ? 'PNG' : 'JPEG', name, MAX_IMAGE_PIXELS);
  return bytes;
}

/** The source's pixels: createImageBitmap, then drawn on a canvas and read back as RGBA. */
async function pixels(source: unknown, name: string): Promise<RgbImage> {
  let bitmap: Bitmap;
  try {
    bitmap = await web.createImageBitmap!(source, { premultiplyAlpha: 'none', colorSpaceConversion: 'none' });
  } catch (err) {
    throw new ImageError('corrupt-image', name, `the browser cannot decode it: ${(err as Error).message}`);
  }
  try {
    const { width, height } = bitmap;
    checkImageSize({ width, height }, 'image', name);
    const canvas = web.OffscreenCanvas ? new web.OffscreenCanvas(width, height) : web.document!.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context) throw new ImageError('corrupt-image', name, 'no 2D canvas context to read its pixels');
    context.drawImage(bitmap, 0, 0);
    return rgbaToRgb(context.getImageData(0, 0, width, height), name);
  } finally {
    bitmap.close();
  }
}
