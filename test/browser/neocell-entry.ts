/**
 * Browser entry for test/browser-webgpu.test.ts: bundled by esbuild at test time (platform browser) and loaded
 * into headless Chromium. Runs the project's real WebGPU runtime (WebGpuBackend, which takes navigator.gpu in a
 * browser) and exposes it on `window.neocc`.
 */
import { planNeoCell } from '../../compiler/plan/neocell-plan.js';
import { parseNeoCellSpec } from '../../compiler/spec/neocell-spec.js';
import { Tensor } from '../../nn/tensor.js';
import { WebGpuBackend } from '../../runtime/webgpu/webgpu-backend.js';
import { API_GLOBAL, type GpuProbe, type NeoccBrowserApi, type NeoCellRequest, type NeoCellResponse } from './protocol.js';

interface BrowserGlobals {
  navigator?: { gpu?: unknown; userAgent?: string };
  isSecureContext?: boolean;
  [API_GLOBAL]?: NeoccBrowserApi;
}
const globals = globalThis as unknown as BrowserGlobals;

let backend: Promise<WebGpuBackend> | undefined;
function getBackend(): Promise<WebGpuBackend> {
  // Outputs poisoned with NaN: an element a kernel forgets to write cannot pass.
  backend ??= WebGpuBackend.create({ poisonOutputs: true });
  return backend;
}

function tensor(shape: readonly number[], data: readonly number[]): Tensor {
  return new Tensor(shape, Float32Array.from(data));
}

async function probe(): Promise<GpuProbe> {
  const base = {
    hasNavigatorGpu: globals.navigator?.gpu !== undefined,
    secureContext: globals.isSecureContext === true,
    userAgent: globals.navigator?.userAgent ?? '',
  };
  try {
    const b = await getBackend();
    return { ...base, backend: b.description, software: b.ctx.adapter.software };
  } catch (err) {
    backend = undefined;
    return { ...base, error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) };
  }
}

async function runNeoCell(request: NeoCellRequest): Promise<NeoCellResponse> {
  const started = performance.now();
  const b = await getBackend();
  const spec = parseNeoCellSpec(request.channelSpecs);
  const plan = planNeoCell(spec, request.inputShape);
  const x = tensor(plan.inputShape, request.x);
  const weights = {
    a: spec.groups.map((g, j) => tensor([g.channels, g.hOut, g.hIn], request.weightA[j] ?? [])),
    b: spec.groups.map((g, j) => tensor([g.channels, g.wIn, g.wOut], request.weightB[j] ?? [])),
  };
  const gradY = tensor(plan.outputShape, request.gradY);
  const y = await b.neoCellForward(plan, x, weights);
  const grads = await b.neoCellBackward(plan, x, weights, gradY);
  return {
    y: Array.from(y.data),
    gradX: Array.from(grads.gradX.data),
    gradA: grads.gradA.map((t) => Array.from(t.data)),
    gradB: grads.gradB.map((t) => Array.from(t.data)),
    backend: b.description,
    milliseconds: performance.now() - started,
  };
}

globals[API_GLOBAL] = { probe, runNeoCell };
