/**
 * The bench page (bundled by esbuild from these sources, bench/browser/bundle.ts): runs one row at a time on request
 * from the driver (bench/browser/run.ts) — neocc's WebAssembly or WebGPU runtime, or onnxruntime-web loaded as the
 * package ships it (its own ESM files and .wasm under /ort/) — on the same synthetic input, and returns times and
 * logits. Opened with `?cold=<row id>`, it runs that row once as soon as it loads, for the cold-start figure.
 */
import type * as Ort from 'onnxruntime-web';
import { NotSupportedError } from '../../compiler/errors.js';
import { modelConfig, type NeoNeXtConfig } from '../../compiler/spec/model-config.js';
import { neoNeXtSchema } from '../../compiler/spec/neonext-state-dict.js';
import { ASSEMBLYSCRIPT, ASSEMBLYSCRIPT_RELAXED_SIMD } from '../../compiler/targets/index.js';
import { neoNeXtParams, type NeoNeXtParams } from '../../nn/neonext-params.js';
import type { Tensor } from '../../nn/tensor.js';
import { registerPrebuiltWasm } from '../../runtime/wasm/prebuilt.js';
import { engineHas, relaxedMaddFuses } from '../../runtime/wasm/simd-variant.js';
import { WasmNeoNeXt } from '../../runtime/wasm/wasm-neonext.js';
import { WebGpuBackend } from '../../runtime/webgpu/webgpu-backend.js';
import { syntheticInput, syntheticStateDict } from '../../runtime/weights/synthetic.js';
import { BENCH_GLOBAL, type AdapterInfo, type BenchApi, type BenchPageConfig, type ColdMeasurement, type PageInfo, type RowError, type RowMeasurement, type RowOutcome, type RowSpec } from './protocol.js';

const scriptStartMs = performance.now();

/** The DOM globals this page uses (the repository's tsconfig has no DOM lib). */
const browser = globalThis as unknown as {
  readonly navigator: { readonly userAgent: string; readonly hardwareConcurrency: number; readonly gpu?: GPU };
  readonly location: { readonly search: string };
  readonly crossOriginIsolated: boolean;
};

/** One loaded engine: a forward on the bench input, and how to free it. */
interface Loaded {
  readonly runtime: string;
  forward(): Promise<ArrayLike<number>>;
  dispose(): Promise<void>;
  adapter?(): Promise<AdapterInfo | undefined>;
}

let pageConfig: Promise<BenchPageConfig> | undefined;
const benchConfig = (): Promise<BenchPageConfig> => (pageConfig ??= fetchJson<BenchPageConfig>('/bench-config.json'));

async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

