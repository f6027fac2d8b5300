import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { relativeL2Error } from '../nn/tensor.js';
import { readFixture } from './helpers/fixtures.js';
import { runCli } from './helpers/run-cli.js';

const MINI = 'test/fixtures/model/neonext-mini.safetensors';
const MINI_GOLDEN = 'test/fixtures/model/neonext-mini.golden.safetensors';

describe('neocc conformance', () => {
  it('prints one row per NeoCell case and exits 0 when all pass', async () => {
    const { code, stdout } = await runCli(['conformance', 'test/fixtures/neocell', '--backend', 'reference']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^case\s+op\s+input\s+output\s+y\s+grad_x\s+grad_w_a\s+grad_w_b\s+ms\s+result/);
    expect(stdout).toMatch(/stage1_t_56x56\s+neocell\s+1x96x56x56\s+1x96x56x56\s+\S+e-\d+.*pass/);
    expect(stdout).toContain('15/15 cases passed at rel. L2 error <= 1e-6 on backend reference');
  });

  it('runs the golden NeoCell cases on WebGPU (forward and backward) and names the adapter', async () => {
    const { code, stdout } = await runCli(['conformance', 'test/fixtures/neocell', '--backend', 'webgpu']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/15\/15 cases passed at rel\. L2 error <= 1e-5 on backend webgpu \(WebGPU on .+\)/);
  });

  it('reports JSON for block cases', async () => {
    const { code, stdout } = await runCli(['conformance', 'test/fixtures/block', '--backend', 'reference', '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as { passed: number; failed: number; rows: Array<{ op: string; errors: { y: number } }> };
    expect(report.passed).toBe(2);
    expect(report.rows.every((r) => r.op === 'neo_bottleneck' && r.errors.y < 1e-6)).toBe(true);
  });

  it('exits 1 and marks the case when a golden output disagrees', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'neocc-conf-'));
    const bytes = Uint8Array.from(readFileSync('test/fixtures/neocell/k4_s1_12x12.safetensors'));
    copyFileSync('test/fixtures/neocell/k4_s0_12x12.safetensors', join(dir, 'k4_s0_12x12.safetensors'));
    // Flip one float of the stored y: its entry is found from the header.
    const headerLength = Number(new DataView(bytes.buffer).getBigUint64(0, true));
    const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headerLength))) as Record<string, { data_offsets: number[] }>;
    const at = 8 + headerLength + header.y!.data_offsets[0]! + 40;
    new DataView(bytes.buffer).setFloat32(at, new DataView(bytes.buffer).getFloat32(at, true) + 1, true);
    writeFileSync(join(dir, 'k4_s1_12x12.safetensors'), bytes);
    const { code, stdout } = await runCli(['conformance', dir, '--backend', 'reference']);
    expect(code).toBe(1);
    expect(stdout).toMatch(/k4_s0_12x12 .* pass/);
    expect(stdout).toMatch(/k4_s1_12x12 .* FAIL/);
    expect(stdout).toContain('1/2 cases passed');
  });

  it('explains a missing directory and an unknown backend; runs the block cases on wasm', async () => {
    let r = await runCli(['conformance', 'no/such/dir', '--backend', 'reference']);
    expect([r.code, r.stderr.trim()]).toEqual([1, 'neocc: error: conformance: "no/such/dir" is not a directory']);
    r = await runCli(['conformance', 'test/fixtures/neocell', '--backend', 'gpu']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('unknown backend "gpu"; allowed: auto, reference, webgpu, wasm, cuda-cpu, cuda');
    r = await runCli(['conformance', 'test/fixtures/block', '--backend', 'wasm']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('2/2 cases passed at rel. L2 error <= 1e-5 on backend wasm');
  });
});

describe('neocc infer', () => {
  it('reproduces the neonext-mini golden logits from its safetensors (--json)', async () => {
    const { code, stdout } = await runCli(['infer', '--weights', MINI, '--input', MINI_GOLDEN, '--backend', 'reference', '--json', '--quiet']);
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as { logits: number[][]; top5: Array<Array<{ class: number; label: string; logit: number; probability: number }>>; backend: string; timings: Record<string, number> };
    expect(out.backend).toBe('reference');
    const golden = readFixture('model/neonext-mini.golden.safetensors').tensor('logits');
    expect(relativeL2Error(out.logits.flat(), golden.data)).toBeLessThanOrEqual(1e-5);
    // top-5 is the five largest logits of each image, best first.
    out.top5.forEach((top, i) => {
      const sorted = [...out.logits[i]!].sort((a, b) => b - a).slice(0, 5);
      expect(top.map((t) => t.logit)).toEqual(sorted);
      expect(top.every((t) => out.logits[i]![t.class] === t.logit)).toBe(true);
      // Softmax over the image's 10 logits, summed here in the plain way (they are small), and non-ImageNet labels.
      const sum = out.logits[i]!.reduce((a, v) => a + Math.exp(v), 0);
      top.forEach((t) => expect(t.probability).toBeCloseTo(Math.exp(t.logit) / sum, 12));
      expect(top.map((t) => t.label)).toEqual(top.map((t) => `class ${t.class}`));
    });
    expect(out.timings.forward_ms).toBeGreaterThan(0);
    expect(out.timings.prepare_ms).toBeGreaterThan(0);
  });

  it('prints top-5 and logits as text for a custom architecture given by flags', async () => {
    const { code, stdout, stderr } = await runCli(['infer', '--layers', '1,1,2,1', '--dims', '16,32,64,128', '--kernel-spec', '4+7',
      '--shifts', '1,1,1,0', '--classes', '10', '--weights', MINI, '--input', MINI_GOLDEN, '--backend', 'reference']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/image 0 top-5: #9 \(1\.78\d+, \d+\.\d\d%\), #0/);
    expect(stdout).toMatch(/image 1 logits: (-?\d\.\d{4} ){9}-?\d\.\d{4}\n/);
    expect(stderr).toContain('stage_4 done');
  });

  it('gives clear errors for a mismatched architecture, synthetic weights without one, and bad flags', async () => {
    let r = await runCli(['infer', '--arch', 'neonext-t', '--weights', MINI, '--input', MINI_GOLDEN]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/neonext-mini\.safetensors: \d+ expected tensor\(s\) missing/);
    r = await runCli(['infer', '--weights', 'synthetic']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('synthetic weights need --arch');
    r = await runCli(['infer', '--arch', 'neonext-x', '--weights', 'synthetic']);
    expect(r.stderr).toContain('allowed: neonext-t | neonext-s | neonext-b | neonext-l');
    r = await runCli(['infer', '--arch', 'neonext-t', '--resolution', '96', '--shifts', '1,1,1,1', '--weights', 'synthetic']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('stage_4.channel_specs[1].shift_a');
    r = await runCli(['infer', '--layers', '3,x', '--weights', 'synthetic']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("option '--layers <list>' argument '3,x' is invalid");
    r = await runCli(['infer', '--weights', 'model.pt']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('model.pt: cannot read: ENOENT');
  });
});
