/**
 * Browser entry for test/browser-wasm-prebuilt.test.ts: bundled by esbuild at test time (platform browser, ESM with
 * code splitting, `node:*` external) and loaded into headless Chromium, where asc cannot run. Registers the committed
 * `generated/wasm` binaries of neonext-t-224 (fetched next to the bundle) and runs the WebAssembly model on them.
 */
import { releasedConfig } from '../../compiler/spec/model-config.js';
import { ASSEMBLYSCRIPT } from '../../compiler/targets/index.js';
import { neoNeXtSchema } from '../../compiler/spec/neonext-state-dict.js';
import { neoNeXtParams } from '../../nn/neonext-params.js';
import { missingPrebuiltWasm, registerPrebuiltWasm } from '../../runtime/wasm/prebuilt.js';
import { WasmNeoNeXt } from '../../runtime/wasm/wasm-neonext.js';
import { syntheticInput, syntheticStateDict } from '../../runtime/weights/synthetic.js';
import * as t224 from '../../generated/wasm/model-neonext-t-224.js';

/** What the page returns to the test. */
export interface PrebuiltRun {
  readonly registered: number;
  readonly missing: number;
  readonly logits: number[];
  readonly ms: { readonly register: number; readonly load: number; readonly forward: number };
}

export const PREBUILT_API = '__neoccPrebuilt';

async function run(): Promise<PrebuiltRun> {
  const config = releasedConfig('neonext-t', 224);
  let t = performance.now();
  const keys = await registerPrebuiltWasm(t224, async (url) => {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${String(url)}: HTTP ${response.status}`);
    return response.arrayBuffer();
  });
  const register = performance.now() - t;
  const params = neoNeXtParams(config, syntheticStateDict(neoNeXtSchema(config)));
  t = performance.now();
  // The committed folder holds the plain-SIMD kernels; Chromium has relaxed SIMD, which the default (auto) would pick.
  const model = await WasmNeoNeXt.load(config, params, { threads: 1, target: ASSEMBLYSCRIPT });
  const load = performance.now() - t;
  t = performance.now();
  const logits = await model.forward(syntheticInput(224));
  const forward = performance.now() - t;
  model.dispose();
  return { registered: keys.length, missing: missingPrebuiltWasm(config, t224).length, logits: Array.from(logits.data), ms: { register, load, forward } };
}

(globalThis as unknown as Record<string, unknown>)[PREBUILT_API] = { run };
