import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { batchProgram, gridAt } from '../compiler/gen/torch-launch.js';
import { planNeoCell } from '../compiler/plan/neocell-plan.js';
import { parseNeoCellSpec, specFromCode } from '../compiler/spec/neocell-spec.js';
import { CUDA } from '../compiler/targets/index.js';
import { neoCellBackwardProgram, neoCellForwardProgram } from '../schedule/neocell.js';
import { nvccCompile } from './helpers/nvcc.js';
import { runCli } from './helpers/run-cli.js';

/**
 * `neocc gen --target cuda --torch`: the launchers compile with nvcc (-Werror all-warnings, sm_90 and sm_80), the
 * binding with g++ against the system PyTorch's headers (-Wall -Wextra -Werror on our code), the Python module
 * imports with the system python3 (Debian's python3-torch, a CPU build: .ci/run installs it) and refuses with a
 * clear message, and the extension built for the CPU by torch.utils.cpp_extension.load (the launchers' .cu text
 * against runtime/cuda-cpu/cuda-cpu.h) matches upstream's golden NeoCell forward and backward through autograd.
 * No GPU was available: the CUDA build of the extension itself is compile-checked only.
 */
const run = promisify(execFile);
/** Debian's python3-torch lives in the system python, not in a pyenv/venv python3 that may come first on PATH. */
const PYTHON = process.env.NEOCC_TORCH_PYTHON ?? '/usr/bin/python3';
const TORCH_MISSING = `PyTorch is missing for ${PYTHON}: apt-get install python3-torch libtorch-dev pybind11-dev ninja-build (Debian 12), or set NEOCC_TORCH_PYTHON`;
const CHECK = resolve('test/helpers/torch_extension_check.py');

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'neocc-torch-'));
  dirs.push(dir);
  return dir;
}

async function genTorch(spec: string, shape: string, extra: readonly string[] = []): Promise<{ dir: string; name: string }> {
  const dir = tempDir();
  const r = await runCli(['gen', '--target', 'cuda', '--spec', spec, '--input-shape', shape, ...extra, '--torch', '--out', dir, '--quiet']);
  expect([r.code, r.stderr]).toEqual([0, '']);
  const py = readdirSync(dir).find((n) => /^neocc_torch_[0-9a-f]{12}\.py$/.test(n));
  if (!py) throw new Error(`no extension module in ${dir}: ${readdirSync(dir).join(', ')}`);
  return { dir, name: py.slice(0, -3) };
}

async function python(args: readonly string[], cwd?: string): Promise<string> {
  if (!existsSync(PYTHON)) throw new Error(TORCH_MISSING);
  try {
    return (await run(PYTHON, args, { cwd, maxBuffer: 16 << 20 })).stdout;
  } catch (err) {
    const e = err as { stderr?: string; stdout?: string; message: string };
    throw new Error(`${PYTHON} ${args.join(' ')} failed:\n${(e.stderr ?? '') + (e.stdout ?? '') || e.message}`.slice(0, 20000));
  }
}

/** torch's include folders and Python's, from the system python (fails with TORCH_MISSING when torch is absent). */
async function torchIncludes(): Promise<string[]> {
  const out = await python(['-c', 'import json, sysconfig\ntry:\n  import torch.utils.cpp_extension as c\nexcept ImportError:\n  print("null")\nelse:\n  print(json.dumps(c.include_paths() + [sysconfig.get_paths()["include"]]))']);
  const paths = JSON.parse(out.trim().split('\n').at(-1)!) as string[] | null;
  if (!paths) throw new Error(TORCH_MISSING);
  return paths;
}

describe('neocc gen --torch: launchers follow the schedule', () => {
  it('derives grids and uniforms per batch that equal the schedule\'s programs at batches it was not fitted on', () => {
    const spec = specFromCode('4+7', 96, 1);
    for (const build of [neoCellForwardProgram, neoCellBackwardProgram]) {
      const p = batchProgram([1, 96, 56, 56], spec, CUDA, build);
      for (const n of [5, 13, 3000]) {
        const program = build(planNeoCell(spec, [n, 96, 56, 56]), CUDA);
        expect(p.launches.map((l) => [l.artifact.key, gridAt(l.grid, n), l.buffers])).toEqual(
          program.dispatches.map((d) => [d.artifact.key, d.grid, d.bindings.map((b) => b.buffer)]));
        for (const [i, l] of p.launches.entries()) {
          expect(Object.fromEntries(l.uniforms.map((u) => [u.name, u.value === 'batch' ? n : u.value]))).toEqual(program.dispatches[i]!.uniforms);
        }
      }
    }
  });
});

