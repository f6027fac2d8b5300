import { NeoccError } from '../../compiler/errors.js';

export type WeightsErrorCode =
  | 'truncated-file'
  | 'corrupt-header'
  | 'unsupported-dtype'
  | 'bad-offsets'
  | 'overlapping-tensors'
  | 'unindexed-bytes'
  | 'non-float-tensor'
  | 'missing-tensor'
  | 'unexpected-tensor'
  | 'shape-mismatch'
  | 'non-finite-tensor'
  | 'absurd-magnitudes'
  | 'unsupported-format'
  | 'not-found'
  | 'not-a-file'
  | 'too-large'
  // PyTorch torch.save checkpoints (runtime/weights/torch):
  | 'corrupt-archive'
  | 'corrupt-pickle'
  | 'unsupported-pickle'
  | 'missing-record'
  | 'storage-too-small'
  | 'view-too-large';

/** A weight or input file that cannot be used as is; the message names the file and, where there is one, the tensor. */
export class WeightsError extends NeoccError {
  declare readonly code: WeightsErrorCode;
  readonly source: string;

  constructor(code: WeightsErrorCode, source: string, message: string) {
    super(code, `${source}: ${message}`);
    this.source = source;
  }
}
