import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { planNeoCell } from '../compiler/plan/neocell-plan.js';
import { specFromCode } from '../compiler/spec/neocell-spec.js';
import { CUDA } from '../compiler/targets/index.js';
import { createBackend } from '../runtime/backends/create-backend.js';
import { findNvcc, hasNvidiaDriver } from '../runtime/backends/cuda-toolchain.js';
import { cudaKernelTable, cudaSource } from '../runtime/cuda-common/source.js';
import { cudaArch, cudaGpuFiles } from '../runtime/cuda/compile.js';
import { CudaBackend } from '../runtime/cuda/cuda-backend.js';
import { CudaKernels } from '../runtime/cuda/program-runner.js';
import { resolveModelConfig } from '../runtime/model/resolve-config.js';
import { allArtifacts, modelKernels } from '../schedule/model-kernels.js';
import { neoCellBackwardProgram, neoCellForwardProgram } from '../schedule/neocell.js';
import { modelForwardProgram, modelWeights } from '../schedule/neonext.js';
import { programArtifacts, weightDeclarations } from '../schedule/program.js';
import { neoNeXtSchema } from '../compiler/spec/neonext-state-dict.js';
import { foldNeoNeXt } from '../nn/fold-neonext.js';
import { neoNeXtParams } from '../nn/neonext-params.js';
import { loadStateDict } from '../runtime/weights/state-dict.js';
import { readFixture } from './helpers/fixtures.js';
import { NVCC_ARCHS, nvccCompile } from './helpers/nvcc.js';

/**
 * The GPU host runner (runtime/cuda) on a machine WITHOUT a GPU: what can be checked here is that the generated
 * `.cu` binary source (the kernels, the `<<<>>>` launchers, cuda-gpu-main.h) compiles with nvcc -Werror for the
 * architectures the CUDA tests use, that a real nvcc -O3 build links and, run here, fails with a CUDA error that
 * names its step, and the messages of `--backend cuda` when nvcc or the driver is missing. Whether the kernels give
 * the right numbers on a device is NOT tested (no GPU was available); cuda-cpu runs the same text on the CPU.
 */

