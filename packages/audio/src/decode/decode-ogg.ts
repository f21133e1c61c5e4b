import type { AudioSignal } from '../signal/audio-signal.js';
import { oggDeclaredFrames, opusPreSkip } from './ogg-length.js';
import { runWasmDecoder } from './run-wasm-decoder.js';

/** Ogg Vorbis through `@wasm-audio-decoders/ogg-vorbis` (libvorbis in WebAssembly). */
export async function decodeOggVorbis(bytes: Uint8Array): Promise<AudioSignal> {
  const { OggVorbisDecoder } = await import('@wasm-audio-decoders/ogg-vorbis');
  const declared = oggDeclaredFrames(bytes, 0);
  return runWasmDecoder('ogg-vorbis', () => new OggVorbisDecoder(), (decoder) => decoder.decodeFile(bytes), (decoded) => declared ?? decoded);
}

/**
 * Ogg Opus through `ogg-opus-decoder` (libopus in WebAssembly), always at 48 kHz (Opus's own rate;
 * the header's "input sample rate" is informational). Pre-skip is dropped and the end is cut to the
 * last page's granule position, as opusdec does.
 */
export async function decodeOggOpus(bytes: Uint8Array): Promise<AudioSignal> {
  const { OggOpusDecoder } = await import('ogg-opus-decoder');
  const declared = oggDeclaredFrames(bytes, opusPreSkip(bytes));
  return runWasmDecoder('ogg-opus', () => new OggOpusDecoder(), (decoder) => decoder.decodeFile(bytes), (decoded) => declared ?? decoded);
}
