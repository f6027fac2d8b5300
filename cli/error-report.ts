import { NeoccError } from '../compiler/errors.js';

/**
 * Error codes whose further message lines are the command's result, printed in full: `gen --check` lists the
 * stale, missing and extra files.
 */
const LISTING_CODES = new Set(['stale-output']);

/**
 * What the CLI prints for an error that ends a command: one `neocc: error: …` line, plus at most one `hint:` line;
 * with `verbose`, every line of the message and the stack trace too. A NeoccError's first line is its message (the
 * rest, e.g. a kernel's numbered source, is behind --verbose); anything else is an error neocc did not anticipate
 * (a RangeError from an absurd size, an fs error, a bug): its type and first line, and the hint to rerun with
 * --verbose for the stack.
 */
export function formatCliError(err: unknown, verbose: boolean): string {
  const lines: string[] = [];
  if (err instanceof NeoccError) {
    const [first = '', ...rest] = err.message.split('\n');
    lines.push(`neocc: error: ${first}`);
    if (verbose || LISTING_CODES.has(err.code)) lines.push(...rest);
    else if (rest.length > 0) lines.push(`hint: ${rest.length} more line${rest.length === 1 ? '' : 's'} of detail; rerun with --verbose to see them`);
  } else {
    const error = err instanceof Error ? err : new Error(String(err));
    const fsError = error as NodeJS.ErrnoException;
    const [first = ''] = error.message.split('\n');
    if (typeof fsError.code === 'string' && typeof fsError.syscall === 'string') {
      // A file system error neocc does not check for yet: say which call on which path failed.
      lines.push(`neocc: error: ${fsError.path ?? '(no path)'}: ${fsError.syscall} failed: ${fsError.code}`);
    } else {
      lines.push(`neocc: error: internal error (${error.name}): ${first}`);
    }
    if (!verbose) lines.push('hint: neocc did not expect this error (an input it does not check yet, or a bug); rerun with --verbose for the stack trace');
  }
  if (verbose && err instanceof Error && err.stack) lines.push(err.stack);
  return `${lines.join('\n')}\n`;
}
