import { NotSupportedError } from '../../compiler/errors.js';

/**
 * Where WebAssembly threads can run, and how many to use by default. Browser-safe (no Node modules).
 *
 * Threads need a shared WebAssembly.Memory, i.e. SharedArrayBuffer, which browsers only give cross-origin isolated
 * pages (served with `Cross-Origin-Opener-Policy: same-origin` and `Cross-Origin-Embedder-Policy: require-corp`).
 */

const inNode = (): boolean => (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node !== undefined;

/** True in Node, and in a cross-origin isolated page or worker. */
export function wasmThreadsAvailable(): boolean {
  return inNode() || (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true;
}

/** Throws the one-line "not supported" error when `threads` > 1 cannot run here. */
export function checkWasmThreads(threads: number): void {
  if (threads > 1 && !wasmThreadsAvailable()) {
    throw new NotSupportedError(`wasm threads: ${threads} in this page: WebAssembly threads need a cross-origin isolated page (COOP/COEP headers: ` +
      '"Cross-Origin-Opener-Policy: same-origin" and "Cross-Origin-Embedder-Policy: require-corp"); use threads: 1 or serve the page with those headers');
  }
}

/**
 * A browser's default thread count: 1 where threads cannot run, else min(navigator.hardwareConcurrency, 4). Capped at
 * 4 like Node (runtime/backends/create-backend.ts): beyond that the small stage-4 launches of a forward are dominated by
 * the per-launch handshake, and a page shares the cores with its own main thread, the compositor and other tabs.
 */
export function browserWasmThreads(): number {
  if (!wasmThreadsAvailable()) return 1;
  const cores = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator?.hardwareConcurrency ?? 1;
  return Math.max(1, Math.min(4, Math.floor(cores)));
}
