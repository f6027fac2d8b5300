#!/usr/bin/env node
// `npm run build`: the package as users install it, in dist/ (gitignored).
// 1. tsc -p tsconfig.build.json: ESM JavaScript + .d.ts of entry/, compiler/, kernels/, nn/, schedule/, runtime/,
//    generated/, cli/ and plugins/ (`neocc/vite`, `neocc/esbuild`; no tests, benches or AssemblyScript sources);
// 2. the files the built code reads next to itself: generated .wasm kernels (`new URL('./x.wasm', import.meta.url)`)
//    and the CUDA headers under runtime/;
// 3. dist/package.json: `"type": "module"`, the version (cli/main.ts reads ../package.json) and the `browser` map of
//    package.json with paths relative to dist/, since bundlers apply the map of the package.json nearest to a file.
// 4. dist/build-stamp.json, last: the newest source time it was built from (scripts/dist-freshness.mjs), so that
//    bin/neocc.mjs in a checkout runs dist/ only while it is current.
// Plain Node, no tsx: `npm ci` runs it (package.json `prepare`). A current dist/ is left alone (`--force` rebuilds);
// otherwise the new build is written next to it and swapped in, so a command running from dist/ meanwhile never sees
// a half-written folder.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILD_STAMP, distIsCurrent, newestSourceTime } from './dist-freshness.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
/** The new build, written next to dist/ and renamed over it when complete. */
const staging = join(root, `dist.build-${process.pid}`);

/** Files under `dir` (repository-relative) whose name matches `pattern`. */
function filesUnder(dir, pattern) {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) return filesUnder(path, pattern);
    return pattern.test(name) ? [path] : [];
  });
}

if (!process.argv.includes('--force') && distIsCurrent(root)) {
  console.error('neocc build: dist/ is current (built from the sources as they are; --force rebuilds)');
  process.exit(0);
}
const started = performance.now();
const sourcesAt = newestSourceTime(root);
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
try {
  execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json'), '--outDir', staging], { cwd: root, stdio: 'inherit' });
} catch {
  rmSync(staging, { recursive: true, force: true });
  process.exit(1);
}

const assets = [...filesUnder('generated', /\.wasm$/), ...filesUnder('runtime', /\.h$/)];
for (const path of assets) {
  mkdirSync(dirname(join(staging, path)), { recursive: true });
  cpSync(join(root, path), join(staging, path));
}

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const inDist = (path) => `./${relative('dist', path.replace(/^\.\//, ''))}`;
const browser = Object.fromEntries(Object.entries(pkg.browser ?? {}).map(([from, to]) => [inDist(from), inDist(to)]));
writeFileSync(join(staging, 'package.json'), `${JSON.stringify({ type: 'module', version: pkg.version, private: true, browser }, null, 2)}\n`);
writeFileSync(join(staging, BUILD_STAMP), `${JSON.stringify({ sourcesAt })}\n`);
const old = `${dist}.old-${process.pid}`;
if (existsSync(dist)) renameSync(dist, old);
renameSync(staging, dist);
rmSync(old, { recursive: true, force: true });

console.error(`neocc build: dist/ written (${assets.length} assets copied) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
