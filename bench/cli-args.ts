import { parseArgs, type ParseArgsConfig } from 'node:util';

/**
 * A bench's command-line options (node:util parseArgs over process.argv, strict). `--help` prints `usage` and exits;
 * an unknown or malformed option prints one line naming it and the usage, and exits with status 2 (no stack trace).
 */
export function benchArgs<T extends ParseArgsConfig>(usage: string, config: T): ReturnType<typeof parseArgs<T>>['values'] {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`usage: ${usage}\n`);
    process.exit(0);
  }
  try {
    return parseArgs(config).values;
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\nusage: ${usage}\n`);
    process.exit(2);
  }
}
