import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Tensor } from '../nn/tensor.js';
import { parseSafetensors, writeSafetensors } from '../runtime/weights/safetensors.js';
import { MODEL_DIR } from './helpers/fixtures.js';
import { claimedPng } from './helpers/png-bytes.js';
import { runCli, type CliResult } from './helpers/run-cli.js';

/**
 * issue 14 through the CLI: hostile input ends in one `neocc: error:` line (exit 1), never a hang, a stack trace or
 * a printed NaN. Each case runs a child process (~1-2 s), so only the cases that need the CLI are here; the
 * checks themselves are tested directly in test/hostile-*.test.ts.
 */

const GOLDEN = `${MODEL_DIR}/neonext-mini.golden.safetensors`;
const tmp = mkdtempSync(join(tmpdir(), 'neocc-hostile-cli-'));
/** A hang is a failure: every case here finished in a few seconds once fixed. */
const LIMIT = { timeoutMs: 60_000 };

/** One error line (exit 1), no stack frames. */
function expectOneLine(r: CliResult, pattern: RegExp): void {
  expect(r.code).toBe(1);
  const lines = r.stderr.trimEnd().split('\n').filter((l) => !l.startsWith('neocc: ') || l.startsWith('neocc: error:') || l.startsWith('hint:'));
  expect(lines.filter((l) => l.startsWith('neocc: error:')).length).toBe(1);
  expect(r.stderr).not.toMatch(/^\s+at /m);
  expect(r.stderr).toMatch(pattern);
  expect(r.stdout).toBe('');
}

