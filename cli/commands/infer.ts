import { InvalidArgumentError, type Command } from 'commander';
import { neoNeXtSchema } from '../../compiler/spec/neonext-state-dict.js';
import { ARCHITECTURE_NAMES, IMAGE_CHANNELS } from '../../compiler/spec/model-config.js';
import { neoNeXtParams } from '../../nn/neonext-params.js';
import { formatShape, type Tensor } from '../../nn/tensor.js';
import { createBackend, probeWebGpu } from '../../runtime/backends/create-backend.js';
import type { WasmSimdMode } from '../../runtime/wasm/simd-variant.js';
import { readImageFile, SUPPORTED_IMAGE_FORMATS, type RgbImage } from '../../runtime/image/decode.js';
import { MAX_IMAGE_PIXELS, MAX_IMAGE_PIXELS_LIMIT, MAX_JPEG_PIXELS } from '../../runtime/image/image-header.js';
import { IMAGENET_CLASSES } from '../../runtime/image/imagenet-classes.js';
import { imagesToTensor, UPSTREAM_CROP_PCT } from '../../runtime/image/preprocess.js';
import { checkedLogits } from '../../runtime/model/checked-logits.js';
import { resolveModelConfig, type ModelOptions } from '../../runtime/model/resolve-config.js';
import { topK, type ClassScore } from '../../runtime/model/top-k.js';
import { readTensorFile } from '../../runtime/weights/read-tensor-file.js';
import { loadStateDict, tensorSourceFromMap } from '../../runtime/weights/state-dict.js';
import { syntheticInput, syntheticStateDict } from '../../runtime/weights/synthetic.js';
import { WeightsError } from '../../runtime/weights/weights-error.js';
import { addCheckWeightsOptions, checkWeights, type CheckWeightsOptions } from '../check-weights.js';
import { intList, positiveInt, specCodeList, WASM_SIMD_HELP, wasmSimdMode } from '../options.js';

interface InferOptions extends CheckWeightsOptions {
  maxMegapixels?: number;
  arch?: string;
  resolution?: number;
  layers?: number[];
  dims?: number[];
  kernelSpec?: string[];
  shifts?: number[];
  classes?: number;
  weights: string;
  input: string;
  backend: string;
  threads?: number;
  wasmSimd?: WasmSimdMode;
  json?: boolean;
  quiet?: boolean;
}

/** Logits shown per image in text mode before eliding (all of them are in --json). */
const SHOWN_LOGITS = 20;

