import { existsSync } from 'node:fs';
import { execFile } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { relativeL2Error } from '../nn/tensor.js';
import {
  NO_GPU_DEVICE_REASON, chooseAutoBackend, createBackend, linuxGpuDeviceNodes, probeWebGpu, type AdapterProbe, type ProbedAdapter,
} from '../runtime/backends/create-backend.js';
import { readFixture } from './helpers/fixtures.js';
import { runCli } from './helpers/run-cli.js';
import { cudaBackendUnavailable, findNvcc, hasNvidiaDriver } from '../runtime/backends/cuda-toolchain.js';

const MINI = 'test/fixtures/model/neonext-mini.safetensors';
const MINI_GOLDEN = 'test/fixtures/model/neonext-mini.golden.safetensors';

const adapter = (a: Partial<ProbedAdapter>): AdapterProbe =>
  ({ found: true, adapter: { vendor: '', architecture: '', device: '', description: '', isFallbackAdapter: false, ...a } });

describe('--backend auto: the choice', () => {
  it('takes WebGPU on a hardware adapter', () => {
    const choice = chooseAutoBackend(adapter({ vendor: 'nvidia', architecture: 'hopper', device: 'NVIDIA H100', description: 'NVIDIA H100 80GB HBM3' }));
    expect(choice).toEqual({ name: 'webgpu', reason: 'WebGPU adapter: nvidia hopper NVIDIA H100, NVIDIA H100 80GB HBM3' });
    expect(chooseAutoBackend(adapter({ vendor: 'apple', architecture: 'metal-3' })).name).toBe('webgpu');
  });

  it('takes wasm on software adapters (lavapipe, SwiftShader, WARP, fallback), saying why and how to override', () => {
    // What Dawn reports for Mesa 25's lavapipe on the project's machines.
    const lavapipe = chooseAutoBackend(adapter({
      vendor: 'mesa', architecture: 'software', device: 'llvmpipe-llvm-15-0-6-256-bits-',
      description: 'llvmpipe: Mesa 25.0.7-2~bpo12+1 (LLVM 15.0.6) 0.0.1', isFallbackAdapter: true,
    }));
    expect(lavapipe).toEqual({
      name: 'wasm',
      reason: 'WebGPU adapter is software: mesa software llvmpipe-llvm-15-0-6-256-bits-, llvmpipe: Mesa 25.0.7-2~bpo12+1 (LLVM 15.0.6) 0.0.1; pass --backend webgpu to use it',
    });
    for (const a of [
      { vendor: 'google', device: 'SwiftShader Device (Subzero)' },
      { vendor: 'mesa', description: 'lavapipe' },
      { vendor: 'microsoft', architecture: 'warp' },
      { vendor: 'acme', device: 'GPU 9000', isFallbackAdapter: true },
    ]) {
      const choice = chooseAutoBackend(adapter(a));
      expect(choice.name, JSON.stringify(a)).toBe('wasm');
      expect(choice.reason).toMatch(/^WebGPU adapter is software: .*; pass --backend webgpu to use it$/);
    }
  });

  it('takes wasm when there is no adapter, with the reason', () => {
    expect(chooseAutoBackend({ found: false, reason: 'requestAdapter() found none' }))
      .toEqual({ name: 'wasm', reason: 'no WebGPU adapter: requestAdapter() found none' });
  });

  it('on Linux, looks for GPU device nodes before starting Dawn: render nodes, NVIDIA, WSL', () => {
    const folders = (tree: Record<string, string[]>) => (dir: string): string[] => tree[dir] ?? [];
    expect(linuxGpuDeviceNodes(folders({ '/dev': ['null', 'tty0', 'dri'], '/dev/dri': ['card0', 'renderD128'] }))).toEqual(['/dev/dri/renderD128']);
    expect(linuxGpuDeviceNodes(folders({ '/dev': ['nvidia0', 'nvidiactl', 'null'] }))).toEqual(['/dev/nvidia0', '/dev/nvidiactl']);
    expect(linuxGpuDeviceNodes(folders({ '/dev': ['dxg'] }))).toEqual(['/dev/dxg']);
    // A card node without a render node (a display-only device) and no /dev/dri at all: no hardware adapter.
    expect(linuxGpuDeviceNodes(folders({ '/dev': ['null', 'dri'], '/dev/dri': ['card0'] }))).toEqual([]);
    expect(linuxGpuDeviceNodes(folders({ '/dev': ['null', 'tty0'] }))).toEqual([]);
    expect(chooseAutoBackend({ found: false, reason: NO_GPU_DEVICE_REASON })).toEqual({ name: 'wasm', reason: `no WebGPU adapter: ${NO_GPU_DEVICE_REASON}` });
  });

  it('createBackend("auto") reports its choice and creates that backend', async () => {
    const lines: string[] = [];
    const backend = await createBackend('auto', { report: (l) => lines.push(l), probe: async () => ({ found: false, reason: 'none here' }) });
    expect(backend.name).toBe('wasm');
    expect(lines).toEqual(['neocc: backend wasm (no WebGPU adapter: none here)']);
    await backend.dispose();
    await expect(createBackend('gpu')).rejects.toThrow('unknown backend "gpu"; allowed: auto, reference, webgpu, wasm, cuda-cpu, cuda');
  });

  it('--backend cuda says what this machine lacks (nvcc, an NVIDIA driver), how to get it, and what runs instead', async () => {
    const here = { nvcc: findNvcc() ?? null, driver: hasNvidiaDriver() };
    if (here.nvcc && here.driver) expect(cudaBackendUnavailable(here)).toBeNull();
    else await expect(createBackend('cuda')).rejects.toThrow(/^not supported: --backend cuda on this machine: /);
    const none = cudaBackendUnavailable({ nvcc: null, driver: false })!.message;
    expect(none).toContain('nvcc is missing (install the CUDA toolkit');
    expect(none).toContain('no CUDA device: no NVIDIA driver is loaded (/dev/nvidiactl is missing;');
    expect(none).toContain('--backend cuda-cpu runs the same .cu text on the CPU');
    expect(none).not.toContain('not built yet');
    expect(cudaBackendUnavailable({ nvcc: '/usr/local/cuda/bin/nvcc', driver: true })).toBeNull();
    expect(hasNvidiaDriver((p) => p === '/proc/driver/nvidia/version')).toBe(true);
    expect(hasNvidiaDriver(() => false)).toBe(false);
    expect(findNvcc({ NEOCC_NVCC: '/nonexistent/nvcc' })).toBe(existsSync('/usr/local/cuda/bin/nvcc') ? '/usr/local/cuda/bin/nvcc' : undefined);
  });
});

