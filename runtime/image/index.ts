export { decodeImage, readImageFile, sniffImageFormat, SUPPORTED_IMAGE_FORMATS, type DecodeOptions, type RgbImage } from './decode.js';
export {
  checkImageSize, defaultMaxPixels, jpegSize, MAX_IMAGE_ASPECT, MAX_IMAGE_PIXELS, MAX_IMAGE_PIXELS_LIMIT, MAX_JPEG_PIXELS, pngSize, type ImageSize,
} from './image-header.js';
export { ImageError, type ImageErrorCode } from './image-error.js';
export { IMAGENET_CLASSES, imagenetClassName } from './imagenet-classes.js';
export {
  centerCropOffset, IMAGENET_MEAN, IMAGENET_STD, imagesToTensor, preprocessImage, resizedSize, roundHalfEven,
  UPSTREAM_CROP_PCT, UPSTREAM_INTERPOLATION, type EvalTransformOptions,
} from './preprocess.js';
export { FILTERS, resampleTaps, resizeImage, type FloatImage, type Interpolation, type ResizeOptions, type Taps } from './resize.js';