export function registerInfer(program: Command): void {
  const command = program
    .command('infer')
    .description('run a whole NeoNeXt network and print logits and the top-5 classes (of JPEG/PNG images, or of --input)')
    .argument('[images...]', `image files to classify as one batch: ${SUPPORTED_IMAGE_FORMATS}; preprocessed like upstream's ` +
      `evaluation (shorter side to round(R / ${UPSTREAM_CROP_PCT}) bilinear, center crop R, ImageNet mean/std); replaces --input`)
    .option('--arch <name>', `released architecture: ${ARCHITECTURE_NAMES.join(' | ')}`)
    .option('--resolution <px>', 'input size: 224 or 384 for released models (default: 224, or the --input size)', positiveInt)
    .option('--layers <list>', 'custom: blocks per stage, e.g. 3,3,9,3', intList)
    .option('--dims <list>', 'custom: channels per stage, e.g. 96,192,384,768', intList)
    .option('--kernel-spec <code>', 'NeoCell kernel spec code for every stage ("4+7") or one per stage ("4+7,4+7,7,7")', specCodeList)
    .option('--shifts <list>', 'shift per stage (default: 1,1,1,0 at 224, 1,1,1,1 at 384)', intList)
    .option('--classes <n>', 'number of classes (default: 1000, or read off the checkpoint)', positiveInt)
    .requiredOption('--weights <file|synthetic>', 'a state dict with upstream key names ("module." accepted): a PyTorch torch.save checkpoint (.pt/.pth) or .safetensors; or "synthetic"')
    .option('--input <file|synthetic>', 'a .safetensors file holding a tensor named "input" [N, 3, R, R], or "synthetic"', 'synthetic')
    .option('--backend <name>', 'backend: auto (WebGPU on a hardware adapter, else wasm; says which on stderr) | reference (float64 CPU) | ' +
      'webgpu (folded weights, fused block kernels, one submit per forward; also on software adapters) | wasm (the same kernels compiled to WebAssembly) | cuda-cpu (the CUDA kernels compiled by g++, run on the CPU: a check, slow) | cuda (the CUDA kernels compiled by nvcc, run on an NVIDIA GPU)', 'auto')
    .option('--threads <n>', 'wasm threads (default: every core, up to 4)', positiveInt)
    .option('--wasm-simd <mode>', WASM_SIMD_HELP, wasmSimdMode)
    .option('--max-megapixels <n>', `largest image to decode (default: ${MAX_IMAGE_PIXELS / 1e6} for PNG, ${MAX_JPEG_PIXELS / 1e6} for JPEG, ` +
      `whose decoder needs ~33 bytes a pixel; at most ${MAX_IMAGE_PIXELS_LIMIT / 1e6})`, maxMegapixels)
    .option('--json', 'print {"logits", "top5", "backend", "timings", ...} as JSON')
    .option('--quiet', 'no progress output on stderr');
  addCheckWeightsOptions(command)
    .addHelpText('after', `
Examples:
  neocc infer --arch neonext-t --resolution 224 --weights synthetic
  neocc infer --arch neonext-t --weights neonext-t-224.safetensors cat.jpg dog.png
  neocc infer --weights test/fixtures/model/neonext-mini.safetensors \\
              --input test/fixtures/model/neonext-mini.golden.safetensors --json`)
    .action(async (imagePaths: string[], options: InferOptions, command: Command) => {
      const progress = (text: string): void => {
        if (!options.quiet) process.stderr.write(`${text}\n`);
      };
      const started = performance.now();
      if (imagePaths.length > 0 && command.getOptionValueSource('input') !== 'default') {
        command.error(`error: give either image files (${imagePaths.join(', ')}) or --input ${options.input}, not both`, { exitCode: 2 });
      }
      // Decode first so a bad image fails before any weights are read; preprocessing waits for the resolution.
      const decoded: RgbImage[] = [];
      const maxPixels = options.maxMegapixels === undefined ? undefined : options.maxMegapixels * 1e6;
      for (const path of imagePaths) decoded.push(await readImageFile(path, { maxPixels }));
      const weightsSource = options.weights === 'synthetic' ? 'synthetic' : await readTensorFile(options.weights);
      const input = options.input === 'synthetic' || decoded.length > 0 ? undefined : await readInput(options.input);
      const resolution = input ? inputResolution(input, options.input, options.resolution) : options.resolution;
      const modelOptions: ModelOptions = {
        arch: options.arch, resolution, layers: options.layers, dims: options.dims, kernelSpecs: options.kernelSpec,
        shifts: options.shifts, classes: options.classes,
      };
      const config = resolveModelConfig(modelOptions, weightsSource);
      // `auto` asks a child process for the WebGPU adapter (Dawn): started now, it runs on another core while this one
      // builds or loads the weights, instead of after them.
      const probe = options.backend === 'auto' ? probeWebGpu() : undefined;
      const schema = neoNeXtSchema(config);
      const stateDict = loadStateDict(weightsSource === 'synthetic' ? tensorSourceFromMap('synthetic', syntheticStateDict(schema)) : weightsSource, schema);
      // The report is asked for: printed even with --quiet.
      const weightsCheck = checkWeights(stateDict, options.weights, options, (line) => process.stderr.write(`${line}\n`));
      const image = input ?? (decoded.length > 0 ? imagesToTensor(decoded, config.resolution) : syntheticInput(config.resolution));
      const inputName = decoded.length > 0 ? imagePaths.join(', ') : options.input;
      const loaded = performance.now();

      const backend = await createBackend(options.backend, { report: progress, threads: options.threads, wasmSimd: options.wasmSimd, probe: probe && (() => probe) });
      try {
        progress(`neocc: ${config.name} (layers ${config.layers.join(',')}, dims ${config.dims.join(',')}, kernel spec ${config.kernelSpecs.join(',')}, ` +
          `shifts ${config.shifts.join(',')}, ${config.classes} classes) on ${backend.name}: ${backend.description}`);
        // Folding, weight layout/upload and kernel compilation: seconds on a cold wasm run (asc), so say so.
        progress(`neocc: preparing the model${backend.name === 'wasm' ? ' (kernels neither prebuilt nor in the disk cache are compiled with asc: ~10 s the first time)' : ''}…`);
        const prepareStart = performance.now();
        const model = await backend.loadModel(config, neoNeXtParams(config, stateDict));
        const forwardStart = performance.now();
        progress(`neocc: model ready in ${((forwardStart - prepareStart) / 1000).toFixed(2)} s`);
        const raw = await model.forward(image, (module) => progress(`  ${module} done at ${((performance.now() - forwardStart) / 1000).toFixed(2)} s`));
        const done = performance.now();
        model.dispose();
        const logits = checkedLogits(raw);
        const rows = logitRows(logits);
        const top5 = rows.map((row) => topK(row, 5));
        const timings = { load_ms: round(loaded - started), prepare_ms: round(forwardStart - prepareStart), forward_ms: round(done - forwardStart) };
        if (options.json) {
          const report = {
            model: config.name, config, weights: options.weights, input: decoded.length > 0 ? 'images' : options.input,
            ...(decoded.length > 0 ? { images: imagePaths } : {}), input_shape: image.shape,
            backend: backend.name, backend_description: backend.description, logits: rows, top5, timings,
            ...(weightsCheck ? { weights_check: weightsCheck } : {}),
          };
          process.stdout.write(`${JSON.stringify(report)}\n`);
          return;
        }
        process.stdout.write(`${config.name} · weights ${options.weights} · input ${inputName} ${formatShape(image.shape)} · backend ${backend.name} (${backend.description})\n`);
        rows.forEach((row, i) => {
          const which = decoded.length > 0 ? `image ${i} (${imagePaths[i]})` : `image ${i}`;
          process.stdout.write(`${which} top-5: ${top5[i]!.map((t) => scoreText(t, config.classes)).join(', ')}\n`);
          const shown = row.slice(0, SHOWN_LOGITS).map((v) => v.toFixed(4)).join(' ');
          process.stdout.write(`image ${i} logits: ${shown}${row.length > SHOWN_LOGITS ? ` … (${row.length} in all; --json prints every one)` : ''}\n`);
        });
        process.stdout.write(`load ${timings.load_ms} ms, prepare ${timings.prepare_ms} ms, forward ${timings.forward_ms} ms\n`);
      } finally {
        await backend.dispose();
      }
    });
}

