import { InvalidAudioError } from '../errors/index.js';

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let r = i << 24;
    for (let b = 0; b < 8; b++) r = r & 0x80000000 ? (r << 1) ^ 0x04c11db7 : r << 1;
    table[i] = r >>> 0;
  }
  return table;
})();

/** What the pages of an Ogg stream say about it. */
export interface OggPages {
  /** Granule position of the last page that has one (-1 when none). */
  readonly lastGranule: number;
  /** The last page carries the end-of-stream flag. */
  readonly ended: boolean;
}

/**
 * Walks every page of an Ogg stream and checks it: the "OggS" capture pattern, version 0, the page
 * fitting in the bytes, and its CRC-32 (Ogg's: polynomial 0x04C11DB7, not reflected, computed with
 * the CRC field zeroed). The WASM decoders skip pages that fail these checks without saying so;
 * this turns them into `InvalidAudioError`s. A stream cut inside a page, or whose last page lacks
 * the end-of-stream flag, is truncated: an error unless `allowTruncated`.
 */
export function checkOggPages(bytes: Uint8Array, format: string, allowTruncated: boolean): OggPages {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 0;
  let lastGranule = -1;
  let ended = false;
  while (offset < bytes.length) {
    if (offset + 27 > bytes.length || offset + 27 + (bytes[offset + 26] as number) > bytes.length) {
      if (allowTruncated) break;
      throw new InvalidAudioError({ format, reason: 'the stream ends inside an Ogg page header (truncated)', byteOffset: offset });
    }
    if (view.getUint32(offset, false) !== 0x4f676753 || bytes[offset + 4] !== 0) {
      throw new InvalidAudioError({ format, reason: 'expected an Ogg page ("OggS", version 0)', byteOffset: offset });
    }
    const segments = bytes[offset + 26] as number;
    let body = 0;
    for (let i = 0; i < segments; i++) body += bytes[offset + 27 + i] as number;
    const end = offset + 27 + segments + body;
    if (end > bytes.length) {
      if (allowTruncated) break;
      throw new InvalidAudioError({ format, reason: `an Ogg page of ${end - offset} bytes is cut after ${bytes.length - offset} (truncated)`, byteOffset: offset });
    }
    let crc = 0;
    for (let i = offset; i < end; i++) {
      const byte = i >= offset + 22 && i < offset + 26 ? 0 : (bytes[i] as number);
      crc = ((crc << 8) ^ (CRC_TABLE[((crc >>> 24) ^ byte) & 0xff] as number)) >>> 0;
    }
    if (crc !== view.getUint32(offset + 22, true)) throw new InvalidAudioError({ format, reason: 'an Ogg page fails its CRC-32 check (corrupt data)', byteOffset: offset });
    const low = view.getUint32(offset + 6, true);
    const high = view.getInt32(offset + 10, true);
    if (!(high === -1 && low === 0xffffffff)) lastGranule = high * 4294967296 + low;
    ended = ((bytes[offset + 5] as number) & 0x04) !== 0;
    offset = end;
  }
  if (!ended && !allowTruncated) throw new InvalidAudioError({ format, reason: 'the last Ogg page has no end-of-stream flag (truncated; pass allowTruncated to decode what is there)' });
  return { lastGranule, ended };
}

/** The pre-skip of an Ogg Opus stream (OpusHead's 16-bit field), 0 when absent. */
export function opusPreSkip(bytes: Uint8Array): number {
  const segments = bytes[26] ?? 0;
  const head = 27 + segments;
  if (head + 12 > bytes.length) return 0;
  return (bytes[head + 10] as number) | ((bytes[head + 11] as number) << 8);
}