describe('--backend auto on this machine', () => {
  // Linux only: elsewhere Dawn's backends (Metal, D3D12) are not reached through device nodes.
  it.skipIf(process.platform !== 'linux')('on Linux without GPU device nodes the probe answers without Dawn (a made-up, empty /dev)', async () => {
    // That reason comes from the device-node check alone; probeDawnAdapter never gives it.
    expect(await probeWebGpu({ listFolder: () => [] })).toEqual({ found: false, reason: NO_GPU_DEVICE_REASON });
  });

  it('probing Dawn\'s adapter does not keep a process alive (a script that probes exits by itself)', async () => {
    const script = "import('./runtime/backends/create-backend.ts').then(async (m) => console.log(JSON.stringify(await m.probeDawnAdapter())))";
    const { code, stdout } = await new Promise<{ code: number | null; stdout: string }>((resolve) => {
      const child = execFile(process.execPath, ['--import', 'tsx', '-e', script], { timeout: 60_000 }, (error, out) => resolve({ code: error ? (child.exitCode ?? -1) : 0, stdout: out }));
    });
    expect(code).toBe(0);
    const probe = JSON.parse(stdout.trim().split('\n').pop()!) as AdapterProbe;
    expect(typeof probe.found).toBe('boolean');
  });

  it('`neocc infer` without --backend reports the choice on stderr (wasm on a software adapter) and runs neonext-mini on it', async () => {
    const choice = chooseAutoBackend(await probeWebGpu());
    const { code, stdout, stderr } = await runCli(['infer', '--weights', MINI, '--input', MINI_GOLDEN, '--json']);
    expect(code, stderr).toBe(0);
    expect(stderr).toContain(`neocc: backend ${choice.name} (${choice.reason})`);
    if (choice.reason.includes(NO_GPU_DEVICE_REASON)) expect(choice.name).toBe('wasm');
    if (choice.reason.startsWith('WebGPU adapter is software')) {
      // The project's machines: lavapipe.
      expect(choice.name).toBe('wasm');
      expect(stderr).toMatch(/neocc: backend wasm \(WebGPU adapter is software: .*llvmpipe.*; pass --backend webgpu to use it\)/);
    }
    const out = JSON.parse(stdout) as { backend: string; logits: number[][] };
    expect(out.backend).toBe(choice.name);
    expect(relativeL2Error(out.logits.flat(), readFixture('model/neonext-mini.golden.safetensors').tensor('logits').data)).toBeLessThanOrEqual(1e-4);
  });

  it('`neocc conformance` without --backend runs the block cases on the chosen backend', async () => {
    const choice = chooseAutoBackend(await probeWebGpu());
    const { code, stdout, stderr } = await runCli(['conformance', 'test/fixtures/block']);
    expect(code, stderr).toBe(0);
    expect(stderr).toContain(`neocc: backend ${choice.name} (`);
    expect(stdout).toContain(`2/2 cases passed at rel. L2 error <= 1e-5 on backend ${choice.name}`);
  });
});
