/**
 * `import … from 'neocc'` in Node (package.json exports `.`, condition `node` / `default`): the runtime API plus
 * reading and decoding files. Browsers get entry/browser.ts instead.
 */
export * from './runtime-api.js';
export { decodeImage, readImageFile, sniffImageFormat, SUPPORTED_IMAGE_FORMATS } from '../runtime/image/decode.js';
export { readTensorFile } from '../runtime/weights/read-tensor-file.js';
