/**
 * Reading the files users name on the command line (weights, `--input`, images), bounded: the path must be a regular
 * file (a device such as /dev/zero or /dev/urandom, a FIFO or a folder would be read forever, block, or fail with a
 * raw errno), and no larger than a budget stated per kind of file, checked before a byte is read.
 * `node:fs` is imported on call, so browser code may import the modules that import this one.
 */

/** Weights and `--input` tensor files: 4 GiB, over four times the largest released checkpoint (NeoNeXt-L, ~0.8 GB). */
export const MAX_TENSOR_FILE_BYTES = 4 * 1024 ** 3;
/** Image files: 64 MiB, far above any photo a classifier is given (a 24-megapixel JPEG is ~10 MB). */
export const MAX_IMAGE_FILE_BYTES = 64 * 1024 ** 2;

export type InputFileProblem = 'not-found' | 'not-a-file' | 'too-large';

const NODE_FS = 'node:fs/promises';
/** fs reads at most 2 GiB - 1 per call. */
const READ_CHUNK = 1 << 30;

/**
 * The bytes of the regular file at `path`, or `fail(problem, message)` (which throws the caller's error type): a
 * missing or unreadable path, one that is not a regular file (saying what it is), or one over `maxBytes` (saying the
 * limit). `what` names the kind of file in messages, with its article ("an image file (JPEG or PNG)").
 */
export async function readInputFile(path: string, maxBytes: number, what: string,
  fail: (problem: InputFileProblem, message: string) => never): Promise<Uint8Array> {
  // A variable specifier (as in runtime/webgpu/gpu-context.ts) keeps bundlers from resolving node:fs for browsers.
  const fs = (await import(/* @vite-ignore */ /* webpackIgnore: true */ NODE_FS)) as typeof import('node:fs/promises');
  const reason = (err: unknown): string => (err as NodeJS.ErrnoException).code ?? (err as Error).message;
  const stats = await fs.stat(path).catch((err: unknown) => fail('not-found', `cannot read: ${reason(err)}`));
  if (!stats.isFile()) fail('not-a-file', `is ${describeNonFile(stats)}, not a regular file; give the path of ${what}`);
  if (stats.size > maxBytes) fail('too-large', `is ${stats.size} bytes, over the ${formatBytes(maxBytes)} limit for ${what}`);
  const handle = await fs.open(path, 'r').catch((err: unknown) => fail('not-found', `cannot read: ${reason(err)}`));
  try {
    // Read what stat said, plus one byte to notice a file that grew past the budget since.
    const bytes = new Uint8Array(stats.size + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(bytes, length, Math.min(READ_CHUNK, bytes.length - length), null)
        .catch((err: unknown) => fail('not-found', `cannot read: ${reason(err)}`));
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length === bytes.length) fail('too-large', `grew while being read (stat said ${stats.size} bytes); is it still being written?`);
    }
    return bytes.subarray(0, length);
  } finally {
    await handle.close();
  }
}

function describeNonFile(stats: import('node:fs').Stats): string {
  if (stats.isDirectory()) return 'a directory';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isFIFO()) return 'a FIFO (named pipe)';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

export function formatBytes(n: number): string {
  return n >= 1024 ** 3 ? `${n / 1024 ** 3} GiB` : n >= 1024 ** 2 ? `${n / 1024 ** 2} MiB` : `${n} bytes`;
}
