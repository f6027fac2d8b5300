/** What the demo page's `neoccDemo.run(model, backend)` returns (test/browser-demo.test.ts reads it). */
export interface DemoResult {
  readonly logits: number[];
  readonly shape: readonly number[];
  readonly backend: string;
  readonly description: string;
  readonly top5: { readonly label: string; readonly probability: number }[][];
  readonly stagesMs: Record<string, number>;
}

/** The page's test hook, on `globalThis.neoccDemo`. */
export interface DemoApi {
  run(model: 'mini' | 't224' | 'file', backend: 'auto' | 'webgpu' | 'wasm'): Promise<DemoResult | { error: string }>;
}
