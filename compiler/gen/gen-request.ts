import { TARGETS, TARGET_NAMES, TARGET_RECORDS, targetByName, type KernelTarget } from '../targets/index.js';
import { ARCHITECTURE_NAMES, RELEASED_RESOLUTIONS, releasedConfig, type ArchitectureName, type NeoNeXtConfig } from '../spec/model-config.js';
import { GenOptionError } from './gen-error.js';

/** Targets `neocc gen` writes: every target record. */
export const GEN_TARGETS = TARGET_NAMES;

/** `neocc gen` options as the user gave them (strings and parsed lists, nothing checked yet). */
export interface RawGenOptions {
  readonly target?: string;
  /** A variant record of the target (AssemblyScript: `relaxed-simd`); absent: the baseline record. */
  readonly variant?: string;
  /** Compile the binaries for a shared memory (threaded runtimes) instead of a plain one. */
  readonly sharedMemory?: boolean;
  readonly spec?: string;
  readonly inputShape?: readonly number[];
  readonly shift?: number;
  readonly model?: string;
  readonly resolution?: string;
  readonly out?: string;
  /** `--torch`: also a PyTorch extension (CUDA target, one --spec). */
  readonly torch?: boolean;
}

/**
 * Which NeoCells to generate: one spec over one input shape, or every NeoCell of released models (`--model`), or of
 * given model configs (`configs`: API only, e.g. a checkpoint's own config). For `--target assemblyscript` a model
 * source also generates the kernels of each model's whole WebAssembly forward (compiler/gen/model-artifacts.ts).
 */
export type GenSource =
  | { readonly kind: 'spec'; readonly text: string; readonly inputShape: readonly number[]; readonly shift: number }
  | { readonly kind: 'models'; readonly archs: readonly ArchitectureName[]; readonly resolutions: readonly number[] }
  | { readonly kind: 'configs'; readonly configs: readonly NeoNeXtConfig[] };

/** The model configs a source names, in request order (arch-major for `--model`); none for `--spec`. */
export function sourceConfigs(source: GenSource): NeoNeXtConfig[] {
  if (source.kind === 'spec') return [];
  if (source.kind === 'configs') return [...source.configs];
  // releasedConfig plans every NeoCell of the network, so each spec of these configs fits its feature map.
  return source.archs.flatMap((arch) => source.resolutions.map((resolution) => releasedConfig(arch, resolution)));
}

/** A checked request. Immutable; everything generated output depends on is in here (the output folder aside). */
export interface GenRequest {
  readonly target: KernelTarget;
  readonly source: GenSource;
  /** Also write a PyTorch extension for the spec (compiler/gen/torch-extension.ts). */
  readonly torch?: boolean;
  /**
   * Binaries for a shared memory (`--shared-memory`): what a multi-threaded wasm runtime instantiates; the modules
   * then export `wasmSharedMemory = true` so registerPrebuiltWasm registers them for shared memories. Absent: plain.
   */
  readonly sharedMemory?: boolean;
}

const MODEL_VALUES = `${ARCHITECTURE_NAMES.join(' | ')} | all`;
const RESOLUTION_VALUES = `${RELEASED_RESOLUTIONS.join(' | ')} | all (default: all)`;
const SOURCE_VALUES = `--spec '<channel_specs JSON | spec code>' --input-shape N,C,H,W [--shift S], or --model ${MODEL_VALUES}`;

/** Checks the options of `neocc gen` (all but --out) and normalizes them. Throws GenOptionError. */
export function resolveGenRequest(options: RawGenOptions): GenRequest {
  const target = resolveVariant(resolveTarget(options.target), options.variant);
  if (options.sharedMemory && target.binaryExtension === undefined) {
    const binaryTargets = TARGET_NAMES.filter((n) => targetByName(n).binaryExtension !== undefined).join(' | ');
    throw new GenOptionError('--shared-memory', `applies to targets that ship compiled binaries, not --target ${target.name}`, `--target ${binaryTargets}`);
  }
  const source = resolveSource(options);
  const memory = options.sharedMemory ? { sharedMemory: true } : {};
  if (options.torch !== true) return { target, source, ...memory };
  // The extension's launchers are host code of the target's language over one plan (a spec at one plane size).
  if (target.torchExtension !== true) {
    throw new GenOptionError('--torch', `does not apply to --target ${target.name}`, `--target ${Object.values(TARGETS).filter((t) => t.torchExtension === true).map((t) => t.name).join(' | ')}`);
  }
  if (source.kind !== 'spec') throw new GenOptionError('--torch', 'not supported with --model', "--spec '<channel_specs JSON | spec code>' --input-shape N,C,H,W (one extension per NeoCell and plane size)");
  return { target, source, ...memory, torch: true };
}

/** The output folder is required; it is checked apart from the request because it does not change what is generated. */
export function resolveOutDir(out: string | undefined): string {
  if (out === undefined || out.trim() === '') throw new GenOptionError('--out', 'is missing', 'a directory to write the generated files to, e.g. --out generated');
  return out;
}

function resolveTarget(target: string | undefined): KernelTarget {
  const allowed = GEN_TARGETS.join(' | ');
  if (target === undefined) throw new GenOptionError('--target', 'is missing', allowed);
  if ((GEN_TARGETS as readonly string[]).includes(target)) return targetByName(target);
  throw new GenOptionError('--target', `= "${target}" is unknown`, allowed);
}

