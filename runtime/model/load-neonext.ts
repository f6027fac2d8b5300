import { neoNeXtSchema } from '../../compiler/spec/neonext-state-dict.js';
import type { NeoNeXtConfig } from '../../compiler/spec/model-config.js';
import { neoNeXtParams } from '../../nn/neonext-params.js';
import type { ModuleObserver } from '../../nn/reference/neonext.js';
import { Tensor } from '../../nn/tensor.js';
import { NeoccError } from '../../compiler/errors.js';
import type { Backend, BackendName, LoadedModel } from '../backends/backend.js';
import { createBackend } from '../backends/create-backend.js';
import { imageInputToTensor, type ImageInput } from '../image/image-input.js';
import { fetchWeights } from '../weights/fetch-weights.js';
import { parseTensorFile } from '../weights/read-tensor-file.js';
import { loadStateDict, tensorSourceFromMap, type TensorSource } from '../weights/state-dict.js';
import { syntheticStateDict } from '../weights/synthetic.js';
import { checkedLogits } from './checked-logits.js';
import { resolveModelConfig, type ModelOptions } from './resolve-config.js';
import { topK, type ClassScore } from './top-k.js';

/** What loadNeoNeXt is doing, for a progress bar or a log. */
export interface LoadProgress {
  /** `weights`: reading or downloading the checkpoint; `backend`: starting one (`detail` names it and, for auto, its choice); `model`: placing the weights and kernels on it; `ready`. */
  readonly stage: 'weights' | 'backend' | 'model' | 'ready';
  /** Weights from a URL: bytes so far, and in all (0 when unknown). */
  readonly loaded?: number;
  readonly total?: number;
  readonly detail?: string;
}

export interface LoadNeoNeXtOptions extends ModelOptions {
  /**
   * Checkpoint bytes (PyTorch `.pt` zip or safetensors, told apart by content), a URL of one (fetched; `file:` read from
   * disk in Node), a parsed tensor source, or 'synthetic' (needs `arch`).
   */
  readonly weights: Uint8Array | URL | TensorSource | 'synthetic';
  /**
   * Backends in order of preference: each is started and the model loaded on it until one succeeds (a name is created
   * and owned by the model; an instance stays the caller's). Default ['auto']: the CLI's choice (WebGPU on a hardware
   * adapter, else WebAssembly).
   */
  readonly backends?: readonly (BackendName | Backend)[];
  /** One backend: the same as `backends: [backend]`. */
  readonly backend?: BackendName | Backend;
  readonly onProgress?: (progress: LoadProgress) => void;
  /**
   * Where a wasm backend created by name fetches the shipped kernels from, e.g. 'https://cdn.example/neocc/': the URL of
   * a copy of the package's `dist/generated/` folder (its `wasm/` and `wasm-shared/` subfolders). Default: next to the
   * generated modules. A WasmBackend instance passed in `backends` has its own option.
   */
  readonly wasmBaseUrl?: string | URL;
  /** Aborts the download and the load between stages (the promise rejects with the signal's reason). */
  readonly signal?: AbortSignal;
}

/**
 * What `forward` and `classify` take: the network input [N, 3, R, R], or images (image-input.ts: ImageData, an <img>,
 * a canvas, an ImageBitmap, a Blob, a URL, JPEG/PNG bytes, an RgbImage) run through upstream's eval transform.
 */
export type ModelInput = Tensor | ImageInput | readonly ImageInput[];

export interface NeoNeXtModel {
  readonly config: NeoNeXtConfig;
  /** The backend's description (e.g. the WebGPU adapter). */
  readonly backend: string;
  /**
   * input [N, 3, R, R], or images (one or an array: a batch) preprocessed at the model's resolution → logits
   * [N, classes]; a NeoccError ('non-finite-output') when any logit is NaN or infinite.
   */
  forward(input: ModelInput, observe?: ModuleObserver): Promise<Tensor>;
  /** The `k` best classes per image (default 5), best first, with labels and softmax probabilities. */
  classify(input: ModelInput, k?: number): Promise<ClassScore[][]>;
  /** Frees the weights on the device (and the backend, when the model created it). */
  dispose(): Promise<void>;
}

