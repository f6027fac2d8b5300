import { SpecError } from './spec-error.js';

/**
 * One channel group of a NeoCell in canonical form. `weight_a` of the group is [channels, hOut, hIn] and
 * `weight_b` is [channels, wIn, wOut], exactly as upstream stores them.
 */
export interface ChannelGroup {
  readonly hIn: number;
  readonly hOut: number;
  readonly wIn: number;
  readonly wOut: number;
  readonly shiftA: number;
  readonly shiftB: number;
  readonly channels: number;
}

const SIZE_FORMS = ['kernel', 'kernel_a + kernel_b', 'h_in + h_out + w_in + w_out'] as const;
const KNOWN_KEYS = new Set([
  'kernel', 'kernel_a', 'kernel_b', 'h_in', 'h_out', 'w_in', 'w_out', 'shift', 'shift_a', 'shift_b', 'channels',
]);
const KNOWN_KEYS_TEXT = [...KNOWN_KEYS].join(', ');

/**
 * Parses one upstream channel-spec dict (`{"kernel": 4, "channels": 48, "shift": 1}` and its other forms).
 * Size: `kernel` | `kernel_a`+`kernel_b` | `h_in`,`h_out`,`w_in`,`w_out`. Shift: `shift` | `shift_a`+`shift_b`,
 * absent meaning 0 (as upstream's std::map lookup gives). `channels` is required.
 */
export function parseChannelGroup(raw: unknown, field: string): ChannelGroup {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new SpecError('not-an-object', field, raw, `an object with keys ${KNOWN_KEYS_TEXT}`);
  }
  const spec = raw as Record<string, unknown>;
  for (const key of Object.keys(spec)) {
    if (!KNOWN_KEYS.has(key)) throw new SpecError('unknown-key', `${field}.${key}`, spec[key], `keys ${KNOWN_KEYS_TEXT}`);
  }
  const has = (key: string): boolean => spec[key] !== undefined;
  const int = (key: string): number => positiveInt(spec[key], `${field}.${key}`);

  const forms = [has('kernel'), has('kernel_a') || has('kernel_b'), ['h_in', 'h_out', 'w_in', 'w_out'].some(has)];
  const formCount = forms.filter(Boolean).length;
  if (formCount > 1) {
    throw new SpecError('conflicting-keys', field, spec, `exactly one size form: ${SIZE_FORMS.join(' | ')}`);
  }
  let hIn: number, hOut: number, wIn: number, wOut: number;
  if (forms[0]) {
    hIn = hOut = wIn = wOut = int('kernel');
  } else if (forms[1]) {
    requireAll(spec, field, ['kernel_a', 'kernel_b']);
    hIn = hOut = int('kernel_a');
    wIn = wOut = int('kernel_b');
  } else if (forms[2]) {
    requireAll(spec, field, ['h_in', 'h_out', 'w_in', 'w_out']);
    hIn = int('h_in');
    hOut = int('h_out');
    wIn = int('w_in');
    wOut = int('w_out');
  } else {
    throw new SpecError('missing-key', `${field}.kernel`, undefined, `one size form: ${SIZE_FORMS.join(' | ')}`);
  }

  if (has('shift') && (has('shift_a') || has('shift_b'))) {
    throw new SpecError('conflicting-keys', field, spec, 'either shift or shift_a + shift_b, not both');
  }
  let shiftA = 0, shiftB = 0;
  if (has('shift')) {
    shiftA = shiftB = nonNegativeInt(spec.shift, `${field}.shift`);
  } else if (has('shift_a') || has('shift_b')) {
    requireAll(spec, field, ['shift_a', 'shift_b']);
    shiftA = nonNegativeInt(spec.shift_a, `${field}.shift_a`);
    shiftB = nonNegativeInt(spec.shift_b, `${field}.shift_b`);
  }
  const shiftField = (axis: 'a' | 'b'): string => `${field}.${has('shift') ? 'shift' : `shift_${axis}`}`;
  checkShift(shiftA, hIn, hOut, shiftField('a'), 'A (h_in, h_out)');
  checkShift(shiftB, wIn, wOut, shiftField('b'), 'B (w_in, w_out)');

  if (!has('channels')) throw new SpecError('missing-key', `${field}.channels`, undefined, 'a positive integer');
  const channels = int('channels');
  return Object.freeze({ hIn, hOut, wIn, wOut, shiftA, shiftB, channels });
}

function checkShift(shift: number, kIn: number, kOut: number, field: string, matrix: string): void {
  if (shift === 0) return;
  if (kIn !== kOut) {
    throw new SpecError('shift-on-non-square-kernel', field, shift, `0 (matrix ${matrix} kernel is ${kOut}x${kIn}; shift needs a square kernel)`);
  }
  if (shift >= kOut) {
    throw new SpecError('shift-not-less-than-kernel', field, shift, `0 .. ${kOut - 1} (shift must be smaller than the kernel size ${kOut})`);
  }
}

function requireAll(spec: Record<string, unknown>, field: string, keys: readonly string[]): void {
  for (const key of keys) {
    if (spec[key] === undefined) {
      throw new SpecError('missing-key', `${field}.${key}`, undefined, `all of ${keys.join(', ')} together`);
    }
  }
}

export function positiveInt(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new SpecError('not-positive-integer', field, value, 'a positive integer');
  }
  return value;
}

function nonNegativeInt(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new SpecError('not-positive-integer', field, value, 'a non-negative integer');
  }
  if (value < 0) throw new SpecError('negative-shift', field, value, 'a non-negative integer');
  return value;
}

/** Number of shift sub-groups for one matrix (docs/DESIGN-NOTES.md §2): floor((k-1)/s) + 1, or 1 without shift. */
export function shiftSubgroupCount(kernel: number, shift: number): number {
  return shift > 0 ? Math.floor((kernel - 1) / shift) + 1 : 1;
}
