import { id3v2Size } from './detect-format.js';

/**
 * The length an MP3 declares in its Xing/Info header (written by LAME and most encoders): frames ×
 * samples per frame, less the encoder delay and padding of LAME's extension (which a gapless
 * decoder removes). Undefined without such a header (then truncation cannot be detected).
 */
export function mp3DeclaredFrames(bytes: Uint8Array): number | undefined {
  const at = id3v2Size(bytes);
  if (at + 4 > bytes.length) return undefined;
  const b1 = bytes[at + 1] as number;
  const b3 = bytes[at + 3] as number;
  const version = (b1 >> 3) & 0x03; // 3: MPEG-1, 2: MPEG-2, 0: MPEG-2.5
  const layer = (b1 >> 1) & 0x03; // 1: layer III
  if (layer !== 1) return undefined;
  const mono = (b3 >> 6) === 3;
  const sideInfo = version === 3 ? (mono ? 17 : 32) : mono ? 9 : 17;
  const samplesPerFrame = version === 3 ? 1152 : 576;
  const tag = at + 4 + sideInfo;
  if (tag + 16 > bytes.length) return undefined;
  const name = String.fromCharCode(...bytes.subarray(tag, tag + 4));
  if (name !== 'Xing' && name !== 'Info') return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const flags = view.getUint32(tag + 4, false);
  if ((flags & 1) === 0) return undefined;
  const frames = view.getUint32(tag + 8, false);
  // The LAME extension follows the optional fields (bytes, 100-byte TOC, quality).
  const lame = tag + 8 + 4 + (flags & 2 ? 4 : 0) + (flags & 4 ? 100 : 0) + (flags & 8 ? 4 : 0);
  let delay = 0;
  let padding = 0;
  if (lame + 24 <= bytes.length && /^(LAME|Lavc|Lavf|GOGO)/.test(String.fromCharCode(...bytes.subarray(lame, lame + 4)))) {
    const packed = ((bytes[lame + 21] as number) << 16) | ((bytes[lame + 22] as number) << 8) | (bytes[lame + 23] as number);
    delay = packed >> 12;
    padding = packed & 0xfff;
  }
  const total = frames * samplesPerFrame - delay - padding;
  return total > 0 ? total : undefined;
}