describe('neocc gen --torch: compiled', () => {
  it('the launchers (.cu: every kernel file included) compile with nvcc -Werror all-warnings for sm_90 and sm_80', async () => {
    const { dir, name } = await genTorch('4+7', '8,96,56,56', ['--shift', '1']);
    const files = new Map(readdirSync(dir).filter((n) => n.endsWith('.cu') || n.endsWith('.h')).map((n) => [n, readFileSync(join(dir, n), 'utf8')]));
    const source = files.get(`${name}_kernels.cu`)!;
    expect(source).toMatch(/<<<dim3\(gx, gy, gz\), dim3\(block\), 0, static_cast<cudaStream_t>\(stream\)>>>/);
    const built = await nvccCompile(files, `${name}_kernels.cu`);
    dirs.push(built.dir);
  }, 180_000);

  it('the binding (.cpp) holds no CUDA syntax and compiles with g++ -Wall -Wextra -Werror against the system PyTorch\'s headers', async () => {
    const { dir, name } = await genTorch('4+7', '8,96,56,56', ['--shift', '1']);
    const binding = readFileSync(join(dir, `${name}_binding.cpp`), 'utf8');
    expect(binding).not.toMatch(/<<<|__global__|cuda_runtime|cudaStream_t/);
    const includes = await torchIncludes();
    await run('g++', ['-std=c++17', '-fsyntax-only', '-Wall', '-Wextra', '-Werror', `-DTORCH_EXTENSION_NAME=${name}`,
      ...includes.flatMap((p) => ['-isystem', p]), join(dir, `${name}_binding.cpp`)], { maxBuffer: 16 << 20 });
  }, 180_000);
});

describe('neocc gen --torch: the Python module (system python3, CPU-only PyTorch)', () => {
  it('imports without CUDA and refuses on use, naming what is missing', async () => {
    const { dir, name } = await genTorch('4+7', '1,24,28,28', ['--shift', '1']);
    const out = JSON.parse((await python([CHECK, 'refuse', dir, name])).trim().split('\n').at(-1)!) as { refused: string };
    expect(out.refused).toMatch(new RegExp(`^${name}: cannot run the NeoCell CUDA kernels: this PyTorch \\(.*\\) was built without CUDA`));
  }, 120_000);

  // Built for the CPU by torch.utils.cpp_extension.load: the same binding and launcher text, each launch run by
  // cuda-cpu.h. One golden case with two groups generated for batch 1 and run at batch 2 (the batch is free), one
  // with h_in != h_out and w_in != w_out on a non-square plane.
  const CASES = [
    { fixture: 'k4p7_batch2_7x7', shape: '1,12,7,7' },
    { fixture: 'h3to2_w2to3_9x8', shape: '1,5,9,8' },
  ];
  const index = JSON.parse(readFileSync('test/fixtures/neocell/index.json', 'utf8')) as Array<{ name: string; channel_specs: unknown }>;
  for (const { fixture, shape } of CASES) {
    it(`golden ${fixture}: nn.Module forward and autograd backward at <= 1e-5, and the binding's input errors`, async () => {
      const specs = index.find((c) => c.name === fixture)!.channel_specs;
      parseNeoCellSpec(specs);
      const { dir, name } = await genTorch(JSON.stringify(specs), shape);
      const build = join(dir, 'build');
      mkdirSync(build);
      const out = JSON.parse((await python([CHECK, 'golden', dir, name, build, resolve('runtime/cuda-cpu'), resolve(`test/fixtures/neocell/${fixture}.safetensors`)]))
        .trim().split('\n').at(-1)!) as { errors: Record<string, number>; batch: number; messages: Array<string | null> };
      expect(Math.max(...Object.values(out.errors))).toBeLessThanOrEqual(1e-5);
      expect(Object.keys(out.errors)).toContain('grad_weight_b.0');
      if (fixture === 'k4p7_batch2_7x7') expect(out.batch).toBe(2);
      expect(out.messages[0]).toBe('neocc NeoCell: x must be float32, got Double');
      expect(out.messages[1]).toMatch(/^neocc NeoCell: x must be \[N, \d+, \d+, \d+\] \(this extension was generated for that channel count and plane size/);
      expect(out.messages[2]).toMatch(/^neocc NeoCell: x must be \[N/);
      expect(out.messages[3]).toBe('neocc NeoCell: x must be contiguous (call .contiguous() first)');
    }, 400_000);
  }
});
