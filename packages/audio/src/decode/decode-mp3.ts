import type { AudioSignal } from '../signal/audio-signal.js';
import { mp3DeclaredFrames } from './mp3-info.js';
import { runWasmDecoder } from './run-wasm-decoder.js';

/**
 * MPEG audio (layers I-III) through `mpg123-decoder` (libmpg123 in WebAssembly), gapless: the
 * encoder delay and padding that LAME's header declares are removed. With a Xing/Info header the
 * decoded length must match it (mpg123 skips corrupt frames silently); without one, truncation
 * and skipped frames cannot be detected.
 */
export async function decodeMp3(bytes: Uint8Array, allowTruncated = false): Promise<AudioSignal> {
  const { MPEGDecoder } = await import('mpg123-decoder');
  return runWasmDecoder('mp3', () => new MPEGDecoder(), (decoder) => decoder.decode(bytes), mp3DeclaredFrames(bytes), allowTruncated);
}
