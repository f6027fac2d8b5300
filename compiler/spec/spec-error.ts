import { NeoccError } from '../errors.js';

/**
 * One code per class of invalid NeoCell specification. Each names a distinct rule so that tests (and users'
 * tools) can tell "shift too large" from "channel sum wrong" without reading prose.
 */
export type SpecErrorCode =
  | 'not-an-object'
  | 'empty-spec'
  | 'too-many-groups'
  | 'unknown-key'
  | 'missing-key'
  | 'conflicting-keys'
  | 'not-positive-integer'
  | 'negative-shift'
  | 'shift-not-less-than-kernel'
  | 'shift-on-non-square-kernel'
  | 'channel-sum-mismatch'
  | 'invalid-shape'
  | 'output-size-zero'
  | 'mixed-output-sizes'
  | 'spatial-too-small'
  | 'invalid-spec-code'
  | 'invalid-model-config';

/** An invalid spec: names the offending field (a JSON path), the value found and what is allowed. */
export class SpecError extends NeoccError {
  declare readonly code: SpecErrorCode;
  readonly field: string;
  readonly allowed: string;
  readonly value: unknown;

  readonly detail: string | undefined;

  constructor(code: SpecErrorCode, field: string, value: unknown, allowed: string, detail?: string) {
    const shown = value === undefined ? 'missing' : JSON.stringify(value);
    super(code, `invalid spec: ${field} = ${shown}${detail ? ` (${detail})` : ''}; allowed: ${allowed}`);
    this.field = field;
    this.allowed = allowed;
    this.value = value;
    this.detail = detail;
  }

  /** The same error located inside a larger spec (e.g. a model stage): `prefix.field`. */
  within(prefix: string): SpecError {
    return new SpecError(this.code, `${prefix}.${this.field}`, this.value, this.allowed, this.detail);
  }
}

/** Runs `fn`, re-locating any SpecError it throws under `prefix`. */
export function withinSpec<T>(prefix: string, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    throw err instanceof SpecError ? err.within(prefix) : err;
  }
}
