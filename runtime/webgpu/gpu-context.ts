import { NeoccError } from '../../compiler/errors.js';
import { isMissingPackage, missingPackageError } from '../../compiler/optional-package.js';
import { WGSL, withLimits, type KernelTarget } from '../../compiler/targets/index.js';

/** What the adapter says about itself, for reports and for telling hardware from software rasterizers. */
export interface AdapterDescription {
  readonly vendor: string;
  readonly architecture: string;
  readonly device: string;
  readonly description: string;
  /** lavapipe (llvmpipe), SwiftShader, WARP or an adapter flagged as fallback: a CPU pretending to be a GPU. */
  readonly software: boolean;
}

export interface GpuContext {
  readonly instance: GPU;
  readonly device: GPUDevice;
  readonly adapter: AdapterDescription;
  readonly limits: GPUSupportedLimits;
  /** The WGSL target record narrowed to this device's limits: what its kernels are tiled and scheduled against. */
  readonly target: KernelTarget;
  readonly timestampQuery: boolean;
  /** Throws a NeoccError if the device was lost (with the reason) — call before submitting work. */
  assertAlive(): void;
  destroy(): void;
}

export const NO_ADAPTER_HELP =
  'no WebGPU adapter found. Install a GPU driver with Vulkan/Metal/D3D12 support, or, for a CPU-only machine, ' +
  "Mesa's software Vulkan driver (Debian 12: add bookworm-backports and run " +
  '`apt-get install -t bookworm-backports mesa-vulkan-drivers libvulkan1`); in browsers, use one with WebGPU enabled';

/** In browsers: what navigator.gpu (and an adapter from it) needs. */
const BROWSER_HELP =
  'WebGPU needs a secure context (https:, or http://localhost / 127.0.0.1) and a browser with WebGPU enabled ' +
  '(Chrome/Edge 113+; headless Linux Chromium: --enable-unsafe-webgpu --enable-features=Vulkan --use-vulkan=swiftshader ' +
  '--use-webgpu-adapter=swiftshader for its software adapter)';

/** The npm package with Dawn's Node bindings (loaded only where there is no navigator.gpu). */
const DAWN_PACKAGE: string = 'webgpu';

const SOFTWARE = /llvmpipe|lavapipe|swiftshader|warp|software|cpu/i;

/** navigator.gpu where there is one (browsers; `browser: true`), else Dawn's Node bindings. */
async function getGpu(): Promise<{ gpu: GPU; browser: boolean }> {
  const browserGpu = (globalThis as { navigator?: { gpu?: GPU } }).navigator?.gpu;
  if (browserGpu) return { gpu: browserGpu, browser: true };
  const node = (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node;
  if (node === undefined) {
    // A browser (or worker) without navigator.gpu: the Node bindings cannot help there.
    throw new NeoccError('no-webgpu-adapter', `navigator.gpu is missing: this browser does not expose WebGPU here; ${BROWSER_HELP}`);
  }
  // Node: Dawn through the `webgpu` package. Imported lazily so browsers and CPU-only paths never load it. The
  // specifier is a variable so that bundlers (esbuild, Vite, webpack) leave this Node-only import out of browser
  // bundles instead of failing on its `node:path`/`module` imports (test/browser-webgpu.test.ts bundles it).
  let mod: { create: (options: string[]) => GPU };
  try {
    mod = (await import(/* @vite-ignore */ /* webpackIgnore: true */ DAWN_PACKAGE)) as { create: (options: string[]) => GPU };
  } catch (err) {
    if (isMissingPackage(err, DAWN_PACKAGE)) throw missingPackageError('webgpu');
    throw new NeoccError('no-webgpu-adapter', `cannot load the Dawn bindings (npm package "webgpu"): ${(err as Error).message}; ${NO_ADAPTER_HELP}`);
  }
  // Dawn's Vulkan loader wants a runtime dir; an unset one only produces warnings, but they confuse users.
  process.env.XDG_RUNTIME_DIR ??= '/tmp';
  return { gpu: mod.create([]), browser: false };
}

/** Requests an adapter and a device with timestamp queries when available; the caller destroys it. */
export async function acquireGpu(): Promise<GpuContext> {
  const { gpu, browser } = await getGpu();
  const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  if (!adapter) throw new NeoccError('no-webgpu-adapter', browser ? `navigator.gpu.requestAdapter() found no adapter; ${BROWSER_HELP}` : NO_ADAPTER_HELP);
  const timestampQuery = adapter.features.has('timestamp-query');
  const device = await adapter.requestDevice({
    requiredFeatures: timestampQuery ? ['timestamp-query'] : [],
    requiredLimits: {
      maxStorageBufferBindingSize: adapter.limits.maxStorageBufferBindingSize,
      maxBufferSize: adapter.limits.maxBufferSize,
      maxComputeWorkgroupStorageSize: adapter.limits.maxComputeWorkgroupStorageSize,
      maxStorageBuffersPerShaderStage: adapter.limits.maxStorageBuffersPerShaderStage,
    },
  });
  const info = adapter.info;
  const text = `${info.vendor} ${info.architecture} ${info.device} ${info.description}`;
  const description: AdapterDescription = {
    vendor: info.vendor,
    architecture: info.architecture,
    device: info.device,
    description: info.description,
    software: SOFTWARE.test(text) || (adapter as { isFallbackAdapter?: boolean }).isFallbackAdapter === true,
  };
  let lost: string | undefined;
  let destroyed = false;
  void device.lost.then((reason) => {
    if (!destroyed) lost = `${reason.reason}: ${reason.message}`;
  });
  return {
    // dawn.node processes device events through the GPU instance: if the instance object is garbage-collected while
    // the device lives, Dawn dereferences freed memory (seen as segfaults). Holding it here keeps it alive.
    instance: gpu,
    device,
    adapter: description,
    limits: device.limits,
    target: deviceTarget(device.limits),
    timestampQuery,
    assertAlive: () => {
      if (lost !== undefined) throw new NeoccError('device-lost', `the WebGPU device was lost (${lost}); create a new backend to continue`);
    },
    destroy: () => {
      destroyed = true;
      device.destroy();
    },
  };
}

/** "vendor architecture (description)" in one line. */
export function describeAdapter(a: AdapterDescription): string {
  const name = [a.vendor, a.architecture, a.device].filter(Boolean).join(' ');
  return `${name || 'unknown adapter'}${a.description ? ` (${a.description})` : ''}${a.software ? ', software' : ''}`;
}

/** WGSL with a device's limits; one binding may span neither more than maxStorageBufferBindingSize nor maxBufferSize. */
export function deviceTarget(limits: GPUSupportedLimits): KernelTarget {
  return withLimits(WGSL, {
    maxComputeInvocationsPerWorkgroup: limits.maxComputeInvocationsPerWorkgroup,
    maxComputeWorkgroupStorageSize: limits.maxComputeWorkgroupStorageSize,
    maxComputeWorkgroupsPerDimension: limits.maxComputeWorkgroupsPerDimension,
    maxStorageBufferBindingSize: Math.min(limits.maxStorageBufferBindingSize, limits.maxBufferSize),
  });
}
