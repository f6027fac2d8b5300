/**
 * `import … from 'neocc'` in a browser bundle (package.json exports `.`, condition `browser`): the runtime API
 * without the Node-only file decoding (pngjs needs Node streams and Buffer). Decode images with the browser's own
 * decoders (createImageBitmap + a canvas) into RGB bytes and pass them to preprocessImage / imagesToTensor.
 */
export * from './runtime-api.js';
