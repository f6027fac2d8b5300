import { NeoccError } from '../../compiler/errors.js';

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
  readonly timestampQuery: boolean;
  /** Throws a NeoccError if the device was lost (with the reason) — call before submitting work. */
  assertAlive(): void;
  destroy(): void;
}

export const NO_ADAPTER_HELP =
  'no WebGPU adapter found. Install a GPU driver with Vulkan/Metal/D3D12 support, or, for a CPU-only machine, ' +
  "Mesa's software Vulkan driver (Debian 12: add bookworm-backports and run " +
  '`apt-get install -t bookworm-backports mesa-vulkan-drivers libvulkan1`); in browsers, use one with WebGPU enabled';

const SOFTWARE = /llvmpipe|lavapipe|swiftshader|warp|software|cpu/i;

async function getGpu(): Promise<GPU> {
  const browserGpu = (globalThis as { navigator?: { gpu?: GPU } }).navigator?.gpu;
  if (browserGpu) return browserGpu;
  // Node: Dawn through the `webgpu` package. Imported lazily so browsers and CPU-only paths never load it.
  let mod: { create: (options: string[]) => GPU };
  try {
    mod = (await import('webgpu')) as unknown as { create: (options: string[]) => GPU };
  } catch (err) {
    throw new NeoccError('no-webgpu-adapter', `cannot load the Dawn bindings (npm package "webgpu"): ${(err as Error).message}; ${NO_ADAPTER_HELP}`);
  }
  // Dawn's Vulkan loader wants a runtime dir; an unset one only produces warnings, but they confuse users.
  process.env.XDG_RUNTIME_DIR ??= '/tmp';
  return mod.create([]);
}

/** Requests an adapter and a device with timestamp queries when available; the caller destroys it. */
export async function acquireGpu(): Promise<GpuContext> {
  const gpu = await getGpu();
  const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  if (!adapter) throw new NeoccError('no-webgpu-adapter', NO_ADAPTER_HELP);
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
