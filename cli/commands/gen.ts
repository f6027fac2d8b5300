import type { Command } from 'commander';
import { ARCHITECTURE_NAMES } from '../../compiler/spec/model-config.js';
import type { KernelArtifact } from '../../compiler/artifact.js';
import { StaleOutputError } from '../../compiler/gen/gen-error.js';
import { describeRequest, resolveGenRequest, resolveOutDir } from '../../compiler/gen/gen-request.js';
import { importOptional } from '../../compiler/optional-package.js';
import { ensureDir } from '../../compiler/output-path.js';
import { intList } from '../options.js';

interface GenOptions {
  target?: string;
  variant?: string;
  sharedMemory?: boolean;
  spec?: string;
  inputShape?: number[];
  shift?: number;
  model?: string;
  resolution?: string;
  out?: string;
  check?: boolean;
  quiet?: boolean;
  torch?: boolean;
}

// Options are checked by resolveGenRequest rather than commander's requiredOption, so every missing or conflicting
// option gets a NeoccError that names it and the allowed values (exit 1), like the other commands' spec errors.
export function registerGen(program: Command): void {
  program
    .command('gen')
    .description('write specialized kernels (.wgsl, AssemblyScript .as.ts + compiled .wasm, or CUDA .cu + neocc-kernels.h) and typed TS modules for NeoCell specs, so apps ship kernels without the compiler')
    .option('--target <name>', 'kernel language: wgsl | assemblyscript | cuda')
    .option('--variant <id>', 'a variant of the target\'s kernels: relaxed-simd (assemblyscript: fma as f32x4.relaxed_madd, FMA GEMMs; write it to its own --out folder); default: the baseline kernels')
    .option('--shared-memory', 'assemblyscript: compile the .wasm for a shared memory (multi-threaded runtimes; modules export wasmSharedMemory = true; write it to its own --out folder)')
    .option('--spec <json|code>', 'one NeoCell: channel_specs JSON ("[{...}]") or a spec code such as "4+7" over C of --input-shape')
    .option('--input-shape <N,C,H,W>', 'with --spec: the input shape the spec is checked against', intList)
    .option('--shift <n>', 'with a spec code: the shift of every group (default 0)', Number)
    .option('--model <name>', `every NeoCell of released models (assemblyscript, cuda: and every kernel of each model's whole forward): ${ARCHITECTURE_NAMES.join(' | ')} | all`)
    .option('--resolution <px>', 'with --model: 224 | 384 | all (default: all)')
    .option('--torch', 'with --target cuda --spec: also a PyTorch extension (binding .cpp, launchers .cu, Python module with an autograd NeoCell)')
    .option('--out <dir>', 'output folder (files neocc gen did not write are left alone)')
    .option('--check', 'write nothing; exit 1 listing stale, missing and extra files if --out differs from what would be written')
    .option('--quiet', 'no progress output on stderr')
    .addHelpText('after', `
Examples:
  neocc gen --target wgsl --spec 4+7 --input-shape 1,96,56,56 --shift 1 --out src/kernels
  neocc gen --target wgsl --model all --out generated          (npm run gen)
  neocc gen --target wgsl --model all --out generated --check  (npm run gen:check)
  neocc gen --target assemblyscript --spec 4+7 --input-shape 1,96,56,56 --shift 1 --out src/wasm-kernels
  neocc gen --target assemblyscript --model neonext-t --out generated/wasm   (npm run gen: also each model's whole forward)
  neocc gen --target assemblyscript --variant relaxed-simd --model all --out generated/wasm-relaxed-simd
  neocc gen --target assemblyscript --shared-memory --model all --out generated/wasm-shared
  neocc gen --target cuda --spec 4+7 --input-shape 1,96,56,56 --shift 1 --out src/cuda-kernels   (.cu files + neocc-kernels.h)
  neocc gen --target cuda --model all --out generated/cuda   (npm run gen: also each model's whole forward)
  neocc gen --target cuda --spec 4+7 --input-shape 8,96,56,56 --shift 1 --torch --out neocell_ext   (PyTorch extension)`)
    .action(async (options: GenOptions) => {
      const request = resolveGenRequest(options);
      const outDir = resolveOutDir(options.out);
      // Checked (and made) before generating, which can take minutes: a bad --out fails at once, in one line.
      if (!options.check) ensureDir(outDir, 'the --out folder');
      // Loaded on use: ts-morph (with its own TypeScript) would add about half a second to every other command.
      const {
        describeModel, describeSpec, diffGenerated, generateWithBinaries, isUpToDate, modelFileName, moduleFileName, writeGenerated,
      } = await importOptional('ts-morph', () => import('../../compiler/gen/generate.js'));
      const progress = (text: string): void => {
        if (!options.quiet) process.stderr.write(`${text}\n`);
      };
      // AssemblyScript kernels are compiled to .wasm here with the runtime's asc settings (loaded only for that target).
      const compileWasm = async (artifact: KernelArtifact, options: { sharedMemory: boolean }): Promise<Uint8Array> => {
        const { compileAssemblyScript } = await import('../../runtime/wasm/compile-assemblyscript.js');
        return (await compileAssemblyScript([artifact], options)).binary;
      };
      // asc takes ~0.3-1.5 s a kernel, so every compile is reported as it finishes.
      const { specs, models, files } = await generateWithBinaries(request, outDir, compileWasm, {
        compiled: (artifact, done, total, ms) => {
          progress(`neocc gen: asc ${String(done).padStart(String(total).length)}/${total} ${artifact.name}-${artifact.key.slice(0, 12)}.wasm (${(ms / 1000).toFixed(1)} s)`);
        },
        spec: (spec, kernels) => progress(`neocc gen: ${moduleFileName(spec)}: ${kernels} kernels for ${describeSpec(spec.spec)}`),
        model: (model, kernels, added) => {
          progress(`neocc gen: ${modelFileName(model)}: ${kernels} kernels (${added} not in an earlier module) for ${describeModel(model.config)}`);
        },
      });
      const kernels = files.filter((f) => f.name.endsWith(request.target.sourceExtension)).length;
      const modelText = models.length > 0 ? `, ${models.length} models` : '';
      if (options.check) {
        const diff = diffGenerated(outDir, files);
        if (!isUpToDate(diff)) {
          const lines = [
            ...diff.stale.map((n) => `  stale:   ${n}`), ...diff.missing.map((n) => `  missing: ${n}`), ...diff.extra.map((n) => `  extra:   ${n}`),
          ];
          throw new StaleOutputError(`gen --check: ${outDir} is out of date (${lines.length} files); regenerate it with ` +
            `neocc gen ${describeRequest(request)} --out ${outDir}\n${lines.join('\n')}`);
        }
        process.stdout.write(`${outDir} is up to date: ${files.length} files (${specs.length} specs${modelText}, ${kernels} kernels)\n`);
        return;
      }
      const report = writeGenerated(outDir, files);
      process.stdout.write(`wrote ${report.written.length} files to ${outDir} (${report.unchanged.length} unchanged, ${report.removed.length} stale removed); ` +
        `${files.length} files for ${specs.length} specs${modelText}, ${kernels} kernels\n`);
    });
}
