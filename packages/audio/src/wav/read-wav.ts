import { NonFiniteValueError, UnsupportedError } from '@jointok/core';
import { InvalidAudioError } from '../errors/index.js';
import type { AudioSignal } from '../signal/audio-signal.js';
import { firstNonFinite } from '../signal/check-audio-signal.js';
import { pcmToFloat } from './pcm-to-float.js';
import { readRiffChunks, STREAMING_SIZE, tagAt } from './riff-chunks.js';
import { parseWavFormat } from './wav-format.js';

/** Options of {@link readWav} (and of `readAudio` for WAV input). */
export interface ReadWavOptions {
  /**
   * Accept truncated input and keep what decodes: a WAV `data` chunk that declares more bytes than
   * the file holds (libsndfile's behaviour), an Ogg stream without its end-of-stream page, a FLAC or
   * MP3 stream shorter than it declares. Default false: those are `InvalidAudioError`s. A WAV data
   * size of 0xFFFFFFFF (the streaming writers' "until the end") is always accepted.
   */
  allowTruncated?: boolean;
  /** Return NaN/±Infinity samples of float files instead of throwing `NonFiniteValueError` (default false). */
  allowNonFinite?: boolean;
}

/**
 * Decodes a RIFF/WAVE file: PCM 8/16/24/32-bit, IEEE float 32/64-bit, plain or
 * WAVE_FORMAT_EXTENSIBLE, any channel count up to 1024. Samples become float32 exactly as
 * libsndfile's `soundfile.read(dtype='float32')` gives them (see `pcmToFloat`).
 *
 * Throws `InvalidAudioError` for malformed or truncated files, `UnsupportedError` for valid WAVs
 * in other encodings (ADPCM, A-law, RF64, big-endian RIFX), `NonFiniteValueError` for NaN or
 * infinite float samples. A `data` chunk with zero frames gives zero-length channels.
 */
export function readWav(bytes: Uint8Array, options: ReadWavOptions = {}): AudioSignal {
  if (bytes.length >= 4) {
    const magic = tagAt(bytes, 0);
    if (magic === 'RIFX' || magic === 'RF64' || magic === 'BW64') throw new UnsupportedError({ feature: `${magic} WAV files`, supported: ['RIFF (little-endian) WAVE'] });
  }
  if (bytes.length < 12 || tagAt(bytes, 0) !== 'RIFF' || tagAt(bytes, 8) !== 'WAVE') {
    throw new InvalidAudioError({ format: 'wav', reason: 'the bytes do not start with a RIFF/WAVE header', byteOffset: 0 });
  }
  const chunks = readRiffChunks(bytes);
  const fmt = chunks.find((chunk) => chunk.tag === 'fmt ');
  if (fmt === undefined) throw new InvalidAudioError({ format: 'wav', reason: 'no fmt chunk' });
  if (fmt.size < fmt.declaredSize) throw new InvalidAudioError({ format: 'wav', reason: `the fmt chunk declares ${fmt.declaredSize} bytes, only ${fmt.size} remain`, byteOffset: fmt.offset - 8 });
  const format = parseWavFormat(bytes, fmt.offset, fmt.size);
  const data = chunks.find((chunk) => chunk.tag === 'data');
  if (data === undefined) throw new InvalidAudioError({ format: 'wav', reason: 'no data chunk' });
  if (data.size < data.declaredSize && data.declaredSize !== STREAMING_SIZE && !options.allowTruncated) {
    throw new InvalidAudioError({
      format: 'wav',
      reason: `the data chunk declares ${data.declaredSize} bytes, only ${data.size} remain (truncated file; pass allowTruncated to read what is there)`,
      byteOffset: data.offset - 8,
    });
  }
  // A trailing partial frame is dropped, as libsndfile does.
  const frames = Math.floor(data.size / format.blockAlign);
  const channels = pcmToFloat(bytes, data.offset, frames, format);
  if (format.sampleFormat === 'float' && !options.allowNonFinite) {
    channels.forEach((channel, index) => {
      const bad = firstNonFinite(channel);
      if (bad >= 0) throw new NonFiniteValueError({ argument: `WAV channel ${index}`, index: bad, value: channel[bad] as number });
    });
  }
  return { sampleRate: format.sampleRate, channels };
}