/** neonext-mini's whole forward (batch 2) and a 4+7 NeoCell's forward and backward: realistic programs. */
const programs = (() => {
  const weights = readFixture('model/neonext-mini.safetensors');
  const config = resolveModelConfig({ resolution: 128 }, weights);
  const k = modelKernels(config, CUDA);
  const folded = foldNeoNeXt(config, neoNeXtParams(config, loadStateDict(weights, neoNeXtSchema(config))));
  const model = modelForwardProgram(config, k, CUDA, 2, weightDeclarations(modelWeights(folded, k)));
  const plan = planNeoCell(specFromCode('4+7', 24, 1), [2, 24, 17, 13]);
  return {
    model,
    modelArtifacts: [...allArtifacts(k), ...k.stages.flatMap((s) => [s.mlp, s.twoGemm.fc1, s.twoGemm.fc2])],
    cellForward: neoCellForwardProgram(plan, CUDA),
    cellBackward: neoCellBackwardProgram(plan, CUDA),
  };
})();

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('CUDA on a GPU (runtime/cuda): compile-checked without a device', () => {
  it('the GPU flavour shares the table and launchers with cuda-cpu, launching with <<<grid, block>>>', () => {
    const table = cudaKernelTable(programArtifacts(programs.cellBackward), 'cuda');
    const gpu = cudaSource(table, 'gpu');
    const cpu = cudaSource(table, 'cpu');
    expect(gpu).toContain('#include "cuda-gpu.h"');
    expect(gpu).toContain('#include "cuda-gpu-main.h"');
    expect(gpu).not.toContain('nc_launch(');
    for (const a of table) expect(gpu).toContain(`${a.entryPoint}<<<dim3(grid.x, grid.y, grid.z), dim3(${a.workgroupSize}u)>>>(`);
    expect(cpu).toContain('#include "cuda-cpu.h"');
    expect(cpu).not.toContain('<<<dim3(');
    // Everything but the banner, headers and launch statements is the same text.
    const strip = (s: string): string => s.split('\n').filter((l) => !/^\/\/ Generated|^#include "cuda-|nc_launch\(|<<<dim3\(/.test(l)).join('\n');
    expect(strip(gpu)).toBe(strip(cpu));
    expect(() => cudaKernelTable([{ ...table[0]!, source: 'fn main() {}' }], 'cuda')).toThrow(/^cuda runs CUDA kernels only/);
  });

  it(`neonext-mini's forward and a NeoCell's forward + backward: the GPU binary source compiles with nvcc -Werror for ${NVCC_ARCHS.join(', ')}`, async () => {
    const artifacts = [...programs.modelArtifacts, ...programArtifacts(programs.cellForward), ...programArtifacts(programs.cellBackward)];
    for (const a of programArtifacts(programs.model)) expect(programs.modelArtifacts.map((m) => m.entryPoint)).toContain(a.entryPoint);
    const table = cudaKernelTable(artifacts, 'cuda');
    expect(table.length).toBeGreaterThan(10);
    const { dir, archs } = await nvccCompile(await cudaGpuFiles(cudaSource(table, 'gpu')), 'kernels.cu');
    dirs.push(dir);
    expect(archs).toEqual(['sm_90', 'sm_80']);
  }, 240_000);

  it('a real nvcc -O3 build (sm_90 without a device) links; run here it fails with the CUDA error of its first step', async () => {
    expect(cudaArch({}, false)).toBe('sm_90');
    expect(cudaArch({}, true)).toBe('native');
    expect(cudaArch({ NEOCC_CUDA_ARCH: 'sm_80' }, true)).toBe('sm_80');
    const kernels = await CudaKernels.compile(programArtifacts(programs.cellForward));
    expect(kernels.holds(programArtifacts(programs.cellForward))).toBe(true);
    expect(kernels.holds(programArtifacts(programs.cellBackward))).toBe(false);
    const plan = programs.cellForward;
    const data = Object.fromEntries(plan.buffers.filter((b) => b.role === 'input' || b.role === 'weight').map((b) => [b.name, new Float32Array(b.elements)]));
    const run = kernels.run(plan, { data, poison: true });
    if (hasNvidiaDriver()) {
      // On a GPU machine this is a real run: the output exists and no kernel left it NaN.
      expect([...(await run).values()].every((o) => o.every((v) => !Number.isNaN(v)))).toBe(true);
      expect(kernels.lastMs).toBeGreaterThanOrEqual(0);
    } else {
      // No driver: the first CUDA call (cudaMalloc of buffer 0) fails, and the message names it and CUDA's reason.
      await expect(run).rejects.toThrow(/^cuda: the kernel binary exited with 3: cuda: cudaMalloc of buffer 0 \(\d+ bytes\) failed: .+ \(cuda\w+\)$/);
    }
  }, 240_000);
});

describe('createBackend("cuda")', () => {
  it('on this machine: without an NVIDIA driver it rejects naming the missing CUDA device and driver; with one it creates the backend', async () => {
    const nvcc = findNvcc();
    if (!hasNvidiaDriver()) {
      const err = await createBackend('cuda').then(() => null, (e: Error) => e);
      expect(err?.message).toMatch(/^not supported: --backend cuda on this machine: /);
      expect(err?.message).toContain('no CUDA device: no NVIDIA driver is loaded (/dev/nvidiactl is missing; run on a machine with an NVIDIA GPU');
      expect(err?.message).toContain('--backend cuda-cpu runs the same .cu text on the CPU');
      expect(err?.message).toContain(nvcc ? `nvcc found at ${nvcc}` : 'nvcc is missing');
      expect(err?.message).not.toContain('not built yet');
    } else if (nvcc) {
      const backend = await createBackend('cuda');
      expect(backend).toBeInstanceOf(CudaBackend);
      expect(backend.name).toBe('cuda');
      await backend.dispose();
    }
  });

  it('the message when nvcc is missing (with or without a driver), and a backend when both are there', async () => {
    await expect(createBackend('cuda', { cudaToolchain: () => ({ nvcc: null, driver: true }) })).rejects.toThrow(
      'not supported: --backend cuda on this machine: nvcc is missing (install the CUDA toolkit (e.g. apt-get install cuda-toolkit-13-0, which ' +
      'puts nvcc in /usr/local/cuda/bin) or set NEOCC_NVCC to the nvcc binary); an NVIDIA driver is loaded. --backend cuda-cpu runs the same .cu text on the CPU');
    const both = await createBackend('cuda', { cudaToolchain: () => ({ nvcc: null, driver: false }) }).then(() => '', (e: Error) => e.message);
    expect(both).toContain('nvcc is missing (install the CUDA toolkit');
    expect(both).toContain('; no CUDA device: no NVIDIA driver is loaded');
    // Both present (injected): the backend is created; nothing is compiled or run until a call.
    const backend = await createBackend('cuda', { cudaToolchain: () => ({ nvcc: '/usr/local/cuda/bin/nvcc', driver: true }) });
    expect(backend.name).toBe('cuda');
    expect(backend.description).toContain('nvcc');
    await backend.dispose();
  });
});
