import { InvalidArgumentError, UnsupportedError } from '@jointok/core';
import { InvalidAudioError } from '../errors/index.js';
import type { AudioSignal } from '../signal/audio-signal.js';
import { readWav, type ReadWavOptions } from '../wav/read-wav.js';
import { decodeFlac } from './decode-flac.js';
import { decodeMp3 } from './decode-mp3.js';
import { decodeOggOpus, decodeOggVorbis } from './decode-ogg.js';
import { detectAudioFormat, type AudioFormat } from './detect-format.js';

/** Options of {@link decodeAudio} and `readAudio`. */
export interface DecodeAudioOptions extends ReadWavOptions {
  /** Skip detection and decode as this format. */
  format?: AudioFormat;
}

const supported = ['WAV (PCM 8/16/24/32, float 32/64, EXTENSIBLE)', 'FLAC', 'Ogg FLAC', 'MP3', 'Ogg Vorbis', 'Ogg Opus'];

/** Bytes of an `ArrayBuffer`, a typed array or a `DataView`, without copying. */
export function asBytes(input: unknown, argument: string): Uint8Array {
  if (input instanceof Uint8Array) return input;
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  throw new InvalidArgumentError({ argument, expected: 'a Uint8Array or ArrayBuffer of encoded audio', received: input });
}

/**
 * Decodes encoded audio bytes (WAV, FLAC, MP3, Ogg Vorbis, Ogg Opus; detected from the magic
 * bytes) into planar float32 channels. Runs in Node, browsers and Web Workers: the compressed
 * formats use WebAssembly decoders inlined in their npm packages, loaded on first use.
 *
 * Throws `InvalidAudioError` for empty, truncated or corrupt input (Ogg pages are CRC-checked;
 * FLAC, Ogg and MP3-with-Xing-header lengths are checked against what the stream declares;
 * `allowTruncated` keeps what decodes instead), `UnsupportedError` for formats not listed (AIFF,
 * AAC/M4A, WebM, ...).
 */
export async function decodeAudio(input: Uint8Array | ArrayBuffer, options: DecodeAudioOptions = {}): Promise<AudioSignal> {
  const bytes = asBytes(input, 'input');
  if (bytes.length === 0) throw new InvalidAudioError({ format: 'audio', reason: 'the input is empty (0 bytes)' });
  const format = options.format ?? detectAudioFormat(bytes);
  switch (format) {
    case 'wav':
      return readWav(bytes, options);
    case 'flac':
    case 'ogg-flac':
      return decodeFlac(bytes, options.allowTruncated);
    case 'mp3':
      return decodeMp3(bytes, options.allowTruncated);
    case 'ogg-vorbis':
      return decodeOggVorbis(bytes, options.allowTruncated);
    case 'ogg-opus':
      return decodeOggOpus(bytes, options.allowTruncated);
    default:
      throw new UnsupportedError({ feature: describeUnknown(bytes), supported });
  }
}

function describeUnknown(bytes: Uint8Array): string {
  const head = Array.from(bytes.subarray(0, 4), (b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.')).join('');
  if (head === 'FORM') return 'AIFF audio';
  if (head === 'OggS') return 'an Ogg stream of an unknown codec';
  return `audio whose first bytes are "${head}"`;
}
