import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Project, ts } from 'ts-morph';
import { afterAll, describe, expect, it } from 'vitest';
import type { KernelArtifact } from '../compiler/artifact.js';
import { compileNeoCellBackward, compileNeoCellForward } from '../kernels/neocell/compile.js';
import {
  diffGenerated, generate, isUpToDate, resolveGenRequest, resolveOutDir, writeGenerated, type GenRequest,
} from '../compiler/gen/generate.js';
import { canonicalSpec, specFromCode } from '../compiler/spec/neocell-spec.js';
import { runCli } from './helpers/run-cli.js';
import { CUDA, WGSL } from '../compiler/targets/index.js';
import { releasedConfig } from '../compiler/spec/model-config.js';
import { allArtifacts, modelKernels } from '../schedule/model-kernels.js';

const SPEC_REQUEST = resolveGenRequest({ target: 'wgsl', spec: '4+7', inputShape: [1, 96, 56, 56], shift: 1 });
/** What `npm run gen` asks for; the committed generated/ must equal its output. */
const RELEASED_REQUEST: GenRequest = resolveGenRequest({ target: 'wgsl', model: 'all' });

const tempDirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'neocc-gen-'));
  tempDirs.push(dir);
  return dir;
}
afterAll(() => tempDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function generateInto(request: GenRequest): string {
  const dir = tempDir();
  writeGenerated(dir, generate(request, dir).files);
  return dir;
}

describe('neocc gen: one spec into a folder outside the repository', () => {
  const spec = specFromCode('4+7', 96, 1);
  const expected = [
    compileNeoCellForward(spec, WGSL), compileNeoCellForward(spec, WGSL, { layout: 'nhwc' }), ...Object.values(compileNeoCellBackward(spec, WGSL)),
  ];

  it('writes one .wgsl per kernel and a TS module whose embedded sources equal them and the compiler', async () => {
    const dir = generateInto(SPEC_REQUEST);
    const names = readdirSync(dir).sort();
    expect(names.filter((n) => n.endsWith('.wgsl'))).toHaveLength(6);
    const modules = names.filter((n) => /^neocell-[0-9a-f]{12}\.ts$/.test(n));
    expect(modules).toHaveLength(1);
    expect(names).toContain('index.ts');
    expect(names).toContain('kernel-artifact.ts');

    const module = await import(pathToFileURL(join(dir, modules[0]!)).href) as { forwardNchw: KernelArtifact; artifacts: KernelArtifact[]; spec: unknown };
    expect(module.forwardNchw.source).toBe(compileNeoCellForward(spec, WGSL).source);
    expect(module.spec).toEqual(canonicalSpec(spec));
    for (const artifact of module.artifacts) {
      const file = `${artifact.name}-${artifact.key.slice(0, 12)}.wgsl`;
      expect(readFileSync(join(dir, file), 'utf8')).toBe(artifact.source);
    }
    // The generated artifacts are the compiler's, field for field (frozen-ness aside).
    expect(module.artifacts.map((a) => ({ ...a }))).toEqual(expected.map((a) => ({ ...a })));
  });

  it('exports artifactsByKey from index.ts with all six kernels under their keys', async () => {
    const dir = generateInto(SPEC_REQUEST);
    const index = await import(pathToFileURL(join(dir, 'index.ts')).href) as { artifactsByKey: ReadonlyMap<string, KernelArtifact> };
    expect([...index.artifactsByKey.keys()].sort()).toEqual(expected.map((a) => a.key).sort());
    for (const artifact of expected) expect(index.artifactsByKey.get(artifact.key)?.source).toBe(artifact.source);
  });

  it('typechecks on its own: the copied KernelArtifact type needs nothing from the compiler', () => {
    const dir = generateInto(SPEC_REQUEST);
    const project = new Project({
      compilerOptions: {
        strict: true, verbatimModuleSyntax: true, isolatedModules: true, noEmit: true, types: [], lib: ['lib.es2023.d.ts'],
        module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022,
      },
    });
    project.addSourceFilesAtPaths(join(dir, '*.ts'));
    const messages = project.getPreEmitDiagnostics().map((d) => project.formatDiagnosticsWithColorAndContext([d]));
    expect(messages).toEqual([]);
  });

  it('renders byte-identical files every time, and --check finds a regenerated folder up to date', () => {
    const first = generateInto(SPEC_REQUEST);
    const second = generateInto(SPEC_REQUEST);
    const names = readdirSync(first).sort();
    expect(readdirSync(second).sort()).toEqual(names);
    for (const name of names) expect(readFileSync(join(second, name), 'utf8')).toBe(readFileSync(join(first, name), 'utf8'));
    expect(isUpToDate(diffGenerated(first, generate(SPEC_REQUEST, first).files))).toBe(true);
  });

  it('reports stale, missing and extra files, and rewriting removes the extra ones', () => {
    const dir = generateInto(SPEC_REQUEST);
    const { files } = generate(SPEC_REQUEST, dir);
    const wgsl = files.find((f) => f.name.endsWith('.wgsl'))!.name;
    writeFileSync(join(dir, 'index.ts'), `${readFileSync(join(dir, 'index.ts'), 'utf8')}// edited\n`);
    rmSync(join(dir, wgsl));
    writeFileSync(join(dir, 'neocell_bwd_dx-000000000000.wgsl'), 'old');
    writeFileSync(join(dir, 'README.md'), 'not ours');
    expect(diffGenerated(dir, files)).toEqual({ stale: ['index.ts'], missing: [wgsl], extra: ['neocell_bwd_dx-000000000000.wgsl'] });
    const report = writeGenerated(dir, files);
    expect(report.removed).toEqual(['neocell_bwd_dx-000000000000.wgsl']);
    expect([...report.written].sort()).toEqual(['index.ts', wgsl].sort());
    expect(isUpToDate(diffGenerated(dir, files))).toBe(true);
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toBe('not ours');
  });

  it('never overwrites an index.ts it did not write', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'index.ts'), 'export const mine = 1;\n');
    expect(() => writeGenerated(dir, generate(SPEC_REQUEST, dir).files)).toThrow(/index\.ts exists and was not written by neocc gen/);
  });
});

