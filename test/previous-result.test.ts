import { describe, expect, it } from 'vitest';
import {
  compareRows, hostClassOf, onnxPeersRows, previousResultReport, selectPrevious, wasmGemmRows, type ResultFile,
} from '../bench/previous-result.js';

// Fixture results written by hand in the shapes bench/onnx-peers.ts and bench/wasm-gemm.ts write (not the real files).
const XEON = 'Intel(R) Xeon(R) Processor';
const AVX512 = ['sse', 'sse2', 'avx', 'avx2', 'fma', 'avx512f'];

function onnx(date: string, o: { cpu?: string; flags?: string[]; threads?: number; neoccMs?: number; host?: false } = {}): unknown {
  return {
    bench: 'onnx-peers',
    date,
    ...(o.host === false ? { machine: 'some box' } : { host: { cpu: o.cpu ?? XEON, cores: 2, cpuSimdFlags: o.flags ?? AVX512, v8: '11.3', wasm: { simdVariant: 'relaxed-simd' }, loadAverage: 1 } }),
    ...(o.threads === undefined ? { threads: 1 } : o.threads < 0 ? {} : { threads: o.threads }),
    rows: [
      { name: 'onnxruntime-web dense', status: 'ok', medianMs: 300 },
      { name: 'neocc wasm', status: 'ok', medianMs: o.neoccMs ?? 200 },
      { name: 'onnxruntime-web blocks', status: 'failed', note: 'no session' },
    ],
  };
}

const file = (path: string, json: unknown): ResultFile => ({ path, json });
const current = hostClassOf(onnx('2026-12-03T00:00:00Z'));

describe('host class of a result (CPU model + SIMD flag set + threads)', () => {
  it('reads the three fields; flags compare as a set (order and duplicates ignored)', () => {
    expect(hostClassOf(onnx('2026-01-01T00:00:00Z', { flags: ['avx512f', 'fma', 'sse', 'avx2', 'avx', 'sse2', 'fma'] }))).toEqual(current);
    expect(current).toEqual({ cpu: XEON, simdFlags: ['avx', 'avx2', 'avx512f', 'fma', 'sse', 'sse2'], threads: 1 });
  });

  it('older files without the fields have no class, and say why', () => {
    expect(hostClassOf(onnx('2026-01-01T00:00:00Z', { host: false }))).toEqual({ missing: 'no host record (older run: free-text "machine" only)' });
    expect(hostClassOf(onnx('2026-01-01T00:00:00Z', { flags: [] }))).toEqual({ missing: 'SIMD flags unknown (empty host.cpuSimdFlags)' });
    expect(hostClassOf(onnx('2026-01-01T00:00:00Z', { threads: -1 }))).toEqual({ missing: 'no thread count' });
    expect(hostClassOf({ bench: 'onnx-peers', host: { cores: 2 } })).toEqual({ missing: 'no host.cpu' });
    expect(hostClassOf(null)).toEqual({ missing: 'no host record' });
  });

  it('a bench with one fixed thread count supplies it for files without `threads`', () => {
    expect(hostClassOf(onnx('2026-01-01T00:00:00Z', { threads: -1 }), 1)).toMatchObject({ threads: 1 });
  });
});

