import { InvalidImageError } from '../../errors/invalid-image-error.js';
import { crc32 } from './crc32.js';

const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** True when the bytes start with the PNG signature. */
export function isPng(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && signature.every((b, i) => bytes[i] === b);
}

/** One chunk: its four-letter type and a view of its data. */
export interface PngChunk {
  readonly type: string;
  readonly data: Uint8Array;
}

/**
 * Splits a PNG into chunks up to IEND, checking lengths and CRCs (a damaged chunk is an error, as in
 * Pillow). A file that ends before IEND is truncated.
 */
export function readPngChunks(bytes: Uint8Array): PngChunk[] {
  if (!isPng(bytes)) throw new InvalidImageError({ format: 'png', reason: 'missing PNG signature' });
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunks: PngChunk[] = [];
  let offset = 8;
  for (;;) {
    if (offset + 12 > bytes.length) throw new InvalidImageError({ format: 'png', reason: `truncated before IEND (chunk header at byte ${offset})` });
    const length = view.getUint32(offset);
    const end = offset + 8 + length;
    if (length > 0x7fffffff || end + 4 > bytes.length) throw new InvalidImageError({ format: 'png', reason: `truncated chunk at byte ${offset}` });
    const type = String.fromCharCode(bytes[offset + 4]!, bytes[offset + 5]!, bytes[offset + 6]!, bytes[offset + 7]!);
    if (!/^[A-Za-z]{4}$/.test(type)) throw new InvalidImageError({ format: 'png', reason: `invalid chunk type at byte ${offset}` });
    if (crc32(bytes, offset + 4, end) !== view.getUint32(end)) throw new InvalidImageError({ format: 'png', reason: `CRC mismatch in ${type} chunk at byte ${offset}` });
    chunks.push({ type, data: bytes.subarray(offset + 8, end) });
    offset = end + 4;
    if (type === 'IEND') return chunks;
  }
}
