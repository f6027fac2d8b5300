/**
 * Browser entry for test/browser-wasm-threads.test.ts: the package's browser entry (entry/browser.ts), bundled by
 * esbuild with package.json's `browser` map applied to the sources (so the thread pool is the Web Worker one). Served
 * with and without COOP/COEP headers; runs NeoNeXt-T-224 (synthetic) on a wasm backend created by name.
 */
import { createBackend, loadNeoNeXt, syntheticInput } from '../../entry/browser.js';

/** What the page returns to the test. */
export type ThreadsRun = {
  readonly crossOriginIsolated: boolean;
  readonly hardwareConcurrency: number;
  /** The backend's description (it names the thread count). */
  readonly backend: string;
  readonly logits?: number[];
  readonly ms?: { readonly load: number; readonly forward: number };
  /** `code: message` of an error instead. */
  readonly error?: string;
};

export const THREADS_API = '__neoccThreads';

/** `forward: false`: only create the backend (its description says the default thread count). */
async function run(options: { threads?: number; wasmBaseUrl?: string; forward?: boolean }): Promise<ThreadsRun> {
  const g = globalThis as unknown as { crossOriginIsolated?: boolean; navigator: { hardwareConcurrency: number } };
  const page = { crossOriginIsolated: g.crossOriginIsolated === true, hardwareConcurrency: g.navigator.hardwareConcurrency };
  let backend: Awaited<ReturnType<typeof createBackend>> | undefined;
  try {
    backend = await createBackend('wasm', { threads: options.threads, wasmBaseUrl: options.wasmBaseUrl });
    if (options.forward === false) return { ...page, backend: backend.description };
    let t = performance.now();
    const model = await loadNeoNeXt({ weights: 'synthetic', arch: 'neonext-t', resolution: 224, backend });
    const load = performance.now() - t;
    t = performance.now();
    const logits = await model.forward(syntheticInput(224));
    const forward = performance.now() - t;
    await model.dispose();
    return { ...page, backend: backend.description, logits: Array.from(logits.data), ms: { load, forward } };
  } catch (err) {
    return { ...page, backend: backend?.description ?? '', error: `${(err as { code?: string }).code ?? 'error'}: ${(err as Error).message}` };
  } finally {
    await backend?.dispose();
  }
}

(globalThis as unknown as Record<string, unknown>)[THREADS_API] = { run };
