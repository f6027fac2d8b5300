import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { registerBench } from './commands/bench.js';
import { registerConformance } from './commands/conformance.js';
import { registerExportOnnx } from './commands/export-onnx.js';
import { registerGen } from './commands/gen.js';
import { registerInfer } from './commands/infer.js';
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
  registerConformance(program, (code) => { exitCode = code; });
  registerInfer(program);
  registerGen(program);
  registerExportOnnx(program);
  registerBench(program);
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
