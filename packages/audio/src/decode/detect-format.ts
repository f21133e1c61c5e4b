/** Containers and codecs `decodeAudio` recognises from their first bytes. */
export type AudioFormat = 'wav' | 'flac' | 'mp3' | 'ogg-vorbis' | 'ogg-opus' | 'ogg-flac';

function ascii(bytes: Uint8Array, offset: number, text: string): boolean {
  if (offset + text.length > bytes.length) return false;
  for (let i = 0; i < text.length; i++) if (bytes[offset + i] !== text.charCodeAt(i)) return false;
  return true;
}

/** Size of an ID3v2 tag at the start (0 when none): 10-byte header + syncsafe size (+ footer). */
export function id3v2Size(bytes: Uint8Array): number {
  if (!ascii(bytes, 0, 'ID3') || bytes.length < 10) return 0;
  const size = (((bytes[6] as number) & 0x7f) << 21) | (((bytes[7] as number) & 0x7f) << 14) | (((bytes[8] as number) & 0x7f) << 7) | ((bytes[9] as number) & 0x7f);
  const footer = ((bytes[5] as number) & 0x10) !== 0 ? 10 : 0;
  return 10 + size + footer;
}

/** An MPEG audio frame header (layer I, II or III) at `offset`. */
function isMpegFrame(bytes: Uint8Array, offset: number): boolean {
  if (offset + 4 > bytes.length) return false;
  const b1 = bytes[offset + 1] as number;
  const b2 = bytes[offset + 2] as number;
  return bytes[offset] === 0xff && (b1 & 0xe0) === 0xe0 && (b1 & 0x18) !== 0x08 && (b1 & 0x06) !== 0 && (b2 & 0xf0) !== 0xf0 && (b2 & 0x0c) !== 0x0c;
}

/**
 * The format of encoded audio from its magic bytes, or undefined. Ogg files are told apart by the
 * first packet of their first page (`\x01vorbis`, `OpusHead`, `\x7fFLAC`); FLAC and MP3 may start
 * with an ID3v2 tag.
 */
export function detectAudioFormat(bytes: Uint8Array): AudioFormat | undefined {
  if (ascii(bytes, 0, 'RIFF') || ascii(bytes, 0, 'RIFX') || ascii(bytes, 0, 'RF64') || ascii(bytes, 0, 'BW64')) return 'wav';
  if (ascii(bytes, 0, 'OggS') && bytes.length >= 27) {
    const segments = bytes[26] as number;
    const packet = 27 + segments;
    if (ascii(bytes, packet, '\x01vorbis')) return 'ogg-vorbis';
    if (ascii(bytes, packet, 'OpusHead')) return 'ogg-opus';
    if (ascii(bytes, packet, '\x7fFLAC')) return 'ogg-flac';
    return undefined;
  }
  const start = id3v2Size(bytes);
  if (ascii(bytes, start, 'fLaC')) return 'flac';
  if (isMpegFrame(bytes, start)) return 'mp3';
  return undefined;
}
