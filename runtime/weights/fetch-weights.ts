import { formatBytes, MAX_TENSOR_FILE_BYTES } from '../read-input-file.js';
import { parseTensorFile, readTensorFile } from './read-tensor-file.js';
import type { TensorSource } from './state-dict.js';
import { WeightsError } from './weights-error.js';

/** Bytes of a download so far, and in all (0 when the server sends no Content-Length). */
export type DownloadProgress = (loaded: number, total: number) => void;

/** node:url, named by a variable so that browser bundlers leave it out (file: URLs are read in Node only). */
const NODE_URL: string = 'node:url';

/**
 * A checkpoint (`.pt` zip or safetensors, told apart by content) at a URL: `file:` read from disk in Node (bounded like
 * `--weights`), anything else with fetch (browsers: http(s), blob:, data:). Downloads stop at MAX_TENSOR_FILE_BYTES
 * and on `signal`; `progress` sees each chunk.
 */
export async function fetchWeights(url: URL, options: { readonly signal?: AbortSignal; readonly progress?: DownloadProgress } = {}): Promise<TensorSource> {
  const source = url.href;
  if (url.protocol === 'file:') {
    const { fileURLToPath } = (await import(/* @vite-ignore */ /* webpackIgnore: true */ NODE_URL)) as typeof import('node:url');
    return readTensorFile(fileURLToPath(url));
  }
  const response = await fetch(url, options.signal ? { signal: options.signal } : {}).catch((err: unknown) => {
    if (options.signal?.aborted) throw err;
    throw new WeightsError('not-found', source, `cannot fetch: ${(err as Error).message}`);
  });
  if (!response.ok) throw new WeightsError('not-found', source, `HTTP ${response.status} ${response.statusText}`.trim());
  const total = Number(response.headers.get('content-length') ?? 0) || 0;
  const tooLarge = (n: number): WeightsError =>
    new WeightsError('too-large', source, `is ${n} bytes or more, over the ${formatBytes(MAX_TENSOR_FILE_BYTES)} limit for weights`);
  if (total > MAX_TENSOR_FILE_BYTES) throw tooLarge(total);
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  if (response.body) {
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      loaded += value.byteLength;
      if (loaded > MAX_TENSOR_FILE_BYTES) {
        await reader.cancel();
        throw tooLarge(loaded);
      }
      chunks.push(value);
      options.progress?.(loaded, total);
    }
  }
  const bytes = new Uint8Array(loaded);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return parseTensorFile(bytes, source);
}
