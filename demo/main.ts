/**
 * The neocc demo page: pick a model (the bundled neonext-mini checkpoint, a synthetic NeoNeXt-T-224 or your own
 * `.pt`/`.safetensors`), drop an image, see the top-5 with probabilities and the time per stage. WebGPU when the
 * browser has it, WebAssembly otherwise; the wasm kernels were compiled at build time by the neoccKernels Vite plugin
 * (vite.config.ts), so the page never runs asc. Also drives test/browser-demo.test.ts through `window.neoccDemo`.
 */
import { wasmModels } from 'virtual:neocc-kernels';
import miniWeightsUrl from '../test/fixtures/model/neonext-mini.safetensors?url';
import miniGoldenUrl from '../test/fixtures/model/neonext-mini.golden.safetensors?url';
import { neoNeXtSchema } from '../compiler/spec/neonext-state-dict.js';
import type { NeoNeXtConfig } from '../compiler/spec/model-config.js';
import { neoNeXtParams } from '../nn/neonext-params.js';
import { Tensor } from '../nn/tensor.js';
import type { Backend, LoadedModel } from '../runtime/backends/backend.js';
import { createBackend } from '../runtime/backends/create-backend.js';
import { imageInputToTensor } from '../runtime/image/image-input.js';
import { checkedLogits } from '../runtime/model/checked-logits.js';
import { resolveModelConfig } from '../runtime/model/resolve-config.js';
import { topK } from '../runtime/model/top-k.js';
import { missingPrebuiltWasm, registerPrebuiltWasm } from '../runtime/wasm/prebuilt.js';
import { engineValidates } from '../runtime/wasm/simd-variant.js';
import { parseSafetensors } from '../runtime/weights/safetensors.js';
import { parseTensorFile } from '../runtime/weights/read-tensor-file.js';
import { loadStateDict, tensorSourceFromMap, type TensorSource } from '../runtime/weights/state-dict.js';
import { syntheticInput, syntheticStateDict } from '../runtime/weights/synthetic.js';
import type { DemoApi, DemoResult } from './demo-result.js';

type ModelChoice = 'mini' | 't224' | 'file';
type BackendChoice = 'auto' | 'webgpu' | 'wasm';

interface Loaded {
  readonly key: string;
  readonly config: NeoNeXtConfig;
  readonly backend: Backend;
  readonly model: LoadedModel;
}


const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const ui = {
  model: $<HTMLSelectElement>('model'), weights: $<HTMLInputElement>('weights'), backend: $<HTMLSelectElement>('backend'),
  sample: $<HTMLButtonElement>('sample'), drop: $('drop'), image: $<HTMLInputElement>('image'), status: $('status'),
  error: $('error'), result: $('result'), top5: $<HTMLOListElement>('top5'), chart: $('chart'), backendLine: $('backend-line'),
};

let loaded: Loaded | undefined;
let userWeights: { name: string; bytes: Uint8Array } | undefined;

