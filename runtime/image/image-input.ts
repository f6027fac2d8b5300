/**
 * The images `classify` / `forward` accept besides a Tensor, in the forms browser and Node apps hold them
 * (onnxruntime-web's `Tensor.fromImage`, transformers.js' `RawImage.read`): ImageData, an <img>, a canvas, an
 * ImageBitmap, a Blob/File, a URL, encoded JPEG/PNG bytes, or neocc's own RgbImage. The DOM types are described
 * structurally, so the declarations compile in apps with and without lib "dom" (and in Node).
 *
 * Decoding: where the engine has `createImageBitmap` (pages, workers), the browser's own decoders
 * (./browser-image.ts); elsewhere (Node) neocc's JPEG/PNG decoders with their size checks (./node-image.ts, a dynamic
 * import that package.json's `browser` map replaces, so page bundles never carry them).
 */
import { NeoccError } from '../../compiler/errors.js';
import type { Tensor } from '../../nn/tensor.js';
import { browserDecodes, readBrowserImage } from './browser-image.js';
import type { RgbImage } from './decode.js';
import { imagesToTensor, type EvalTransformOptions } from './preprocess.js';
import { rgbaToRgb } from './rgba.js';

/** The browser's ImageData: RGBA, 8 bits a channel, rows top to bottom. */
export interface ImageDataLike {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8ClampedArray;
}

/** A Blob or File (browsers; Node 18+ has Blob too). */
export interface BlobLike {
  readonly size: number;
  readonly type: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** An HTMLImageElement; it is decoded (`await image.decode()`) before its pixels are read, so a pending load is awaited. */
export interface ImageElementLike {
  readonly naturalWidth: number;
  readonly naturalHeight: number;
  decode(): Promise<void>;
}

/** An HTMLCanvasElement or OffscreenCanvas (any context: its pixels are read through createImageBitmap). */
export interface CanvasLike {
  readonly width: number;
  readonly height: number;
  getContext(contextId: '2d'): unknown;
}

/** An ImageBitmap. */
export interface ImageBitmapLike {
  readonly width: number;
  readonly height: number;
  close(): void;
}

/**
 * One image: ImageData, HTMLImageElement, HTMLCanvasElement, OffscreenCanvas, ImageBitmap, Blob/File, a URL or URL
 * string (in Node also a file path), encoded JPEG/PNG bytes, or an RgbImage. An array of these is one batch.
 */
export type ImageInput = RgbImage | ImageDataLike | ImageElementLike | CanvasLike | ImageBitmapLike | BlobLike | URL | string | Uint8Array;

export const ACCEPTED_IMAGE_INPUTS = 'a Tensor [N, 3, R, R], ImageData, HTMLImageElement, HTMLCanvasElement, OffscreenCanvas, ImageBitmap, ' +
  'Blob/File, a URL or URL string, JPEG/PNG bytes (Uint8Array), an RgbImage { width, height, data: width*height*3 bytes }, or an array of these';

/** What kind of input a value is; undefined when it is none of ImageInput's forms. */
type Kind = 'rgb' | 'rgba' | 'bytes' | 'url' | 'string' | 'blob' | 'element' | 'canvas' | 'bitmap';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isFunction = (v: unknown): boolean => typeof v === 'function';
const hasSize = (v: Record<string, unknown>): boolean => Number.isInteger(v.width) && Number.isInteger(v.height);

function kindOf(input: unknown): Kind | undefined {
  if (typeof input === 'string') return 'string';
  if (input instanceof URL) return 'url';
  if (input instanceof Uint8Array) return 'bytes';
  if (!isObject(input)) return undefined;
  if (isFunction(input.arrayBuffer) && typeof input.size === 'number') return 'blob';
  if (isFunction(input.decode) && typeof input.naturalWidth === 'number') return 'element';
  if (isFunction(input.getContext) && hasSize(input)) return 'canvas';
  if (hasSize(input) && input.data instanceof Uint8ClampedArray) return 'rgba';
  if (hasSize(input) && input.data instanceof Uint8Array) return 'rgb';
  if (isFunction(input.close) && hasSize(input)) return 'bitmap';
  return undefined;
}

/** A short description of a value that is not an image input, for the error. */
function describe(input: unknown): string {
  if (input === null || typeof input !== 'object') return input === null ? 'null' : typeof input;
  const name = (input as { constructor?: { name?: unknown } }).constructor?.name;
  return typeof name === 'string' && name !== '' && name !== 'Object' ? `a ${name}` : 'an object';
}

function unsupported(input: unknown, where: string): NeoccError {
  return new NeoccError('invalid-input', `${where}: unsupported image input (${describe(input)}); accepted: ${ACCEPTED_IMAGE_INPUTS}`);
}

/** Whether `input` is one of ImageInput's forms (not a Tensor, not an array). */
export function isImageInput(input: unknown): input is ImageInput {
  return kindOf(input) !== undefined;
}

/** One image input → 8-bit RGB pixels (decoded by the browser where it can, else by neocc's decoders). */
export async function readImage(input: ImageInput, where = 'readImage'): Promise<RgbImage> {
  const kind = kindOf(input);
  if (kind === undefined) throw unsupported(input, where);
  if (kind === 'rgb') return checkedRgb(input as RgbImage, where);
  if (kind === 'rgba') return rgbaToRgb(input as ImageDataLike, where);
  if (browserDecodes()) return readBrowserImage(input, kind, where);
  if (kind === 'element' || kind === 'canvas' || kind === 'bitmap') {
    throw new NeoccError('not-supported', `not supported: ${where}: reading ${describe(input)} (an image element, canvas or ImageBitmap) ` +
      'where there is no createImageBitmap (outside a browser); pass ImageData, an RgbImage, encoded bytes, a Blob or a URL');
  }
  const { readNodeImage } = await import('./node-image.js');
  return readNodeImage(input as Uint8Array | URL | string | BlobLike, where);
}

/**
 * One image or an array of them (one batch) → the network input [N, 3, R, R] through upstream's eval transform
 * (preprocess.ts) at `resolution`.
 */
export async function imageInputToTensor(input: ImageInput | readonly ImageInput[], resolution: number,
  options: EvalTransformOptions & { readonly where?: string } = {}): Promise<Tensor> {
  const where = options.where ?? 'imageInputToTensor';
  const inputs: readonly unknown[] = Array.isArray(input) ? input : [input];
  if (inputs.length === 0) throw new NeoccError('invalid-input', `${where}: an empty array of images; give at least one`);
  // Checked before any decoding, so a bad element fails at once, naming its position.
  inputs.forEach((one, i) => {
    if (!isImageInput(one)) throw unsupported(one, inputs.length > 1 ? `${where}: image ${i}` : where);
  });
  const images: RgbImage[] = [];
  for (const one of inputs as readonly ImageInput[]) images.push(await readImage(one, where));
  return imagesToTensor(images, resolution, options);
}

function checkedRgb(image: RgbImage, where: string): RgbImage {
  const { width, height, data } = image;
  if (width <= 0 || height <= 0 || data.length !== width * height * 3) {
    throw new NeoccError('invalid-input', `${where}: an RgbImage of ${width}x${height} needs ${width * height * 3} bytes (r, g, b per pixel), got ${data.length}`);
  }
  return image;
}
