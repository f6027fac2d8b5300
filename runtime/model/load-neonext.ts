import { neoNeXtSchema } from '../../compiler/spec/neonext-state-dict.js';
import type { NeoNeXtConfig } from '../../compiler/spec/model-config.js';
import { neoNeXtParams } from '../../nn/neonext-params.js';
import type { ModuleObserver } from '../../nn/reference/neonext.js';
import type { Tensor } from '../../nn/tensor.js';
import type { Backend, BackendName } from '../backends/backend.js';
import { createBackend } from '../backends/create-backend.js';
import { parseTensorFile } from '../weights/read-tensor-file.js';
import { loadStateDict, tensorSourceFromMap, type TensorSource } from '../weights/state-dict.js';
import { syntheticStateDict } from '../weights/synthetic.js';
import { checkedLogits } from './checked-logits.js';
import { resolveModelConfig, type ModelOptions } from './resolve-config.js';
import { topK, type ClassScore } from './top-k.js';

export interface LoadNeoNeXtOptions extends ModelOptions {
  /** checkpoint bytes (PyTorch `.pt` zip or safetensors, told apart by content), a parsed tensor source, or 'synthetic' (needs `arch`). */
  readonly weights: Uint8Array | TensorSource | 'synthetic';
  /** A backend name (created and owned by the model) or a backend instance (owned by the caller). Default 'webgpu'. */
  readonly backend?: BackendName | Backend;
}

export interface NeoNeXtModel {
  readonly config: NeoNeXtConfig;
  /** The backend's description (e.g. the WebGPU adapter). */
  readonly backend: string;
  /** input [N, 3, R, R] → logits [N, classes]; a NeoccError ('non-finite-output') when any logit is NaN or infinite. */
  forward(input: Tensor, observe?: ModuleObserver): Promise<Tensor>;
  /** The `k` best classes per image (default 5), best first. */
  classify(input: Tensor, k?: number): Promise<ClassScore[][]>;
  /** Frees the weights on the device (and the backend, when the model created it). */
  dispose(): Promise<void>;
}

/**
 * One call from a checkpoint to a classifier:
 * `const model = await loadNeoNeXt({ weights: bytes, resolution: 224 }); (await model.classify(image))[0]`.
 * The architecture is read off the checkpoint unless `arch` / `layers` + `dims` say otherwise.
 */
export async function loadNeoNeXt(options: LoadNeoNeXtOptions): Promise<NeoNeXtModel> {
  const source = options.weights instanceof Uint8Array ? parseTensorFile(options.weights, '<weights>') : options.weights;
  const config = resolveModelConfig(options, source);
  const schema = neoNeXtSchema(config);
  const dict = loadStateDict(source === 'synthetic' ? tensorSourceFromMap('synthetic', syntheticStateDict(schema)) : source, schema);
  const owned = typeof options.backend !== 'object';
  const backend = typeof options.backend === 'object' ? options.backend : await createBackend(options.backend ?? 'webgpu');
  try {
    const loaded = await backend.loadModel(config, neoNeXtParams(config, dict));
    return {
      config,
      backend: backend.description,
      forward: async (input, observe) => checkedLogits(await loaded.forward(input, observe)),
      classify: async (input, k = 5) => {
        const logits = checkedLogits(await loaded.forward(input));
        const [n, classes] = logits.shape as [number, number];
        return Array.from({ length: n }, (_, i) => topK(Array.from(logits.data.subarray(i * classes, (i + 1) * classes)), k));
      },
      dispose: async () => {
        loaded.dispose();
        if (owned) await backend.dispose();
      },
    };
  } catch (err) {
    if (owned) await backend.dispose();
    throw err;
  }
}