describe('neocc on hostile input', () => {
  it('infer: weights holding a NaN and an Inf exit 1 with one line naming the tensor', async () => {
    const file = parseSafetensors(readFileSync(`${MODEL_DIR}/neonext-mini.safetensors`), 'mini');
    const tensors = new Map<string, Tensor>();
    for (const name of file.names) {
      if (!file.isFloat(name)) continue;
      const data = Float32Array.from(file.tensor(name).data);
      if (name === 'head.fc.weight') data[7] = Number.NaN;
      if (name === 'stage_1.0.ops.content.neocell.weight_a.0') data[0] = Number.POSITIVE_INFINITY;
      tensors.set(name, new Tensor(file.shapeOf(name)!, data));
    }
    const path = join(tmp, 'nan.safetensors');
    writeFileSync(path, writeSafetensors(tensors));
    const r = await runCli(['infer', '--weights', path, '--input', GOLDEN, '--backend', 'reference'], LIMIT);
    expectOneLine(r, /^neocc: error: .*nan\.safetensors: tensor "\S+" \[[\d, ]+\] holds (NaN|Infinity) at flat index \d+/);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('infer: a zip64 entry count with a flipped bit is refused at once (it took > 300 s)', async () => {
    const bytes = Uint8Array.from(readFileSync(`${MODEL_DIR}/neonext-mini.pt`));
    bytes[1014980]! ^= 0x80; // the zip64 end record's "total entries" (checked in test/hostile-zip.test.ts)
    const path = join(tmp, 'z.pt');
    writeFileSync(path, bytes);
    const started = performance.now();
    const r = await runCli(['infer', '--weights', path, '--input', GOLDEN, '--backend', 'wasm'], LIMIT);
    expect(performance.now() - started).toBeLessThan(15_000);
    expectOneLine(r, /^neocc: error: \S+z\.pt: zip64 end-of-central-directory "total entries" field/);
  });

  it('infer: --weights /dev/zero and an image that is a folder are refused by what they are', async () => {
    let r = await runCli(['infer', '--weights', '/dev/zero', '--input', GOLDEN, '--backend', 'reference'], LIMIT);
    expectOneLine(r, /^neocc: error: \/dev\/zero: is a character device, not a regular file/);
    r = await runCli(['infer', '--weights', 'synthetic', '--arch', 'neonext-t', '--backend', 'reference', tmp], LIMIT);
    expectOneLine(r, /^neocc: error: \S+: is a directory, not a regular file; give the path of an image file/);
  });

  it('gen and export-onnx: output paths on procfs or through a file fail at once in one line (they never returned)', async () => {
    const file = join(tmp, 'a-file');
    writeFileSync(file, 'x');
    const started = performance.now();
    let r = await runCli(['gen', '--target', 'wgsl', '--spec', '4+7', '--input-shape', '1,22,12,12', '--out', '/proc/self/x'], LIMIT);
    expectOneLine(r, /^neocc: error: \/proc\/self\/x: cannot create the --out folder: its parent \/proc\/self does not allow new folders/);
    r = await runCli(['gen', '--target', 'wgsl', '--spec', '4+7', '--input-shape', '1,22,12,12', '--out', file], LIMIT);
    expectOneLine(r, /^neocc: error: \S+a-file: is a regular file, not a directory; the --out folder must be a directory$/m);
    r = await runCli(['export-onnx', '--arch', 'neonext-t', '--weights', 'synthetic', '--out', '/proc/self/x/m.onnx'], LIMIT);
    expectOneLine(r, /^neocc: error: \/proc\/self\/x: cannot create the folder of the --out file/);
    r = await runCli(['export-onnx', '--arch', 'neonext-t', '--weights', 'synthetic', '--out', tmp], LIMIT);
    expectOneLine(r, /^neocc: error: \S+: is a directory; the --out file must be a file path \(e\.g\. \S+\/model\.onnx\)$/m);
    expect(performance.now() - started).toBeLessThan(30_000);
  });

  it('infer --check-weights: the issue\'s one-byte flip (a weight became -4.2e33) is reported and stops the run; a clean file passes', async () => {
    const bytes = Buffer.from(readFileSync(`${MODEL_DIR}/neonext-mini.safetensors`));
    const name = 'stage_3.0.ops.content.neocell.weight_b.1';
    const index = 930;
    const at = 8 + Number(bytes.readBigUInt64LE(0)) + parseSafetensors(bytes, 'mini').entries.get(name)!.begin + 4 * index;
    expect(bytes.readFloatLE(at)).toBeCloseTo(-1.2426e-5, 9);
    bytes[at + 3]! ^= 0x40; // exponent bit 30
    const value = bytes.readFloatLE(at);
    expect(value).toBeCloseTo(-4.2284e33, -29);
    const path = join(tmp, 'flipped.safetensors');
    writeFileSync(path, bytes);
    const args = ['infer', '--weights', path, '--input', GOLDEN, '--backend', 'reference', '--quiet'];
    // Without the check the damaged file runs and prints plausible logits: why the check exists.
    expect((await runCli(args, LIMIT)).code).toBe(0);
    const report = new RegExp(`^  ${name.replaceAll('.', '\\.')} \\[32, 7, 7\\]: 1 value\\(s\\) over \\S+, the largest ${value.toExponential(4).replace('+', '\\+')} ` +
      `at flat index ${index}; median \\|w\\| \\d\\.\\d\\de-\\d+$`, 'm');
    const r = await runCli([...args, '--check-weights'], LIMIT);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^neocc: --check-weights: 1 of 95 tensors of \S+flipped\.safetensors hold absurd magnitudes/);
    expect(r.stderr).toMatch(report);
    expect(r.stderr.split('\n').filter((l) => l.startsWith('neocc: error:'))).toEqual([
      expect.stringMatching(new RegExp(`^neocc: error: \\S+flipped\\.safetensors: 1 tensor\\(s\\) hold absurd magnitudes, e\\.g\\. "${name}" holds .* at flat index ${index} .*--accept-absurd-weights`)),
    ]);
    const accepted = await runCli([...args, '--check-weights', '--accept-absurd-weights'], LIMIT);
    expect(accepted.code).toBe(0);
    expect(accepted.stderr).toMatch(report);
    expect(accepted.stdout).toMatch(/top-5/);
    const clean = await runCli(['infer', '--weights', `${MODEL_DIR}/neonext-mini.safetensors`, '--input', GOLDEN, '--backend', 'reference', '--quiet', '--check-weights'], LIMIT);
    expect(clean.code).toBe(0);
    expect(clean.stderr).toMatch(/^neocc: --check-weights: 95 tensors of \S+neonext-mini\.safetensors, none with absurd magnitudes/);
  });

  it('infer --max-megapixels: the image budget in the error, and the option that raises it, reach the decoder', async () => {
    const path = join(tmp, 'claims-72mp.png');
    writeFileSync(path, claimedPng(9000, 8000));
    const arch = ['--weights', 'synthetic', '--arch', 'neonext-t', '--backend', 'reference'];
    let r = await runCli(['infer', ...arch, path], LIMIT);
    expectOneLine(r, /^neocc: error: \S+claims-72mp\.png: the PNG of 9000x8000 is 72\.0 megapixels, over the limit of 64 megapixels for PNG; downscale it, or raise the limit with --max-megapixels 72 /);
    r = await runCli(['infer', ...arch, '--max-megapixels', '10', path], LIMIT);
    expectOneLine(r, /over the limit of 10 megapixels for PNG/);
    r = await runCli(['infer', ...arch, '--max-megapixels', '5000', path], LIMIT);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--max-megapixels <n>' argument '5000' is invalid\. at most 1000, got 5000/);
  });

  it('export-onnx --form dense at resolution 4000: the size budget, from the config, refuses it in one line within seconds', async () => {
    const started = performance.now();
    const r = await runCli(['export-onnx', '--arch', 'neonext-t', '--resolution', '4000', '--form', 'dense', '--weights', 'synthetic', '--out', join(tmp, 'big.onnx')], LIMIT);
    expectOneLine(r, /^neocc: error: the dense ONNX export of neonext-t-4000 at resolution 4000 would hold \d+ MiB of weights, over the 1024 MiB limit; use a smaller --resolution \(now 4000\), or --form blocks \(\d+ MiB/);
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(existsSync(join(tmp, 'big.onnx'))).toBe(false);
  });

  it('any error is one line plus at most a hint, with no stack frames; --verbose prints the stack', async () => {
    const batch0 = join(tmp, 'batch0.safetensors');
    writeFileSync(batch0, writeSafetensors(new Map([['input', new Tensor([0, 3, 128, 128], new Float32Array(0))]])));
    const cases: Array<[string[], RegExp]> = [
      // Budgets checked from the config / shape before anything is allocated (these were RangeErrors deep inside).
      [['infer', '--resolution', '100000', '--weights', 'synthetic', '--arch', 'neonext-t', '--backend', 'reference'],
        /^neocc: error: invalid spec: resolution = 100000; allowed: a multiple of 4 from 32 .* to 4096 \(MAX_RESOLUTION\)\n$/],
      [['gen', '--spec', '4+7', '--input-shape', '1,1000000000,12,12', '--target', 'wgsl', '--out', join(tmp, 'g')],
        /^neocc: error: invalid spec: input_shape = \[1,1000000000,12,12\]; allowed: at most 1073741824 elements in the input and in the output \(MAX_TENSOR_ELEMENTS.*\n$/],
      [['infer', '--input', batch0, '--weights', `${MODEL_DIR}/neonext-mini.safetensors`, '--backend', 'reference'],
        /^neocc: error: \S+batch0\.safetensors: tensor "input" has shape \[0, 3, 128, 128\]; expected \[N, 3, R, R\] with N >= 1\n$/],
    ];
    for (const [args, pattern] of cases) {
      const r = await runCli(args, LIMIT);
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toMatch(pattern);
      expect(r.stderr).not.toMatch(/^\s+at /m);
    }
    const verbose = await runCli([...cases[0]![0], '--verbose'], LIMIT);
    expect(verbose.code).toBe(1);
    expect(verbose.stderr).toMatch(/^neocc: error: invalid spec: resolution = 100000/);
    expect(verbose.stderr).toMatch(/^\s+at /m);
  });
});
