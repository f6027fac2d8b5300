import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The layering of docs/ARCHITECTURE.md, checked on every source file: imports run one way, compiler core ← nn ←
 * kernels ← schedule ← runtimes / tools (gen, onnx export, CLI, benches); the two runtimes never import each other;
 * no code outside the target records and the renderers names a target.
 */
const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** The layer of a repository path; higher layers may import lower ones (and their own), never the reverse. */
const LAYERS: readonly { readonly name: string; readonly match: RegExp; readonly rank: number }[] = [
  { name: 'compiler core', match: /^compiler\/(?!gen\/|onnx\/)/, rank: 0 },
  { name: 'nn', match: /^nn\//, rank: 1 },
  { name: 'kernels', match: /^kernels\//, rank: 2 },
  { name: 'schedule', match: /^schedule\//, rank: 3 },
  { name: 'runtime', match: /^runtime\//, rank: 4 },
  { name: 'tools (compiler/gen, compiler/onnx)', match: /^compiler\/(gen|onnx)\//, rank: 4 },
  { name: 'cli', match: /^cli\//, rank: 5 },
  { name: 'bench', match: /^bench\//, rank: 5 },
  { name: 'bundler plugins', match: /^plugins\//, rank: 5 },
];

function layerOf(path: string): { name: string; rank: number } | undefined {
  return LAYERS.find((l) => l.match.test(path));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(join(ROOT, path)).isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(entry) && !/\.as\.ts$/.test(entry) ? [path] : [];
  });
}

/** Repository paths a file imports (static, re-exports and dynamic `import()`), resolved from its folder. */
function importsOf(path: string): string[] {
  const text = readFileSync(join(ROOT, path), 'utf8');
  const specs = [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)].map((m) => m[1]!);
  return specs.map((s) => normalize(join(dirname(path), s)).replace(/\\/g, '/').replace(/\.js$/, '.ts'));
}

/** Runtimes that each execute programs on one kind of device; they share only what lies below them. */
// runtime/cuda-common/ (the CUDA binary source, protocol and Backend both CUDA runtimes share) is not one of them.
const DEVICE_RUNTIMES = ['runtime/webgpu/', 'runtime/wasm/', 'runtime/cuda-cpu/', 'runtime/cuda/'];

const FILES = ['compiler', 'nn', 'kernels', 'schedule', 'runtime', 'cli', 'bench', 'plugins'].flatMap(sourceFiles);

describe('architecture (docs/ARCHITECTURE.md)', () => {
  it('imports run one way: compiler core ← nn ← kernels ← schedule ← runtimes, tools, cli, benches', () => {
    const violations: string[] = [];
    for (const file of FILES) {
      const from = layerOf(file)!;
      for (const target of importsOf(file)) {
        const to = layerOf(target);
        if (to && to.rank > from.rank) violations.push(`${file} (${from.name}) imports ${target} (${to.name})`);
        if (to && to.name !== from.name && to.rank === from.rank) violations.push(`${file} (${from.name}) imports ${target} (${to.name})`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('the device runtimes (WebGPU, WebAssembly, CUDA on the CPU, CUDA on a GPU) never import each other; nothing below the runtimes imports runtime/', () => {
    const violations: string[] = [];
    for (const file of FILES) {
      for (const target of importsOf(file)) {
        const from = DEVICE_RUNTIMES.find((r) => file.startsWith(r));
        const to = DEVICE_RUNTIMES.find((r) => target.startsWith(r));
        if (from && to && from !== to) violations.push(`${file} imports ${target}`);
        if (/^(compiler|nn|kernels|schedule)\//.test(file) && target.startsWith('runtime/')) violations.push(`${file} imports ${target}`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('no code outside compiler/targets and compiler/render names a target (they consult the target record)', () => {
    const named: string[] = [];
    for (const file of FILES) {
      // runtime/backends names and maps user-facing backend names (`--backend cuda`), some of which equal a target's name.
      if (/^compiler\/(targets|render)\//.test(file) || /^runtime\/backends\/(create-backend|backend)\.ts$/.test(file)) continue;
      const code = readFileSync(join(ROOT, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
      for (const m of code.matchAll(/['"`](wgsl|assemblyscript|cuda)['"`]/g)) named.push(`${file}: ${m[0]}`);
    }
    expect(named).toEqual([]);
  });

  it('every source folder is one of the layers', () => {
    expect(FILES.filter((f) => layerOf(f) === undefined)).toEqual([]);
  });
});