function maxMegapixels(text: string): number {
  const n = positiveInt(text);
  if (n * 1e6 > MAX_IMAGE_PIXELS_LIMIT) throw new InvalidArgumentError(`at most ${MAX_IMAGE_PIXELS_LIMIT / 1e6}, got ${n}`);
  return n;
}

async function readInput(path: string): Promise<Tensor> {
  const input = (await readTensorFile(path));
  return input.tensor('input');
}

/** The input decides the resolution; a conflicting --resolution is an error rather than a silent choice. */
function inputResolution(input: Tensor, path: string, requested: number | undefined): number {
  const [n, c, h, w] = input.shape;
  if (input.shape.length !== 4 || c !== IMAGE_CHANNELS || h !== w || n === 0) {
    throw new WeightsError('shape-mismatch', path, `tensor "input" has shape ${formatShape(input.shape)}; expected [N, 3, R, R] with N >= 1`);
  }
  if (requested !== undefined && requested !== h) {
    throw new WeightsError('shape-mismatch', path, `tensor "input" is ${h}x${w} but --resolution is ${requested}`);
  }
  return h!;
}

/** `#281 tabby (12.3456, 43.21%)`: logit and softmax probability; the name only for a 1000-class (ImageNet-1k) model. */
function scoreText(t: ClassScore, classes: number): string {
  return `#${t.class}${classes === IMAGENET_CLASSES.length ? ` ${t.label}` : ''} (${t.logit.toFixed(4)}, ${(100 * t.probability).toFixed(2)}%)`;
}

function logitRows(logits: Tensor): number[][] {
  const [n, classes] = logits.shape as [number, number];
  return Array.from({ length: n }, (_, i) => Array.from(logits.data.subarray(i * classes, (i + 1) * classes)));
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
