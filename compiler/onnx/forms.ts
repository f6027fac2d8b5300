/**
 * `dense`: upstream's method op for op; `lean`: BN/LayerScale folded, MLP as 1x1 Convs, downsample as one Conv;
 * `blocks`: lean with block-wise NeoCells (fewer MACs, more nodes; slower on onnxruntime today, kept for comparison).
 * Apart from export-neonext.ts so that the CLI can name the forms without loading onnx-proto (an optional package).
 */
export const ONNX_FORMS = ['dense', 'lean', 'blocks'] as const;
export type OnnxForm = (typeof ONNX_FORMS)[number];

export function isOnnxForm(text: string): text is OnnxForm {
  return (ONNX_FORMS as readonly string[]).includes(text);
}
