/** What a file holds, judged by its first bytes (never by its name). */
export type ContentKind =
  | { readonly modality: 'image'; readonly format: 'png' | 'jpeg' }
  | { readonly modality: 'audio'; readonly format: 'wav' | 'flac' | 'mp3' | 'ogg' }
  | { readonly modality: 'video'; readonly format: 'y4m' }
  | { readonly modality: 'text'; readonly format: 'utf-8' }
  | { readonly modality: 'unsupported'; readonly format: string };

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) => signature.every((b, i) => bytes[at + i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** Formats recognised only to name them in an error. */
const unsupported: readonly [string, readonly number[], number?][] = [
  ['GIF', ascii('GIF8')],
  ['WebP', ascii('WEBP'), 8],
  ['BMP', ascii('BM')],
  ['TIFF', [0x49, 0x49, 0x2a, 0x00]],
  ['TIFF', [0x4d, 0x4d, 0x00, 0x2a]],
  ['AIFF', ascii('FORM')],
  ['MP4/MOV', ascii('ftyp'), 4],
  ['WebM/Matroska', [0x1a, 0x45, 0xdf, 0xa3]],
  ['PDF', ascii('%PDF')],
  ['ZIP', [0x50, 0x4b, 0x03, 0x04]],
  ['gzip', [0x1f, 0x8b]],
];

/** An MPEG audio frame header: 11 sync bits, a valid version and layer, a bitrate index that is not 15. */
function isMpegFrame(bytes: Uint8Array): boolean {
  return bytes[0] === 0xff && (bytes[1]! & 0xe0) === 0xe0 && (bytes[1]! & 0x18) !== 0x08 && (bytes[1]! & 0x06) !== 0 && bytes[2]! >> 4 !== 0x0f;
}

function isUtf8Text(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Detects a file's content from its bytes: PNG, JPEG, WAV, FLAC, MP3 (ID3 tag or frame sync), Ogg,
 * Y4M video, or UTF-8 text (no NUL bytes); known but unsupported formats (GIF, WebP, MP4, ...) are named.
 */
export function detectContent(bytes: Uint8Array): ContentKind {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { modality: 'image', format: 'png' };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { modality: 'image', format: 'jpeg' };
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WAVE'), 8)) return { modality: 'audio', format: 'wav' };
  if (startsWith(bytes, ascii('fLaC'))) return { modality: 'audio', format: 'flac' };
  if (startsWith(bytes, ascii('OggS'))) return { modality: 'audio', format: 'ogg' };
  if (startsWith(bytes, ascii('ID3')) || isMpegFrame(bytes)) return { modality: 'audio', format: 'mp3' };
  if (startsWith(bytes, ascii('YUV4MPEG2 '))) return { modality: 'video', format: 'y4m' };
  for (const [name, signature, at] of unsupported) if (startsWith(bytes, signature, at ?? 0)) return { modality: 'unsupported', format: name };
  if (bytes.length > 0 && isUtf8Text(bytes)) return { modality: 'text', format: 'utf-8' };
  return { modality: 'unsupported', format: bytes.length === 0 ? 'an empty file' : 'binary data of an unknown format' };
}
