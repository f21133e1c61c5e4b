import type { AudioSignal } from '../signal/audio-signal.js';
import { id3v2Size } from './detect-format.js';
import { runWasmDecoder } from './run-wasm-decoder.js';

/**
 * Total samples per channel from a native FLAC stream's STREAMINFO (36 bits; 0 = unknown), or
 * undefined when the first metadata block is not a complete STREAMINFO.
 */
export function flacDeclaredFrames(bytes: Uint8Array): number | undefined {
  const start = id3v2Size(bytes) + 4; // after "fLaC"
  if (start + 4 + 34 > bytes.length || ((bytes[start] as number) & 0x7f) !== 0) return undefined;
  const info = start + 4;
  const high = (bytes[info + 13] as number) & 0x0f;
  const low = new DataView(bytes.buffer, bytes.byteOffset + info + 14, 4).getUint32(0, false);
  const total = high * 4294967296 + low;
  return total === 0 ? undefined : total;
}

/**
/**
 * The decoder scales integer samples by 1 / (2^(bits-1) − 1); jointok reads PCM as v / 2^(bits-1)
 * (libsndfile, torchaudio). Up to 24 bits the float32 it returns still determines v exactly
 * (relative rounding ≤ 2^-24 moves v·(2^(bits-1) − 1) by at most 0.5), so v is recovered and
 * rescaled: the result equals reading `flac -d`'s PCM bit for bit. 32-bit FLAC cannot be recovered
 * exactly and is only rescaled (within a float32 ulp).
 */
export function rescaleFlacSamples(channel: Float32Array, bits: number): void {
  const decoderScale = 2 ** (bits - 1) - 1;
  const scale = 2 ** (bits - 1);
  if (bits <= 24) for (let i = 0; i < channel.length; i++) channel[i] = Math.round(channel[i]! * decoderScale) / scale;
  else for (let i = 0; i < channel.length; i++) channel[i] = (channel[i]! * decoderScale) / scale;
}

/**
 * FLAC (native or Ogg-wrapped) through `@wasm-audio-decoders/flac` (libFLAC in WebAssembly, the
 * WASM inlined in the JavaScript: no fetch, works in bundles). Samples are v / 2^(bits-1)
 * (`rescaleFlacSamples`), equal bit for bit to reading the PCM that `flac -d` writes. A native
 * stream must decode to the sample count its STREAMINFO declares (frames that fail their CRC are
 * dropped by the decoder).
 */
export async function decodeFlac(bytes: Uint8Array, allowTruncated = false): Promise<AudioSignal> {
  const { FLACDecoder } = await import('@wasm-audio-decoders/flac');
  return runWasmDecoder('flac', () => new FLACDecoder(), (decoder) => decoder.decodeFile(bytes), flacDeclaredFrames(bytes), allowTruncated, (channel, result) =>
    rescaleFlacSamples(channel, result.bitDepth ?? 16),
  );
}
