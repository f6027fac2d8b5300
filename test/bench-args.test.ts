import { execFile } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** bench/cli-args.ts: what `npm run bench:… -- <options>` does with --help and with an option it does not know. */
function runBench(script: string, args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', script, ...args], { timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

describe('bench command lines', () => {
  it('--help prints the usage and exits 0; an unknown option is one line naming it, the usage, exit 2, no stack', async () => {
    const help = await runBench('bench/compare-revisions.ts', ['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^usage: npm run bench:compare -- --base <rev>/);
    const bad = await runBench('bench/compare-revisions.ts', ['--bogus']);
    expect(bad.code).toBe(2);
    expect(bad.stderr.split('\n')[0]).toMatch(/Unknown option '--bogus'/);
    expect(bad.stderr).toMatch(/\nusage: npm run bench:compare/);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  }, 120_000);
});
