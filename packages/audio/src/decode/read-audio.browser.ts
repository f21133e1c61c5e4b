import type { AudioSignal } from '../signal/audio-signal.js';
import { decodeAudio, type DecodeAudioOptions } from './decode-audio.js';

/** The part of Web Audio's `AudioBuffer` that `readAudio` reads. */
export interface AudioBufferLike {
  readonly sampleRate: number;
  readonly numberOfChannels: number;
  readonly length: number;
  getChannelData(channel: number): Float32Array;
}

/** What `readAudio` accepts in browsers and Web Workers. */
export type AudioInput = Uint8Array | ArrayBuffer | Blob | AudioBufferLike;

function isAudioBuffer(input: unknown): input is AudioBufferLike {
  return typeof input === 'object' && input !== null && typeof (input as AudioBufferLike).getChannelData === 'function' && typeof (input as AudioBufferLike).numberOfChannels === 'number';
}

/**
 * Reads audio in a browser or Web Worker: encoded bytes, a `Blob`/`File` (decoded with
 * {@link decodeAudio}, the same WebAssembly decoders as in Node, not the browser's own codecs, so
 * every platform gives the same samples), or a Web Audio `AudioBuffer` (its channels are copied).
 */
export async function readAudio(input: AudioInput, options: DecodeAudioOptions = {}): Promise<AudioSignal> {
  if (isAudioBuffer(input)) {
    const channels = Array.from({ length: input.numberOfChannels }, (_, c) => input.getChannelData(c).slice());
    return { sampleRate: input.sampleRate, channels };
  }
  if (typeof Blob !== 'undefined' && input instanceof Blob) return decodeAudio(await input.arrayBuffer(), options);
  return decodeAudio(input as Uint8Array | ArrayBuffer, options);
}
