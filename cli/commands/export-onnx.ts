import { writeFile } from 'node:fs/promises';
import { InvalidArgumentError, type Command } from 'commander';
import { isOnnxForm, ONNX_FORMS, type OnnxForm } from '../../compiler/onnx/forms.js';
import { checkOnnxSize, DEFAULT_MAX_ONNX_BYTES, ONNX_PROTOBUF_LIMIT } from '../../compiler/onnx/onnx-size.js';
import { importOptional } from '../../compiler/optional-package.js';
import { ensureOutputFile, OutputPathError } from '../../compiler/output-path.js';
import { ARCHITECTURE_NAMES } from '../../compiler/spec/model-config.js';
import { neoNeXtSchema } from '../../compiler/spec/neonext-state-dict.js';
import { neoNeXtParams } from '../../nn/neonext-params.js';
import { resolveModelConfig } from '../../runtime/model/resolve-config.js';
import { readTensorFile } from '../../runtime/weights/read-tensor-file.js';
import { loadStateDict, tensorSourceFromMap } from '../../runtime/weights/state-dict.js';
import { syntheticStateDict } from '../../runtime/weights/synthetic.js';
import { addCheckWeightsOptions, checkWeights, type CheckWeightsOptions } from '../check-weights.js';
import { intList, positiveInt, specCodeList } from '../options.js';

interface ExportOnnxOptions extends CheckWeightsOptions {
  arch?: string;
  resolution?: number;
  layers?: number[];
  dims?: number[];
  kernelSpec?: string[];
  shifts?: number[];
  classes?: number;
  weights: string;
  out?: string;
  form: string;
  maxOnnxMib?: number;
  json?: boolean;
}

