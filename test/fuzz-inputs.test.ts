import fc from 'fast-check';
import jpeg from 'jpeg-js';
import pngjs from 'pngjs';
import { describe, expect, it } from 'vitest';
import { NeoccError } from '../compiler/errors.js';
import { planNeoCell } from '../compiler/plan/neocell-plan.js';
import { modelConfig, releasedConfig } from '../compiler/spec/model-config.js';
import { parseNeoCellSpec, parseSpecArgument } from '../compiler/spec/neocell-spec.js';
import { neoNeXtSchema } from '../compiler/spec/neonext-state-dict.js';
import { decodeImage } from '../runtime/image/decode.js';
import { parseTensorFile } from '../runtime/weights/read-tensor-file.js';
import { loadStateDict } from '../runtime/weights/state-dict.js';
import { readFileSync } from 'node:fs';

/**
 * A bounded fuzz suite over everything neocc reads from strangers: safetensors and `.pt` checkpoints (byte flips,
 * truncations), PNG and JPEG files (flips in their headers and data), NeoCell specs and shapes (random JSON). Each
 * case must end, quickly, in a correct result or a NeoccError — never a RangeError/TypeError from deep inside, a
 * hang, or non-finite weights passed on. Seeds are fixed, so a failure reproduces; the counts are the budget.
 */
const SEED = 20261202;
const MODEL_DIR = 'test/fixtures/model';
const miniSchema = neoNeXtSchema(modelConfig({ ...releasedConfig('neonext-t', 224), name: 'mini', layers: [1, 1, 2, 1], dims: [16, 32, 64, 128], classes: 10, resolution: 128 }));

/** Runs `work`; it must return normally or throw a NeoccError, within `budgetMs`. Returns which. */
function outcome(work: () => unknown, budgetMs: number): 'ok' | 'refused' {
  const started = performance.now();
  try {
    work();
    return 'ok';
  } catch (err) {
    if (!(err instanceof NeoccError)) throw new Error(`not a NeoccError: ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}`);
    return 'refused';
  } finally {
    const ms = performance.now() - started;
    if (ms > budgetMs) throw new Error(`took ${ms.toFixed(0)} ms (budget ${budgetMs} ms)`);
  }
}

/** A copy of `bytes` with each (index, xor) applied, or cut to `cut` bytes. */
function mutate(bytes: Uint8Array, flips: readonly [number, number][], cut?: number): Uint8Array {
  const out = Uint8Array.from(cut === undefined ? bytes : bytes.subarray(0, cut));
  for (const [i, x] of flips) if (i < out.length) out[i]! ^= x;
  return out;
}

/** Flips (index, non-zero xor) mostly in the first `hot` bytes (headers, zip directories at the end too). */
const flipsIn = (length: number, hot: number): fc.Arbitrary<[number, number][]> => fc.array(
  fc.tuple(fc.oneof(fc.nat({ max: hot - 1 }), fc.nat({ max: length - 1 }), fc.integer({ min: Math.max(0, length - hot), max: length - 1 })), fc.integer({ min: 1, max: 255 })),
  { minLength: 1, maxLength: 3 });

function checkpointFuzz(file: string, runs: number): { ok: number; refused: number } {
  const bytes = new Uint8Array(readFileSync(`${MODEL_DIR}/${file}`));
  const counts = { ok: 0, refused: 0 };
  const load = (b: Uint8Array): void => {
    const dict = loadStateDict(parseTensorFile(b, file), miniSchema);
    // What loads is finite (loadStateDict refuses NaN/Inf): the weights a model would run with.
    for (const [name, t] of dict) if (!t.data.every(Number.isFinite)) throw new Error(`${name}: non-finite weight passed on`);
  };
  fc.assert(fc.property(flipsIn(bytes.length, 4096), fc.option(fc.nat({ max: bytes.length - 1 }), { freq: 4 }), (flips, cut) => {
    counts[outcome(() => load(mutate(bytes, flips, cut ?? undefined)), 2000)]++;
  }), { numRuns: runs, seed: SEED });
  return counts;
}

function pngBytes(): Uint8Array {
  const png = new pngjs.PNG({ width: 9, height: 7 });
  for (let i = 0; i < png.data.length; i++) png.data[i] = (i * 37) % 256;
  return new Uint8Array(pngjs.PNG.sync.write(png));
}

function jpegBytes(): Uint8Array {
  const data = Buffer.alloc(16 * 12 * 4);
  for (let i = 0; i < data.length; i++) data[i] = (i * 53) % 256;
  return new Uint8Array(jpeg.encode({ width: 16, height: 12, data }, 80).data);
}

describe('fuzz: hostile inputs end in a result or a NeoccError, within a time budget', () => {
  it('safetensors: 300 byte flips / truncations of neonext-mini.safetensors', () => {
    const counts = checkpointFuzz('neonext-mini.safetensors', 300);
    expect(counts.ok + counts.refused).toBe(300);
    expect(counts.refused).toBeGreaterThan(0);
  });

  it('.pt: 300 byte flips / truncations of neonext-mini.pt (zip, pickle, CRC-checked records)', () => {
    const counts = checkpointFuzz('neonext-mini.pt', 300);
    expect(counts.ok + counts.refused).toBe(300);
    expect(counts.refused).toBeGreaterThan(0);
  });

  it('PNG and JPEG: 400 flips / truncations each, headers and data', () => {
    for (const [name, bytes] of [['fuzz.png', pngBytes()], ['fuzz.jpg', jpegBytes()]] as const) {
      const counts = { ok: 0, refused: 0 };
      fc.assert(fc.property(flipsIn(bytes.length, 64), fc.option(fc.nat({ max: bytes.length - 1 }), { freq: 4 }), (flips, cut) => {
        counts[outcome(() => {
          const image = decodeImage(mutate(bytes, flips, cut ?? undefined), name);
          if (image.data.length !== image.width * image.height * 3) throw new Error('decoded size disagrees with the header');
        }, 2000)]++;
      }), { numRuns: 400, seed: SEED });
      expect(counts.ok + counts.refused, name).toBe(400);
    }
  });

  it('NeoCell specs and shapes: 500 random JSON specs, spec codes and input shapes', () => {
    const json = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, fc.integer({ min: -3, max: 40 }), fc.double(), fc.string({ maxLength: 6 }), fc.constant(null), fc.boolean(),
        fc.array(tie('value'), { maxLength: 4 }), fc.dictionary(fc.constantFrom('kernel', 'kernel_a', 'kernel_b', 'shift', 'shift_a', 'shift_b', 'channels', 'x'), tie('value'), { maxKeys: 5 })),
    })).value;
    const shape = fc.tuple(fc.integer({ min: -1, max: 3 }), fc.integer({ min: -1, max: 64 }), fc.integer({ min: -1, max: 40 }), fc.integer({ min: -1, max: 40 }));
    const counts = { ok: 0, refused: 0 };
    fc.assert(fc.property(json, fc.string({ maxLength: 8 }), shape, (raw, code, s) => {
      counts[outcome(() => {
        const spec = parseNeoCellSpec(raw);
        planNeoCell(spec, [s[0], spec.channels, s[2], s[3]]);
      }, 1000)]++;
      counts[outcome(() => parseSpecArgument(code, Math.max(1, s[1]), Math.max(0, s[0])), 1000)]++;
    }), { numRuns: 500, seed: SEED });
    expect(counts.ok + counts.refused).toBe(1000);
    expect(counts.ok).toBeGreaterThan(0);
  });
});
