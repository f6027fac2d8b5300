import { parseNeoCellSpec, specFromCode, type NeoCellSpec } from './neocell-spec.js';
import { planNeoCell, type NeoCellPlan } from '../plan/neocell-plan.js';
import { SpecError, withinSpec } from './spec-error.js';

/** The released NeoNeXt sizes (docs/DESIGN-NOTES.md §3). */
export const ARCHITECTURES = {
  'neonext-t': { layers: [3, 3, 9, 3], dims: [96, 192, 384, 768] },
  'neonext-s': { layers: [3, 3, 27, 3], dims: [96, 192, 384, 768] },
  'neonext-b': { layers: [3, 3, 27, 3], dims: [128, 256, 512, 1024] },
  'neonext-l': { layers: [3, 3, 27, 3], dims: [192, 384, 768, 1536] },
} as const satisfies Record<string, { layers: readonly number[]; dims: readonly number[] }>;

export type ArchitectureName = keyof typeof ARCHITECTURES;
export const ARCHITECTURE_NAMES = Object.keys(ARCHITECTURES) as ArchitectureName[];
export const RELEASED_RESOLUTIONS = [224, 384] as const;

/** Input image channels and patch size of the stem (fixed by the architecture: 3·4·4 = 48 patch features). */
export const IMAGE_CHANNELS = 3;
export const PATCH_SIZE = 4;
export const STAGE_COUNT = 4;
/** fc_1 widens C to inner_mult·C. */
export const INNER_MULT = 4;

/** A whole NeoNeXt network. Immutable; build with `releasedConfig` or `modelConfig`, which validate. */
export interface NeoNeXtConfig {
  readonly name: string;
  readonly layers: readonly number[];
  readonly dims: readonly number[];
  /** One spec code per stage ("4+7"). */
  readonly kernelSpecs: readonly string[];
  readonly shifts: readonly number[];
  readonly classes: number;
  readonly layerScale: boolean;
  readonly linearBias: boolean;
  /** Input height and width in pixels. */
  readonly resolution: number;
}

/** Released shifts: 1,1,1,0 at 224 (stage 4 is 7x7, too small for 7 shifted sub-groups to matter), 1,1,1,1 at 384. */
export function releasedShifts(resolution: number): number[] {
  return resolution === 384 ? [1, 1, 1, 1] : [1, 1, 1, 0];
}

export function releasedConfig(arch: string, resolution: number, overrides: Partial<NeoNeXtConfig> = {}): NeoNeXtConfig {
  if (!(arch in ARCHITECTURES)) {
    throw new SpecError('invalid-model-config', 'arch', arch, ARCHITECTURE_NAMES.join(' | '));
  }
  const { layers, dims } = ARCHITECTURES[arch as ArchitectureName];
  return modelConfig({
    name: `${arch}-${resolution}`,
    layers,
    dims,
    kernelSpecs: ['4+7', '4+7', '4+7', '4+7'],
    shifts: releasedShifts(resolution),
    classes: 1000,
    layerScale: true,
    linearBias: true,
    resolution,
    ...overrides,
  });
}

/** Largest input side a config may have: stage-1 activations are 96·(R/4)² floats per image (400 MB at 4096). */
export const MAX_RESOLUTION = 4096;
/** Largest network (weights, float32): NeoNeXt-L is ~0.2e9; 2^30 floats is 4 GiB, the wasm memory and a GPU binding bound. */
export const MAX_PARAMETERS = 2 ** 30;

/** Parameters of a config, from its widths alone (the MLPs' 8·C² per block dominate; NeoCell kernels and norms are small). */
export function approximateParameters(config: Pick<NeoNeXtConfig, 'layers' | 'dims' | 'classes'>): number {
  let total = config.classes * (config.dims[STAGE_COUNT - 1]! + 1);
  for (let s = 0; s < STAGE_COUNT; s++) {
    const c = config.dims[s]!;
    total += config.layers[s]! * (8 * c * c + 6 * c);
    if (s > 0) total += config.dims[s - 1]! * c;
  }
  return total;
}