describe('generated/ (the CI staleness gate)', () => {
  it('is exactly what `npm run gen` writes now', async () => {
    const { specs, files } = generate(RELEASED_REQUEST, 'generated');
    const diff = diffGenerated('generated', files);
    // On failure: run `npm run gen` and commit generated/.
    expect(diff).toEqual({ stale: [], missing: [], extra: [] });
    expect(specs.length).toBeGreaterThan(10);
    // Inside the repository the modules use the compiler's own KernelArtifact type.
    expect(readFileSync('generated/kernel-artifact.ts', 'utf8')).toContain("from '../compiler/artifact.js'");
    const index = await import('../generated/index.js') as { artifactsByKey: ReadonlyMap<string, KernelArtifact> };
    expect(index.artifactsByKey.size).toBe(files.filter((f) => f.name.endsWith('.wgsl')).length);
  });
});

describe('generated/cuda/ (the CI staleness gate, CUDA)', () => {
  it('is exactly what `npm run gen` writes now: every NeoCell of the released models and each model\'s whole forward', async () => {
    const request = resolveGenRequest({ target: 'cuda', model: 'all' });
    const { models, files } = generate(request, 'generated/cuda');
    // On failure: run `npm run gen` and commit generated/.
    expect(diffGenerated('generated/cuda', files)).toEqual({ stale: [], missing: [], extra: [] });
    expect(models.map((m) => m.id)).toEqual([
      'neonext-t-224', 'neonext-t-384', 'neonext-s-224', 'neonext-s-384', 'neonext-b-224', 'neonext-b-384', 'neonext-l-224', 'neonext-l-384',
    ]);
    // Each model module lists exactly the CUDA kernel set the schedule runs (not a copy: computed here again).
    const module = await import('../generated/cuda/model-neonext-t-224.js') as { kernels: ReadonlyArray<{ key: string; entryPoint: string; url: URL }> };
    const expected = allArtifacts(modelKernels(releasedConfig('neonext-t', 224), CUDA));
    expect(module.kernels.map((k) => k.key).sort()).toEqual([...new Set(expected.map((a) => a.key))].sort());
    for (const k of module.kernels) expect(readFileSync(k.url, 'utf8')).toContain(` ${k.entryPoint}(const float*`);
  });
});

