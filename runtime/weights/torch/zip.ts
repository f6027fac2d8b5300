import { unzipSync } from 'fflate';
import { crc32 } from '../../crc32.js';
import { WeightsError } from '../weights-error.js';

/**
 * Inflated bytes a checkpoint may hold in all: 4 GiB, over four times the largest released NeoNeXt checkpoint
 * (NeoNeXt-L, about 0.8 GB of float32), and the most a single JS typed array is safe to assume everywhere.
 */
export const MAX_ZIP_INFLATED_BYTES = 4 * 1024 ** 3;
/**
 * Inflated bytes per byte of the file, in all: torch.save stores its records uncompressed (ratio 1), and deflated
 * float weights shrink by less than 1.2×, so 64× is only ever reached by a damaged or hostile file (a zip bomb).
 */
export const MAX_ZIP_INFLATE_RATIO = 64;
/** The fixed part of a central directory entry: no entry is shorter. */
const CENTRAL_ENTRY_BYTES = 46;
const LOCAL_HEADER_BYTES = 30;
const ZIP64_EXTRA_ID = 0x0001;
const U32_MAX = 0xffffffff;

/** One central directory entry, sizes and offset resolved through the zip64 extra field where they overflow 32 bits. */
export interface ZipEntry {
  readonly name: string;
  /** 0 stored, 8 deflate. */
  readonly method: number;
  readonly crc32: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localHeaderOffset: number;
}

/**
 * Unzips with the checks fflate leaves out, so a damaged or hostile file fails here, with the file name and the
 * field, and not deep inside fflate: the central directory is read and checked against the file's length before
 * anything is inflated (fflate trusts the entry count, and a flipped bit in it made it walk 2^31 phantom entries
 * for minutes; it allocates each record's claimed size up front), and every record's CRC-32 is checked after.
 */
export function unzip(bytes: Uint8Array, source: string): Record<string, Uint8Array> {
  const entries = centralDirectory(bytes, source);
  const expected = new Map<string, number>();
  let records: Record<string, Uint8Array>;
  try {
    records = unzipSync(bytes, {
      filter: (file) => {
        expected.set(file.name, file.originalSize);
        return true;
      },
    });
  } catch (err) {
    throw new WeightsError('corrupt-archive', source, `cannot unzip: ${(err as Error).message}`);
  }
  for (const [name, size] of expected) {
    const got = records[name]?.length ?? 0;
    if (got !== size) throw new WeightsError('truncated-file', source, `zip record "${name}" has ${got} of its ${size} bytes (truncated or damaged file)`);
  }
  // fflate does not check CRC-32s; a flipped bit in a weight would otherwise pass silently.
  for (const entry of entries) {
    const record = records[entry.name];
    if (record === undefined) continue;
    const computed = crc32(record);
    if (computed !== entry.crc32) {
      throw new WeightsError('corrupt-archive', source,
        `zip record "${entry.name}" fails its CRC-32 check (stored ${hex32(entry.crc32)}, computed ${hex32(computed)}): the file is damaged`);
    }
  }
  return records;
}

/**
 * The central directory's entries, checked against the file: the entry count against the directory's length, each
 * record's compressed bytes inside the file, stored records' sizes equal, and the inflated total within
 * MAX_ZIP_INFLATED_BYTES and MAX_ZIP_INFLATE_RATIO × the file's length. Reads only the directory (microseconds).
 */