/** Validates a full config (every stage's NeoCell must fit its feature-map size) and freezes it. */
export function modelConfig(config: NeoNeXtConfig): NeoNeXtConfig {
  // An example of the right length for each field (NeoNeXt-T's values), so a count error shows what is wanted.
  const examples = { layers: '3,3,9,3', dims: '96,192,384,768', shifts: '1,1,1,0' } as const;
  const fourInts = (field: 'layers' | 'dims' | 'shifts', min: number): void => {
    const v = config[field];
    if (!Array.isArray(v) || v.length !== STAGE_COUNT || !v.every((x) => Number.isInteger(x) && x >= min)) {
      const count = Array.isArray(v) && v.length !== STAGE_COUNT ? ` (got ${v.length})` : '';
      throw new SpecError('invalid-model-config', field, v, `${STAGE_COUNT} integers >= ${min}, one per stage${count}, e.g. --${field} ${examples[field]}`);
    }
  };
  fourInts('layers', 1);
  fourInts('dims', 1);
  fourInts('shifts', 0);
  if (!Array.isArray(config.kernelSpecs) || config.kernelSpecs.length !== STAGE_COUNT) {
    throw new SpecError('invalid-model-config', 'kernel_spec', config.kernelSpecs, `one spec code, or ${STAGE_COUNT} joined by ","`);
  }
  if (!Number.isInteger(config.classes) || config.classes < 1) {
    throw new SpecError('invalid-model-config', 'classes', config.classes, 'a positive integer');
  }
  const minResolution = PATCH_SIZE * 2 ** (STAGE_COUNT - 1);
  if (!Number.isInteger(config.resolution) || config.resolution < minResolution || config.resolution > MAX_RESOLUTION || config.resolution % PATCH_SIZE !== 0) {
    throw new SpecError('invalid-model-config', 'resolution', config.resolution,
      `a multiple of ${PATCH_SIZE} from ${minResolution} (the stem patchifies 4x4, three downsamples halve) to ${MAX_RESOLUTION} (MAX_RESOLUTION)`);
  }
  // Budgets checked from the config alone, before any weight or activation is allocated (synthetic weights too).
  const parameters = approximateParameters(config);
  if (parameters > MAX_PARAMETERS) {
    const field = config.classes * config.dims[STAGE_COUNT - 1]! > MAX_PARAMETERS / 2 ? 'classes' : 'dims';
    throw new SpecError('invalid-model-config', field, config[field],
      `a network of at most ${MAX_PARAMETERS} parameters (MAX_PARAMETERS, 4 GiB of float32); this one has about ${parameters}`);
  }
  const frozen = Object.freeze({
    ...config,
    layers: Object.freeze([...config.layers]),
    dims: Object.freeze([...config.dims]),
    kernelSpecs: Object.freeze([...config.kernelSpecs]),
    shifts: Object.freeze([...config.shifts]),
  });
  // Plan every NeoCell once so a spec that cannot run at this resolution fails here, naming the stage.
  for (let s = 0; s < STAGE_COUNT; s++) {
    withinSpec(`stage_${s + 1}`, () => blockPlan(frozen, s, 1));
    if (s > 0) withinSpec(`downsample_${s}`, () => downsamplePlan(frozen, s, 1));
  }
  return frozen;
}

/** Feature-map [H, W] of stage `s` (0-based): resolution/4, then floor-halved by each downsample. */
export function stageSize(config: NeoNeXtConfig, stage: number): [number, number] {
  let size = config.resolution / PATCH_SIZE;
  for (let i = 0; i < stage; i++) size = Math.floor(size / 2);
  return [size, size];
}

/** The NeoCell of every block in stage `s` (0-based). */
export function blockSpec(config: NeoNeXtConfig, stage: number): NeoCellSpec {
  return specFromCode(config.kernelSpecs[stage]!, config.dims[stage]!, config.shifts[stage]!);
}

/** The downsample NeoCell into a stage with `channels` channels: 2x2 → 1x1 blocks, no shift. */
export function downsampleSpec(channels: number): NeoCellSpec {
  return parseNeoCellSpec([{ h_in: 2, h_out: 1, w_in: 2, w_out: 1, channels, shift: 0 }]);
}

/** Plans of the block NeoCell of stage `s` for a batch at this input size. */
export function blockPlan(config: NeoNeXtConfig, stage: number, batch: number): NeoCellPlan {
  return planNeoCell(blockSpec(config, stage), [batch, config.dims[stage]!, ...stageSize(config, stage)]);
}

/** The downsample NeoCell in front of stage `s` (1..3), on stage s-1's feature map. */
export function downsamplePlan(config: NeoNeXtConfig, stage: number, batch: number): NeoCellPlan {
  return planNeoCell(downsampleSpec(config.dims[stage]!), [batch, config.dims[stage]!, ...stageSize(config, stage - 1)]);
}
