/**
 * package.json against the code it describes (fast; the packed package itself is test/package.test.ts): optional
 * peer dependencies and the install hints of compiler/optional-package.ts, and the `browser` map's stubs against
 * what the runtime imports from the modules they replace.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isMissingPackage, missingPackageError, OPTIONAL_PACKAGES } from '../compiler/optional-package.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

interface Manifest {
  peerDependencies: Record<string, string>;
  peerDependenciesMeta: Record<string, { optional?: boolean }>;
  devDependencies: Record<string, string>;
  dependencies: Record<string, string>;
  browser: Record<string, string>;
}
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Manifest;

/** Relative imports of a source file (static, re-exports, dynamic), as repository paths without extension. */
function relativeImports(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)\.js'/g)].map((m) => join(dirname(file), m[1]!));
}

/**
 * The source files a browser bundle of entry/browser.ts loads: its relative imports, transitively, where a module in
 * the browser map is replaced by its stub (followed too).
 */
function browserGraph(map: ReadonlyMap<string, string>): string[] {
  const seen = new Set<string>();
  const queue = ['entry/browser'];
  while (queue.length > 0) {
    const module = queue.pop()!;
    const actual = map.get(module) ?? module;
    if (seen.has(actual)) continue;
    seen.add(actual);
    queue.push(...relativeImports(`${actual}.ts`));
  }
  return [...seen];
}

/** Value names that `importers` import from `module` (`import { … }`, `const { … } = await import(…)` or through importOptional). */
function importedNames(module: string, importers: readonly string[]): Set<string> {
  const names = new Set<string>();
  for (const file of importers) {
    const text = readFileSync(join(ROOT, `${file}.ts`), 'utf8');
    const pattern = /(import\s+(?:type\s+)?\{([^}]*)\}\s*from\s*|const\s*\{([^}]*)\}\s*=\s*(?:\(\s*)?await\s+(?:importOptional\([^,]+,\s*\(\)\s*=>\s*)?import\(\s*)'(\.{1,2}\/[^']+)\.js'/g;
    for (const m of text.matchAll(pattern)) {
      if (join(dirname(file), m[4]!) !== module || /^import\s+type/.test(m[1]!)) continue;
      for (const part of (m[2] ?? m[3] ?? '').split(',')) {
        const name = part.trim();
        if (name !== '' && !name.startsWith('type ')) names.add(name.split(/\s+as\s+|\s*:\s*/)[0]!);
      }
    }
  }
  return names;
}

describe('package.json', () => {
  it('optional packages are optional peer dependencies, installed for this repository\'s tests, with the ranges the errors name', () => {
    expect(Object.keys(pkg.peerDependencies).sort()).toEqual(Object.keys(OPTIONAL_PACKAGES).sort());
    for (const [name, { range }] of Object.entries(OPTIONAL_PACKAGES)) {
      expect(pkg.peerDependencies[name], name).toBe(range);
      expect(pkg.peerDependenciesMeta[name]?.optional, name).toBe(true);
      expect(`^${pkg.devDependencies[name]}`, name).toBe(range);
      expect(pkg.dependencies[name], name).toBeUndefined();
    }
    expect(pkg.dependencies.tsx).toBeUndefined();
  });

  it('a missing optional package is one "not supported" line with its install command', async () => {
    const missing: string = 'neocc-test-no-such-package'; // a variable: neither tsc nor Vite resolves it ahead
    const err: unknown = await import(/* @vite-ignore */ missing).catch((e: unknown) => e);
    expect(isMissingPackage(err, 'neocc-test-no-such-package')).toBe(true);
    expect(isMissingPackage(err, 'webgpu')).toBe(false);
    expect(isMissingPackage(new Error('webgpu: device lost'), 'webgpu')).toBe(false);
    expect(missingPackageError('assemblyscript').message).toBe('not supported: compiling WebAssembly kernels at run time (asc; prebuilt kernels, ' +
      'e.g. generated/wasm with registerPrebuiltWasm and one thread, need none) needs the optional package "assemblyscript", which is not ' +
      'installed; install it: npm install "assemblyscript@^0.28.20"');
  });

  it('each browser stub replaces a built runtime module and exports every value the browser build imports from it', async () => {
    const withoutDist = (path: string): string => path.replace(/^\.\/dist\//, '').replace(/\.js$/, '');
    const map = new Map(Object.entries(pkg.browser).map(([from, to]) => [withoutDist(from), withoutDist(to)]));
    expect(map.size).toBeGreaterThan(0);
    const graph = browserGraph(map);
    for (const [original, stub] of map) {
      expect(statSync(join(ROOT, `${original}.ts`)).isFile(), original).toBe(true);
      expect(stub).toMatch(/^entry\/browser-stubs\//);
      expect(graph, `${original} is replaced in browsers but would not be loaded there anyway`).toContain(stub);
      const exported = Object.keys(await import(join(ROOT, `${stub}.ts`)) as Record<string, unknown>);
      const needed = [...importedNames(original, graph)];
      expect(needed.length, `${original}: the browser build imports nothing from it`).toBeGreaterThan(0);
      expect(needed.filter((n) => !exported.includes(n)), `${stub} lacks what the browser build imports from ${original}`).toEqual([]);
    }
    // The Node-only modules the stubs stand in for are out of the graph.
    expect(graph.filter((m) => map.has(m))).toEqual([]);
  });
});
