import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/** Bumped whenever generated code changes for an unchanged spec, so stale cached artifacts never match. */
export const COMPILER_VERSION = '0.1.0';

/**
 * JSON with object keys sorted at every level, so equal values always serialize to equal text.
 * Only plain data is allowed (no undefined, functions, or non-finite numbers), since the text is hashed.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: non-finite number ${value}`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  throw new TypeError(`canonicalJson: unsupported value of type ${typeof value}`);
}

/**
 * Cache key of a compiled artifact: sha256 of the canonical JSON of {compiler version, target, spec}
 * (never string concatenation, so no two different inputs can collide by formatting).
 */
export function cacheKey(target: string, spec: unknown): string {
  return bytesToHex(sha256(utf8ToBytes(canonicalJson({ compiler: COMPILER_VERSION, target, spec }))));
}
