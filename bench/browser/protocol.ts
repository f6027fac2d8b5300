import type { OnnxForm } from '../../compiler/onnx/export-neonext.js';

/**
 * What the Node driver (bench/browser/run.ts) and the page (bench/browser/page.ts) exchange through page.evaluate:
 * plain JSON values only.
 */

/** The global the page defines once its module has run. */
export const BENCH_GLOBAL = '__neoccBrowserBench';

export type Engine = 'neocc' | 'onnxruntime-web';
export type Device = 'wasm' | 'webgpu';
/** neocc's AssemblyScript kernel variant: plain 128-bit SIMD, or relaxed SIMD (f32x4.relaxed_madd GEMMs). */
export type NeoccSimd = 'plain' | 'relaxed';

/** One row to measure. */
export interface RowSpec {
  readonly id: string;
  readonly engine: Engine;
  readonly device: Device;
  /** wasm threads (1 on WebGPU). */
  readonly threads: number;
  /** neocc wasm only. */
  readonly simd?: NeoccSimd;
  /** onnxruntime-web only: which exported ONNX form (compiler/onnx). */
  readonly form?: OnnxForm;
  readonly warmup: number;
  readonly runs: number;
  /** Timing stops once the row's warm-up and timed runs took this long (after at least one timed run). */
  readonly budgetMs: number;
}

/** What the page measured for a row (times in ms; `performance.now()` in the page). */
export interface RowMeasurement {
  /** What ran, in the engine's words (neocc: the backend line; ORT: build, EP, threads). */
  readonly runtime: string;
  /** Session/model creation: kernels registered and compiled, weights in place (the ORT session: model parsed, EP set up). */
  readonly loadMs: number;
  /** The first forward after load (kernel/pipeline compilation that happens lazily lands here). */
  readonly firstRunMs: number;
  /** The timed runs after `warmup` more. */
  readonly samplesMs: readonly number[];
  readonly logits: readonly number[];
  /** WebGPU: the adapter that ran (GPUAdapterInfo fields). */
  readonly adapter?: AdapterInfo;
}

/** A row the page could not run: `notSupported` when the engine said so (NotSupportedError or equivalent), else an error. */
export interface RowError {
  readonly error: string;
  readonly notSupported: boolean;
}

export type RowOutcome = RowMeasurement | RowError;

export interface AdapterInfo {
  readonly vendor: string;
  readonly architecture: string;
  readonly device: string;
  readonly description: string;
}

/** The page's environment. */
export interface PageInfo {
  readonly userAgent: string;
  readonly crossOriginIsolated: boolean;
  readonly hardwareConcurrency: number;
  /** WebAssembly.validate of a relaxed_madd module (runtime/wasm/simd-variant.ts). */
  readonly relaxedSimd: boolean;
  readonly relaxedMaddFused: boolean | null;
  /** navigator.gpu's adapter, or why there is none. */
  readonly adapter: AdapterInfo | { readonly error: string };
}

/** A cold start: a fresh browser profile loads the page, which runs one row's engine once. */
export interface ColdMeasurement {
  /** From navigation start (performance.timeOrigin) to the first logits in hand. */
  readonly pageToFirstResultMs: number;
  /** Of which: the page's module started running (HTML and bundle fetched and evaluated). */
  readonly scriptStartMs: number;
  readonly loadMs: number;
  readonly firstRunMs: number;
  readonly logits: readonly number[];
}

export interface BenchApi {
  info(): Promise<PageInfo>;
  run(spec: RowSpec): Promise<RowOutcome>;
  /** The cold run the page started on load when its URL named a row (`?cold=<id>`), else undefined. */
  cold(): Promise<ColdMeasurement | RowError | undefined>;
}

/** The page learns the model from /bench-config.json: the config and the ORT assets the driver prepared. */
export interface BenchPageConfig {
  /** A NeoNeXtConfig (plain JSON). */
  readonly config: unknown;
  /** Cold-start rows by id (the page reads `?cold=<id>`). */
  readonly coldRows: readonly RowSpec[];
}
