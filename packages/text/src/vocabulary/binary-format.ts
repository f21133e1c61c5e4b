import { InvalidVocabularyError } from '../errors/index.js';

/** Magic bytes of the compact binary vocabulary: "JTKB". */
const MAGIC = [0x4a, 0x54, 0x4b, 0x42];
const VERSION = 1;
const HEADER = 16;

/** A vocabulary as flat bytes plus per-rank offsets (see {@link RankTable}). */
export interface FlatVocabulary {
  bytes: Uint8Array;
  offsets: Uint32Array;
}

/**
 * Serialises ranks into jointok's compact binary form:
 * `"JTKB" u8 version u8[3] 0 | u32le rankCount | u32le byteCount | u32le 0 | LEB128 length per rank | bytes`.
 * A missing rank has length 0. Lengths first, bytes after, so that gzip sees two homogeneous streams.
 */
export function encodeVocabularyBinary(vocabulary: FlatVocabulary): Uint8Array {
  const count = vocabulary.offsets.length - 1;
  const lengths: number[] = [];
  for (let r = 0; r < count; r++) {
    let len = (vocabulary.offsets[r + 1] as number) - (vocabulary.offsets[r] as number);
    while (len >= 0x80) {
      lengths.push((len & 0x7f) | 0x80);
      len >>>= 7;
    }
    lengths.push(len);
  }
  const byteCount = vocabulary.offsets[count] as number;
  const out = new Uint8Array(HEADER + lengths.length + byteCount);
  out.set(MAGIC, 0);
  out[4] = VERSION;
  const view = new DataView(out.buffer);
  view.setUint32(8, count, true);
  view.setUint32(12, byteCount, true);
  out.set(lengths, HEADER);
  out.set(vocabulary.bytes.subarray(0, byteCount), HEADER + lengths.length);
  return out;
}

/** Parses the compact binary form written by {@link encodeVocabularyBinary}. */
export function decodeVocabularyBinary(data: Uint8Array, source = 'binary vocabulary'): FlatVocabulary {
  if (data.length < HEADER || MAGIC.some((b, i) => data[i] !== b)) {
    throw new InvalidVocabularyError({ source, location: 'byte 0', expected: 'the magic bytes "JTKB"' });
  }
  if (data[4] !== VERSION) {
    throw new InvalidVocabularyError({ source, location: 'byte 4', expected: `format version ${VERSION}`, received: String(data[4]) });
  }
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const count = view.getUint32(8, true);
  const byteCount = view.getUint32(12, true);
  const offsets = new Uint32Array(count + 1);
  let p = HEADER;
  let total = 0;
  for (let r = 0; r < count; r++) {
    let len = 0;
    let shift = 0;
    for (;;) {
      if (p >= data.length) throw new InvalidVocabularyError({ source, location: `byte ${p}`, expected: `${count} token lengths` });
      const b = data[p++] as number;
      len |= (b & 0x7f) << shift;
      if (b < 0x80) break;
      shift += 7;
    }
    total += len;
    offsets[r + 1] = total;
  }
  if (total !== byteCount || p + byteCount !== data.length) {
    throw new InvalidVocabularyError({ source, location: `byte ${p}`, expected: `${byteCount} token bytes to end the data`, received: `${data.length - p}` });
  }
  return { bytes: data.subarray(p, p + byteCount), offsets };
}
