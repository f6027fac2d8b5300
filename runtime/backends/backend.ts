import type { NeoNeXtConfig } from '../../compiler/spec/model-config.js';
import type { NeoCellPlan } from '../../compiler/plan/neocell-plan.js';
import type { BlockParams, NeoNeXtParams } from '../../nn/neonext-params.js';
import type { NeoCellGradients, NeoCellWeights } from '../../nn/reference/neocell.js';
import type { ModuleObserver } from '../../nn/reference/neonext.js';
import type { Tensor } from '../../nn/tensor.js';

/**
 * The GPU CUDA backend's name (`--backend cuda`), also runtime/cuda's label in messages and its cache folder: named
 * here once, as the architecture test lets only the backend-naming files spell a string equal to a target's name.
 */
export const CUDA_BACKEND = 'cuda' as const;

/** The backends that exist: what a created backend's `name` is. */
export const CONCRETE_BACKEND_NAMES = ['reference', 'webgpu', 'wasm', 'cuda-cpu', CUDA_BACKEND] as const;
export type ConcreteBackendName = (typeof CONCRETE_BACKEND_NAMES)[number];

/**
 * Backends selectable by name (`--backend`): a concrete one, or `auto` — WebGPU on a hardware adapter, otherwise
 * WebAssembly (runtime/backends/create-backend.ts says why it chose, on its report callback).
 */
export const BACKEND_NAMES = ['auto', ...CONCRETE_BACKEND_NAMES] as const;
export type BackendName = (typeof BACKEND_NAMES)[number];

/** A network with its weights placed on a backend (uploaded once), ready to run forward passes. */
export interface LoadedModel {
  readonly config: NeoNeXtConfig;
  /** input [N, 3, R, R] → logits [N, classes]; `observe` sees each top-level module's output where the backend can. */
  forward(input: Tensor, observe?: ModuleObserver): Promise<Tensor>;
  dispose(): void;
}

/**
 * What every backend (float64 reference, WebGPU, WebAssembly) offers to the conformance runner and to inference.
 * All methods take plans and typed parameters from the compiler, never raw specs.
 */
export interface Backend {
  readonly name: ConcreteBackendName;
  /** What actually runs, in words (e.g. the adapter), for reports. */
  readonly description: string;
  /** Default conformance bound on rel. L2 error: 1e-6 for the float64 reference, 1e-5 for float32 kernels. */
  readonly conformanceTolerance: number;
  neoCellForward(plan: NeoCellPlan, x: Tensor, weights: NeoCellWeights): Promise<Tensor>;
  neoCellBackward(plan: NeoCellPlan, x: Tensor, weights: NeoCellWeights, gradY: Tensor): Promise<NeoCellGradients>;
  neoNeXtBlock(plan: NeoCellPlan, x: Tensor, params: BlockParams): Promise<Tensor>;
  loadModel(config: NeoNeXtConfig, params: NeoNeXtParams): Promise<LoadedModel>;
  dispose(): Promise<void>;
}
