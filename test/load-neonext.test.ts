/**
 * loadNeoNeXt's embedding options (issue 12, item 2): backends in order of preference, weights from a URL (file: and
 * http, with download progress), onProgress stages and an AbortSignal. The model runs on the float64 reference
 * (neonext-mini, fast), checked against upstream's golden logits.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NeoccError } from '../compiler/errors.js';
import { relativeL2Error } from '../nn/tensor.js';
import type { Backend } from '../runtime/backends/backend.js';
import { loadNeoNeXt, type LoadProgress } from '../runtime/model/load-neonext.js';
import { WeightsError } from '../runtime/weights/weights-error.js';
import { MODEL_DIR, readFixture } from './helpers/fixtures.js';
import { rejected } from './helpers/caught.js';

const WEIGHTS = `${MODEL_DIR}/neonext-mini.safetensors`;
const golden = readFixture('model/neonext-mini.golden.safetensors');

/** A backend that starts but cannot load a model (as a wasm backend without asc, or a lost GPU device). */
function failingBackend(message: string): Backend {
  let disposed = false;
  return {
    name: 'wasm',
    description: 'a backend that fails',
    conformanceTolerance: 1e-5,
    neoCellForward: () => Promise.reject(new Error(message)),
    neoCellBackward: () => Promise.reject(new Error(message)),
    neoNeXtBlock: () => Promise.reject(new Error(message)),
    loadModel: () => Promise.reject(new NeoccError('test-failure', message)),
    dispose: async () => {
      disposed = true;
    },
    get disposed() {
      return disposed;
    },
  } as Backend;
}

let server: Server;
let base = '';

beforeAll(async () => {
  const bytes = readFileSync(WEIGHTS);
  server = createServer((req, res) => {
    if (req.url === '/mini.safetensors') {
      res.writeHead(200, { 'content-length': String(bytes.length), 'content-type': 'application/octet-stream' });
      // Two chunks, so progress reports more than once.
      res.write(bytes.subarray(0, 4096));
      setTimeout(() => res.end(bytes.subarray(4096)), 5);
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
});

describe('loadNeoNeXt embedding options', () => {
  it('tries backends in order: one that fails to load is skipped (and disposed if owned), the next one runs to the golden logits', async () => {
    const failing = failingBackend('no kernels for this config');
    const stages: LoadProgress[] = [];
    const model = await loadNeoNeXt({ weights: readFileSync(WEIGHTS), resolution: 128, backends: [failing, 'reference'], onProgress: (p) => stages.push(p) });
    try {
      expect(model.backend).toMatch(/reference/i);
      const logits = await model.forward(golden.tensor('input'));
      expect(relativeL2Error(logits.data, golden.tensor('logits').data)).toBeLessThanOrEqual(1e-6);
    } finally {
      await model.dispose();
    }
    expect(stages.map((p) => p.stage)).toEqual(['weights', 'backend', 'model', 'backend', 'model', 'ready']);
    expect(stages[1]?.detail).toBe('wasm');
    expect(stages[3]?.detail).toBe('reference');
    // The caller's instance stays the caller's.
    expect((failing as unknown as { disposed: boolean }).disposed).toBe(false);
  });

  it('when every backend fails, one NeoccError names each with its reason; a single backend\'s error is passed through as is', async () => {
    const all = await rejected(NeoccError, loadNeoNeXt({ weights: readFileSync(WEIGHTS), resolution: 128, backends: [failingBackend('first'), failingBackend('second')] }));
    expect(all.code).toBe('no-backend');
    expect(all.message).toBe('no backend could load the model; tried wasm: first; wasm: second');
    const one = await rejected(NeoccError, loadNeoNeXt({ weights: readFileSync(WEIGHTS), resolution: 128, backends: [failingBackend('alone')] }));
    expect([one.code, one.message]).toEqual(['test-failure', 'alone']);
    const both = await rejected(NeoccError, loadNeoNeXt({ weights: 'synthetic', arch: 'neonext-t', backend: 'reference', backends: ['reference'] }));
    expect(both.code).toBe('invalid-option');
  });

  it('reads weights from a file: URL and downloads them from http with progress; a 404 is a WeightsError naming the URL', async () => {
    const size = readFileSync(WEIGHTS).length;
    const fromFile = await loadNeoNeXt({ weights: pathToFileURL(WEIGHTS), resolution: 128, backend: 'reference' });
    const downloads: LoadProgress[] = [];
    const fromHttp = await loadNeoNeXt({
      weights: new URL('/mini.safetensors', base), resolution: 128, backend: 'reference', onProgress: (p) => { if (p.loaded !== undefined) downloads.push(p); },
    });
    try {
      for (const model of [fromFile, fromHttp]) {
        expect(relativeL2Error((await model.forward(golden.tensor('input'))).data, golden.tensor('logits').data)).toBeLessThanOrEqual(1e-6);
      }
    } finally {
      await fromFile.dispose();
      await fromHttp.dispose();
    }
    expect(downloads.length).toBeGreaterThanOrEqual(2);
    expect(downloads.at(-1)).toEqual({ stage: 'weights', loaded: size, total: size });
    const missing = await rejected(WeightsError, loadNeoNeXt({ weights: new URL('/nothing.pt', base), backend: 'reference' }));
    expect(missing.message).toBe(`${base}/nothing.pt: HTTP 404 Not Found`);
  });

  it('an aborted signal stops the load with its reason', async () => {
    const controller = new AbortController();
    controller.abort(new Error('user left the page'));
    await expect(loadNeoNeXt({ weights: 'synthetic', arch: 'neonext-t', backend: 'reference', signal: controller.signal })).rejects.toThrow('user left the page');
    // Aborted while the first backend fails: no fallback to the next one.
    const during = new AbortController();
    const aborting = { ...failingBackend('x'), loadModel: () => { during.abort(new Error('stop')); return Promise.reject(new Error('x')); } } as Backend;
    await expect(loadNeoNeXt({ weights: readFileSync(WEIGHTS), resolution: 128, backends: [aborting, 'reference'], signal: during.signal })).rejects.toThrow('x');
  });
});
