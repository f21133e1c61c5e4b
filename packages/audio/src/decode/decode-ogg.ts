import type { AudioSignal } from '../signal/audio-signal.js';
import { checkOggPages, opusPreSkip } from './ogg-pages.js';
import { runWasmDecoder } from './run-wasm-decoder.js';

/** Frames the pages declare (granule − pre-skip), when the stream ended properly. */
function declaredFrames(bytes: Uint8Array, format: string, preSkip: (bytes: Uint8Array) => number, allowTruncated: boolean): number | undefined {
  const pages = checkOggPages(bytes, format, allowTruncated);
  if (!pages.ended || pages.lastGranule < 0) return undefined;
  return Math.max(0, pages.lastGranule - preSkip(bytes));
}

/**
 * Ogg Vorbis through `@wasm-audio-decoders/ogg-vorbis` (libvorbis in WebAssembly). Pages are
 * checked first (`checkOggPages`); the output is cut to the last granule position, as
 * libvorbisfile does.
 */
export async function decodeOggVorbis(bytes: Uint8Array, allowTruncated = false): Promise<AudioSignal> {
  const declared = declaredFrames(bytes, 'ogg-vorbis', () => 0, allowTruncated);
  const { OggVorbisDecoder } = await import('@wasm-audio-decoders/ogg-vorbis');
  return runWasmDecoder('ogg-vorbis', () => new OggVorbisDecoder(), (decoder) => decoder.decodeFile(bytes), declared, allowTruncated);
}

/**
 * Ogg Opus through `ogg-opus-decoder` (libopus in WebAssembly), always at 48 kHz (Opus's own rate;
 * the header's "input sample rate" is informational). Pages are checked first; pre-skip is dropped
 * and the end cut to the last page's granule position, as opusdec does.
 */
export async function decodeOggOpus(bytes: Uint8Array, allowTruncated = false): Promise<AudioSignal> {
  const declared = declaredFrames(bytes, 'ogg-opus', opusPreSkip, allowTruncated);
  const { OggOpusDecoder } = await import('ogg-opus-decoder');
  return runWasmDecoder('ogg-opus', () => new OggOpusDecoder(), (decoder) => decoder.decodeFile(bytes), declared, allowTruncated);
}
