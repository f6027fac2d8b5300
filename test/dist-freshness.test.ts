import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript without declarations (bin/neocc.mjs and the build script import it)
import { BUILD_STAMP, distIsCurrent, newestSourceTime } from '../scripts/dist-freshness.mjs';

/** A checkout-shaped folder: each source folder with one file, the build's configuration files, an optional stamp. */
function checkout(): string {
  const root = mkdtempSync(join(tmpdir(), 'neocc-dist-freshness-'));
  for (const folder of ['entry', 'compiler', 'kernels', 'nn', 'schedule', 'runtime', 'generated', 'cli', 'plugins']) {
    mkdirSync(join(root, folder, 'sub'), { recursive: true });
    writeFileSync(join(root, folder, 'sub', 'a.ts'), '');
  }
  mkdirSync(join(root, 'scripts'));
  for (const file of ['package.json', 'tsconfig.json', 'tsconfig.build.json', 'scripts/build-package.mjs']) writeFileSync(join(root, file), '');
  return root;
}
const stamp = (root: string, sourcesAt: number): void => {
  mkdirSync(join(root, 'dist'), { recursive: true });
  writeFileSync(join(root, 'dist', BUILD_STAMP), JSON.stringify({ sourcesAt }));
};
const roots: string[] = [];
afterEach(() => roots.splice(0).forEach((r) => rmSync(r, { recursive: true, force: true })));

describe('dist/ freshness (bin/neocc.mjs runs dist/ in a checkout only while it is current)', () => {
  it('is current after a build of the sources as they are, and stale once any source file is newer', () => {
    const root = checkout();
    roots.push(root);
    expect(distIsCurrent(root)).toBe(false); // never built
    stamp(root, newestSourceTime(root));
    expect(distIsCurrent(root)).toBe(true);
    // An edit deep in a folder, and one in a configuration file, each make it stale.
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(root, 'generated', 'sub', 'a.ts'), later, later);
    expect(distIsCurrent(root)).toBe(false);
    stamp(root, newestSourceTime(root));
    expect(distIsCurrent(root)).toBe(true);
    const evenLater = new Date(Date.now() + 120_000);
    utimesSync(join(root, 'tsconfig.build.json'), evenLater, evenLater);
    expect(distIsCurrent(root)).toBe(false);
  });

  it('a missing or unreadable stamp, or a missing source folder, means not current', () => {
    const root = checkout();
    roots.push(root);
    mkdirSync(join(root, 'dist'));
    writeFileSync(join(root, 'dist', BUILD_STAMP), 'not json');
    expect(distIsCurrent(root)).toBe(false);
    stamp(root, newestSourceTime(root));
    rmSync(join(root, 'plugins'), { recursive: true });
    expect(distIsCurrent(root)).toBe(false);
  });
});
