import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { formatCliError } from './error-report.js';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

/**
 * Runs the `neocc` command line and resolves to the process exit code: 0 success, 1 a check failed or the
 * work could not be done (one `neocc: error:` line says why, see formatCliError), 2 bad usage.
 */
export async function main(argv: readonly string[]): Promise<number> {
  let exitCode = 0;
  const program = new Command()
    .name('neocc')
    .description('NeoCell / NeoNeXt kernel compiler and runtime')
    .version(version)
    .option('--verbose', 'on an error, print all of its message and its stack trace')
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)');
  const commands: Record<string, () => Promise<void>> = {
    conformance: async () => (await import('./commands/conformance.js')).registerConformance(program, (code) => { exitCode = code; }),
    infer: async () => (await import('./commands/infer.js')).registerInfer(program),
    gen: async () => (await import('./commands/gen.js')).registerGen(program),
    'export-onnx': async () => (await import('./commands/export-onnx.js')).registerExportOnnx(program),
    bench: async () => (await import('./commands/bench.js')).registerBench(program),
  };
  // Only the command being run is loaded (each pulls in its own part of the compiler and runtimes: a cold start of
  // `neocc infer` through tsx loads a fifth fewer modules); anything else (help, a typo) registers them all.
  const named = argv.slice(2).find((arg) => !arg.startsWith('-'));
  for (const register of named !== undefined && Object.hasOwn(commands, named) ? [commands[named]!] : Object.values(commands)) await register();
  try {
    await program.parseAsync([...argv]);
    return exitCode;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    // Every other error becomes one line (and at most a hint); --verbose (read from argv, as the failure may have
    // come before commander parsed it) adds the stack.
    process.stderr.write(formatCliError(err, argv.includes('--verbose')));
    return 1;
  }
}
