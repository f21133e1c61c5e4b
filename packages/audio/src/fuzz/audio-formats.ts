import type { ChunkedFormat, FileChunk } from '@jointok/core/fuzz';

/** RIFF/WAVE files for the mutator: the 12-byte header, then each chunk (id, little-endian size, data, pad byte). */
export const riffFormat: ChunkedFormat = {
  chunks(bytes) {
    if (bytes.length < 12) return undefined;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const chunks: FileChunk[] = [{ start: 0, end: 12, lengthField: { at: 4, width: 4, littleEndian: true } }];
    for (let at = 12; at + 8 <= bytes.length; ) {
      const size = view.getUint32(at + 4, true);
      const end = Math.min(bytes.length, at + 8 + size + (size & 1));
      chunks.push({ start: at, end, lengthField: { at: at + 4, width: 4, littleEndian: true } });
      at = end;
    }
    return chunks;
  },
};

const OGG_CRC = (() => {
  const table = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let r = i << 24;
    for (let k = 0; k < 8; k++) r = r & 0x80000000 ? (r << 1) ^ 0x04c11db7 : r << 1;
    table[i] = r >>> 0;
  }
  return table;
})();

/** Ogg files for the mutator: each page (header, segment table, body); `repairChecksums` recomputes each page's CRC. */
export const oggFormat: ChunkedFormat = {
  chunks(bytes) {
    const chunks: FileChunk[] = [];
    for (let at = 0; at + 27 <= bytes.length && bytes[at] === 0x4f && bytes[at + 1] === 0x67; ) {
      const segments = bytes[at + 26]!;
      let end = at + 27 + segments;
      if (end > bytes.length) break;
      for (let s = 0; s < segments; s++) end += bytes[at + 27 + s]!;
      end = Math.min(end, bytes.length);
      chunks.push({ start: at, end, lengthField: { at: at + 26, width: 1, littleEndian: true } });
      at = end;
    }
    return chunks;
  },
  repairChecksums(bytes) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (const page of oggFormat.chunks(bytes) ?? []) {
      view.setUint32(page.start + 22, 0, true);
      let crc = 0;
      for (let i = page.start; i < page.end; i++) crc = ((crc << 8) ^ OGG_CRC[((crc >>> 24) ^ bytes[i]!) & 0xff]!) >>> 0;
      view.setUint32(page.start + 22, crc, true);
    }
    return bytes;
  },
};

/** RIFF, Ogg or neither (FLAC, MP3: plain byte mutations), by signature. */
export const audioFormat: ChunkedFormat = {
  chunks: (bytes) => (bytes[0] === 0x52 ? riffFormat.chunks(bytes) : bytes[0] === 0x4f ? oggFormat.chunks(bytes) : undefined),
  repairChecksums: (bytes) => (bytes[0] === 0x4f ? oggFormat.repairChecksums!(bytes) : bytes),
};
