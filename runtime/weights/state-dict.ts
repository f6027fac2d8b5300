import { IGNORED_KEY_SUFFIXES, type StateDictSchema } from '../../compiler/spec/neonext-state-dict.js';
import { formatShape, sameShape, type Tensor } from '../../nn/tensor.js';
import { firstNonFinite } from './finite.js';
import { WeightsError } from './weights-error.js';

/** Named tensors with upstream keys (no `module.` prefix). */
export type StateDict = ReadonlyMap<string, Tensor>;

/** Anything that holds named tensors: a safetensors file, a PyTorch checkpoint, an in-memory map. */
export interface TensorSource {
  readonly source: string;
  readonly names: readonly string[];
  /** Shape without reading the data (undefined when absent). */
  shapeOf(name: string): readonly number[] | undefined;
  tensor(name: string): Tensor;
}

export function tensorSourceFromMap(source: string, tensors: ReadonlyMap<string, Tensor>): TensorSource {
  return {
    source,
    names: [...tensors.keys()],
    shapeOf: (name) => tensors.get(name)?.shape,
    tensor: (name) => {
      const t = tensors.get(name);
      if (!t) throw new WeightsError('missing-tensor', source, `no tensor named "${name}"`);
      return t;
    },
  };
}

/** Released checkpoints were saved from DistributedDataParallel: every key starts with `module.`. */
const DDP_PREFIX = 'module.';

/**
 * Reads exactly the tensors of `schema` from `file`, accepting keys with or without `module.`, ignoring BatchNorm's
 * `num_batches_tracked`, and failing with the key name on anything missing, unexpected or mis-shaped, or holding a
 * NaN or an infinity (a diverged or damaged checkpoint would otherwise yield NaN logits that look like a result).
 */
export function loadStateDict(file: TensorSource, schema: StateDictSchema): StateDict {
  const byKey = new Map<string, string>();
  for (const name of file.names) {
    const key = name.startsWith(DDP_PREFIX) ? name.slice(DDP_PREFIX.length) : name;
    if (IGNORED_KEY_SUFFIXES.some((suffix) => key.endsWith(suffix))) continue;
    if (byKey.has(key)) throw new WeightsError('unexpected-tensor', file.source, `tensor "${key}" appears both with and without "${DDP_PREFIX}"`);
    byKey.set(key, name);
  }
  const missing = [...schema.keys()].filter((key) => !byKey.has(key));
  if (missing.length > 0) {
    throw new WeightsError('missing-tensor', file.source,
      `${missing.length} expected tensor(s) missing, e.g. ${listSome(missing)} — does the architecture (--arch/--layers/--dims/--kernel-spec) match the checkpoint?`);
  }
  const unexpected = [...byKey.keys()].filter((key) => !schema.has(key));
  if (unexpected.length > 0) {
    throw new WeightsError('unexpected-tensor', file.source,
      `${unexpected.length} tensor(s) not in the architecture, e.g. ${listSome(unexpected)} — does the architecture match the checkpoint?`);
  }
  const dict = new Map<string, Tensor>();
  for (const [key, shape] of schema) {
    const tensor = file.tensor(byKey.get(key)!);
    if (!sameShape(tensor.shape, shape)) {
      throw new WeightsError('shape-mismatch', file.source, `tensor "${key}" has shape ${formatShape(tensor.shape)}, the architecture expects ${formatShape(shape)}`);
    }
    const bad = firstNonFinite(tensor);
    if (bad) {
      throw new WeightsError('non-finite-tensor', file.source,
        `tensor "${key}" ${formatShape(tensor.shape)} holds ${bad.value} at flat index ${bad.index}; weights must be finite (a diverged or damaged checkpoint?)`);
    }
    dict.set(key, tensor);
  }
  return dict;
}

function listSome(keys: readonly string[]): string {
  const shown = keys.slice(0, 3).map((k) => `"${k}"`).join(', ');
  return keys.length > 3 ? `${shown} (+${keys.length - 3} more)` : shown;
}
