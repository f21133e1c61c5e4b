import { InvalidArgumentError } from '@jointok/core';
import type { AudioSignal } from '../signal/audio-signal.js';
import { checkAudioSignal } from '../signal/check-audio-signal.js';
import { audioLimits } from '../signal/limits.js';
import type { AudioSource } from './audio-tokenizer.js';

/** Reads an audio source to samples: the package entry's `readAudio` (bytes; paths in Node; Blobs in browsers). */
export type AudioReader = (input: never) => Promise<AudioSignal>;

/** True for decoded audio (`{ sampleRate, channels: [...] }`), as opposed to something to read. */
export function isAudioSignal(value: unknown): value is AudioSignal {
  const audio = value as Partial<AudioSignal> | null;
  return typeof audio === 'object' && audio !== null && !ArrayBuffer.isView(audio) && Array.isArray(audio.channels);
}

/**
 * Checks decoded audio for a tokenizer: a valid signal (finite samples, equal channel lengths, at least
 * one frame) at a plausible rate — an integer from 1 Hz to `audioLimits.maxSampleRate`, since the
 * resamplers reduce the ratio of two integer rates.
 *
 * @throws InvalidArgumentError, ShapeMismatchError, NonFiniteValueError naming `argument`
 */
export function checkTokenizerAudio(audio: unknown, argument: string): asserts audio is AudioSignal {
  checkAudioSignal(audio, argument, { nonEmpty: true });
  const rate = audio.sampleRate;
  if (!Number.isInteger(rate) || rate > audioLimits.maxSampleRate) {
    throw new InvalidArgumentError({ argument: `${argument}.sampleRate`, expected: `an integer sample rate from 1 to ${audioLimits.maxSampleRate} Hz`, received: rate });
  }
}

/** Decoded audio from a source: passed through when it already is, read with `reader` otherwise; then checked. */
export async function readAudioSource(input: AudioSource, reader: AudioReader): Promise<AudioSignal> {
  if (input === null || input === undefined) throw new InvalidArgumentError({ argument: 'input', expected: 'audio: an AudioSignal, encoded bytes, or (Node) a path', received: input });
  const audio = isAudioSignal(input) ? input : await reader(input as never);
  checkTokenizerAudio(audio, 'audio');
  return audio;
}
