/**
 * `import … from 'neocc'` in a browser bundle (package.json exports `.`, condition `browser`): the runtime API
 * without decodeImage/readImageFile (files, jpeg-js). Image inputs to classify/forward (an <img>, ImageData, a
 * canvas, a Blob, a URL, bytes) are decoded by the browser's own decoders (runtime/image/browser-image.ts).
 */
export * from './runtime-api.js';