async function fetchBytes(url: URL | string): Promise<ArrayBuffer> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${String(url)}: HTTP ${response.status}`);
  return response.arrayBuffer();
}

function adapterFields(info: GPUAdapterInfo | undefined): AdapterInfo | undefined {
  return info ? { vendor: info.vendor, architecture: info.architecture, device: info.device, description: info.description } : undefined;
}

/** Registers the kernel set the driver prepared for this row (served under /kernels/<set>/), if any. */
async function registerKernels(set: string, shared: boolean): Promise<void> {
  const list = await fetch(`/kernels/${set}/index.json`);
  if (!list.ok) return; // not prepared: the runtime looks for its kernels itself (and says what is missing)
  const kernels = (await list.json()) as { key: string; file: string }[];
  await registerPrebuiltWasm({ wasmKernels: kernels.map((k) => ({ key: k.key, url: `/kernels/${set}/${k.file}` })), wasmSharedMemory: shared }, fetchBytes);
}

async function loadNeocc(spec: RowSpec, config: NeoNeXtConfig, params: NeoNeXtParams, input: Tensor): Promise<Loaded> {
  if (spec.device === 'webgpu') {
    const backend = await WebGpuBackend.create();
    const model = await backend.loadModel(config, params);
    return {
      runtime: `neocc ${backend.description}`,
      forward: async () => (await model.forward(input)).data,
      dispose: async () => { model.dispose(); await backend.dispose(); },
    };
  }
  const relaxed = spec.simd === 'relaxed';
  const shared = spec.threads > 1;
  await registerKernels(`${relaxed ? 'relaxed' : 'plain'}${shared ? '-shared' : ''}`, shared);
  const target = relaxed ? ASSEMBLYSCRIPT_RELAXED_SIMD : ASSEMBLYSCRIPT;
  const model = await WasmNeoNeXt.load(config, params, { threads: spec.threads, target });
  return {
    runtime: `neocc WebAssembly, SIMD variant ${relaxed ? 'relaxed-simd (f32x4.relaxed_madd GEMMs)' : 'plain'}, ${spec.threads} thread${spec.threads > 1 ? 's' : ''}`,
    forward: async () => (await model.forward(input)).data,
    dispose: async () => model.dispose(),
  };
}

type OrtModule = typeof Ort;
const ortModules = new Map<string, Promise<OrtModule>>();

/**
 * onnxruntime-web as shipped (dist/ort.min.mjs = `import 'onnxruntime-web'`, dist/ort.webgpu.min.mjs =
 * `onnxruntime-web/webgpu`), one module instance per build and thread count: ORT reads env.wasm.numThreads once, when
 * its first session starts the wasm runtime, so each thread count gets its own instance (a distinct URL query makes
 * the browser evaluate the module again).
 */
function ortModule(device: 'wasm' | 'webgpu', threads: number): Promise<OrtModule> {
  const url = `/ort/${device === 'webgpu' ? 'ort.webgpu.min.mjs' : 'ort.min.mjs'}?threads=${threads}`;
  let module = ortModules.get(url);
  if (!module) {
    module = (import(/* @vite-ignore */ url) as Promise<OrtModule>).then((ort) => {
      ort.env.wasm.numThreads = threads;
      ort.env.wasm.proxy = false;
      return ort;
    });
    ortModules.set(url, module);
  }
  return module;
}

async function loadOrt(spec: RowSpec, config: NeoNeXtConfig, input: Tensor): Promise<Loaded> {
  if (spec.threads > 1 && !browser.crossOriginIsolated) {
    // ORT would quietly run one thread: say so instead of timing it as N.
    throw new NotSupportedError(`${spec.threads} threads: the page is not cross-origin isolated (no SharedArrayBuffer)`);
  }
  const ort = await ortModule(spec.device, spec.threads);
  const bytes = new Uint8Array(await fetchBytes(`/onnx/${spec.form}.onnx`));
  const session = await ort.InferenceSession.create(bytes, { executionProviders: [spec.device] });
  const r = config.resolution;
  const tensor = new ort.Tensor('float32', Float32Array.from(input.data), [1, 3, r, r]);
  const ep = spec.device === 'webgpu' ? 'WebGPU EP' : `wasm EP, numThreads ${spec.threads}`;
  return {
    runtime: `onnxruntime-web ${ort.env.versions.web ?? ''} (${spec.device === 'webgpu' ? 'onnxruntime-web/webgpu' : 'onnxruntime-web'}), ${spec.form} form, ${ep}`,
    forward: async () => (await session.run({ input: tensor })).logits!.data as Float32Array,
    dispose: () => session.release(),
    ...(spec.device === 'webgpu' ? { adapter: async () => adapterFields((await ort.env.webgpu.device).adapterInfo) } : {}),
  };
}

interface Model {
  readonly config: NeoNeXtConfig;
  readonly input: Tensor;
}

let model: Promise<Model> | undefined;
const benchModel = (): Promise<Model> => (model ??= benchConfig().then((c) => {
  const config = modelConfig(c.config as NeoNeXtConfig);
  return { config, input: syntheticInput(config.resolution) };
}));

/** Load (+ synthetic weights for neocc: ORT reads its weights from the .onnx), one first run, `warmup` more, `runs` timed. */
async function measure(spec: RowSpec): Promise<RowMeasurement & { readonly firstResultAt: number }> {
  const { config, input } = await benchModel();
  let t = performance.now();
  const loaded = spec.engine === 'neocc'
    ? await loadNeocc(spec, config, neoNeXtParams(config, syntheticStateDict(neoNeXtSchema(config))), input)
    : await loadOrt(spec, config, input);
  const loadMs = performance.now() - t;
  try {
    t = performance.now();
    let logits = await loaded.forward();
    const firstResultAt = performance.now();
    const firstRunMs = firstResultAt - t;
    const budgetEnd = performance.now() + spec.budgetMs;
    for (let i = 0; i < spec.warmup && performance.now() < budgetEnd; i++) logits = await loaded.forward();
    const samplesMs: number[] = [];
    for (let i = 0; i < spec.runs && (i === 0 || performance.now() < budgetEnd); i++) {
      t = performance.now();
      logits = await loaded.forward();
      samplesMs.push(performance.now() - t);
    }
    let adapter = await loaded.adapter?.();
    if (spec.device === 'webgpu' && spec.engine === 'neocc') {
      const info = await pageInfo();
      adapter = 'error' in info.adapter ? undefined : info.adapter;
    }
    return { runtime: loaded.runtime, loadMs, firstRunMs, firstResultAt, samplesMs, logits: Array.from(logits), ...(adapter ? { adapter } : {}) };
  } finally {
    await loaded.dispose();
  }
}

function rowError(err: unknown): RowError {
  const message = err instanceof Error ? err.message : String(err);
  return { error: message, notSupported: err instanceof NotSupportedError || /^not supported/i.test(message) };
}

async function run(spec: RowSpec): Promise<RowOutcome> {
  try {
    const { firstResultAt: _, ...m } = await measure(spec);
    return m;
  } catch (err) {
    return rowError(err);
  }
}

let info: Promise<PageInfo> | undefined;
function pageInfo(): Promise<PageInfo> {
  return (info ??= (async () => {
    let adapter: PageInfo['adapter'];
    try {
      const a = await browser.navigator.gpu?.requestAdapter();
      adapter = adapterFields(a?.info) ?? { error: browser.navigator.gpu ? 'requestAdapter() returned null' : 'navigator.gpu is missing' };
    } catch (err) {
      adapter = { error: (err as Error).message };
    }
    return {
      userAgent: browser.navigator.userAgent, crossOriginIsolated: browser.crossOriginIsolated, hardwareConcurrency: browser.navigator.hardwareConcurrency,
      relaxedSimd: engineHas('relaxed-simd'), relaxedMaddFused: relaxedMaddFuses() ?? null, adapter,
    };
  })());
}

/** `?cold=<id>`: that row, load and first result only, started as soon as the module runs. */
const coldId = new URLSearchParams(browser.location.search).get('cold');
const coldRun: Promise<ColdMeasurement | RowError> | undefined = coldId === null ? undefined : (async () => {
  try {
    const spec = (await benchConfig()).coldRows.find((r) => r.id === coldId);
    if (!spec) throw new Error(`no cold row ${coldId}`);
    const m = await measure({ ...spec, warmup: 0, runs: 0 });
    return { pageToFirstResultMs: m.firstResultAt, scriptStartMs, loadMs: m.loadMs, firstRunMs: m.firstRunMs, logits: m.logits };
  } catch (err) {
    return rowError(err);
  }
})();

const api: BenchApi = { info: pageInfo, run, cold: async () => coldRun };
(globalThis as unknown as Record<string, BenchApi>)[BENCH_GLOBAL] = api;
