/**
 * The few WebAssembly JS-API types the wasm runtime uses. The project compiles against ES2023 + Node types, which
 * do not declare `WebAssembly` (lib.dom does); these minimal declarations type the global that Node and browsers
 * provide, without pulling the DOM library into every module.
 */
export interface WasmMemory {
  readonly buffer: ArrayBufferLike;
  grow(pages: number): number;
}

/** A compiled module (opaque here). */
export interface WasmModule {
  readonly __wasmModule?: never;
}

export interface WasmInstance {
  readonly exports: Readonly<Record<string, unknown>>;
}

export type WasmImports = Readonly<Record<string, Readonly<Record<string, unknown>>>>;

interface WasmGlobal {
  readonly Memory: new (descriptor: { initial: number; maximum?: number; shared?: boolean }) => WasmMemory;
  validate(binary: Uint8Array): boolean;
  compile(binary: Uint8Array): Promise<WasmModule>;
  instantiate(module: WasmModule, imports: WasmImports): Promise<WasmInstance>;
  readonly Module: { new (binary: Uint8Array): WasmModule; imports(module: WasmModule): Array<{ module: string; name: string; kind: string }> };
  readonly Instance: new (module: WasmModule, imports?: WasmImports) => WasmInstance;
}

export const wasmApi: WasmGlobal = (globalThis as unknown as { WebAssembly: WasmGlobal }).WebAssembly;
