#!/usr/bin/env node
// `npm run build`: the package as users install it, in dist/ (gitignored).
// 1. tsc -p tsconfig.build.json: ESM JavaScript + .d.ts of entry/, compiler/, kernels/, nn/, schedule/, runtime/,
//    generated/, cli/ and plugins/ (`neocc/vite`, `neocc/esbuild`; no tests, benches or AssemblyScript sources);
// 2. the files the built code reads next to itself: generated .wasm kernels (`new URL('./x.wasm', import.meta.url)`)
//    and the CUDA headers under runtime/;
// 3. dist/package.json: `"type": "module"`, the version (cli/main.ts reads ../package.json) and the `browser` map of
//    package.json with paths relative to dist/, since bundlers apply the map of the package.json nearest to a file.
// Plain Node, no tsx: it runs in a clean clone after `npm ci`.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');

/** Files under `dir` (repository-relative) whose name matches `pattern`. */
function filesUnder(dir, pattern) {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) return filesUnder(path, pattern);
    return pattern.test(name) ? [path] : [];
  });
}

const started = performance.now();
rmSync(dist, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { cwd: root, stdio: 'inherit' });

const assets = [...filesUnder('generated', /\.wasm$/), ...filesUnder('runtime', /\.h$/)];
for (const path of assets) {
  mkdirSync(dirname(join(dist, path)), { recursive: true });
  cpSync(join(root, path), join(dist, path));
}

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const inDist = (path) => `./${relative('dist', path.replace(/^\.\//, ''))}`;
const browser = Object.fromEntries(Object.entries(pkg.browser ?? {}).map(([from, to]) => [inDist(from), inDist(to)]));
writeFileSync(join(dist, 'package.json'), `${JSON.stringify({ type: 'module', version: pkg.version, private: true, browser }, null, 2)}\n`);

console.error(`neocc build: dist/ written (${assets.length} assets copied) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
