import type { ChunkedFormat, FileChunk } from '@jointok/core/fuzz';
import { crc32 } from 'node:zlib';

/**
 * PNG files for the mutator: the signature, then each chunk (length, type, data, CRC) with its
 * big-endian length field; `repairChecksums` recomputes every CRC, so that damage reaches the
 * decoder instead of stopping at the first checksum.
 */
export const pngFormat: ChunkedFormat = {
  chunks(bytes) {
    if (bytes.length < 8) return undefined;
    const chunks: FileChunk[] = [{ start: 0, end: 8 }];
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let at = 8; at + 12 <= bytes.length; ) {
      const end = at + 12 + view.getUint32(at);
      if (end > bytes.length) break;
      chunks.push({ start: at, end, lengthField: { at, width: 4, littleEndian: false } });
      at = end;
    }
    return chunks;
  },
  repairChecksums(bytes) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let at = 8; at + 12 <= bytes.length; ) {
      const length = view.getUint32(at);
      if (at + 12 + length > bytes.length) break;
      view.setUint32(at + 8 + length, crc32(bytes.subarray(at + 4, at + 8 + length)));
      at += 12 + length;
    }
    return bytes;
  },
};

/** JPEG files for the mutator: SOI, each marker segment with its big-endian length, the entropy-coded scan, EOI. */
export const jpegFormat: ChunkedFormat = {
  chunks(bytes) {
    if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return undefined;
    const chunks: FileChunk[] = [{ start: 0, end: 2 }];
    let at = 2;
    while (at + 4 <= bytes.length && bytes[at] === 0xff) {
      const marker = bytes[at + 1]!;
      const end = at + 2 + ((bytes[at + 2]! << 8) | bytes[at + 3]!);
      if (end > bytes.length) break;
      chunks.push({ start: at, end, lengthField: { at: at + 2, width: 2, littleEndian: false } });
      at = end;
      if (marker === 0xda) {
        // The scan runs to the next marker that is not a stuffed 0xFF00 or a restart marker.
        let scanEnd = at;
        while (scanEnd + 1 < bytes.length && !(bytes[scanEnd] === 0xff && bytes[scanEnd + 1] !== 0 && (bytes[scanEnd + 1]! < 0xd0 || bytes[scanEnd + 1]! > 0xd7))) scanEnd++;
        chunks.push({ start: at, end: scanEnd });
        at = scanEnd;
      }
    }
    return chunks;
  },
};

/** PNG or JPEG by signature. */
export const imageFormat: ChunkedFormat = {
  chunks: (bytes) => (bytes[0] === 0x89 ? pngFormat.chunks(bytes) : jpegFormat.chunks(bytes)),
  repairChecksums: (bytes) => (bytes[0] === 0x89 ? pngFormat.repairChecksums!(bytes) : bytes),
};
