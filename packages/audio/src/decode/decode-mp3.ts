import type { AudioSignal } from '../signal/audio-signal.js';
import { runWasmDecoder } from './run-wasm-decoder.js';

/**
 * MPEG audio (layers I-III) through `mpg123-decoder` (libmpg123 in WebAssembly), gapless: the
 * encoder delay and padding that LAME's header declares are removed.
 */
export async function decodeMp3(bytes: Uint8Array): Promise<AudioSignal> {
  const { MPEGDecoder } = await import('mpg123-decoder');
  return runWasmDecoder('mp3', () => new MPEGDecoder(), (decoder) => decoder.decode(bytes));
}
