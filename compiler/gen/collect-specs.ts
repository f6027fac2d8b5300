import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { canonicalJson } from '../cache-key.js';
import { planNeoCell } from '../plan/neocell-plan.js';
import { STAGE_COUNT, blockSpec, downsampleSpec } from '../spec/model-config.js';
import { canonicalSpec, parseSpecArgument, type NeoCellSpec } from '../spec/neocell-spec.js';
import { sourceConfigs, type GenSource } from './gen-request.js';

/** One distinct NeoCell to generate kernels for, and where it is used (for the generated module's header). */
export interface CollectedSpec {
  readonly spec: NeoCellSpec;
  /** `canonicalSpec(spec)`: what the module exports as `spec` and what identifies it. */
  readonly canonical: ReadonlyArray<Readonly<Record<string, number>>>;
  /** First 12 hex digits of sha256(canonical JSON): names the module, stable across compiler versions. */
  readonly id: string;
  readonly uses: readonly string[];
}

/** Hex digits of a hash kept in file names: 48 bits, ample for the few dozen specs a project ships. */
export const NAME_HASH_DIGITS = 12;

/** sha256 of the spec's canonical JSON: equal for every spelling of the same NeoCell. */
export function specHash(spec: NeoCellSpec): string {
  return bytesToHex(sha256(utf8ToBytes(canonicalJson(canonicalSpec(spec)))));
}

/**
 * The distinct NeoCell specs a request asks for, deduplicated by canonical JSON and sorted by id, so that output
 * order never depends on the order models or stages were visited. Validates every spec against its input shape
 * (SpecError names the field, e.g. `kernel_spec[0].shift`).
 */
export function collectSpecs(source: GenSource): CollectedSpec[] {
  const found = new Map<string, { spec: NeoCellSpec; uses: string[] }>();
  const add = (spec: NeoCellSpec, use: string): void => {
    const key = canonicalJson(canonicalSpec(spec));
    const entry = found.get(key);
    if (entry) entry.uses.push(use);
    else found.set(key, { spec, uses: [use] });
  };
  if (source.kind === 'spec') {
    const spec = parseSpecArgument(source.text, source.inputShape[1]!, source.shift);
    planNeoCell(spec, source.inputShape);
    add(spec, `--spec over input ${source.inputShape.join('x')}`);
  } else {
    // Configs are validated (modelConfig plans every NeoCell), so each spec below fits its feature map.
    for (const config of sourceConfigs(source)) {
      for (let s = 0; s < STAGE_COUNT; s++) {
        if (s > 0) add(downsampleSpec(config.dims[s]!), `${config.name} downsample_${s}`);
        add(blockSpec(config, s), `${config.name} stage_${s + 1} blocks`);
      }
    }
  }
  const specs = [...found.values()].map(({ spec, uses }): CollectedSpec => Object.freeze({
    spec,
    canonical: Object.freeze(canonicalSpec(spec).map((g) => Object.freeze(g))),
    id: specHash(spec).slice(0, NAME_HASH_DIGITS),
    uses: Object.freeze(uses),
  }));
  return specs.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** "48 ch 4x4 shift 1 + 48 ch 7x7 shift 1 (C = 96)": a one-line summary for headers and progress output. */
export function describeSpec(spec: NeoCellSpec): string {
  const groups = spec.groups.map((g) => {
    const size = g.hIn === g.hOut && g.wIn === g.wOut
      ? (g.hIn === g.wIn ? `${g.hIn}x${g.hIn}` : `A ${g.hIn}x${g.hIn}, B ${g.wIn}x${g.wIn}`)
      : `A ${g.hIn}->${g.hOut}, B ${g.wIn}->${g.wOut}`;
    const shift = g.shiftA === g.shiftB ? `shift ${g.shiftA}` : `shift ${g.shiftA},${g.shiftB}`;
    return `${g.channels} ch ${size} ${shift}`;
  });
  return `${groups.join(' + ')} (C = ${spec.channels})`;
}
