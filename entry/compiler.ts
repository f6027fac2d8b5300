/**
 * `import … from 'neocc/compiler'`: specs, plans, the kernel IR, target records, kernel builders and the schedule's
 * programs, so a build step can compile kernels for its own NeoCell specs and models. `neocc gen` and ONNX export
 * need optional packages (ts-morph, onnx-proto): loadGen() / loadOnnxExport() import them on call and say what to
 * install when they are missing.
 */
import { importOptional } from '../compiler/optional-package.js';

export { kernelIR, makeArtifact, type BindingInfo, type KernelArtifact } from '../compiler/artifact.js';
export { NeoccError, NotSupportedError } from '../compiler/errors.js';
export { foldGrid, type Grid, type Launch, type UniformValues } from '../compiler/launch.js';
export type { KernelIR, UniformField } from '../compiler/ir/ir.js';
export { verifyKernel } from '../compiler/ir/verify.js';
export { planNeoCell, type NeoCellPlan } from '../compiler/plan/neocell-plan.js';
export {
  canonicalSpec, neoCellOutputShape, parseNeoCellSpec, parseSpecArgument, specFromCode, type NeoCellSpec, type Shape4,
} from '../compiler/spec/neocell-spec.js';
export {
  ARCHITECTURE_NAMES, modelConfig, RELEASED_RESOLUTIONS, releasedConfig, type ArchitectureName, type NeoNeXtConfig,
} from '../compiler/spec/model-config.js';
export { SpecError } from '../compiler/spec/spec-error.js';
export {
  ASSEMBLYSCRIPT, CUDA, TARGET_NAMES, TARGETS, targetByName, WGSL, withLimits, type KernelTarget, type TargetLimits, type TargetName,
} from '../compiler/targets/index.js';
export { compileNeoCellBackward, compileNeoCellForward } from '../kernels/neocell/compile.js';
export { allArtifacts, modelKernels, type ModelKernels } from '../schedule/model-kernels.js';
export { neoCellBackwardProgram, neoCellForwardProgram } from '../schedule/neocell.js';
export { modelForwardProgram, modelWeights } from '../schedule/neonext.js';
export type { Dispatch, Program, ProgramBuffer, WeightTensor } from '../schedule/program.js';

/** `neocc gen`'s API (compiler/gen/generate.ts); needs the optional package ts-morph. */
export function loadGen(): Promise<typeof import('../compiler/gen/generate.js')> {
  return importOptional('ts-morph', () => import('../compiler/gen/generate.js'));
}

/** ONNX export (compiler/onnx/export-neonext.ts); needs the optional package onnx-proto. */
export function loadOnnxExport(): Promise<typeof import('../compiler/onnx/export-neonext.js')> {
  return importOptional('onnx-proto', () => import('../compiler/onnx/export-neonext.js'));
}
