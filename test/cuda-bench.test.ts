import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeArtifact } from '../compiler/artifact.js';
import { BlockBuilder, add, builtin, finishKernel, load, mul, u32 } from '../compiler/ir/build.js';
import { CUDA } from '../compiler/targets/index.js';
import { hasNvidiaDriver } from '../runtime/backends/cuda-toolchain.js';
import { deterministicFill, encodeRun } from '../runtime/cuda-common/protocol.js';
import { CudaCpuKernels } from '../runtime/cuda-cpu/program-runner.js';
import { ProgramBuilder } from '../schedule/program.js';
import { PREPARED_BYTE_LIMIT, TINY_TIME_ID, prepareBench } from '../bench/cuda/prepare.js';
import { NVCC_MISSING, findNvcc } from './helpers/nvcc.js';

/**
 * bench/cuda (nc-bench, the prepared CUDA benchmark for a lent GPU) on a machine WITHOUT a GPU: the folder
 * `npm run bench:cuda:prepare` writes; the GPU build (nvcc -Werror, sm_90: kernels, runner, cuBLAS by dlopen, CUDA
 * events) compiles and links, and run here says what is missing; `run.sh --cpu` runs the same runner built with g++
 * against cuda-cpu.h through every golden check and one tiny timed NeoCell whose dense baseline (a CPU SGEMM with
 * cuBLAS's column-major convention) must agree with the NeoCell kernel; the comparators fail on corrupted data.
 * What only a GPU can show (cuBLAS itself, CUDA event timings, the numbers) is NOT tested here.
 */

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

