import type { NeoNeXtConfig } from '../spec/model-config.js';
import type { NeoNeXtParams } from '../../nn/neonext-params.js';
import { NeoccError } from '../errors.js';
import { isOnnxForm, ONNX_FORMS, type OnnxForm } from './forms.js';
import { ONNX_IR_VERSION, ONNX_OPSET, OnnxGraphBuilder } from './graph-builder.js';
import { buildDenseNeoNeXt } from './neonext-dense.js';
import { checkOnnxSize } from './onnx-size.js';
import { buildLeanNeoNeXt } from './neonext-lean.js';

// Re-exported: callers that load ONNX export anyway may take the forms from here.
export { isOnnxForm, ONNX_FORMS, type OnnxForm };

export const ONNX_INPUT_NAME = 'input';
export const ONNX_OUTPUT_NAME = 'logits';

export interface OnnxExport {
  /** The serialized ModelProto. */
  readonly bytes: Uint8Array;
  readonly form: OnnxForm;
  readonly nodeCount: number;
  readonly initializerCount: number;
  readonly opset: number;
  readonly irVersion: number;
  /** [N, 3, R, R] with N symbolic ("N"). */
  readonly inputShape: readonly (number | string)[];
  readonly outputShape: readonly (number | string)[];
}

/**
 * A whole NeoNeXt network as an ONNX model (opset 17, IR 8, float32): input `input` [N, 3, R, R] with a dynamic
 * batch N, output `logits` [N, classes]. The NeoCell matrices are built for R, so a model serves one resolution.
 */
export function exportNeoNeXtOnnx(config: NeoNeXtConfig, params: NeoNeXtParams, form: OnnxForm, options: { maxBytes?: number } = {}): OnnxExport {
  if (!isOnnxForm(form)) throw new NeoccError('invalid-option', `ONNX form "${String(form)}"; allowed: ${ONNX_FORMS.join(' | ')}`);
  // Before any matrix is built: the dense NeoCell matrices grow with the square of the resolution.
  checkOnnxSize(config, form, options.maxBytes);
  const g = new OnnxGraphBuilder();
  const r = config.resolution;
  if (form === 'dense') buildDenseNeoNeXt(g, config, params, ONNX_INPUT_NAME, ONNX_OUTPUT_NAME);
  else buildLeanNeoNeXt(g, config, params, ONNX_INPUT_NAME, ONNX_OUTPUT_NAME, form === 'blocks' ? 'blocks' : 'dense');
  const inputShape = ['N', 3, r, r] as const;
  const outputShape = ['N', config.classes] as const;
  const doc = `NeoNeXt ${config.name} (${form}): layers ${config.layers.join(',')}, dims ${config.dims.join(',')}, ` +
    `kernel spec ${config.kernelSpecs.join(',')}, shifts ${config.shifts.join(',')}, ${config.classes} classes, resolution ${r}`;
  const bytes = g.encode(`neonext-${form}`, [{ name: ONNX_INPUT_NAME, shape: inputShape }], [{ name: ONNX_OUTPUT_NAME, shape: outputShape }], doc);
  return {
    bytes, form, nodeCount: g.nodeCount, initializerCount: g.initializerCount, opset: ONNX_OPSET, irVersion: ONNX_IR_VERSION,
    inputShape, outputShape,
  };
}
