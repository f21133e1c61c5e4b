import type { AudioSignal } from '../signal/audio-signal.js';
import { runWasmDecoder } from './run-wasm-decoder.js';

/**
 * FLAC (native or Ogg-wrapped) through `@wasm-audio-decoders/flac` (libFLAC in WebAssembly, the
 * WASM inlined in the JavaScript: no fetch, works in bundles). Samples are v / 2^(bits-1), equal
 * bit for bit to reading the PCM that `flac -d` writes.
 */
export async function decodeFlac(bytes: Uint8Array): Promise<AudioSignal> {
  const { FLACDecoder } = await import('@wasm-audio-decoders/flac');
  return runWasmDecoder('flac', () => new FLACDecoder(), (decoder) => decoder.decodeFile(bytes));
}
