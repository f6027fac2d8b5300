/**
 * Browser builds get this instead of runtime/wasm/disk-cache.ts (package.json `browser` map): there is no disk
 * cache in a page (node:fs, node:crypto), so the runtime keeps compiled modules in memory only.
 */
export function wasmCacheDir(): null {
  return null;
}

export function openWasmDiskCache(): null {
  return null;
}
