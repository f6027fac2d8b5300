import { NeoccError } from '../../compiler/errors.js';
import { importOptional } from '../../compiler/optional-package.js';
import { BACKEND_NAMES, type Backend } from './backend.js';
import { cudaBackendUnavailable, probeCudaToolchain, type CudaToolchain } from './cuda-toolchain.js';
import type { WasmSimdMode } from '../wasm/simd-variant.js';
import { browserWasmThreads } from '../wasm/thread-support.js';

/** What `auto` learns about the first WebGPU adapter: the fields of GPUAdapterInfo it decides on. */
export interface ProbedAdapter {
  readonly vendor: string;
  readonly architecture: string;
  readonly device: string;
  readonly description: string;
  /** GPUAdapter.isFallbackAdapter or GPUAdapterInfo.isFallbackAdapter (Dawn puts it on the info). */
  readonly isFallbackAdapter: boolean;
}

/** An adapter, or why there is none (no `webgpu` package, no driver, requestAdapter() returned null). */
export type AdapterProbe = { readonly found: true; readonly adapter: ProbedAdapter } | { readonly found: false; readonly reason: string };

export interface BackendChoice {
  readonly name: 'webgpu' | 'wasm';
  /** Why, in words, for the report line on stderr. */
  readonly reason: string;
}

/**
 * Software rasterizers that expose WebGPU on the CPU: Mesa's lavapipe (reports "llvmpipe"), SwiftShader, WARP.
 * On those the wasm kernels are the faster CPU path (a lavapipe dispatch runs the same arithmetic through a
 * Vulkan driver emulating SIMD lanes), so `auto` leaves them to `--backend webgpu`.
 */
const SOFTWARE_ADAPTER = /llvmpipe|lavapipe|swiftshader|\bwarp\b|software/i;

function adapterText(a: ProbedAdapter): string {
  const name = [a.vendor, a.architecture, a.device].filter((s) => s !== '').join(' ');
  return [name, a.description].filter((s) => s !== '').join(', ') || 'unknown adapter';
}

/** `auto`'s decision over what the probe found (pure, so it is tested over made-up adapters). */
export function chooseAutoBackend(probe: AdapterProbe): BackendChoice {
  if (!probe.found) return { name: 'wasm', reason: `no WebGPU adapter: ${probe.reason}` };
  const a = probe.adapter;
  const text = adapterText(a);
  if (a.isFallbackAdapter || SOFTWARE_ADAPTER.test(`${a.vendor} ${a.architecture} ${a.device} ${a.description}`)) {
    return { name: 'wasm', reason: `WebGPU adapter is software: ${text}; pass --backend webgpu to use it` };
  }
  return { name: 'webgpu', reason: `WebGPU adapter: ${text}` };
}

