import { NeoccError } from '../../compiler/errors.js';
import type { RgbImage } from './decode.js';

/**
 * RGBA pixels (ImageData, a canvas' getImageData) → RgbImage: alpha dropped, not composited, as PIL's
 * `convert('RGB')` in upstream's loader does.
 */
export function rgbaToRgb(image: { readonly width: number; readonly height: number; readonly data: ArrayLike<number> & { readonly length: number } }, where: string): RgbImage {
  const { width, height, data } = image;
  if (width <= 0 || height <= 0 || data.length !== width * height * 4) {
    throw new NeoccError('invalid-input', `${where}: RGBA pixels of ${width}x${height} need ${width * height * 4} bytes, got ${data.length}`);
  }
  const rgb = new Uint8Array(width * height * 3);
  for (let i = 0, j = 0; j < rgb.length; i += 4, j += 3) {
    rgb[j] = data[i]!;
    rgb[j + 1] = data[i + 1]!;
    rgb[j + 2] = data[i + 2]!;
  }
  return { width, height, data: rgb };
}
