/**
 * `npm run bench:browser` (bench/browser/run.ts) in its reduced mode: a small NeoNeXt (neonext-mini-64), one ONNX
 * form, two timed runs, no cold starts, in headless Chromium. The bench's JSON must hold every row — neocc and
 * onnxruntime-web on wasm with 1 and N threads and on WebGPU — each with finite times or an explicit `not supported`
 * reason, and the logits cross-check (neocc vs onnxruntime-web, rel. L2 < 1e-3) must have passed. Timings are not
 * checked: this machine is shared.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { BrowserBenchReport } from '../bench/browser/report.js';

const dir = mkdtempSync(join(tmpdir(), 'neocc-bench-browser-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run bench:browser -- --quick', () => {
  it('writes every row with finite times or a not-supported reason, and the logits cross-check passes', () => {
    const out = join(dir, 'browser.json');
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'bench/browser/run.ts', '--quick', '--model', 'neonext-mini-64', '--simd', 'plain',
      '--forms', 'lean', '--no-cold', '--threads', '2', '--out', out], { encoding: 'utf8', timeout: 170_000 });
    const tail = `\nstderr:\n${run.stderr?.split('\n').filter((l) => !l.startsWith('[pid=')).slice(-30).join('\n')}`;
    expect(run.status, tail).toBe(0);
    const report = JSON.parse(readFileSync(out, 'utf8')) as BrowserBenchReport;
    console.log(`[browser-bench]\n${run.stdout}`);
    expect(report.host.page.crossOriginIsolated).toBe(true);
    expect(report.threads).toBe(2);
    expect(report.rows.map((r) => r.spec.id)).toEqual([
      'neocc-wasm-plain-1t', 'ort-wasm-lean-1t', 'neocc-wasm-relaxed-2t', 'ort-wasm-lean-2t', 'neocc-webgpu', 'ort-webgpu-lean',
    ]);
    for (const row of report.rows) {
      if (row.status === 'not supported') {
        expect(row.note, row.label).toMatch(/^not supported: \S/);
        continue;
      }
      expect(row.status, `${row.label}: ${row.note ?? ''}`).toBe('ok');
      for (const t of [row.loadMs, row.firstRunMs, row.medianMs, row.minMs, ...row.samplesMs!]) expect(Number.isFinite(t) && t! > 0, row.label).toBe(true);
      expect(row.relL2VsOrt, row.label).toBeLessThan(1e-3);
    }
    // Only neocc's threads may be missing (its browser thread pool); everything ORT and both single-threaded engines ran.
    expect(report.rows.filter((r) => r.status !== 'ok').map((r) => r.spec.id)).toEqual(
      report.rows.filter((r) => r.spec.id === 'neocc-wasm-relaxed-2t' && r.status !== 'ok').map((r) => r.spec.id));
    expect(report.crossCheck).toMatchObject({ reference: 'ORT-web wasm lean 1t', threshold: 1e-3, passed: true });
    // The WebGPU rows name their adapter (GPUAdapterInfo), the same one for both engines.
    const adapters = report.rows.filter((r) => r.spec.device === 'webgpu').map((r) => r.adapter);
    expect(adapters[0]).toMatch(/\S/);
    expect(new Set(adapters).size).toBe(1);
  }, 180_000);
});