export function registerExportOnnx(program: Command): void {
  const command = program
    .command('export-onnx')
    .description('write a whole NeoNeXt network as an ONNX model (opset 17, float32; input "input" [N,3,R,R], output "logits" [N,classes])')
    .option('--arch <name>', `released architecture: ${ARCHITECTURE_NAMES.join(' | ')}`)
    .option('--resolution <px>', 'input size (default 224); the NeoCell matrices are built for it', positiveInt)
    .option('--layers <list>', 'custom: blocks per stage, e.g. 3,3,9,3', intList)
    .option('--dims <list>', 'custom: channels per stage, e.g. 96,192,384,768', intList)
    .option('--kernel-spec <code>', 'NeoCell kernel spec code for every stage ("4+7") or one per stage ("4+7,4+7,7,7")', specCodeList)
    .option('--shifts <list>', 'shift per stage (default: 1,1,1,0 at 224, 1,1,1,1 at 384)', intList)
    .option('--classes <n>', 'number of classes (default: 1000, or read off the checkpoint)', positiveInt)
    .requiredOption('--weights <file|synthetic>', 'a state dict with upstream key names ("module." accepted): a PyTorch torch.save checkpoint (.pt/.pth) or .safetensors; or "synthetic"')
    .option('--out <file>', 'where to write the .onnx model (required)')
    .option('--form <form>', `${ONNX_FORMS.join(' | ')}: dense = upstream's method (dense block-diagonal NeoCell matrices, BN as Mul/Add, ` +
      'channels-last MatMul MLP); lean = BN/LayerScale folded, MLP as 1x1 Convs, downsample as one 2x2 stride-2 Conv; ' +
      'blocks = lean with block-wise NeoCells (fewer MACs, more nodes; slower on onnxruntime today)', 'lean')
    .option('--max-onnx-mib <n>', `largest model to write, in MiB of weights (default ${DEFAULT_MAX_ONNX_BYTES / 2 ** 20}, above every released ` +
      `configuration at 224 and 384; at most ${Math.floor(ONNX_PROTOBUF_LIMIT / 2 ** 20)}, one ONNX protobuf's limit)`, maxOnnxMib)
    .option('--json', 'print {"out", "bytes", "nodes", "initializers", "form", "opset", ...} as JSON');
  addCheckWeightsOptions(command)
    .addHelpText('after', `
Examples:
  neocc export-onnx --arch neonext-t --resolution 224 --weights synthetic --out neonext-t-224.onnx
  neocc export-onnx --weights neonext-t-224_ema.pt --form dense --out neonext-t-224-dense.onnx`)
    .action(async (options: ExportOnnxOptions, command: Command) => {
      if (options.out === undefined) command.error('error: --out <file> is required (where to write the .onnx model)', { exitCode: 2 });
      if (!isOnnxForm(options.form)) command.error(`error: --form ${options.form}; allowed: ${ONNX_FORMS.join(' | ')}`, { exitCode: 2 });
      // Checked (its folder made) before the export: a bad --out fails at once, in one line.
      const out = ensureOutputFile(options.out!, 'the --out file');
      const weightsSource = options.weights === 'synthetic' ? 'synthetic' : await readTensorFile(options.weights);
      const config = resolveModelConfig({
        arch: options.arch, resolution: options.resolution, layers: options.layers, dims: options.dims,
        kernelSpecs: options.kernelSpec, shifts: options.shifts, classes: options.classes,
      }, weightsSource);
      const maxBytes = options.maxOnnxMib === undefined ? undefined : options.maxOnnxMib * 2 ** 20;
      // From the config alone, before weights are generated or checked and before any matrix is built.
      checkOnnxSize(config, options.form as OnnxForm, maxBytes);
      const schema = neoNeXtSchema(config);
      const stateDict = loadStateDict(weightsSource === 'synthetic' ? tensorSourceFromMap('synthetic', syntheticStateDict(schema)) : weightsSource, schema);
      checkWeights(stateDict, options.weights, options, (line) => process.stderr.write(`${line}\n`));
      // Loaded on use: onnx-proto (protobufjs) is an optional package.
      const { exportNeoNeXtOnnx } = await importOptional('onnx-proto', () => import('../../compiler/onnx/export-neonext.js'));
      const exported = exportNeoNeXtOnnx(config, neoNeXtParams(config, stateDict), options.form as OnnxForm, { maxBytes });
      await writeFile(out, exported.bytes).catch((err: NodeJS.ErrnoException) => {
        throw new OutputPathError(out, `cannot write: ${err.code ?? err.message}`);
      });
      if (options.json) {
        process.stdout.write(`${JSON.stringify({
          out, bytes: exported.bytes.length, nodes: exported.nodeCount, initializers: exported.initializerCount, form: exported.form,
          opset: exported.opset, ir_version: exported.irVersion, input_shape: exported.inputShape, output_shape: exported.outputShape, config,
        })}\n`);
        return;
      }
      process.stdout.write(`${config.name} (layers ${config.layers.join(',')}, dims ${config.dims.join(',')}, kernel spec ${config.kernelSpecs.join(',')}, ` +
        `shifts ${config.shifts.join(',')}, ${config.classes} classes) · form ${exported.form} · opset ${exported.opset}\n`);
      process.stdout.write(`wrote ${out}: ${formatBytes(exported.bytes.length)}, ${exported.nodeCount} nodes, ${exported.initializerCount} initializers; ` +
        `input "input" [${exported.inputShape.join(', ')}], output "logits" [${exported.outputShape.join(', ')}]\n`);
    });
}

function maxOnnxMib(text: string): number {
  const n = positiveInt(text);
  if (n * 2 ** 20 > ONNX_PROTOBUF_LIMIT) throw new InvalidArgumentError(`at most ${Math.floor(ONNX_PROTOBUF_LIMIT / 2 ** 20)} (one ONNX protobuf cannot exceed 2 GiB), got ${n}`);
  return n;
}

function formatBytes(n: number): string {
  return n >= 1 << 20 ? `${(n / (1 << 20)).toFixed(1)} MiB (${n} bytes)` : `${(n / 1024).toFixed(1)} KiB (${n} bytes)`;
}
