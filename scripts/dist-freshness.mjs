// Whether dist/ (scripts/build-package.mjs) was built from the sources as they are now. In a checkout, bin/neocc.mjs
// runs dist/ when it is current (loading ~300 built modules in plain Node is ~1 s faster per run than compiling the
// TypeScript sources through tsx) and the sources otherwise; `npm ci` builds it (package.json `prepare`).
// Plain Node, no dependencies: the command imports it before it has decided anything.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** What dist/ is built from: tsconfig.build.json's folders and the files that configure the build. */
const SOURCE_FOLDERS = ['entry', 'compiler', 'kernels', 'nn', 'schedule', 'runtime', 'generated', 'cli', 'plugins'];
const SOURCE_FILES = ['package.json', 'tsconfig.json', 'tsconfig.build.json', 'scripts/build-package.mjs'];
/** Written last by the build: the newest source modification time it built from. */
export const BUILD_STAMP = 'build-stamp.json';

function newestUnder(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestUnder(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** The newest modification time (ms) among the files dist/ is built from, in the checkout at `root`. */
export function newestSourceTime(root) {
  return Math.max(...SOURCE_FOLDERS.map((f) => newestUnder(join(root, f))), ...SOURCE_FILES.map((f) => statSync(join(root, f)).mtimeMs));
}

/** True when `<root>/dist` holds a finished build of the sources as they are now (no source file changed since). */
export function distIsCurrent(root) {
  try {
    const { sourcesAt } = JSON.parse(readFileSync(join(root, 'dist', BUILD_STAMP), 'utf8'));
    return typeof sourcesAt === 'number' && newestSourceTime(root) <= sourcesAt;
  } catch {
    return false;
  }
}
