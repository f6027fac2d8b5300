import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { NeoccError } from '../compiler/errors.js';
import { registerConformance } from './commands/conformance.js';
import { registerExportOnnx } from './commands/export-onnx.js';
import { registerGen } from './commands/gen.js';
import { registerInfer } from './commands/infer.js';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

/**
 * Runs the `neocc` command line and resolves to the process exit code: 0 success, 1 a check failed or the
 * work could not be done (the message says why), 2 bad usage.
 */
export async function main(argv: readonly string[]): Promise<number> {
  let exitCode = 0;
  const program = new Command()
    .name('neocc')
    .description('NeoCell / NeoNeXt kernel compiler and runtime')
    .version(version)
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)');
  registerConformance(program, (code) => { exitCode = code; });
  registerInfer(program);
  registerGen(program);
  registerExportOnnx(program);
  try {
    await program.parseAsync([...argv]);
    return exitCode;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    if (err instanceof NeoccError) {
      process.stderr.write(`neocc: error: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
}
