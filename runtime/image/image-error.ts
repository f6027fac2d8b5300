import { NeoccError } from '../../compiler/errors.js';

export type ImageErrorCode = 'unsupported-format' | 'not-found' | 'not-a-file' | 'too-large' | 'too-many-pixels' | 'corrupt-image';

/** An image file that cannot be classified as is; the message names the file. */
export class ImageError extends NeoccError {
  declare readonly code: ImageErrorCode;
  readonly source: string;

  constructor(code: ImageErrorCode, source: string, message: string) {
    super(code, `${source}: ${message}`);
    this.source = source;
  }
}
