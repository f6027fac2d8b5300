import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { BenchResult } from '../cli/bench/measure.js';
import { runCli } from './helpers/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'neocc-bench-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const MODULES = ['stem', 'stage_1', 'downsample_1', 'stage_2', 'downsample_2', 'stage_3', 'downsample_3', 'stage_4', 'head'];

describe('neocc bench (the CLI, wasm backend)', () => {
  it('times every stage\'s NeoCell and the whole forward: a table on stdout, JSON and an HTML chart on disk', async () => {
    const r = await runCli(['bench', '--backend', 'wasm', '--threads', '1', '--runs', '2', '--out', dir]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^neonext-t-224 · batch 1 · backend wasm/);
    for (const row of ['stage 1  1x96x56x56', 'stage 2  1x192x28x28', 'stage 3  1x384x14x14', 'stage 4  1x768x7x7']) expect(r.stdout).toContain(row);
    expect(r.stdout).toMatch(/whole forward: median [\d.]+ ms, min [\d.]+ ms, [\d.]+ images\/s/);

    const result = JSON.parse(readFileSync(join(dir, 'neonext-t-224-b1-wasm.json'), 'utf8')) as BenchResult;
    expect(result.backend.name).toBe('wasm');
    expect(result.neoCells.map((c) => c.inputShape)).toEqual([[1, 96, 56, 56], [1, 192, 28, 28], [1, 384, 14, 14], [1, 768, 7, 7]]);
    const m = result.model_forward;
    expect(m.timing.samplesMs).toHaveLength(2);
    expect(m.timing.medianMs).toBeGreaterThan(0);
    expect(m.timing.minMs).toBeLessThanOrEqual(m.timing.medianMs);
    expect(m.imagesPerSecond).toBeCloseTo(1000 / m.timing.medianMs, 1);
    expect(m.modules.map((x) => x.module)).toEqual(MODULES);
    // The text table shows the JSON's own numbers.
    expect(r.stdout).toContain(`median ${m.timing.medianMs.toFixed(2)} ms`);

    const html = readFileSync(join(dir, 'neonext-t-224-b1-wasm.html'), 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect((html.match(/<rect /g) ?? []).length).toBe(MODULES.length + 4);
    for (const module of MODULES) expect(html).toContain(`>${module}</text>`);
  }, 300_000);

  it('bad options: one line naming the option and what is allowed', async () => {
    let r = await runCli(['bench', '--runs', '5000', '--backend', 'wasm', '--out', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe('neocc: error: --runs 5000: allowed 1 to 1000');
    const file = join(dir, 'a-file');
    writeFileSync(file, '');
    r = await runCli(['bench', '--backend', 'wasm', '--out', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^neocc: error: .*a-file.* is a regular file, not a directory; the --out folder must be a directory/);
    r = await runCli(['bench', '--arch', 'neonext-x', '--out', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/neonext-x/);
  }, 60_000);
});
