import { readFileSync, readdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { KernelArtifact } from '../compiler/artifact.js';
import { CUDA_HEADER_NAME } from '../compiler/render/cuda-header.js';
import { ARCHITECTURE_NAMES, RELEASED_RESOLUTIONS, releasedConfig } from '../compiler/spec/model-config.js';
import { parseNeoCellSpec } from '../compiler/spec/neocell-spec.js';
import { CUDA } from '../compiler/targets/index.js';
import { compileNeoCellBackward, compileNeoCellForward } from '../kernels/neocell/compile.js';
import { allArtifacts, modelKernels } from '../schedule/model-kernels.js';
import { NVCC_ARCHS, NVCC_MISSING, findNvcc, nvccCompile } from './helpers/nvcc.js';
import { runCli } from './helpers/run-cli.js';

/**
 * CUDA sources compiled by nvcc (-Werror all-warnings, sm_90 and sm_80, through ptxas): the kernel set of every
 * released NeoNeXt configuration, the golden specs' forward and backward kernels, and a `neocc gen --target cuda` folder with its header.
 * nvcc is required: without it these tests fail (never skip) with NVCC_MISSING.
 */
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** One translation unit that #includes every file (kernel names carry an IR hash, so they never clash). */
function translationUnit(files: Map<string, string>, first: readonly string[] = []): Map<string, string> {
  const includes = [...first, ...[...files.keys()].filter((n) => !first.includes(n))].map((n) => `#include "${n}"`);
  return new Map([...files, ['all.cu', `${includes.join('\n')}\n`]]);
}

describe('nvcc compiles the CUDA kernels', () => {
  it('nvcc is installed (NEOCC_NVCC or /usr/local/cuda/bin/nvcc)', () => {
    if (!findNvcc()) throw new Error(NVCC_MISSING);
  });

  it('every kernel of every released NeoNeXt (T/S/B/L at 224 and 384, each stage\'s fused MLP too) and the golden specs\' forward and backward kernels', async () => {
    const artifacts: KernelArtifact[] = [];
    for (const arch of ARCHITECTURE_NAMES) {
      for (const resolution of RELEASED_RESOLUTIONS) {
        const k = modelKernels(releasedConfig(arch, resolution), CUDA);
        artifacts.push(...allArtifacts(k), ...k.stages.map((s) => s.mlp));
      }
    }
    const golden = JSON.parse(readFileSync('test/fixtures/neocell/index.json', 'utf8')) as Array<{ channel_specs: unknown }>;
    for (const { channel_specs } of golden) {
      const spec = parseNeoCellSpec(channel_specs);
      artifacts.push(compileNeoCellForward(spec, CUDA), ...Object.values(compileNeoCellBackward(spec, CUDA)));
    }
    const files = new Map(artifacts.map((a) => [`${a.entryPoint}.cu`, a.source]));
    // Distinct entry points are distinct code: the 8 released models share most kernels (54 distinct), plus the golden specs' 70.
    expect(files.size).toBe(124);
    const { dir } = await nvccCompile(translationUnit(files), 'all.cu');
    dirs.push(dir);
    expect(readdirSync(dir).filter((f) => f.endsWith('.o')).sort()).toEqual(NVCC_ARCHS.map((a) => `${a}.o`).sort());
  }, 180_000);

  it('a `neocc gen --target cuda` folder: its .cu files together with neocc-kernels.h, whose prototypes must match them', async () => {
    const out = mkdtempSync(join(tmpdir(), 'neocc-gen-cuda-'));
    dirs.push(out);
    const r = await runCli(['gen', '--target', 'cuda', '--spec', '4+7', '--input-shape', '1,96,56,56', '--shift', '1', '--out', out, '--quiet']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    const names = readdirSync(out).sort();
    expect(names.filter((n) => n.endsWith('.cu'))).toHaveLength(6);
    expect(names).toEqual(expect.arrayContaining([CUDA_HEADER_NAME, 'index.ts', 'kernel-artifact.ts']));
    const files = new Map(names.filter((n) => n.endsWith('.cu') || n.endsWith('.h')).map((n) => [n, readFileSync(join(out, n), 'utf8')]));
    const header = files.get(CUDA_HEADER_NAME)!;
    expect(header.match(/^extern "C" __global__ void /gm)).toHaveLength(6);
    // The header first: every kernel definition then redeclares a prototype it has seen, which nvcc checks.
    const { dir } = await nvccCompile(translationUnit(files, [CUDA_HEADER_NAME]), 'all.cu');
    dirs.push(dir);
  }, 180_000);
});
