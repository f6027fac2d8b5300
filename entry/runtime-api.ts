/**
 * The runtime API that the package's `.` entry exports in browsers and in Node alike: loading a NeoNeXt, backends,
 * prebuilt WebAssembly kernels, image preprocessing, ImageNet labels, tensors and errors. Nothing here imports a
 * Node-only module statically; the Node-only parts (Dawn, asc, worker threads, the disk cache, CUDA) are dynamic
 * imports that package.json's `browser` map replaces with entry/browser-stubs/ in browser builds.
 */
export { loadNeoNeXt, type LoadNeoNeXtOptions, type LoadProgress, type ModelInput, type NeoNeXtModel } from '../runtime/model/load-neonext.js';
export type { DownloadProgress } from '../runtime/weights/fetch-weights.js';
export { DEFAULT_RESOLUTION, type ModelOptions } from '../runtime/model/resolve-config.js';
export { classLabel, softmax, topK, type ClassScore } from '../runtime/model/top-k.js';
export {
  chooseAutoBackend, createBackend, probeWebGpu, type AdapterProbe, type BackendChoice, type CreateBackendOptions, type ProbedAdapter,
} from '../runtime/backends/create-backend.js';
export { BACKEND_NAMES, type Backend, type BackendName, type LoadedModel } from '../runtime/backends/backend.js';
export { WasmBackend, type WasmBackendOptions } from '../runtime/wasm/wasm-backend.js';
export { WasmNeoNeXt } from '../runtime/wasm/wasm-neonext.js';
export { missingPrebuiltWasm, registerPrebuiltWasm, type FetchWasmBytes, type PrebuiltWasmKernel, type PrebuiltWasmModule } from '../runtime/wasm/prebuilt.js';
export { registerWasmBinary } from '../runtime/wasm/wasm-kernels.js';
export { WebGpuBackend, type WebGpuBackendOptions } from '../runtime/webgpu/webgpu-backend.js';
export { detectTensorFileFormat, parseTensorFile, TENSOR_FILE_FORMATS, type TensorFileFormat } from '../runtime/weights/read-tensor-file.js';
export type { TensorSource } from '../runtime/weights/state-dict.js';
export { syntheticInput, syntheticStateDict } from '../runtime/weights/synthetic.js';
// Image inputs (decoded by the browser in pages; in Node by a dynamic import of runtime/image/node-image.ts, which the
// browser map stubs), preprocessing and labels; decodeImage/readImageFile are in the Node entry only (entry/index.ts).
export type { RgbImage } from '../runtime/image/decode.js';
export { checkImageSize, jpegSize, MAX_IMAGE_ASPECT, MAX_IMAGE_PIXELS, pngSize, type ImageSize } from '../runtime/image/image-header.js';
export { ImageError, type ImageErrorCode } from '../runtime/image/image-error.js';
export {
  ACCEPTED_IMAGE_INPUTS, imageInputToTensor, isImageInput, readImage, type BlobLike, type CanvasLike, type ImageBitmapLike, type ImageDataLike,
  type ImageElementLike, type ImageInput,
} from '../runtime/image/image-input.js';
export { IMAGENET_CLASSES, imagenetClassName } from '../runtime/image/imagenet-classes.js';
export {
  centerCropOffset, IMAGENET_MEAN, IMAGENET_STD, imagesToTensor, preprocessImage, resizedSize, UPSTREAM_CROP_PCT, UPSTREAM_INTERPOLATION,
  type EvalTransformOptions,
} from '../runtime/image/preprocess.js';
export { relativeL2Error, Tensor, type FloatArray } from '../nn/tensor.js';
export { ARCHITECTURE_NAMES, RELEASED_RESOLUTIONS, releasedConfig, type ArchitectureName, type NeoNeXtConfig } from '../compiler/spec/model-config.js';
export { NeoccError, NotSupportedError } from '../compiler/errors.js';
