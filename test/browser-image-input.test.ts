/**
 * Image inputs in headless Chromium (runtime/image/browser-image.ts): the same PNG as bytes, Blob, File, ImageBitmap,
 * ImageData, a not yet loaded HTMLImageElement, both canvases, a URL and a URL string, decoded by the browser, gives
 * the tensor Node's decodeImage + imagesToTensor gives (PNG decoding is exact in both; the resize is neocc's); a JPEG
 * lands within a few levels of neocc's decoder; a broken <img> is one ImageError; and synthetic NeoNeXt-T-224 on
 * wasm (the committed plain-SIMD kernels) classifies a batch of two inputs with ImageNet labels and probabilities.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import pngjs from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeImage } from '../runtime/image/decode.js';
import { IMAGENET_CLASSES } from '../runtime/image/imagenet-classes.js';
import { imagesToTensor } from '../runtime/image/preprocess.js';
import { IMAGE_INPUT_API, type ImageInputRun } from './browser/image-input-entry.js';
import {
  BROWSER_ESM_BUILD, CHROMIUM_INSTALL_HELP, PLAIN_CHROMIUM_FLAGS, openChromiumPage, sourceBrowserMapPlugin, type ChromiumPage,
} from './helpers/chromium-page.js';
import { FIXTURES } from './helpers/fixtures.js';

const R = 64;
const GENERATED = 'generated/wasm';

/** A 45x37 opaque RGB PNG with a pattern in every channel (odd sizes: the resize and crop do real work). */
function patternPng(): Buffer {
  const png = new pngjs.PNG({ width: 45, height: 37 });
  for (let i = 0; i < 45 * 37; i++) png.data.set([(i * 7) % 256, (i * 13 + 50) % 256, (i * 29) % 256, 255], i * 4);
  return pngjs.PNG.sync.write(png, { colorType: 2 });
}
const png = patternPng();
const jpg = readFileSync(`${FIXTURES}/image/photo-420.jpg`);

let browser: ChromiumPage;
let result: ImageInputRun;

beforeAll(async () => {
  const html = '<!doctype html><meta charset="utf-8"><title>neocc image inputs</title><script type="module" src="/image-input-entry.js"></script>';
  let outDir = '';
  browser = await openChromiumPage({
    args: PLAIN_CHROMIUM_FLAGS,
    installHelp: CHROMIUM_INSTALL_HELP,
    ready: IMAGE_INPUT_API,
    prepare: async (workDir) => {
      outDir = join(workDir, 'bundle');
      await build({
        ...BROWSER_ESM_BUILD, entryPoints: [fileURLToPath(new URL('./browser/image-input-entry.ts', import.meta.url))], outdir: outDir,
        plugins: [sourceBrowserMapPlugin()],
      });
    },
    route: (path) => {
      const name = basename(path);
      if (path === '/') return { type: 'text/html', body: html };
      if (path === '/pattern.png') return { type: 'image/png', body: png };
      if (path === '/photo-420.jpg') return { type: 'image/jpeg', body: jpg };
      if (/^[\w-]+\.js$/.test(name) && existsSync(join(outDir, name))) return { type: 'text/javascript', body: readFileSync(join(outDir, name)) };
      if (/^[a-z0-9_]+-[0-9a-f]{12}\.wasm$/.test(name) && existsSync(join(GENERATED, name))) return { type: 'application/wasm', body: readFileSync(join(GENERATED, name)) };
      return undefined;
    },
  });
  try {
    result = await browser.page.evaluate(([api, r]) => (globalThis as unknown as Record<string, { run(r: number): Promise<ImageInputRun> }>)[api]!.run(r), [IMAGE_INPUT_API, R] as const);
  } catch (err) {
    throw new Error(`image inputs in Chromium failed: ${(err as Error).message}${browser.log.length ? `\npage log:\n${browser.log.join('\n')}` : ''}`);
  }
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

describe('image inputs in headless Chromium', () => {
  it('the browser decodes the PNG to the same pixels as neocc, and every input form gives Node\'s tensor', () => {
    expect(result.pngPixels).toEqual(Array.from(decodeImage(png, 'pattern.png').data));
    const want = imagesToTensor([decodeImage(png, 'pattern.png')], R).data;
    const forms = Object.keys(result.tensors);
    expect(forms).toEqual(['bytes', 'Blob', 'File', 'ImageBitmap', 'ImageData', 'HTMLImageElement', 'HTMLCanvasElement', 'OffscreenCanvas', 'URL', 'URL string']);
    for (const form of forms) {
      const got = result.tensors[form]!;
      expect(got, form).toHaveLength(want.length);
      const maxDiff = got.reduce((m, v, i) => Math.max(m, Math.abs(v - want[i]!)), 0);
      expect(maxDiff, form).toBeLessThanOrEqual(1e-6);
    }
  });

  it('a JPEG decoded by the browser lands within a few levels of neocc\'s decoder (both libjpeg-style upsampling)', () => {
    const ours = decodeImage(jpg, 'photo-420.jpg').data;
    expect(result.jpegPixels).toHaveLength(ours.length);
    let max = 0;
    let sum = 0;
    result.jpegPixels.forEach((v, i) => {
      const d = Math.abs(v - ours[i]!);
      max = Math.max(max, d);
      sum += d;
    });
    console.log(`[browser-image-input] JPEG: Chromium vs neocc's decoder: max ${max} levels, mean ${(sum / ours.length).toFixed(3)}`);
    // Measured: max 3 levels, mean 0.15 (Chromium 2026-12, libjpeg-turbo).
    expect(max).toBeLessThanOrEqual(4);
    expect(sum / ours.length).toBeLessThanOrEqual(0.5);
  });

  it('an <img> whose source is missing fails with one ImageError naming it', () => {
    expect(result.brokenImage).toMatch(/^ImageError: readImage: <img src="http:\/\/127\.0\.0\.1:\d+\/missing\.png">: the image element did not load or decode: /);
  });

  it('NeoNeXt-T-224 (synthetic) on wasm classifies [<img>, ImageData] as one batch: ImageNet labels, softmax probabilities', () => {
    const { top, logits, backend, ms } = result.classify;
    console.log(`[browser-image-input] classify batch of 2 on ${backend}: ${ms.toFixed(0)} ms`);
    expect(backend).toMatch(/^WebAssembly .*SIMD variant plain, 1 thread/);
    expect(top).toHaveLength(2);
    // Both inputs are the same picture: the same scores, and those of forward() on the Blob's pixels.
    expect(top[1]).toEqual(top[0]);
    const order = logits.map((logit, i) => ({ i, logit })).sort((a, b) => b.logit - a.logit).slice(0, 3);
    expect(top[0]!.map((s) => s.class)).toEqual(order.map((o) => o.i));
    const sum = logits.reduce((a, v) => a + Math.exp(v - order[0]!.logit), 0);
    for (const s of top[0]!) {
      expect(s.label).toBe(IMAGENET_CLASSES[s.class]);
      expect(s.logit).toBe(logits[s.class]);
      expect(s.probability).toBeCloseTo(Math.exp(s.logit - order[0]!.logit) / sum, 9);
    }
  });
});
