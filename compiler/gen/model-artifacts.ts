import type { KernelArtifact } from '../artifact.js';
import type { NeoNeXtConfig } from '../spec/model-config.js';
import { allArtifacts, mlpArtifacts, modelKernels } from '../../schedule/model-kernels.js';
import type { KernelTarget } from '../targets/target.js';
import { sourceConfigs, type GenRequest } from './gen-request.js';

/**
 * The kernels of whole NeoNeXt models that `neocc gen --target assemblyscript|cuda --model …` writes next to the
 * NeoCell modules: exactly the set the model runtimes compile (`modelKernels(config, target)`, from the
 * same schedule module the runtime uses, so the generator and the runtime can never disagree on a key), so that registering the generated
 * binaries by key (runtime/wasm/prebuilt.ts) leaves the runtime nothing to compile.
 */

/** One kernel of a model: what it does in the forward (for readers) and the artifact. */
export interface ModelKernel {
  /** "stem", "stage_1 NeoCell", "stage_1 fc_1 + GELU", "downsample_2 conv", …; several roles joined by ", ". */
  readonly role: string;
  readonly artifact: KernelArtifact;
}

export interface CollectedModel {
  readonly config: NeoNeXtConfig;
  /** The config name as a file-name part (`model-<id>.ts`): lower case letters, digits and dashes. */
  readonly id: string;
  /** The model's distinct kernels (by key), in `allArtifacts` order: stem, head, stages, downsamples. */
  readonly kernels: readonly ModelKernel[];
}

/** `model-<id>.ts`: one module per model config. */
export function modelFileName(model: CollectedModel): string {
  return `model-${model.id}.ts`;
}

/** "neonext-t-224" stays; anything else is lower-cased with runs of other characters as one dash. */
function configId(name: string): string {
  const id = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (id === '') throw new Error(`neocc gen: model config name "${name}" has no letters or digits to name its module by`);
  return id;
}

/**
 * The models of a request whose whole forward pass gets generated: every config of a `--model` / `configs` source
 * when the target record asks for it (`genWholeModels`: AssemblyScript, whose runtime runs a model from shipped
 * binaries, and CUDA, whose host code includes the .cu files; WebGPU compiles WGSL itself), none otherwise. Configs of one name must be equal; a repeated config is kept once.
 */
export function collectModels(request: GenRequest): CollectedModel[] {
  if (request.target.genWholeModels !== true) return [];
  const byId = new Map<string, CollectedModel>();
  for (const config of sourceConfigs(request.source)) {
    const id = configId(config.name);
    const seen = byId.get(id);
    if (seen) {
      if (JSON.stringify(seen.config) !== JSON.stringify(config)) throw new Error(`neocc gen: two different model configs are both named "${id}"`);
      continue;
    }
    byId.set(id, Object.freeze({ config, id, kernels: Object.freeze(modelKernelList(config, request.target)) }));
  }
  return [...byId.values()];
}

/** allArtifacts(modelKernels(config, target)), distinct by key, each labelled with its role(s) in the forward. */
export function modelKernelList(config: NeoNeXtConfig, target: KernelTarget): ModelKernel[] {
  const k = modelKernels(config, target);
  const roles = new Map<string, string[]>();
  const label = (artifact: KernelArtifact, role: string): void => {
    const list = roles.get(artifact.key) ?? [];
    if (!list.includes(role)) list.push(role);
    roles.set(artifact.key, list);
  };
  label(k.stem, 'stem');
  label(k.head, 'head');
  k.stages.forEach((stage, s) => {
    label(stage.neocell, `stage_${s + 1} NeoCell`);
    const mlp = mlpArtifacts(stage);
    mlp.forEach((a, i) => label(a, mlp.length === 2 ? `stage_${s + 1} ${i === 0 ? 'fc_1 + GELU' : 'fc_2 + residual'}` : `stage_${s + 1} MLP`));
  });
  k.downsamples.forEach((d, s) => {
    label(d.conv, `downsample_${s + 1} conv`);
    label(d.neocell, `downsample_${s + 1} NeoCell`);
  });
  const kernels: ModelKernel[] = [];
  const seen = new Set<string>();
  for (const artifact of allArtifacts(k)) {
    if (seen.has(artifact.key)) continue;
    seen.add(artifact.key);
    kernels.push(Object.freeze({ role: roles.get(artifact.key)?.join(', ') ?? artifact.name, artifact }));
  }
  return kernels;
}

/** "layers 3,3,9,3, dims 96,192,384,768, 4+7 ×4, shifts 1,1,1,0, 1000 classes, 224x224": a header line. */
export function describeModel(config: NeoNeXtConfig): string {
  const specs = config.kernelSpecs.every((s) => s === config.kernelSpecs[0]) ? `${config.kernelSpecs[0]} ×${config.kernelSpecs.length}` : config.kernelSpecs.join(',');
  return `layers ${config.layers.join(',')}, dims ${config.dims.join(',')}, ${specs}, shifts ${config.shifts.join(',')}, ` +
    `${config.classes} classes, ${config.resolution}x${config.resolution}`;
}