/** The target's record with variant id `variant` (compiler/targets TARGET_RECORDS), or the baseline when none is given. */
function resolveVariant(target: KernelTarget, variant: string | undefined): KernelTarget {
  if (variant === undefined) return target;
  const records = TARGET_RECORDS[target.name].filter((r) => r.variant !== undefined);
  const record = records.find((r) => r.variant!.id === variant);
  if (record) return record;
  const allowed = records.length > 0 ? `${records.map((r) => r.variant!.id).join(' | ')} (or no --variant: the baseline kernels)` : 'none: leave --variant out';
  throw new GenOptionError('--variant', `= "${variant}" is not a variant of --target ${target.name}`, allowed);
}

function resolveSource(options: RawGenOptions): GenSource {
  if (options.spec !== undefined && options.model !== undefined) {
    throw new GenOptionError('--spec', 'conflicts with --model', `one of ${SOURCE_VALUES}`);
  }
  if (options.spec !== undefined) return specSource(options.spec, options);
  if (options.model !== undefined) return modelSource(options.model, options);
  throw new GenOptionError('--spec or --model', 'is missing', SOURCE_VALUES);
}

function specSource(text: string, options: RawGenOptions): GenSource {
  if (options.resolution !== undefined) {
    throw new GenOptionError('--resolution', 'applies to --model only', `with --spec: --input-shape N,C,H,W [--shift S]`);
  }
  const shape = options.inputShape;
  if (shape === undefined) throw new GenOptionError('--input-shape', 'is missing (--spec needs it)', 'N,C,H,W, e.g. --input-shape 1,96,56,56');
  if (shape.length !== 4 || !shape.every((d) => Number.isInteger(d) && d >= 1)) {
    throw new GenOptionError('--input-shape', `= ${shape.join(',')} is not four positive integers`, 'N,C,H,W, e.g. --input-shape 1,96,56,56');
  }
  // JSON channel_specs carry their own shifts; a --shift next to them would be silently ignored.
  if (text.trim().startsWith('[') && options.shift !== undefined) {
    throw new GenOptionError('--shift', 'applies to spec codes only', 'a spec code such as "4+7" with --shift, or JSON channel_specs with "shift" keys');
  }
  const shift = options.shift ?? 0;
  if (Number.isNaN(shift)) throw new GenOptionError('--shift', 'is not a number', 'an integer >= 0 (default 0)');
  if (!Number.isInteger(shift) || shift < 0) throw new GenOptionError('--shift', `= ${shift} is not an integer >= 0`, 'an integer >= 0 (default 0)');
  return { kind: 'spec', text, inputShape: Object.freeze([...shape]), shift };
}

function modelSource(model: string, options: RawGenOptions): GenSource {
  if (options.inputShape !== undefined || options.shift !== undefined) {
    const option = options.inputShape !== undefined ? '--input-shape' : '--shift';
    throw new GenOptionError(option, 'applies to --spec only', `with --model: --resolution ${RESOLUTION_VALUES}`);
  }
  let archs: ArchitectureName[];
  if (model === 'all') archs = [...ARCHITECTURE_NAMES];
  else if ((ARCHITECTURE_NAMES as readonly string[]).includes(model)) archs = [model as ArchitectureName];
  else throw new GenOptionError('--model', `= "${model}" is unknown`, MODEL_VALUES);

  const resolution = options.resolution ?? 'all';
  let resolutions: number[];
  if (resolution === 'all') resolutions = [...RELEASED_RESOLUTIONS];
  else if ((RELEASED_RESOLUTIONS as readonly number[]).includes(Number(resolution))) resolutions = [Number(resolution)];
  else throw new GenOptionError('--resolution', `= "${resolution}" is not a released resolution`, RESOLUTION_VALUES);
  return { kind: 'models', archs: Object.freeze(archs), resolutions: Object.freeze(resolutions) };
}

/** The request as the `neocc gen` options that reproduce it (written into generated headers; no output folder). */
export function describeRequest(request: GenRequest): string {
  const variant = request.target.variant ? ` --variant ${request.target.variant.id}` : '';
  return `${describeSource(request)}${variant}${request.sharedMemory ? ' --shared-memory' : ''}`;
}

function describeSource(request: GenRequest): string {
  const source = request.source;
  if (source.kind === 'spec') {
    const shift = source.text.trim().startsWith('[') ? '' : ` --shift ${source.shift}`;
    // Collapsed to one line: the text lands in a `//` comment.
    return `--target ${request.target.name} --spec '${source.text.trim().replace(/\s+/g, ' ')}' --input-shape ${source.inputShape.join(',')}${shift}${request.torch ? ' --torch' : ''}`;
  }
  // Not a CLI option: configs come from the API (generate() with a `configs` source).
  if (source.kind === 'configs') return `--target ${request.target.name} (API) configs ${source.configs.map((c) => c.name).join(', ')}`;
  const model = source.archs.length === ARCHITECTURE_NAMES.length ? 'all' : source.archs.join(',');
  const resolution = source.resolutions.length === RELEASED_RESOLUTIONS.length ? 'all' : source.resolutions.join(',');
  return `--target ${request.target.name} --model ${model} --resolution ${resolution}`;
}
