/**
 * Image inputs where the engine has no image decoders of its own (Node): encoded bytes, Blobs, URLs and file paths
 * through neocc's JPEG/PNG decoders (./decode.ts, with their size checks). Loaded by image-input.ts with a dynamic
 * import; package.json's `browser` map puts entry/browser-stubs/node-image.ts in its place, so page bundles carry
 * neither these decoders nor jpeg-js.
 */
import { MAX_IMAGE_FILE_BYTES } from '../read-input-file.js';
import { decodeImage, readImageFile, type RgbImage } from './decode.js';
import { fetchImageBytes, imageTooLarge, inputName } from './fetch-image.js';
import type { BlobLike } from './image-input.js';

/** node:url, named by a variable so that bundlers never resolve it. */
const NODE_URL: string = 'node:url';

/** A string with a URL scheme of two or more letters (`C:\x.png` is a Windows path, not a URL). */
const URL_STRING = /^[a-z][a-z0-9+.-]+:/i;

/** Bytes, a Blob, a URL (file:, http(s):, data:) or a file path → RGB; `where` starts error messages. */
export async function readNodeImage(input: Uint8Array | URL | string | BlobLike, where: string): Promise<RgbImage> {
  if (input instanceof Uint8Array) return decodeImage(input, `${where}: bytes`);
  if (typeof input === 'string' && !URL_STRING.test(input)) return readImageFile(input);
  if (typeof input === 'string' || input instanceof URL) {
    const url = new URL(input);
    if (url.protocol !== 'file:') return decodeImage(await fetchImageBytes(url, inputName(where, url)), inputName(where, url));
    const { fileURLToPath } = (await import(/* @vite-ignore */ /* webpackIgnore: true */ NODE_URL)) as typeof import('node:url');
    return readImageFile(fileURLToPath(url));
  }
  const name = inputName(where, input);
  if (input.size > MAX_IMAGE_FILE_BYTES) throw imageTooLarge(name, input.size);
  return decodeImage(new Uint8Array(await input.arrayBuffer()), name);
}

