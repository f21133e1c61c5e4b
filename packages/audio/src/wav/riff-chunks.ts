import { InvalidAudioError } from '../errors/index.js';

/** One chunk of a RIFF file: its four-character tag and where its payload lies in the bytes. */
export interface RiffChunk {
  readonly tag: string;
  /** Byte offset of the payload. */
  readonly offset: number;
  /** Payload size as the header declares it. */
  readonly declaredSize: number;
  /** Bytes of the payload actually present (smaller than `declaredSize` for a truncated chunk). */
  readonly size: number;
}

/** A 32-bit size of all ones: writers that stream use it as "until the end of the file". */
export const STREAMING_SIZE = 0xffffffff;

function tagAt(bytes: Uint8Array, offset: number): string {
  return String.fromCharCode(bytes[offset] as number, bytes[offset + 1] as number, bytes[offset + 2] as number, bytes[offset + 3] as number);
}

/**
 * Walks the chunks of a RIFF/WAVE file. The RIFF header's own size is not trusted (streaming
 * writers leave it 0 or too large); chunks are read until the bytes end. A chunk other than the
 * last that claims more bytes than remain makes the file invalid; the last may be short (the
 * caller decides whether a truncated `data` chunk is acceptable). Odd-sized chunks are followed by
 * a pad byte.
 */
export function readRiffChunks(bytes: Uint8Array): RiffChunk[] {
  if (bytes.length < 12) throw new InvalidAudioError({ format: 'wav', reason: `${bytes.length} bytes is shorter than a RIFF header (12 bytes)` });
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunks: RiffChunk[] = [];
  let offset = 12;
  while (offset + 8 <= bytes.length) {
    const tag = tagAt(bytes, offset);
    const declaredSize = view.getUint32(offset + 4, true);
    const payload = offset + 8;
    const remaining = bytes.length - payload;
    if (declaredSize > remaining) {
      // A short final chunk: truncated file or streaming placeholder size.
      chunks.push({ tag, offset: payload, declaredSize, size: remaining });
      return chunks;
    }
    chunks.push({ tag, offset: payload, declaredSize, size: declaredSize });
    offset = payload + declaredSize + (declaredSize % 2);
  }
  // 1 to 7 stray bytes after the last chunk (a missing pad byte, trailing garbage) are ignored,
  // as libsndfile does.
  return chunks;
}

/** The four-character tag at `offset`. */
export { tagAt };
