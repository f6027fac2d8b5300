import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { NeoccError } from '../../compiler/errors.js';
import { ARCHITECTURE_NAMES, releasedConfig } from '../../compiler/spec/model-config.js';
import { ensureDir } from '../../compiler/output-path.js';
import { createBackend } from '../../runtime/backends/create-backend.js';
import { runBench } from '../bench/measure.js';
import { benchHtml, benchTable } from '../bench/report.js';
import { positiveInt } from '../options.js';

interface BenchOptions {
  arch: string;
  resolution: number;
  batch: number;
  backend: string;
  threads?: number;
  runs: number;
  out: string;
  neocell: boolean;
  json?: boolean;
  quiet?: boolean;
}

/** More runs than this is a typo, not a benchmark (a NeoNeXt-L-384 forward on wasm takes seconds). */
const MAX_RUNS = 1000;

export function registerBench(program: Command): void {
  program
    .command('bench')
    .description('time each stage\'s NeoCell and the whole NeoNeXt forward on this machine\'s backend; prints a table, writes JSON and an HTML chart')
    .option('--arch <name>', `released architecture: ${ARCHITECTURE_NAMES.join(' | ')}`, 'neonext-t')
    .option('--resolution <px>', 'input size: 224 or 384', positiveInt, 224)
    .option('--batch <n>', 'images per forward', positiveInt, 1)
    .option('--backend <name>', 'auto | webgpu | wasm | cuda-cpu | cuda | reference (as in `neocc infer`)', 'auto')
    .option('--threads <n>', 'wasm threads (default: every core, up to 4)', positiveInt)
    .option('--runs <n>', `timed runs per measurement after one warm-up (1–${MAX_RUNS})`, positiveInt, 10)
    .option('--out <dir>', 'folder for <model>-b<batch>-<backend>.json and .html', 'neocc-bench')
    .option('--no-neocell', 'time the whole forward only')
    .option('--json', 'print the JSON result on stdout instead of the table')
    .option('--quiet', 'no progress output on stderr')
    .addHelpText('after', `
Synthetic weights and input (timings do not depend on weight values). Times are wall-clock around the runtime's
public calls, as an app sees them: NeoCell rows include copying operands in and out (uploads and readbacks on WebGPU).
Examples:
  neocc bench
  neocc bench --backend wasm --threads 1 --batch 1
  neocc bench --arch neonext-s --resolution 384 --backend webgpu --runs 20 --out results`)
    .action(async (options: BenchOptions) => {
      const progress = (text: string): void => {
        if (!options.quiet) process.stderr.write(`${text}\n`);
      };
      if (options.runs > MAX_RUNS) throw new NeoccError('invalid-option', `--runs ${options.runs}: allowed 1 to ${MAX_RUNS}`);
      const config = releasedConfig(options.arch, options.resolution);
      const out = ensureDir(options.out, 'the --out folder');
      const backend = await createBackend(options.backend, { report: progress, threads: options.threads });
      try {
        progress(`neocc bench: ${config.name}, batch ${options.batch}, on ${backend.name}: ${backend.description}`);
        const result = await runBench(backend, { config, batch: options.batch, runs: options.runs, neoCells: options.neocell, progress });
        const base = join(out, `${config.name}-b${options.batch}-${backend.name}`);
        writeFileSync(`${base}.json`, `${JSON.stringify(result, null, 1)}\n`);
        writeFileSync(`${base}.html`, benchHtml(result));
        process.stdout.write(options.json ? `${JSON.stringify(result)}\n` : `${benchTable(result)}\n`);
        progress(`neocc bench: wrote ${base}.json and ${base}.html`);
      } finally {
        await backend.dispose();
      }
    });
}
