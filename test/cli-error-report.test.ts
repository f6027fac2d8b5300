import { describe, expect, it } from 'vitest';
import { formatCliError } from '../cli/error-report.js';
import { NeoccError } from '../compiler/errors.js';
import { StaleOutputError } from '../compiler/gen/gen-error.js';

/** issue 14: the CLI's error report is one line (plus at most a hint) unless --verbose. */
describe('formatCliError', () => {
  it('prints a NeoccError as one line, its further lines behind --verbose (but a --check listing in full)', () => {
    const multi = new NeoccError('kernel-compile', 'kernel k failed\n  1 | fn main() {\n  2 | }');
    expect(formatCliError(multi, false)).toBe('neocc: error: kernel k failed\nhint: 2 more lines of detail; rerun with --verbose to see them\n');
    expect(formatCliError(multi, true)).toMatch(/^neocc: error: kernel k failed\n {2}1 \| fn main\(\) \{\n {2}2 \| \}\nNeoccError: kernel k failed[^]*\n\s+at /);
    expect(formatCliError(new StaleOutputError('gen --check: out is out of date (1 files)\n  stale:   a.ts'), false))
      .toBe('neocc: error: gen --check: out is out of date (1 files)\n  stale:   a.ts\n');
  });

  it('turns fs errors and other exceptions into one line and a hint, never a stack unless --verbose', () => {
    const fsError = Object.assign(new Error("EISDIR: illegal operation on a directory, read"), { code: 'EISDIR', syscall: 'read', path: '/tmp' });
    expect(formatCliError(fsError, false).split('\n')[0]).toBe('neocc: error: /tmp: read failed: EISDIR');
    const report = formatCliError(new TypeError('x is undefined'), false);
    expect(report).toBe('neocc: error: internal error (TypeError): x is undefined\n' +
      'hint: neocc did not expect this error (an input it does not check yet, or a bug); rerun with --verbose for the stack trace\n');
    expect(formatCliError('thrown string', false)).toMatch(/^neocc: error: internal error \(Error\): thrown string\n/);
    expect(formatCliError(new TypeError('x is undefined'), true)).toMatch(/\n\s+at /);
  });
});
