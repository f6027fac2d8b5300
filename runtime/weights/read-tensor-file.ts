import { MAX_TENSOR_FILE_BYTES, readInputFile } from '../read-input-file.js';
import { parseSafetensors } from './safetensors.js';
import type { TensorSource } from './state-dict.js';
import { parseTorchCheckpoint } from './torch/checkpoint.js';
import { WeightsError } from './weights-error.js';

/** What `readTensorFile` accepts, for messages. */
export const TENSOR_FILE_FORMATS = 'a PyTorch torch.save checkpoint (.pt/.pth, zip format) or a .safetensors file';

export type TensorFileFormat = 'torch' | 'safetensors';

/**
 * The format of tensor-file bytes, decided by content rather than by name: a zip (`PK\x03\x04`, or an empty zip's
 * `PK\x05\x06`) is a torch.save checkpoint; 8 bytes of header length followed by `{` is safetensors. A `.safetensors`
 * name also counts as safetensors, so a damaged one gets the safetensors reader's precise error.
 */
export function detectTensorFileFormat(bytes: Uint8Array, path: string): TensorFileFormat | undefined {
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6))) {
    return 'torch';
  }
  if ((bytes.length > 8 && bytes[8] === 0x7b) || path.endsWith('.safetensors')) return 'safetensors';
  return undefined;
}

/** Parses tensor-file bytes of any supported format (see detectTensorFileFormat); `source` names the file in errors. */
export function parseTensorFile(bytes: Uint8Array, source: string): TensorSource {
  switch (detectTensorFileFormat(bytes, source)) {
    case 'torch':
      return parseTorchCheckpoint(bytes, source);
    case 'safetensors':
      return parseSafetensors(bytes, source);
    default: {
      // torch.save before PyTorch 1.6 (or with _use_new_zipfile_serialization=False) writes a bare pickle stream.
      const legacy = bytes.length >= 2 && bytes[0] === 0x80 && bytes[1]! <= 5;
      throw new WeightsError('unsupported-format', source, legacy
        ? 'this is a legacy (non-zip) torch.save file, which is not supported; re-save it with PyTorch >= 1.6 ' +
          '(torch.save(torch.load(f), g)) or convert it to safetensors'
        : `not a recognized tensor file; supported: ${TENSOR_FILE_FORMATS}`);
    }
  }
}

/**
 * Reads a weights or input file (Node only): a torch.save checkpoint or a safetensors file, told apart by magic
 * bytes. The path must be a regular file of at most MAX_TENSOR_FILE_BYTES (see runtime/read-input-file.ts).
 */
export async function readTensorFile(path: string): Promise<TensorSource> {
  const bytes = await readInputFile(path, MAX_TENSOR_FILE_BYTES, 'a tensor file (weights or --input)', (problem, message) => {
    throw new WeightsError(problem, path, message);
  });
  return parseTensorFile(bytes, path);
}