describe('selecting the previous result', () => {
  if ('missing' in current) throw new Error('fixture has no host class');
  const files = [
    file('r/old.json', onnx('2026-11-01T00:00:00Z', { neoccMs: 250 })),
    file('r/newest.json', onnx('2026-12-02T00:00:00Z', { neoccMs: 240 })),
    file('r/middle.json', onnx('2026-11-15T00:00:00Z')),
    file('r/amd.json', onnx('2026-12-02T12:00:00Z', { cpu: 'AMD EPYC 7B13' })),
    file('r/two-threads.json', onnx('2026-12-02T12:00:00Z', { threads: 2 })),
    file('r/no-avx512.json', onnx('2026-12-02T12:00:00Z', { flags: ['sse', 'sse2', 'avx', 'avx2', 'fma'] })),
    file('r/machine-only.json', onnx('2026-12-02T12:00:00Z', { host: false })),
    file('r/gemm.json', { bench: 'wasm-gemm', date: '2026-12-02T23:00:00Z', host: { cpu: XEON, cpuSimdFlags: AVX512 }, threads: 1, shapes: [] }),
  ];

  it('picks the newest of the same bench and host class; lists why the others were skipped', () => {
    const { match, skipped } = selectPrevious(files, 'onnx-peers', current);
    expect(match?.path).toBe('r/newest.json');
    expect(skipped).toEqual([
      { path: 'r/amd.json', reason: 'different host class: CPU "AMD EPYC 7B13"' },
      { path: 'r/two-threads.json', reason: 'different host class: 2 thread(s)' },
      { path: 'r/no-avx512.json', reason: 'different host class: other SIMD flags' },
      { path: 'r/machine-only.json', reason: 'no host record (older run: free-text "machine" only)' },
    ]);
  });

  it('finds nothing when only other host classes ran, and says so in one line', () => {
    const lines = previousResultReport({ bench: 'onnx-peers', current: onnx('2026-12-03T00:00:00Z', { cpu: 'Apple M2' }), rowsOf: onnxPeersRows, files });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^previous result: none — no committed onnx-peers result on this host class \(r\/old\.json: different host class: CPU "Intel/);
    expect(previousResultReport({ bench: 'onnx-peers', current: onnx('2026-12-03T00:00:00Z'), rowsOf: onnxPeersRows, files: [] }))
      .toEqual(['previous result: none — no committed onnx-peers result']);
  });

  it('prints old vs new per row and flags rows beyond the noise bound', () => {
    const lines = previousResultReport({ bench: 'onnx-peers', current: onnx('2026-12-03T00:00:00Z', { neoccMs: 180 }), rowsOf: onnxPeersRows, files });
    expect(lines[0]).toMatch(/^vs r\/newest\.json \(2026-12-02T00:00:00Z; same host class;/);
    expect(lines.find((l) => l.startsWith('neocc wasm'))).toMatch(/240\s+180\s+0\.75 {2}moved > ±15%$/);
    expect(lines.find((l) => l.startsWith('onnxruntime-web dense'))).toMatch(/300\s+300\s+1\.00$/);
  });
});

describe('row comparison and extraction', () => {
  it('ratio = new / old; moved only beyond ±noise; rows present on one side have no ratio', () => {
    const rows = compareRows(
      [{ key: 'a', ms: 100 }, { key: 'b', ms: 100 }, { key: 'c', ms: 100 }, { key: 'gone', ms: 5 }],
      [{ key: 'a', ms: 114 }, { key: 'b', ms: 116 }, { key: 'c', ms: 80 }, { key: 'new', ms: 7 }],
    );
    expect(rows.map((r) => [r.key, r.ratio === undefined ? undefined : Math.round(r.ratio * 100) / 100, r.moved])).toEqual([
      ['a', 1.14, false], ['b', 1.16, true], ['c', 0.8, true], ['new', undefined, false], ['gone', undefined, false],
    ]);
  });

  it('onnx-peers rows leave failed runtimes out; wasm-gemm rows are shape × kernel; malformed parts are ignored', () => {
    expect(onnxPeersRows(onnx('2026-01-01T00:00:00Z'))).toEqual([{ key: 'onnxruntime-web dense', ms: 300 }, { key: 'neocc wasm', ms: 200 }]);
    const gemm = { shapes: [{ id: 's1-fc1', kernels: [{ name: 'vec4 2x16', medianMs: 14.2 }, { name: 'fma 2x16', medianMs: 10.1 }, { name: 'x' }] }, 'junk'] };
    expect(wasmGemmRows(gemm)).toEqual([{ key: 's1-fc1 vec4 2x16', ms: 14.2 }, { key: 's1-fc1 fma 2x16', ms: 10.1 }]);
    expect(wasmGemmRows({})).toEqual([]);
  });
});
