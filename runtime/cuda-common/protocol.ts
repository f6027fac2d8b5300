import { NeoccError } from '../../compiler/errors.js';
import type { Program } from '../../schedule/program.js';
import { storageBindings } from './source.js';

/**
 * The stdin/stdout protocol of a CUDA kernel binary, either flavour (documented word by word in
 * runtime/cuda-cpu/cuda-cpu-main.h; runtime/cuda/cuda-gpu-main.h reads the same input and appends its timing to the
 * output): the program's buffers (data or a fill), its dispatches by kernel-table index, and the reads
 * (observations and outputs) in program order. `runtime` names the caller in messages.
 */

const MAGIC = 0x3143434e; // 'NCC1'
const FILL_DATA = 0;
const FILL_NAN = 1;
const FILL_NONE = 2;
const FILL_DETERMINISTIC = 3;

/**
 * A buffer the binary fills itself with deterministic values instead of receiving them (nc-protocol.h's
 * fillDeterministic): element i = scale · (2u − 1), u ∈ [0, 1) from a hash of (seed, i). For timing runs whose
 * inputs are too large to send (a whole model's weights) and whose speed does not depend on the values.
 */
export interface DeterministicFill {
  readonly seed: number;
  readonly scale: number;
}

/** The values nc-protocol.h's fillDeterministic makes (bit-identical: every step is exact or one f32 rounding). */
export function deterministicFill(elements: number, fill: DeterministicFill): Float32Array {
  const out = new Float32Array(elements);
  const scale = Math.fround(fill.scale);
  const seedMix = Math.imul(fill.seed >>> 0, 0x85ebca6b);
  for (let i = 0; i < elements; i++) {
    let x = (Math.imul(i, 0x9e3779b9) ^ seedMix) >>> 0;
    x ^= x >>> 16;
    x = Math.imul(x, 0x7feb352d) >>> 0;
    x ^= x >>> 15;
    x = Math.imul(x, 0x846ca68b) >>> 0;
    x ^= x >>> 16;
    const u = (x >>> 8) / 16777216;
    out[i] = Math.fround(scale * (2 * u - 1));
  }
  return out;
}

/** A buffer copied out once `after` dispatches ran. */
export interface ProgramRead {
  readonly after: number;
  readonly buffer: string;
  readonly elements: number;
}

const u32 = (v: number, what: string, runtime: string): number => {
  if (!Number.isInteger(v) || v < 0 || v > 0xffffffff) throw new NeoccError('bad-launch', `${runtime}: ${what} = ${v} is not a u32`);
  return v;
};

/**
 * The input bytes for `program`; `kernelIndex` maps an entry point to the binary's table index. Inputs and weights
 * named in `fills` are made by the binary (deterministicFill) instead of sent.
 */
export function encodeRun(
  program: Program, data: Readonly<Record<string, Float32Array>>, poison: boolean,
  kernelIndex: ReadonlyMap<string, number>, reads: readonly ProgramRead[], runtime = 'cuda-cpu',
  fills: Readonly<Record<string, DeterministicFill>> = {},
): Uint8Array {
  const bufferIndex = new Map(program.buffers.map((b, i) => [b.name, i]));
  const words: number[] = [MAGIC, program.buffers.length];
  const chunks: Uint8Array[] = [];
  const flush = (): void => {
    chunks.push(new Uint8Array(Uint32Array.from(words).buffer));
    words.length = 0;
  };
  for (const b of program.buffers) {
    words.push(u32(b.elements, `${b.name} elements`, runtime));
    const fill = fills[b.name];
    if (fill && (b.role === 'input' || b.role === 'weight')) {
      words.push(FILL_DETERMINISTIC, u32(fill.seed, `${b.name} fill seed`, runtime), new Uint32Array(Float32Array.of(fill.scale).buffer)[0]!);
    } else if (b.role === 'input' || b.role === 'weight') {
      const given = data[b.name];
      if (!given || given.length !== b.elements) throw new NeoccError('bad-launch', `program input "${b.name}": ${given ? `${given.length} elements` : 'missing'}, expected ${b.elements}`);
      words.push(FILL_DATA);
      flush();
      chunks.push(new Uint8Array(given.buffer, given.byteOffset, given.byteLength));
    } else {
      words.push(poison ? FILL_NAN : FILL_NONE);
    }
  }
  words.push(program.dispatches.length);
  for (const d of program.dispatches) {
    const index = kernelIndex.get(d.artifact.entryPoint);
    if (index === undefined) throw new NeoccError('bad-launch', `${runtime}: kernel ${d.artifact.name} (${d.artifact.entryPoint}) is not in this binary`);
    words.push(index, ...d.grid.map((g, i) => u32(g, `${d.artifact.name} grid[${i}]`, runtime)));
    if (d.bindings.length !== storageBindings(d.artifact)) throw new NeoccError('bad-launch', `${d.artifact.name}: ${d.bindings.length} bindings`);
    for (const b of d.bindings) words.push(bufferIndex.get(b.buffer)!, u32(b.offset, `${b.buffer} offset`, runtime));
    for (const f of d.artifact.uniforms) {
      const v = d.uniforms[f.name];
      if (v === undefined) throw new NeoccError('bad-launch', `${d.artifact.name}: uniform "${f.name}" has no value`);
      // The Params struct's fields in order, 4 bytes each: u32 as is, f32 as its bits.
      words.push(f.type === 'f32' ? new Uint32Array(Float32Array.of(v).buffer)[0]! : u32(v, `${d.artifact.name}.${f.name}`, runtime));
    }
  }
  words.push(reads.length);
  for (const r of reads) words.push(r.after, bufferIndex.get(r.buffer)!, r.elements);
  flush();
  const total = chunks.reduce((s, c) => s + c.byteLength, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** Splits the binary's stdout into one Float32Array per read. */
export function decodeReads(bytes: Uint8Array, reads: readonly ProgramRead[], runtime = 'cuda-cpu'): Float32Array[] {
  const want = 4 * reads.reduce((s, r) => s + r.elements, 0);
  if (bytes.byteLength !== want) throw new NeoccError('bad-launch', `${runtime}: the binary wrote ${bytes.byteLength} bytes, expected ${want}`);
  let at = 0;
  return reads.map((r) => {
    const out = new Float32Array(r.elements);
    new Uint8Array(out.buffer).set(bytes.subarray(at, at + 4 * r.elements));
    at += 4 * r.elements;
    return out;
  });
}
