import { parseChannelGroup, positiveInt, shiftSubgroupCount, type ChannelGroup } from './channel-group.js';
import { SpecError } from './spec-error.js';

/** A NeoCell: its channel groups laid out in order along C. Immutable. */
export interface NeoCellSpec {
  readonly groups: readonly ChannelGroup[];
  /** Sum of the groups' channels. */
  readonly channels: number;
}

export type Shape4 = readonly [n: number, c: number, h: number, w: number];

/**
 * Most channel groups a NeoCell may have. Kernels are specialized per group, so building them costs time and memory
 * in proportion (measured for `gen --target wgsl`: 100 groups ~5 s and 0.26 GB, 400 groups ~11 s and 0.9 GB, 1500
 * groups over 7 minutes); released models use 2 and the golden cases at most 2.
 */
export const MAX_CHANNEL_GROUPS = 64;

function checkGroupCount(count: number, field: string): void {
  if (count > MAX_CHANNEL_GROUPS) {
    throw new SpecError('too-many-groups', `${field}.length`, count, `at most ${MAX_CHANNEL_GROUPS} channel groups (MAX_CHANNEL_GROUPS)`);
  }
}

/** Parses the upstream `channel_specs` list (an array of dicts, or its JSON text). */
export function parseNeoCellSpec(raw: unknown, field = 'channel_specs'): NeoCellSpec {
  const value = typeof raw === 'string' ? parseJson(raw, field) : raw;
  if (!Array.isArray(value)) throw new SpecError('not-an-object', field, value, 'a non-empty array of channel specs');
  if (value.length === 0) throw new SpecError('empty-spec', field, value, 'at least one channel group');
  checkGroupCount(value.length, field);
  const groups = value.map((group, i) => parseChannelGroup(group, `${field}[${i}]`));
  return Object.freeze({ groups: Object.freeze(groups), channels: groups.reduce((s, g) => s + g.channels, 0) });
}

/**
 * Expands a spec code such as "4+7" over `channels` channels (upstream `get_kernel_spec`): groups of
 * floor(C/n) channels, the last group taking the remainder, every group with the same shift.
 */
export function specFromCode(code: string, channels: number, shift: number, field = 'kernel_spec'): NeoCellSpec {
  if (!/^\d+(\+\d+)*$/.test(code.trim())) {
    throw new SpecError('invalid-spec-code', field, code, 'kernel sizes joined by "+", e.g. "7" or "4+7"');
  }
  positiveInt(channels, `${field}.channels`);
  const kernels = code.trim().split('+').map(Number);
  checkGroupCount(kernels.length, field);
  const base = Math.floor(channels / kernels.length);
  if (base === 0) {
    throw new SpecError('channel-sum-mismatch', `${field}.channels`, channels, `at least ${kernels.length} channels for "${code}"`);
  }
  const groups = kernels.map((kernel, i) => ({
    kernel,
    shift,
    channels: i === kernels.length - 1 ? channels - base * (kernels.length - 1) : base,
  }));
  return parseNeoCellSpec(groups, field);
}

/**
 * Accepts either channel_specs JSON (text starting with "[") or a spec code over `channels`. A single JSON object
 * (text starting with "{") is refused as what it is: channel_specs is a list of such objects.
 */
export function parseSpecArgument(text: string, channels: number, shift: number): NeoCellSpec {
  const start = text.trim()[0];
  if (start === '{') throw new SpecError('not-an-object', 'channel_specs', text, 'a JSON list of channel spec objects: wrap the object in [ ], e.g. [{"kernel":4,"channels":8}]');
  return start === '[' ? parseNeoCellSpec(text) : specFromCode(text, channels, shift);
}

/**
 * Output extent of one matrix for one group along one axis (upstream `calculate_matrix_size`): a square kernel
 * keeps the size, otherwise floor(size / k_in * k_out) in double arithmetic, exactly as Python computes it.
 */
export function groupOutputSize(size: number, kIn: number, kOut: number): number {
  return kIn === kOut ? size : Math.floor((size / kIn) * kOut);
}

/** Largest NeoCell input or output tensor, in elements, checked before any kernel is built for a shape. */
export const MAX_TENSOR_ELEMENTS = 2 ** 30;

