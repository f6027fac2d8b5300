import { deflateSync } from 'node:zlib';
import { crc32 } from '../../runtime/crc32.js';

/** The 8-byte PNG signature. */
export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** One PNG chunk: length, type, data, CRC-32 of type and data. */
export function pngChunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), 8 + data.length);
  return out;
}

/** IHDR data (13 bytes): size, bit depth, color type, compression 0, filter 0, interlace. */
export function ihdr(width: number, height: number, depth: number, colorType: number, interlace = 0): Buffer {
  const data = Buffer.alloc(13);
  data.writeUInt32BE(width, 0);
  data.writeUInt32BE(height, 4);
  data.set([depth, colorType, 0, 0, interlace], 8);
  return data;
}

/** A PNG file: signature, IHDR, the given middle chunks, IEND. */
export function pngFile(header: Buffer, ...chunks: Buffer[]): Buffer {
  return Buffer.concat([PNG_SIGNATURE, pngChunk('IHDR', header), ...chunks, pngChunk('IEND', new Uint8Array(0))]);
}

/** A well-formed grey 8-bit PNG claiming width x height, with a tiny (incomplete) IDAT: a few dozen bytes. */
export function claimedPng(width: number, height: number): Buffer {
  return pngFile(ihdr(width, height, 8, 0), pngChunk('IDAT', deflateSync(Buffer.alloc(Math.min(width + 1, 1 << 16)))));
}