describe('neocc gen options', () => {
  it('rejects missing, unknown and conflicting options naming the option and the allowed values', () => {
    expect(() => resolveGenRequest({ spec: '4+7', inputShape: [1, 96, 8, 8] })).toThrow('gen: --target is missing; allowed: wgsl');
    expect(() => resolveGenRequest({ target: 'wgsl' })).toThrow(/--spec or --model is missing; allowed: .*--input-shape N,C,H,W/);
    expect(() => resolveGenRequest({ target: 'wgsl', spec: '7', model: 'all' })).toThrow('gen: --spec conflicts with --model');
    expect(() => resolveGenRequest({ target: 'wgsl', spec: '7' })).toThrow('gen: --input-shape is missing');
    expect(() => resolveGenRequest({ target: 'wgsl', model: 'neonext-x' })).toThrow(/--model = "neonext-x" is unknown; allowed: neonext-t \| neonext-s/);
    expect(() => resolveGenRequest({ target: 'wgsl', model: 'all', resolution: '256' })).toThrow(/--resolution = "256" is not a released resolution; allowed: 224 \| 384/);
    expect(() => resolveGenRequest({ target: 'wgsl', model: 'all', shift: 1 })).toThrow('gen: --shift applies to --spec only');
    expect(() => resolveOutDir(undefined)).toThrow('gen: --out is missing');
    expect(() => resolveGenRequest({ target: 'wgsl', spec: '4+7', inputShape: [1, 96, 56, 56], torch: true })).toThrow('gen: --torch does not apply to --target wgsl; allowed: --target cuda');
    expect(() => resolveGenRequest({ target: 'cuda', model: 'all', torch: true })).toThrow(/^gen: --torch not supported with --model; allowed: --spec/);
  });

  it('collects the distinct NeoCells of one released model: blocks per stage and downsamples', () => {
    const { specs } = generate(resolveGenRequest({ target: 'wgsl', model: 'neonext-t', resolution: '224' }), tempDir());
    // 4 stage blocks (96..768, shifts 1,1,1,0) + 3 downsamples (192, 384, 768): all distinct.
    expect(specs).toHaveLength(7);
    expect(specs.flatMap((s) => s.uses).sort()).toEqual([
      'neonext-t-224 downsample_1', 'neonext-t-224 downsample_2', 'neonext-t-224 downsample_3',
      'neonext-t-224 stage_1 blocks', 'neonext-t-224 stage_2 blocks', 'neonext-t-224 stage_3 blocks', 'neonext-t-224 stage_4 blocks',
    ]);
  });
});

describe('neocc gen (CLI)', () => {
  it('writes a folder and reports it; --check passes on it and fails once a file is edited', async () => {
    const dir = tempDir();
    const args = ['gen', '--target', 'wgsl', '--spec', '4+7', '--input-shape', '1,96,56,56', '--shift', '1', '--out', dir];
    let r = await runCli(args);
    expect([r.code, r.stderr]).toEqual([0, expect.stringMatching(/neocell-[0-9a-f]{12}\.ts: 6 kernels for 48 ch 4x4 shift 1 \+ 48 ch 7x7 shift 1/)]);
    expect(r.stdout).toContain(`wrote 9 files to ${dir}`);
    r = await runCli([...args, '--check']);
    expect([r.code, r.stdout]).toEqual([0, expect.stringContaining(`${dir} is up to date`)]);
    writeFileSync(join(dir, 'index.ts'), 'x');
    r = await runCli([...args, '--check', '--quiet']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/neocc: error: gen --check: .* is out of date \(1 files\).*\n {2}stale: {3}index\.ts/);
  });

  it('explains an unknown target, a bad spec and a missing --out', async () => {
    const spec = ['--spec', '4+7', '--input-shape', '1,96,56,56'];
    // Each run starts node + tsx (about a second), so they run side by side.
    const [metal, badShift, tooSmall, noOut] = await Promise.all([
      ['--target', 'metal', ...spec, '--out', tempDir()],
      ['--target', 'wgsl', ...spec, '--shift', '4', '--out', tempDir()],
      ['--target', 'wgsl', '--spec', '4+7', '--input-shape', '1,96,2,2', '--shift', '3', '--out', tempDir()],
      ['--target', 'wgsl', ...spec],
    ].map((args) => runCli(['gen', ...args])));
    expect([metal!.code, metal!.stderr.trim()]).toEqual([1, 'neocc: error: gen: --target = "metal" is unknown; allowed: wgsl | assemblyscript | cuda']);
    expect([badShift!.code, badShift!.stderr]).toEqual([1, expect.stringContaining('neocc: error: invalid spec: kernel_spec[0].shift = 4')]);
    expect([tooSmall!.code, tooSmall!.stderr]).toEqual([1, expect.stringMatching(/invalid spec: channel_specs\[0\]\.shift_a = 3 .*allowed: H >= /)]);
    expect([noOut!.code, noOut!.stderr.trim()]).toEqual([1, 'neocc: error: gen: --out is missing; allowed: a directory to write the generated files to, e.g. --out generated']);
  });
});
