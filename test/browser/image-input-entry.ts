/**
 * Browser entry for test/browser-image-input.test.ts (bundled by esbuild like wasm-prebuilt-entry.ts): feeds the
 * served PNG to imageInputToTensor as bytes, Blob, File, ImageBitmap, ImageData, a not yet loaded HTMLImageElement, an
 * HTMLCanvasElement, an OffscreenCanvas, a URL and a URL string, decoded by the browser; classifies a batch of them
 * with synthetic NeoNeXt-T-224 on wasm (the committed plain-SIMD kernels, one thread).
 */
import { createBackend } from '../../runtime/backends/create-backend.js';
import { imageInputToTensor, readImage, type ImageInput } from '../../runtime/image/image-input.js';
import { imagesToTensor } from '../../runtime/image/preprocess.js';
import { loadNeoNeXt } from '../../runtime/model/load-neonext.js';

/** What the page returns to the test. */
export interface ImageInputRun {
  /** RGB pixels of the PNG as the browser decoded it (Blob). */
  readonly pngPixels: number[];
  /** Per input form, the tensor at `resolution` (flat). */
  readonly tensors: Record<string, number[]>;
  readonly jpegPixels: number[];
  /** The error message for an <img> whose source is missing. */
  readonly brokenImage: string;
  readonly classify: {
    readonly top: { class: number; label: string; logit: number; probability: number }[][];
    readonly logits: number[];
    readonly backend: string;
    readonly ms: number;
  };
}

export const IMAGE_INPUT_API = '__neoccImageInputs';

/** The DOM this page uses, declared here: the repository compiles without lib "dom" (as apps without it must). */
interface Context2d {
  drawImage(image: unknown, x: number, y: number): void;
  getImageData(x: number, y: number, w: number, h: number): { width: number; height: number; data: Uint8ClampedArray };
}
interface Canvas {
  width: number;
  height: number;
  getContext(id: '2d'): Context2d | null;
}
interface Dom {
  createImageBitmap(source: Blob): Promise<{ width: number; height: number; close(): void }>;
  OffscreenCanvas: new (w: number, h: number) => Canvas;
  document: { createElement(tag: 'canvas'): Canvas };
  Image: new () => { src: string; naturalWidth: number; naturalHeight: number; decode(): Promise<void> };
  location: { href: string };
}
const { createImageBitmap, OffscreenCanvas, document, Image, location } = globalThis as unknown as Dom;

async function run(resolution: number): Promise<ImageInputRun> {
  const bytes = new Uint8Array(await (await fetch('/pattern.png')).arrayBuffer());
  const blob = new Blob([bytes], { type: 'image/png' });
  const bitmap = await createImageBitmap(blob);
  const offscreen = new OffscreenCanvas(bitmap.width, bitmap.height);
  offscreen.getContext('2d')!.drawImage(bitmap, 0, 0);
  const canvas = document.createElement('canvas');
  canvas.width = bitmap.width;
  canvas.height = bitmap.height;
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0);
  const imageData = offscreen.getContext('2d')!.getImageData(0, 0, bitmap.width, bitmap.height);
  const image = new Image();
  image.src = '/pattern.png'; // not awaited: the decoder waits for the load
  const inputs: Record<string, ImageInput> = {
    bytes, Blob: blob, File: new File([bytes], 'pattern.png', { type: 'image/png' }), ImageBitmap: bitmap, ImageData: imageData,
    HTMLImageElement: image, HTMLCanvasElement: canvas, OffscreenCanvas: offscreen, URL: new URL('/pattern.png', location.href), 'URL string': '/pattern.png',
  };
  const tensors: Record<string, number[]> = {};
  for (const [name, input] of Object.entries(inputs)) tensors[name] = Array.from((await imageInputToTensor(input, resolution)).data);

  const jpeg = new Uint8Array(await (await fetch('/photo-420.jpg')).arrayBuffer());
  const broken = new Image();
  broken.src = '/missing.png';
  const brokenImage = await readImage(broken).then(() => 'no error', (err: unknown) => `${(err as Error).name}: ${(err as Error).message}`);

  const backend = await createBackend('wasm', { threads: 1, wasmSimd: 'plain' });
  const model = await loadNeoNeXt({ weights: 'synthetic', arch: 'neonext-t', resolution: 224, backend });
  try {
    const t = performance.now();
    const top = await model.classify([image, imageData], 3);
    const ms = performance.now() - t;
    const logits = await model.forward(imagesToTensor([await readImage(blob)], 224));
    return {
      pngPixels: Array.from((await readImage(blob)).data), tensors, jpegPixels: Array.from((await readImage(jpeg)).data), brokenImage,
      classify: { top: top.map((row) => row.map((s) => ({ ...s }))), logits: Array.from(logits.data), backend: model.backend, ms },
    };
  } finally {
    await model.dispose();
    await backend.dispose();
  }
}

(globalThis as unknown as Record<string, unknown>)[IMAGE_INPUT_API] = { run };