function sh(file: string, args: readonly string[], env: Readonly<Record<string, string>> = {}, input?: Uint8Array): Promise<Ran & { bytes: Buffer }> {
  return new Promise((done, fail) => {
    const child = spawn(file, [...args], { env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('error', fail);
    child.on('close', (code) => {
      const bytes = Buffer.concat(out);
      done({ code: code ?? -1, stdout: bytes.toString(), stderr: Buffer.concat(err).toString(), bytes });
    });
    child.stdin.on('error', () => { /* reported by close */ });
    child.stdin.end(input ?? new Uint8Array());
  });
}

const work = mkdtempSync(join(tmpdir(), 'neocc-cuda-bench-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const full = join(work, 'full');
const small = join(work, 'test');
const build = join(work, 'build');
const results = join(work, 'results');
const QUICK = ['--samples', '3', '--warmup', '1', '--sample-ms', '1', '--copy-mib', '4'];
const binary = join(work, 'nc-bench-gpu');

/** nvcc -Werror on the full set's bench-gpu.cu with run.sh's flags (nvcc-flags.txt, -arch=sm_90, -ldl). */
function buildGpu(): Promise<Ran> {
  const nvcc = findNvcc();
  if (!nvcc) return Promise.reject(new Error(NVCC_MISSING));
  const flags = readFileSync(join(full, 'nvcc-flags.txt'), 'utf8').trim().split(/\s+/);
  return sh(nvcc, [...flags, '-Werror', 'all-warnings', '-arch=sm_90', '-o', binary, join(full, 'bench-gpu.cu'), '-ldl']);
}
let gpuBuild: Promise<Ran> | undefined;

describe('bench/cuda: the prepared CUDA benchmark, checked without a GPU', () => {
  it('run.sh parses (bash -n)', async () => {
    const r = await sh('bash', ['-n', 'bench/cuda/run.sh']);
    expect([r.code, r.stderr]).toEqual([0, '']);
  });

  it('bench:cuda:prepare (full): 33 golden checks, every NeoNeXt-T NeoCell at 224/384 x batch 1/64, T-224 at batch 1/64; under the carry budget', async () => {
    const r = await prepareBench({ out: full, set: 'full' });
    // The nvcc build (about a minute) runs while the CPU tests below run; a later test awaits it.
    gpuBuild = buildGpu();
    gpuBuild.catch(() => { /* awaited by its test */ });
    expect([r.checks, r.timed]).toEqual([33, 30]);
    expect(r.bytes).toBeLessThan(PREPARED_BYTE_LIMIT);
    const manifest = readFileSync(join(full, 'manifest.txt'), 'utf8').split('\n');
    const ids = (directive: string): string[] => manifest.filter((l) => l.startsWith(`${directive} `)).map((l) => l.split(' ')[1]!);
    const cells = ['s1', 's2', 's3', 's4', 'd1', 'd2', 'd3'];
    expect(ids('time').sort()).toEqual([
      ...[224, 384].flatMap((res) => [1, 64].flatMap((b) => cells.map((c) => `t${res}-${c}-b${b}`))), 't224-model-b1', 't224-model-b64',
    ].sort());
    // Every NeoCell timing has its dense baseline; the models have none.
    for (const line of manifest.filter((l) => l.startsWith('time '))) expect(line.split(' ')[4] === '-').toBe(line.includes(' model '));
    expect(ids('check')).toContain('model/neonext-mini/logits');
    expect(ids('check').filter((id) => id.endsWith('/backward'))).toHaveLength(15);
    expect(manifest).toContain('target t224-s1- 5 0.6');
  }, 120_000);

  it('run.sh --cpu on the test set: every golden check passes, the tiny NeoCell is timed and its dense baseline agrees; JSON written', async () => {
    const prepared = await prepareBench({ out: small, set: 'test' });
    expect([prepared.checks, prepared.timed]).toEqual([33, 1]);
    const r = await sh('bash', ['bench/cuda/run.sh', '--cpu', ...QUICK], { NC_BENCH_PREPARED: small, OUT: results, NC_BENCH_BUILD: build });
    expect(r.stderr).toBe('');
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toContain('dense baseline: CPU reference SGEMM');
    expect(r.stdout).toContain('PyTorch eager baseline skipped: ');
    expect(r.stdout).toContain('nc-bench: all checks passed');
    const json = JSON.parse(readFileSync(join(results, 'nc-bench-cpu.json'), 'utf8')) as {
      gpu: boolean; failures: number; checks: { id: string; pass: boolean; worstRelL2: number }[];
      neocell: { id: string; medianMs: number; nonFiniteOutputs: number; dense: { relL2VsNeoCell: number; medianMs: number } }[];
      targets: { id: string }[];
    };
    expect([json.gpu, json.failures]).toEqual([false, 0]);
    expect(json.checks).toHaveLength(33);
    for (const c of json.checks) expect(c.pass && c.worstRelL2 <= 1e-4, c.id).toBe(true);
    expect(json.neocell.map((n) => n.id)).toEqual([TINY_TIME_ID]);
    const [tiny] = json.neocell;
    expect(tiny!.nonFiniteOutputs).toBe(0);
    expect(tiny!.medianMs).toBeGreaterThan(0);
    expect(tiny!.dense.medianMs).toBeGreaterThan(0);
    // The dense method (upstream's matrices, column-major SGEMM mapping) and the NeoCell kernel compute the same y.
    expect(tiny!.dense.relL2VsNeoCell).toBeLessThan(1e-5);
    expect(json.targets.map((t) => t.id)).toEqual([TINY_TIME_ID]);
  }, 600_000);

  it('the comparators fail: a corrupted expected value fails its check, a corrupted dense layout is a MISMATCH (exit 1)', async () => {
    const binary = join(build, 'nc-bench');
    const manifest = readFileSync(join(small, 'manifest.txt'), 'utf8').split('\n');
    const check = manifest.find((l) => l.startsWith('check neocell/k4p7_s1_28x28/forward '))!.split(' ');
    const expectedFile = join(small, check[3]!);
    const expected = readFileSync(expectedFile);
    const ok = await sh(binary, [small, '--only', check[1]!, ...QUICK]);
    expect([ok.code, ok.stdout]).toEqual([0, expect.stringContaining('pass')]);
    const bad = Buffer.from(expected);
    bad.writeFloatLE(bad.readFloatLE(400) + 0.5, 400);
    writeFileSync(expectedFile, bad);
    const failed = await sh(binary, [small, '--only', check[1]!, ...QUICK]);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toMatch(/neocell\/k4p7_s1_28x28\/forward +FAIL/);
    expect(failed.stdout).toContain('nc-bench: FAILED');
    writeFileSync(expectedFile, expected);

    // Channel 0's A kernel read one element further on: a valid layout, a different matrix.
    const time = manifest.find((l) => l.startsWith(`time ${TINY_TIME_ID} `))!.split(' ');
    const denseFile = join(small, time[4]!);
    const dense = readFileSync(denseFile);
    const shifted = Buffer.from(dense);
    shifted.writeUInt32LE(shifted.readUInt32LE(44) + 1, 44);
    writeFileSync(denseFile, shifted);
    const mismatch = await sh(binary, [small, '--only', TINY_TIME_ID, ...QUICK]);
    writeFileSync(denseFile, dense);
    expect(mismatch.code).toBe(1);
    expect(mismatch.stdout).toContain('MISMATCH');
  }, 120_000);

  it('the GPU build of the full set (kernels, runner, cuBLAS dlopen, CUDA events) compiles and links with nvcc -Werror all-warnings -arch=sm_90 and run.sh\'s flags', async () => {
    expect(readFileSync(join(full, 'nvcc-flags.txt'), 'utf8').trim().split(/\s+/)).toEqual(['-std=c++17', '-O3', '--fmad=false']);
    const r = await gpuBuild!;
    expect(r.stderr + r.stdout).toBe('');
    expect(r.code).toBe(0);
    const ran = await sh(binary, [full, '--only', 'neocell/k4p7_s1_28x28,t224-s1-b1', ...QUICK], { NC_CUBLAS_DIRS: '/nonexistent' });
    if (!hasNvidiaDriver()) {
      // No GPU: cuBLAS is looked up first (not installed on this machine), then the device fails, naming CUDA's reason.
      expect(ran.stdout).toContain('nc-bench: dense baseline skipped: libcublas not found (looked in /nonexistent/libcublas.so.13, ');
      expect(ran.stderr).toMatch(/^nc-bench: CUDA error in cudaGetDevice: .+ \(cuda\w+\)\n$/);
      expect(ran.code).toBe(3);
    } else {
      // A GPU machine: a real run of one golden case and the headline shape.
      expect([ran.code, ran.stderr]).toEqual([0, '']);
      expect(ran.stdout).toMatch(/neocell\/k4p7_s1_28x28\/forward +pass/);
      expect(ran.stdout).toContain('nc-bench: all checks passed');
    }
  }, 600_000);

  it('upstream\'s dense matrices in bench/cuda/torch_upstream.py (numpy, no torch needed) reproduce every golden NeoCell y', async () => {
    const r = await sh('python3', ['bench/cuda/torch_upstream.py', '--self-check', 'test/fixtures/neocell']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/self-check: 15 cases, worst rel\. L2 \S+/);
  });

  it('torch_upstream.py\'s timing path (loops, shapes, broadcasting, ratios, JSON) runs on a numpy stand-in for torch (test/helpers/fake-torch)', async () => {
    const neocc = join(work, 'neocc.json');
    writeFileSync(neocc, JSON.stringify({ neocell: [{ id: 't224-s1-b1', medianMs: 5 }], models: [{ id: 't224-model-b1', medianMs: 20 }] }));
    const json = join(work, 'torch.json');
    const r = await sh('python3', ['bench/cuda/torch_upstream.py', '--batches', '1', '--samples', '1', '--resolutions', '224', '--json', json, '--neocc-json', neocc],
      { PYTHONPATH: 'test/helpers/fake-torch', PYTHONDONTWRITEBYTECODE: '1' });
    expect([r.code, r.stderr]).toEqual([0, '']);
    // The stand-in's events say 10 ms per call.
    expect(r.stdout).toMatch(/t224-s1-b1 +matmuls +10000\.00 us +rebuild\+matmuls +10000\.00 us +neocc +2\.00x faster than rebuild/);
    expect(r.stdout).toMatch(/neonext-t-224 batch +1: +10\.000 ms +100\.0 images\/s +neocc +0\.50x faster/);
    const out = JSON.parse(readFileSync(json, 'utf8')) as { neocell: { id: string }[]; models: { id: string; imagesPerSecond: number }[] };
    expect(out.neocell.map((n) => n.id).sort()).toEqual(['s1', 's2', 's3', 's4', 'd1', 'd2', 'd3'].map((c) => `t224-${c}-b1`).sort());
    expect(out.models).toEqual([expect.objectContaining({ id: 't224-model-b1', imagesPerSecond: 100 })]);
  }, 300_000);
});

describe('protocol fill 3 (deterministic values made by the binary)', () => {
  it('a cuda-cpu binary fills an input with exactly deterministicFill\'s values', async () => {
    const b = new BlockBuilder();
    const i = add(mul(builtin('workgroup_id.x'), u32(64)), builtin('local_index'));
    b.store('dst', i, load('src', i));
    const ir = finishKernel({
      name: 'copy', workgroupSize: 64, doc: [], uniforms: [], body: b.stmts, shared: [],
      buffers: [{ name: 'src', access: 'read', elem: 'f32' }, { name: 'dst', access: 'read_write', elem: 'f32' }],
    });
    const artifact = makeArtifact(ir, CUDA, { test: 'fill-copy' });
    const p = new ProgramBuilder();
    p.buffer('src', 'input', 256);
    p.buffer('dst', 'output', 256);
    p.dispatch(artifact, ['src', 'dst'], { grid: [4, 1, 1], uniforms: {} });
    const program = p.build();
    const kernels = await CudaCpuKernels.compile([artifact]);
    const fill = { seed: 7, scale: 0.25 };
    const input = encodeRun(program, {}, true, new Map([[artifact.entryPoint, 0]]), [{ after: 1, buffer: 'dst', elements: 256 }], 'cuda-cpu', { src: fill });
    const r = await sh(kernels.binary, [], {}, input);
    expect(r.code, r.stderr).toBe(0);
    const got = new Float32Array(r.bytes.buffer.slice(r.bytes.byteOffset, r.bytes.byteOffset + r.bytes.byteLength));
    const want = deterministicFill(256, fill);
    expect(Array.from(got)).toEqual(Array.from(want));
    expect(Math.max(...want)).toBeLessThanOrEqual(0.25);
    expect(Math.min(...want)).toBeGreaterThanOrEqual(-0.25);
    expect(new Set(want).size).toBeGreaterThan(250);
  }, 120_000);
});
