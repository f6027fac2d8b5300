/// <reference types="vite/client" />
declare module 'virtual:neocc-kernels' {
  import type { PrebuiltWasmModule } from '../runtime/wasm/prebuilt.js';
  import type { NeoNeXtConfig } from '../compiler/spec/model-config.js';
  export const wasmModels: Record<string, PrebuiltWasmModule & { readonly config: NeoNeXtConfig }>;
}
