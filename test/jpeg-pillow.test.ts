import { readFileSync } from 'node:fs';
import jpeg from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import { decodeImage } from '../runtime/image/decode.js';

/**
 * JPEG pixels against Pillow (libjpeg-turbo) on 4:2:0 and 4:2:2 files it wrote (test/fixtures/image/README.md):
 * neocc upsamples chroma and converts colors as libjpeg does, so only the IDCTs' ±1 differences remain.
 */
const DIR = 'test/fixtures/image';

function difference(a: ArrayLike<number>, b: ArrayLike<number>): { max: number; p99: number; mean: number } {
  const d = Array.from({ length: b.length }, (_, i) => Math.abs(a[i]! - b[i]!)).sort((x, y) => x - y);
  return { max: d.at(-1)!, p99: d[Math.floor(d.length * 0.99)]!, mean: d.reduce((s, v) => s + v, 0) / d.length };
}

describe('JPEG decoding matches Pillow within a few levels', () => {
  for (const sampling of ['420', '422']) {
    it(`photo-${sampling}.jpg: max |difference| <= 3 levels, mean < 0.25 (jpeg-js's own replication is far off)`, () => {
      const bytes = new Uint8Array(readFileSync(`${DIR}/photo-${sampling}.jpg`));
      const pillow = readFileSync(`${DIR}/photo-${sampling}.pillow.rgb`);
      const ours = decodeImage(bytes, `photo-${sampling}.jpg`);
      expect([ours.width, ours.height]).toEqual([160, 120]);
      const d = difference(ours.data, pillow);
      expect(d.max).toBeLessThanOrEqual(3);
      expect(d.mean).toBeLessThan(0.25);
      // What plain jpeg-js gives on the same file: the gap this closes (chroma replicated instead of interpolated).
      const plain = difference(jpeg.decode(bytes, { useTArray: true, formatAsRGBA: false }).data, pillow);
      expect(plain.max).toBeGreaterThan(20);
    });
  }
});