/**
 * One call from a checkpoint to a classifier:
 * `const model = await loadNeoNeXt({ weights: bytes, resolution: 224 }); (await model.classify(image))[0]`.
 * The architecture is read off the checkpoint unless `arch` / `layers` + `dims` say otherwise.
 */
export async function loadNeoNeXt(options: LoadNeoNeXtOptions): Promise<NeoNeXtModel> {
  const { signal, onProgress } = options;
  if (options.backend !== undefined && options.backends !== undefined) {
    throw new NeoccError('invalid-option', 'loadNeoNeXt: give backend or backends, not both');
  }
  const choices = options.backends ?? [options.backend ?? 'auto'];
  if (choices.length === 0) throw new NeoccError('invalid-option', 'loadNeoNeXt: backends is empty; give at least one (e.g. [\'auto\'])');
  signal?.throwIfAborted();
  onProgress?.({ stage: 'weights' });
  const source = options.weights instanceof Uint8Array ? parseTensorFile(options.weights, '<weights>')
    : options.weights instanceof URL
      ? await fetchWeights(options.weights, { ...(signal ? { signal } : {}), progress: (loaded, total) => onProgress?.({ stage: 'weights', loaded, total }) })
      : options.weights;
  const config = resolveModelConfig(options, source);
  const schema = neoNeXtSchema(config);
  const dict = loadStateDict(source === 'synthetic' ? tensorSourceFromMap('synthetic', syntheticStateDict(schema)) : source, schema);
  const params = neoNeXtParams(config, dict);
  const failures: string[] = [];
  for (const choice of choices) {
    signal?.throwIfAborted();
    const owned = typeof choice !== 'object';
    let backend: Backend | undefined;
    try {
      onProgress?.({ stage: 'backend', detail: owned ? choice : choice.name });
      backend = owned ? await createBackend(choice, { report: (line) => onProgress?.({ stage: 'backend', detail: line }), wasmBaseUrl: options.wasmBaseUrl }) : choice;
      onProgress?.({ stage: 'model', detail: backend.description });
      const loaded = await backend.loadModel(config, params);
      if (signal?.aborted) loaded.dispose();
      signal?.throwIfAborted();
      onProgress?.({ stage: 'ready', detail: backend.description });
      return neoNeXtModel(config, backend, owned, loaded);
    } catch (err) {
      if (owned) await backend?.dispose();
      // One backend, or an abort: the error as it is. Otherwise the next backend, and at the end every reason.
      if (choices.length === 1 || signal?.aborted) throw err;
      failures.push(`${owned ? choice : choice.name}: ${(err as Error).message}`);
    }
  }
  throw new NeoccError('no-backend', `no backend could load the model; tried ${failures.join('; ')}`);
}

function neoNeXtModel(config: NeoNeXtConfig, backend: Backend, owned: boolean, loaded: LoadedModel): NeoNeXtModel {
  const tensor = (input: ModelInput, where: string): Promise<Tensor> | Tensor =>
    input instanceof Tensor ? input : imageInputToTensor(input, config.resolution, { where });
  return {
    config,
    backend: backend.description,
    forward: async (input, observe) => checkedLogits(await loaded.forward(await tensor(input, 'forward'), observe)),
    classify: async (input, k = 5) => {
      const logits = checkedLogits(await loaded.forward(await tensor(input, 'classify')));
      const [n, classes] = logits.shape as [number, number];
      return Array.from({ length: n }, (_, i) => topK(logits.data.subarray(i * classes, (i + 1) * classes), k));
    },
    dispose: async () => {
      loaded.dispose();
      if (owned) await backend.dispose();
    },
  };
}
