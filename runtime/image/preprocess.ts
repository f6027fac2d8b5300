/**
 * Upstream NeoNeXt's evaluation preprocessing, reproduced.
 *
 * What upstream does (HapKoM/neonext, `ptvision/data/imagenet_pytorch.py`, `imagenet_dataset(training=False)`,
 * used by `validate.py` via `ptvision/data/dataset_factory.py`; README pins torchvision 0.18.1):
 *
 *     torchvision.datasets.ImageFolder(dir, transforms.Compose([
 *         transforms.Resize(int(round(img_size / 0.875))),
 *         transforms.CenterCrop(img_size)]))
 *
 * then `fast_collate` turns the PIL images into uint8 [N, 3, H, W] tensors and `PrefetchedWrapper` normalizes
 * with mean (0.485, 0.456, 0.406)·255 and std (0.229, 0.224, 0.225)·255 — the same as ToTensor() + Normalize.
 * It does not use timm's `create_transform`. So:
 * - crop_pct = 0.875 at every resolution (224 → resize 256, 384 → resize round(438.86) = 439), not timm's 1.0
 *   for 384 models;
 * - interpolation: torchvision's `Resize` default, BILINEAR (PIL, antialiased), not bicubic;
 * - `Resize(int)` scales the shorter side to that size and the longer one to
 *   int(size · long / short) (torchvision `_compute_resized_output_size`);
 * - `CenterCrop` starts at int(round((H - crop) / 2)), Python's round (half to even).
 * The resize runs on the 8-bit image, so each resampling pass is rounded to 0..255 as PIL does.
 * `interpolation` / `cropPct` options allow timm-style variants (e.g. bicubic, crop_pct 1.0).
 */
import { Tensor } from '../../nn/tensor.js';
import type { RgbImage } from './decode.js';
import { resizeImage, type FloatImage, type Interpolation } from './resize.js';

export const IMAGENET_MEAN: readonly [number, number, number] = [0.485, 0.456, 0.406];
export const IMAGENET_STD: readonly [number, number, number] = [0.229, 0.224, 0.225];
/** Upstream's eval crop fraction (224 / 256), used at every resolution. */
export const UPSTREAM_CROP_PCT = 0.875;
export const UPSTREAM_INTERPOLATION: Interpolation = 'bilinear';

export interface EvalTransformOptions {
  /** Default: upstream's bilinear. */
  readonly interpolation?: Interpolation;
  /** Crop fraction in (0, 1]; the shorter side is resized to round(resolution / cropPct). Default 0.875. */
  readonly cropPct?: number;
}

/** Python 3's round(): nearest integer, ties to even. */
export function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** The size `transforms.Resize(shorter)` gives a width × height image: [newWidth, newHeight]. */
export function resizedSize(width: number, height: number, shorter: number): [number, number] {
  if (width <= height) return [shorter, Math.trunc((shorter * height) / width)];
  return [Math.trunc((shorter * width) / height), shorter];
}

/** Top-left corner of `transforms.CenterCrop(crop)` on a width × height image: [left, top]. */
export function centerCropOffset(width: number, height: number, crop: number): [number, number] {
  if (crop > width || crop > height) throw new RangeError(`centerCropOffset: crop ${crop} exceeds the ${width}x${height} image`);
  return [roundHalfEven((width - crop) / 2), roundHalfEven((height - crop) / 2)];
}

/**
 * One image → the network input [3, R, R] (float64, channel-major), through upstream's eval transform: resize the
 * shorter side to round(R / cropPct), center-crop R × R, scale to [0, 1], normalize with the ImageNet mean/std.
 */
export function preprocessImage(image: RgbImage, resolution: number, options: EvalTransformOptions = {}): Float64Array {
  const interpolation = options.interpolation ?? UPSTREAM_INTERPOLATION;
  const cropPct = options.cropPct ?? UPSTREAM_CROP_PCT;
  if (!(cropPct > 0 && cropPct <= 1)) throw new RangeError(`preprocessImage: cropPct must be in (0, 1], got ${cropPct}`);
  if (!(Number.isInteger(resolution) && resolution > 0)) throw new RangeError(`preprocessImage: bad resolution ${resolution}`);
  const shorter = roundHalfEven(resolution / cropPct);
  const [w, h] = resizedSize(image.width, image.height, shorter);
  // Resampled from the 8-bit pixels in place: a float64 copy took 24 bytes a pixel (1.5 GB at 64 megapixels).
  const source: FloatImage = { width: image.width, height: image.height, channels: 3, data: image.data };
  const resized = resizeImage(source, w, h, { interpolation, quantize: true });
  const [left, top] = centerCropOffset(w, h, resolution);
  const plane = resolution * resolution;
  const out = new Float64Array(3 * plane);
  for (let y = 0; y < resolution; y++) {
    for (let x = 0; x < resolution; x++) {
      const at = ((top + y) * w + left + x) * 3;
      for (let c = 0; c < 3; c++) {
        out[c * plane + y * resolution + x] = (resized.data[at + c]! / 255 - IMAGENET_MEAN[c]!) / IMAGENET_STD[c]!;
      }
    }
  }
  return out;
}

/** Several images → one batch Tensor [N, 3, R, R] in float32 (the precision checkpoints and inputs use). */
export function imagesToTensor(images: readonly RgbImage[], resolution: number, options: EvalTransformOptions = {}): Tensor {
  if (images.length === 0) throw new RangeError('imagesToTensor: no images');
  const per = 3 * resolution * resolution;
  const data = new Float32Array(images.length * per);
  images.forEach((image, i) => data.set(preprocessImage(image, resolution, options), i * per));
  return new Tensor([images.length, 3, resolution, resolution], data);
}