async function fetchBytes(url: URL | string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${String(url)}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

async function weightsFor(choice: ModelChoice): Promise<{ source: TensorSource | 'synthetic'; options: { arch?: string; resolution?: number } }> {
  if (choice === 't224') return { source: 'synthetic', options: { arch: 'neonext-t', resolution: 224 } };
  if (choice === 'mini') return { source: parseSafetensors(await fetchBytes(miniWeightsUrl), 'neonext-mini.safetensors'), options: { resolution: 128 } };
  if (!userWeights) throw new Error('choose a checkpoint file first (.pt or .safetensors)');
  return { source: parseTensorFile(userWeights.bytes, userWeights.name), options: {} };
}

/** WebAssembly needs the kernels the plugin compiled for this model: registered once, or a clear error. */
async function registerKernels(config: NeoNeXtConfig): Promise<void> {
  const entry = Object.values(wasmModels).find((m) => missingPrebuiltWasm(config, m).length === 0);
  if (!entry) {
    throw new Error(`no prebuilt WebAssembly kernels for ${config.name} (dims ${config.dims.join(',')}, ${config.resolution} px): ` +
      `add it to neoccKernels({ models }) in demo/vite.config.ts, or use WebGPU`);
  }
  await registerPrebuiltWasm(entry, fetchBytes);
}

async function openBackend(choice: BackendChoice, config: NeoNeXtConfig): Promise<Backend> {
  if (choice !== 'wasm') {
    try {
      return await createBackend('webgpu');
    } catch (err) {
      if (choice === 'webgpu') throw err;
      status(`WebGPU unavailable (${(err as Error).message.split('\n')[0]}); using WebAssembly`);
    }
  }
  await registerKernels(config);
  // The plugin built both SIMD variants: relaxed SIMD's FMA kernels where the browser has it (Chrome >= 114).
  return createBackend('wasm', { threads: 1, wasmSimd: engineValidates('relaxed-simd') ? 'relaxed' : 'plain' });
}

async function load(choice: ModelChoice, backendChoice: BackendChoice): Promise<Loaded> {
  const key = `${choice}/${backendChoice}/${choice === 'file' ? userWeights?.name : ''}`;
  if (loaded?.key === key) return loaded;
  if (loaded) {
    loaded.model.dispose();
    await loaded.backend.dispose();
    loaded = undefined;
  }
  status('Reading the weights…');
  const { source, options } = await weightsFor(choice);
  const config = resolveModelConfig(options, source);
  const schema = neoNeXtSchema(config);
  const dict = loadStateDict(source === 'synthetic' ? tensorSourceFromMap('synthetic', syntheticStateDict(schema)) : source, schema);
  status(`Preparing ${config.name}…`);
  const backend = await openBackend(backendChoice, config);
  try {
    const model = await backend.loadModel(config, neoNeXtParams(config, dict));
    loaded = { key, config, backend, model };
    return loaded;
  } catch (err) {
    await backend.dispose();
    throw err;
  }
}

async function classify(input: Tensor | 'sample'): Promise<DemoResult> {
  const l = await load(ui.model.value as ModelChoice, ui.backend.value as BackendChoice);
  const tensor = input !== 'sample' ? input
    : ui.model.value === 'mini' ? parseSafetensors(await fetchBytes(miniGoldenUrl), 'neonext-mini.golden.safetensors').tensor('input')
      : syntheticInput(l.config.resolution);
  status(`Running ${l.config.name} on ${l.backend.name}…`);
  const stagesMs: Record<string, number> = {};
  let last = performance.now();
  const logits = checkedLogits(await l.model.forward(tensor, (module) => {
    const now = performance.now();
    stagesMs[module] = now - last;
    last = now;
  }));
  const [n, classes] = logits.shape as [number, number];
  // The API's scores: ImageNet names for 1000 classes (`class <i>` otherwise), float64 softmax probabilities.
  const top5 = Array.from({ length: n }, (_, i) => topK(logits.data.subarray(i * classes, (i + 1) * classes), 5)
    .map(({ label, probability }) => ({ label, probability })));
  const result = { logits: Array.from(logits.data), shape: logits.shape, backend: l.backend.name, description: l.backend.description, top5, stagesMs };
  show(result);
  return result;
}

function show(r: DemoResult): void {
  ui.top5.replaceChildren(...r.top5[0]!.map((t) => {
    const li = document.createElement('li');
    li.textContent = `${t.label}: ${(100 * t.probability).toFixed(1)}%`;
    const bar = document.createElement('span');
    bar.className = 'prob';
    bar.style.width = `${Math.max(1, 200 * t.probability)}px`;
    li.append(bar);
    return li;
  }));
  const max = Math.max(...Object.values(r.stagesMs));
  ui.chart.replaceChildren(...Object.entries(r.stagesMs).map(([stage, ms]) => {
    const row = document.createElement('div');
    row.className = 'bar';
    const name = document.createElement('span');
    name.textContent = stage;
    const bar = document.createElement('div');
    bar.style.width = `${Math.max(1, (300 * ms) / max)}px`;
    const value = document.createElement('span');
    value.textContent = `${ms.toFixed(1)} ms`;
    row.append(name, bar, value);
    return row;
  }));
  ui.backendLine.textContent = `Backend: ${r.backend} — ${r.description}`;
  ui.result.hidden = false;
  status(`Done: ${r.shape[0]} image(s), ${Object.values(r.stagesMs).reduce((a, b) => a + b, 0).toFixed(1)} ms.`);
}

function status(text: string): void {
  ui.status.textContent = text;
}

/** Every failure lands on the page, one clear line, not only in the console. */
async function guarded<T>(work: () => Promise<T>): Promise<T | undefined> {
  ui.error.hidden = true;
  try {
    return await work();
  } catch (err) {
    ui.error.textContent = `Error: ${(err as Error).message}`;
    ui.error.hidden = false;
    status('Failed.');
    console.error(err);
    return undefined;
  }
}

/** The browser's own decoder (the API's image inputs), then upstream's evaluation preprocessing at the model's resolution. */
async function imageTensor(file: Blob): Promise<Tensor> {
  const l = await load(ui.model.value as ModelChoice, ui.backend.value as BackendChoice);
  return imageInputToTensor(file, l.config.resolution);
}

const classifyFile = (file: Blob): Promise<DemoResult | undefined> => guarded(async () => classify(await imageTensor(file)));

ui.sample.addEventListener('click', () => void guarded(() => classify('sample')));
ui.image.addEventListener('change', () => {
  if (ui.image.files?.[0]) void classifyFile(ui.image.files[0]);
});
ui.model.addEventListener('change', () => {
  if (ui.model.value === 'file') ui.weights.click();
});
ui.weights.addEventListener('change', () => void guarded(async () => {
  const file = ui.weights.files?.[0];
  if (!file) return;
  userWeights = { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
  status(`Checkpoint ${file.name} (${(file.size / 1e6).toFixed(1)} MB) chosen: run the sample input or drop an image.`);
}));
ui.drop.addEventListener('dragover', (e) => {
  e.preventDefault();
  ui.drop.classList.add('over');
});
ui.drop.addEventListener('dragleave', () => ui.drop.classList.remove('over'));
ui.drop.addEventListener('drop', (e) => {
  e.preventDefault();
  ui.drop.classList.remove('over');
  const file = e.dataTransfer?.files[0];
  if (file) void classifyFile(file);
});

/** For test/browser-demo.test.ts: choose, run the sample input, return what the page shows. */
const api: DemoApi = {
  async run(model, backend) {
    ui.model.value = model;
    ui.backend.value = backend;
    return (await guarded(() => classify('sample'))) ?? { error: ui.error.textContent ?? '' };
  },
};
(globalThis as unknown as { neoccDemo: DemoApi }).neoccDemo = api;
status('Ready: run the sample input, or drop an image.');