/** The npm package with Dawn's Node bindings; a variable so bundlers leave the Node-only import alone. */
const DAWN_PACKAGE: string = 'webgpu';
/** Node-only modules, named by variables so that browser bundlers leave them out. */
const NODE_CHILD_PROCESS: string = 'node:child_process';
const NODE_OS: string = 'node:os';
const NODE_FS: string = 'node:fs';
/** True in Node (false in browsers and their workers). */
const inNode = (): boolean => (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node !== undefined;
/** A probe that takes longer than this (a driver stuck in initialization) counts as no adapter. */
const PROBE_TIMEOUT_MS = 30_000;

/**
 * The Node probe, run by `node -e` in a child process with the bindings' file URL as argv[1]: it prints the adapter's
 * info as one JSON line and exits.
 */
const NODE_PROBE_SCRIPT = `
process.env.XDG_RUNTIME_DIR ??= '/tmp';
import(process.argv[1]).then(async ({ create }) => {
  const gpu = create([]);
  const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  const info = adapter && adapter.info;
  const out = !adapter ? { found: false, reason: 'requestAdapter() found none' } : { found: true, adapter: {
    vendor: info.vendor || '', architecture: info.architecture || '', device: info.device || '', description: info.description || '',
    isFallbackAdapter: info.isFallbackAdapter === true || adapter.isFallbackAdapter === true } };
  process.stdout.write(JSON.stringify(out) + '\\n', () => process.exit(0));
}).catch((e) => { process.stdout.write(JSON.stringify({ found: false, reason: String(e && e.message || e) }) + '\\n', () => process.exit(0)); });
`;

/**
 * Whether a Linux machine has a device node through which a hardware GPU driver is reached: a DRM render node
 * (/dev/dri/renderD*: Mesa's AMD, Intel, Nouveau… Vulkan drivers), NVIDIA's driver (/dev/nvidia*) or WSL's GPU
 * paravirtualization (/dev/dxg). Without one, Vulkan — Dawn's only backend on Linux — can offer software adapters
 * (lavapipe, SwiftShader) and nothing else. `list` reads a folder's entries ([] where it does not exist).
 */
export function linuxGpuDeviceNodes(list: (dir: string) => readonly string[]): string[] {
  return [
    ...list('/dev').filter((n) => n === 'dxg' || n.startsWith('nvidia')).map((n) => `/dev/${n}`),
    ...list('/dev/dri').filter((n) => n.startsWith('renderD')).map((n) => `/dev/dri/${n}`),
  ];
}

/** Why `auto` need not start Dawn on a Linux machine without GPU device nodes. */
export const NO_GPU_DEVICE_REASON = 'no GPU device on this Linux machine (no /dev/dri/renderD*, /dev/nvidia* or /dev/dxg), so only a software adapter could exist';

/**
 * Asks for the first WebGPU adapter and reads its info; requests no device. In browsers that is navigator.gpu. In
 * Node on Linux without GPU device nodes (linuxGpuDeviceNodes) the answer is known without Dawn: no hardware adapter,
 * and starting Dawn to enumerate software ones costs 1-3 s of a CLI run. Otherwise see probeDawnAdapter.
 * `listFolder` reads a folder's entries there (tests give a made-up /dev).
 */
export async function probeWebGpu(options: { readonly listFolder?: (dir: string) => readonly string[] } = {}): Promise<AdapterProbe> {
  const browserGpu = (globalThis as { navigator?: { gpu?: GPU } }).navigator?.gpu;
  if (browserGpu) {
    try {
      const adapter = await browserGpu.requestAdapter({ powerPreference: 'high-performance' });
      if (!adapter) return { found: false, reason: 'navigator.gpu.requestAdapter() found none' };
      const info = adapter.info as GPUAdapterInfo & { isFallbackAdapter?: boolean };
      return {
        found: true,
        adapter: {
          vendor: info.vendor ?? '', architecture: info.architecture ?? '', device: info.device ?? '', description: info.description ?? '',
          isFallbackAdapter: info.isFallbackAdapter === true || (adapter as { isFallbackAdapter?: boolean }).isFallbackAdapter === true,
        },
      };
    } catch (err) {
      return { found: false, reason: (err as Error).message };
    }
  }
  if (!inNode()) {
    return { found: false, reason: 'this browser has no navigator.gpu' };
  }
  if (process.platform === 'linux') {
    const { readdirSync } = (await import(/* @vite-ignore */ /* webpackIgnore: true */ NODE_FS)) as typeof import('node:fs');
    const list = options.listFolder ?? ((dir: string): string[] => {
      try {
        return readdirSync(dir);
      } catch {
        return [];
      }
    });
    if (linuxGpuDeviceNodes(list).length === 0) return { found: false, reason: NO_GPU_DEVICE_REASON };
  }
  return probeDawnAdapter();
}

/**
 * Node: the first adapter Dawn (npm `webgpu`) offers, asked in a short-lived child process (0.3-3 s, most of it
 * Vulkan driver enumeration): Dawn prints adapter warnings ("maxDynamic… artificially reduced") straight to file
 * descriptor 2, which `--quiet` could not silence in this process, and a Dawn instance created here could keep the
 * event loop alive after the choice; a child that exits leaves neither behind.
 */
export async function probeDawnAdapter(): Promise<AdapterProbe> {
  let url: string;
  try {
    url = import.meta.resolve(DAWN_PACKAGE);
  } catch (err) {
    return { found: false, reason: `cannot find the Dawn bindings (npm package "${DAWN_PACKAGE}"): ${(err as Error).message}` };
  }
  const { execFile } = (await import(/* @vite-ignore */ /* webpackIgnore: true */ NODE_CHILD_PROCESS)) as typeof import('node:child_process');
  return new Promise<AdapterProbe>((resolve) => {
    execFile(process.execPath, ['-e', NODE_PROBE_SCRIPT, url], { timeout: PROBE_TIMEOUT_MS, env: process.env }, (error, stdout) => {
      const line = stdout.trim().split('\n').pop() ?? '';
      try {
        const probe = JSON.parse(line) as AdapterProbe;
        if (typeof probe.found === 'boolean') return resolve(probe);
      } catch {
        // falls through: the child crashed or timed out before printing
      }
      resolve({ found: false, reason: `the WebGPU probe failed (${error ? error.message.split('\n')[0] : 'no output'})` });
    });
  });
}

/**
 * Threads for a wasm backend created by name: every core, up to 4 (in browsers: runtime/wasm/thread-support.ts, one
 * where the page is not cross-origin isolated). Without asc too: the released configs' kernels ship prebuilt for a
 * shared memory as well (generated/wasm-shared), so several threads need no asc. Measured on the project's 2-core machine
 * (interleaved medians, second core idle): NeoNeXt-T-224 forward 2.02 s with 1 thread, 1.12 s with 2 (1.8x);
 * neonext-mini 22.3 vs 15.2 ms. With the second core busy (another process benchmarking) 2 threads were 18% slower
 * (3.73 vs 3.16 s): every launch waits for its slowest thread. Beyond 4 is unmeasured (the small stage-4 launches
 * would be dominated by the per-launch handshake of runtime/wasm/thread-protocol.ts).
 */
async function defaultWasmThreads(): Promise<number> {
  if (!inNode()) return browserWasmThreads();
  try {
    const os = (await import(/* @vite-ignore */ /* webpackIgnore: true */ NODE_OS)) as typeof import('node:os');
    return Math.max(1, Math.min(4, os.availableParallelism()));
  } catch {
    return 1;
  }
}

export interface CreateBackendOptions {
  /** Where `auto` says which backend it chose and why (the CLI: stderr, unless --quiet). */
  readonly report?: (line: string) => void;
  /** `auto`'s adapter probe (tests replace it). */
  readonly probe?: () => Promise<AdapterProbe>;
  /** What `--backend cuda` finds on this machine (nvcc, an NVIDIA driver); tests replace it. */
  readonly cudaToolchain?: () => CudaToolchain;
  /** Threads of a wasm backend (default: every core, up to 4); other backends ignore it. */
  readonly threads?: number;
  /** `--wasm-simd`: the wasm kernels' SIMD variant (runtime/wasm/simd-variant.ts); default NEOCC_WASM_SIMD, else auto. */
  readonly wasmSimd?: WasmSimdMode;
  /** Where a wasm backend fetches the shipped kernels from (WasmBackendOptions.wasmBaseUrl); other backends ignore it. */
  readonly wasmBaseUrl?: string | URL;
}

/** Creates a backend by its `--backend` name; the caller disposes it. */
export async function createBackend(name: string, options: CreateBackendOptions = {}): Promise<Backend> {
  switch (name) {
    case 'auto': {
      const choice = chooseAutoBackend(await (options.probe ?? probeWebGpu)());
      options.report?.(`neocc: backend ${choice.name} (${choice.reason})`);
      return createBackend(choice.name, { threads: options.threads, wasmSimd: options.wasmSimd, wasmBaseUrl: options.wasmBaseUrl });
    }
    case 'reference': {
      // Loaded on demand: the float64 reference needs an optional package (erf), which apps that embed the runtime skip.
      const { createReferenceBackend } = await importOptional('@stdlib/math-base-special-erf', () => import('./reference-backend.js'));
      return createReferenceBackend();
    }
    case 'webgpu': {
      // Loaded on demand: CPU-only users never load Dawn.
      const { WebGpuBackend } = await import('../webgpu/webgpu-backend.js');
      return WebGpuBackend.create();
    }
    case 'wasm': {
      // Loaded on demand: asc (with Binaryen) is only needed when kernels are compiled for WebAssembly.
      const { WasmBackend } = await import('../wasm/wasm-backend.js');
      return WasmBackend.create({ threads: options.threads ?? await defaultWasmThreads(), simd: options.wasmSimd, wasmBaseUrl: options.wasmBaseUrl });
    }
    case 'cuda-cpu': {
      // Loaded on demand: the CUDA kernels compiled by g++ and run on the CPU (a check of the CUDA target).
      const { CudaCpuBackend } = await import('../cuda-cpu/cuda-cpu-backend.js');
      return CudaCpuBackend.create();
    }
    case 'cuda': {
      const unavailable = cudaBackendUnavailable((options.cudaToolchain ?? probeCudaToolchain)());
      if (unavailable) throw unavailable;
      // Loaded on demand: the CUDA kernels compiled by nvcc and run on an NVIDIA GPU.
      const { CudaBackend } = await import('../cuda/cuda-backend.js');
      return CudaBackend.create();
    }
    default:
      throw new NeoccError('unknown-backend', `unknown backend "${name}"; allowed: ${BACKEND_NAMES.join(', ')}`);
  }
}
