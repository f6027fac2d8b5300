import { NotSupportedError } from '../../compiler/errors.js';

/**
 * Browser builds get this instead of runtime/image/node-image.ts (package.json `browser` map): pages decode image
 * inputs with the browser's own decoders (runtime/image/browser-image.ts), so neocc's JPEG/PNG decoders and jpeg-js
 * stay out of their bundles. Reached only in an engine with neither createImageBitmap nor a canvas.
 */
export function readNodeImage(): never {
  throw new NotSupportedError('decoding images where the browser has no createImageBitmap and 2D canvas (the browser build has no decoders of its own); pass ImageData or an RgbImage');
}
