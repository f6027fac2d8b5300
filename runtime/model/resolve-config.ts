import { STAGE_COUNT, modelConfig, releasedConfig, releasedShifts, type NeoNeXtConfig } from '../../compiler/spec/model-config.js';
import { SpecError } from '../../compiler/spec/spec-error.js';
import { inferArchitecture } from '../weights/infer-architecture.js';
import type { TensorSource } from '../weights/state-dict.js';

/** How a user describes the network: a released architecture, a custom one, or nothing (read off the checkpoint). */
export interface ModelOptions {
  /** A released size ("neonext-t" …); excludes layers/dims. */
  readonly arch?: string;
  /** Input size; default 224. */
  readonly resolution?: number;
  readonly layers?: readonly number[];
  readonly dims?: readonly number[];
  /** One spec code for every stage, or one per stage. */
  readonly kernelSpecs?: readonly string[];
  readonly shifts?: readonly number[];
  readonly classes?: number;
}

export const DEFAULT_RESOLUTION = 224;

/**
 * Resolves the network: `arch` → released config; `layers` + `dims` → custom config; neither → inferred from the
 * checkpoint's shapes. Explicit options win over what the checkpoint implies; shifts default to the released
 * ones for the resolution. Synthetic weights need an explicit architecture.
 */
export function resolveModelConfig(options: ModelOptions, weights: TensorSource | 'synthetic'): NeoNeXtConfig {
  const resolution = options.resolution ?? DEFAULT_RESOLUTION;
  const kernelSpecs = options.kernelSpecs && expandPerStage(options.kernelSpecs, 'kernel_spec');
  const inferred = weights === 'synthetic' ? undefined : inferArchitecture(weights);
  const overrides: Partial<NeoNeXtConfig> = {
    ...(inferred ? { classes: inferred.classes, layerScale: inferred.layerScale, linearBias: inferred.linearBias } : {}),
    ...(kernelSpecs ? { kernelSpecs } : {}),
    ...(options.shifts ? { shifts: options.shifts } : {}),
    ...(options.classes !== undefined ? { classes: options.classes } : {}),
  };
  if (options.arch !== undefined) {
    if (options.layers || options.dims) {
      throw new SpecError('invalid-model-config', 'arch', options.arch, 'either --arch or --layers/--dims, not both');
    }
    return releasedConfig(options.arch, resolution, overrides);
  }
  const custom = options.layers !== undefined || options.dims !== undefined;
  if (!custom && !inferred) {
    throw new SpecError('invalid-model-config', 'arch', undefined,
      'synthetic weights need --arch neonext-t|s|b|l or --layers and --dims');
  }
  const layers = options.layers ?? inferred?.layers;
  const dims = options.dims ?? inferred?.dims;
  if (!layers) throw new SpecError('invalid-model-config', 'layers', undefined, `${STAGE_COUNT} integers, e.g. --layers 3,3,9,3`);
  if (!dims) throw new SpecError('invalid-model-config', 'dims', undefined, `${STAGE_COUNT} integers, e.g. --dims 96,192,384,768`);
  return modelConfig({
    name: inferred && !custom ? `checkpoint-${resolution}` : `custom-${resolution}`,
    layers,
    dims,
    kernelSpecs: inferred?.kernelSpecs ?? ['4+7', '4+7', '4+7', '4+7'],
    shifts: releasedShifts(resolution),
    classes: 1000,
    layerScale: true,
    linearBias: true,
    resolution,
    ...overrides,
  });
}

/** One value for every stage, or exactly one per stage. */
function expandPerStage<T>(values: readonly T[], field: string): T[] {
  if (values.length === 1) return Array.from({ length: STAGE_COUNT }, () => values[0]!);
  if (values.length !== STAGE_COUNT) {
    throw new SpecError('invalid-model-config', field, values, `one value, or ${STAGE_COUNT} joined by ","`);
  }
  return [...values];
}