/**
 * Checks a spec against an input shape [N, C, H, W] and returns the output shape. Rejects: channel sums that
 * differ from C, zero output sizes, groups whose output sizes differ (upstream cannot assemble those either), and
 * spatial sizes smaller than the largest shift offset (the shifted corner would not fit in the matrix).
 */
export function neoCellOutputShape(spec: NeoCellSpec, inputShape: readonly number[], field = 'input_shape'): Shape4 {
  if (inputShape.length !== 4) throw new SpecError('invalid-shape', field, inputShape, '[N, C, H, W] with positive integers');
  const [n, c, h, w] = inputShape.map((d, i) => positiveInt(d, `${field}[${i}]`)) as [number, number, number, number];
  if (spec.channels !== c) {
    throw new SpecError('channel-sum-mismatch', 'channel_specs[*].channels', spec.groups.map((g) => g.channels),
      `channel counts summing to C = ${c} (they sum to ${spec.channels})`);
  }
  const outH = sharedOutputSize(spec, h, 'h');
  const outW = sharedOutputSize(spec, w, 'w');
  if (n * c * Math.max(h * w, outH * outW) > MAX_TENSOR_ELEMENTS) {
    throw new SpecError('invalid-shape', field, inputShape,
      `at most ${MAX_TENSOR_ELEMENTS} elements in the input and in the output (MAX_TENSOR_ELEMENTS: 4 GiB of float32, ` +
      'the WebAssembly memory; kernels index with 32-bit offsets)');
  }
  spec.groups.forEach((g, i) => {
    checkShiftFits(g.shiftA, g.hOut, h, `channel_specs[${i}].shift_a`, 'H');
    checkShiftFits(g.shiftB, g.wOut, w, `channel_specs[${i}].shift_b`, 'W');
  });
  return [n, c, outH, outW];
}

function sharedOutputSize(spec: NeoCellSpec, size: number, axis: 'h' | 'w'): number {
  const sizes = spec.groups.map((g) => (axis === 'h' ? groupOutputSize(size, g.hIn, g.hOut) : groupOutputSize(size, g.wIn, g.wOut)));
  const dim = axis === 'h' ? 'H' : 'W';
  sizes.forEach((out, i) => {
    if (out === 0) {
      const g = spec.groups[i]!;
      const [kIn, kOut] = axis === 'h' ? [g.hIn, g.hOut] : [g.wIn, g.wOut];
      throw new SpecError('output-size-zero', `channel_specs[${i}].${axis}_in`, kIn,
        `${axis}_in <= ${dim} * ${axis}_out (= ${size * kOut}) so that floor(${dim} / ${axis}_in * ${axis}_out) >= 1`,
        `${dim} = ${size} gives output ${dim} 0`);
    }
  });
  const first = sizes[0]!;
  const other = sizes.findIndex((s) => s !== first);
  if (other >= 0) {
    throw new SpecError('mixed-output-sizes', `channel_specs[${other}]`, sizes,
      `groups whose output ${dim} agree (got ${sizes.join(', ')} for input ${dim} = ${size})`);
  }
  return first;
}

function checkShiftFits(shift: number, kernel: number, size: number, field: string, dim: string): void {
  const maxOffset = (shiftSubgroupCount(kernel, shift) - 1) * shift;
  if (maxOffset > size) {
    throw new SpecError('spatial-too-small', field, shift,
      `${dim} >= ${maxOffset} (the largest shift offset), or a smaller shift`, `${dim} = ${size}`);
  }
}

/**
 * Canonical, order-stable JSON of a spec: every group in the full h/w form with both shifts. Two specs that mean
 * the same NeoCell (`kernel: 4` vs `h_in..w_out: 4`, `shift` vs equal `shift_a`/`shift_b`) canonicalize alike.
 */
export function canonicalSpec(spec: NeoCellSpec): Array<Record<string, number>> {
  return spec.groups.map((g) => ({
    channels: g.channels, h_in: g.hIn, h_out: g.hOut, shift_a: g.shiftA, shift_b: g.shiftB, w_in: g.wIn, w_out: g.wOut,
  }));
}

function parseJson(text: string, field: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new SpecError('not-an-object', field, text, 'valid JSON: a list of channel spec objects', (err as Error).message);
  }
}
