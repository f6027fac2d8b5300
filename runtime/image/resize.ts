/**
 * Image resampling with the conventions of PIL's `Image.resize` (libImaging/Resample.c), which torchvision's
 * `transforms.Resize` calls for PIL images and so defines upstream's evaluation preprocessing:
 *
 * - separable: a horizontal pass, then a vertical one (each skipped when that size does not change);
 * - antialiased: when downscaling by a factor s > 1 the filter is stretched by s (support × s, argument ÷ s);
 * - output pixel x samples the input at center (x + 0.5) · in/out; taps are the input pixels i with
 *   trunc(center - support + 0.5) <= i < trunc(center + support + 0.5), clipped to the image, each weighted by
 *   filter((i - center + 0.5) / s), and the weights are normalized to sum 1 (so edges renormalize instead of
 *   clamping or reflecting);
 * - for 8-bit images (`quantize`) each pass rounds to 0..255, as PIL stores the intermediate image as uint8, and
 *   the weights are PIL's 22-bit fixed-point ones (`normalize_coeffs_8bpc`): exact .5 ties are common (bilinear
 *   upscaling by 73/64 gives weights in 1/146 steps) and the fixed-point weights decide them, so this is needed
 *   for bit-exact agreement with PIL (checked against Pillow 12.3 on random images: identical bytes).
 *
 * Weights and the float path are float64; the 8-bit path sums integers exactly (|sum| < 2^31, as in PIL).
 */

export type Interpolation = 'bilinear' | 'bicubic';

interface Filter {
  readonly support: number;
  readonly weight: (x: number) => number;
}

/** PIL's BICUBIC uses the Keys cubic with a = -0.5 (Resample.c: `#define a -0.5`). */
const BICUBIC_A = -0.5;

export const FILTERS: Readonly<Record<Interpolation, Filter>> = {
  bilinear: {
    support: 1,
    weight: (x) => {
      const t = Math.abs(x);
      return t < 1 ? 1 - t : 0;
    },
  },
  bicubic: {
    support: 2,
    weight: (x) => {
      const t = Math.abs(x);
      if (t < 1) return ((BICUBIC_A + 2) * t - (BICUBIC_A + 3)) * t * t + 1;
      if (t < 2) return (((t - 5) * t + 8) * t - 4) * BICUBIC_A;
      return 0;
    },
  },
};

/** The taps of one output pixel along one axis: the first input index and the normalized weights. */
export interface Taps {
  readonly start: number;
  readonly weights: Float64Array;
}

/** PIL's `precompute_coeffs` for resizing `inSize` → `outSize` pixels along one axis. */
export function resampleTaps(inSize: number, outSize: number, interpolation: Interpolation): Taps[] {
  if (!(Number.isInteger(inSize) && inSize > 0 && Number.isInteger(outSize) && outSize > 0)) {
    throw new RangeError(`resampleTaps: sizes must be positive integers, got ${inSize} → ${outSize}`);
  }
  const filter = FILTERS[interpolation];
  const scale = inSize / outSize;
  const filterScale = Math.max(scale, 1);
  const support = filter.support * filterScale;
  const taps: Taps[] = [];
  for (let x = 0; x < outSize; x++) {
    const center = (x + 0.5) * scale;
    const start = Math.max(0, Math.trunc(center - support + 0.5));
    const end = Math.min(inSize, Math.trunc(center + support + 0.5));
    const weights = new Float64Array(Math.max(0, end - start));
    let sum = 0;
    for (let i = 0; i < weights.length; i++) {
      const w = filter.weight((i + start - center + 0.5) / filterScale);
      weights[i] = w;
      sum += w;
    }
    if (sum !== 0) for (let i = 0; i < weights.length; i++) weights[i]! /= sum;
    taps.push({ start, weights });
  }
  return taps;
}

/**
 * An interleaved image (`channels` samples per pixel, rows top to bottom): float64 samples, or 8-bit ones (a
 * decoded image read in place, and what a quantized pass writes: 8 times less memory than float64 for a large photo).
 */
export interface FloatImage {
  readonly width: number;
  readonly height: number;
  readonly channels: number;
  readonly data: Float64Array | Uint8Array;
}

export interface ResizeOptions {
  readonly interpolation: Interpolation;
  /** Round each pass's output to an integer in 0..255 (PIL on 8-bit images). Default false. */
  readonly quantize?: boolean;
}

/** Resizes to `width` × `height` (PIL convention, see the file comment). */
export function resizeImage(image: FloatImage, width: number, height: number, options: ResizeOptions): FloatImage {
  const quantize = options.quantize ?? false;
  let out = image;
  if (width !== image.width) out = resampleAxis(out, width, 'x', options.interpolation, quantize);
  if (height !== image.height) out = resampleAxis(out, height, 'y', options.interpolation, quantize);
  return out;
}

/** PIL's PRECISION_BITS (32 - 8 - 2) for 8-bit resampling. */
const PRECISION_BITS = 22;
const ONE = 2 ** PRECISION_BITS;

/** A float weight as PIL's fixed-point coefficient: round half away from zero, then truncate. */
function fixedPoint(w: number): number {
  return w < 0 ? Math.trunc(-0.5 + w * ONE) : Math.trunc(0.5 + w * ONE);
}

function resampleAxis(image: FloatImage, size: number, axis: 'x' | 'y', interpolation: Interpolation, quantize: boolean): FloatImage {
  const { width, height, channels, data } = image;
  const outW = axis === 'x' ? size : width;
  const outH = axis === 'y' ? size : height;
  const floatTaps = resampleTaps(axis === 'x' ? width : height, size, interpolation);
  const taps = quantize ? floatTaps.map((t) => ({ start: t.start, weights: t.weights.map(fixedPoint) })) : floatTaps;
  // Distance in samples between neighbours along the resampled axis.
  const stride = axis === 'x' ? channels : width * channels;
  const out = quantize ? new Uint8Array(outW * outH * channels) : new Float64Array(outW * outH * channels);
  for (let y = 0; y < outH; y++) {
    for (let x = 0; x < outW; x++) {
      const { start, weights } = taps[axis === 'x' ? x : y]!;
      const base = axis === 'x' ? (y * width + start) * channels : (start * width + x) * channels;
      for (let c = 0; c < channels; c++) {
        // 8-bit: PIL starts the integer sum at one half (rounding) and shifts right (floor) before clipping.
        let acc = quantize ? ONE / 2 : 0;
        for (let k = 0; k < weights.length; k++) acc += weights[k]! * data[base + k * stride + c]!;
        out[(y * outW + x) * channels + c] = quantize ? Math.min(255, Math.max(0, Math.floor(acc / ONE))) : acc;
      }
    }
  }
  return { width: outW, height: outH, channels, data: out };
}