export function centralDirectory(bytes: Uint8Array, source: string): ZipEntry[] {
  const fail = (code: 'corrupt-archive' | 'truncated-file' | 'unsupported-format', message: string): never => {
    throw new WeightsError(code, source, message);
  };
  const u32 = (at: number): number => (bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24)) >>> 0;
  const u16 = (at: number): number => bytes[at]! | (bytes[at + 1]! << 8);
  const u64 = (at: number): number => u32(at) + u32(at + 4) * 2 ** 32; // exact below 2^53, and only compared after
  const isZip = bytes.length >= 4 && (u32(0) === 0x04034b50 || u32(0) === 0x06054b50);
  if (!isZip) {
    fail('unsupported-format', `not a zip archive (file starts with ${hex(bytes.subarray(0, 4))}); torch.save checkpoints (PyTorch >= 1.6) are zip files`);
  }
  // The end-of-central-directory record must end exactly at the end of the file (its comment runs to the end).
  let eocd = -1;
  for (let at = bytes.length - 22; at >= 0 && at >= bytes.length - 22 - 0xffff; at--) {
    if (u32(at) === 0x06054b50 && at + 22 + u16(at + 20) === bytes.length) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) {
    fail('truncated-file', `zip end-of-central-directory record not found at the end of the ${bytes.length}-byte file (truncated download or copy?)`);
  }
  let entryCount = u16(eocd + 10);
  let countField = 'zip end-of-central-directory "total entries" field';
  let directoryStart = u32(eocd + 16);
  let directorySize = u32(eocd + 12);
  let directoryLimit = eocd;
  const zip64 = eocd >= 20 && u32(eocd - 20) === 0x07064b50;
  if (zip64) {
    // ZIP64: sizes and offsets live in the zip64 end-of-central-directory record.
    const record = u64(eocd - 20 + 8);
    if (record + 56 > eocd || u32(record) !== 0x06064b50) fail('corrupt-archive', `zip64 end-of-central-directory record at byte ${record} is missing or damaged`);
    entryCount = u64(record + 32);
    countField = `zip64 end-of-central-directory "total entries" field (byte ${record + 32})`;
    directorySize = u64(record + 40);
    directoryStart = u64(record + 48);
    directoryLimit = record;
  }
  const directoryEnd = directoryStart + directorySize;
  if (directoryEnd > directoryLimit) {
    fail('corrupt-archive', `zip central directory ends at byte ${directoryEnd}, past its end record at byte ${directoryLimit}`);
  }
  if (entryCount * CENTRAL_ENTRY_BYTES > directorySize) {
    fail('corrupt-archive', `${countField} says ${entryCount} entries, but the ${directorySize}-byte central directory holds at most ` +
      `${Math.floor(directorySize / CENTRAL_ENTRY_BYTES)} (each entry is at least ${CENTRAL_ENTRY_BYTES} bytes): the file is damaged`);
  }
  const inflatedLimit = Math.min(MAX_ZIP_INFLATED_BYTES, MAX_ZIP_INFLATE_RATIO * bytes.length);
  const entries: ZipEntry[] = [];
  let inflated = 0;
  let at = directoryStart;
  for (let i = 0; i < entryCount; i++) {
    if (at + CENTRAL_ENTRY_BYTES > directoryEnd || u32(at) !== 0x02014b50) fail('corrupt-archive', `zip central directory entry ${i} at byte ${at} is damaged`);
    const nameLength = u16(at + 28);
    const extraStart = at + CENTRAL_ENTRY_BYTES + nameLength;
    const extraEnd = extraStart + u16(at + 30);
    const next = extraEnd + u16(at + 32);
    const nameBytes = bytes.subarray(at + CENTRAL_ENTRY_BYTES, Math.min(extraStart, directoryEnd));
    // Like fflate: UTF-8 when general-purpose flag bit 11 is set, else one byte per character.
    const name = u16(at + 8) & 0x800 ? new TextDecoder().decode(nameBytes) : String.fromCharCode(...nameBytes);
    if (next > directoryEnd) fail('corrupt-archive', `zip central directory entry ${i} ("${name}") runs past the directory's end`);
    let size = u32(at + 24);
    let compressedSize = u32(at + 20);
    let localHeaderOffset = u32(at + 42);
    if (size === U32_MAX || compressedSize === U32_MAX || localHeaderOffset === U32_MAX) {
      // The zip64 extra field holds, in this order, only the values whose 32-bit fields are all ones.
      for (let e = extraStart; e + 4 <= extraEnd; e += 4 + u16(e + 2)) {
        if (u16(e) !== ZIP64_EXTRA_ID) continue;
        let field = e + 4;
        const take = (): number => {
          if (field + 8 > extraEnd) fail('corrupt-archive', `zip record "${name}": its zip64 extra field is too short`);
          field += 8;
          return u64(field - 8);
        };
        if (size === U32_MAX) size = take();
        if (compressedSize === U32_MAX) compressedSize = take();
        if (localHeaderOffset === U32_MAX) localHeaderOffset = take();
        break;
      }
    }
    const method = u16(at + 10);
    if (localHeaderOffset + LOCAL_HEADER_BYTES + compressedSize > directoryStart) {
      fail('truncated-file', `zip record "${name}": "local header offset" ${localHeaderOffset} + "compressed size" ${compressedSize} ` +
        `runs past the record area, which ends at byte ${directoryStart} (truncated or damaged file)`);
    }
    if (method === 0 && size !== compressedSize) {
      fail('corrupt-archive', `zip record "${name}" is stored (not compressed) but its "uncompressed size" ${size} differs from its "compressed size" ${compressedSize}`);
    }
    inflated += size;
    if (inflated > inflatedLimit) {
      fail('corrupt-archive', `zip record "${name}": "uncompressed size" ${size} brings the inflated total to ${inflated} bytes, over the limit of ` +
        `${inflatedLimit} (${MAX_ZIP_INFLATE_RATIO}× the ${bytes.length}-byte file, at most ${MAX_ZIP_INFLATED_BYTES}): refused before inflating (damaged file or zip bomb)`);
    }
    entries.push({ name, method, crc32: u32(at + 16), compressedSize, size, localHeaderOffset });
    at = next;
  }
  return entries;
}

function hex32(value: number): string {
  return `0x${value.toString(16).padStart(8, '0')}`;
}

function hex(bytes: Uint8Array): string {
  return [...bytes].map((x) => x.toString(16).padStart(2, '0')).join(' ') || '(nothing)';
}
