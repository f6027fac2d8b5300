import { MAX_IMAGE_FILE_BYTES, formatBytes } from '../read-input-file.js';
import { ImageError } from './image-error.js';

/** An image input over the file budget (MAX_IMAGE_FILE_BYTES, as for image files on the command line). */
export function imageTooLarge(name: string, bytes: number): ImageError {
  return new ImageError('too-large', name, `is ${bytes} bytes, over the ${formatBytes(MAX_IMAGE_FILE_BYTES)} limit for an image`);
}

/** How messages name an input: `<where>: <url>` (long URLs, e.g. data:, cut), `<where>: file "x.png"` or `<where>: Blob`. */
export function inputName(where: string, input: URL | object): string {
  if (input instanceof URL) return `${where}: ${input.href.length > 200 ? `${input.href.slice(0, 200)}…` : input.href}`;
  const name = (input as { readonly name?: unknown }).name; // a File's
  return `${where}: ${typeof name === 'string' && name !== '' ? `file "${name}"` : 'Blob'}`;
}

/** The bytes at an http(s):, data: or blob: URL, bounded by MAX_IMAGE_FILE_BYTES; failures are ImageErrors naming it. */
export async function fetchImageBytes(url: URL, name: string): Promise<Uint8Array> {
  const response = await fetch(url).catch((err: unknown) => {
    throw new ImageError('not-found', name, `cannot fetch: ${(err as Error).message}`);
  });
  if (!response.ok) throw new ImageError('not-found', name, `HTTP ${response.status} ${response.statusText}`.trim());
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > MAX_IMAGE_FILE_BYTES) throw imageTooLarge(name, declared);
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes.length > MAX_IMAGE_FILE_BYTES) throw imageTooLarge(name, bytes.length);
  return bytes;
}
