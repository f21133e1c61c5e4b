import { InvalidArgumentError, NonFiniteValueError, ShapeMismatchError } from '@jointok/core';
import type { AudioSignal } from './audio-signal.js';

/** Options of {@link checkAudioSignal}. */
export interface CheckAudioSignalOptions {
  /** Also reject NaN and ±Infinity samples (default true). */
  finite?: boolean;
  /** Reject zero frames (default false). */
  nonEmpty?: boolean;
}

/**
 * Validates an `AudioSignal` argument: a positive finite sample rate, at least one channel, all
 * channels `Float32Array`s of one length, and (by default) only finite samples. Throws
 * `InvalidArgumentError`, `ShapeMismatchError` or `NonFiniteValueError` naming `argument`.
 */
export function checkAudioSignal(audio: unknown, argument: string, options: CheckAudioSignalOptions = {}): asserts audio is AudioSignal {
  const { finite = true, nonEmpty = false } = options;
  if (typeof audio !== 'object' || audio === null) throw new InvalidArgumentError({ argument, expected: '{ sampleRate, channels: Float32Array[] }', received: audio });
  const { sampleRate, channels } = audio as Partial<AudioSignal>;
  if (typeof sampleRate !== 'number' || !Number.isFinite(sampleRate) || sampleRate <= 0) {
    throw new InvalidArgumentError({ argument: `${argument}.sampleRate`, expected: 'a positive finite number', received: sampleRate });
  }
  if (!Array.isArray(channels) || channels.length === 0) {
    throw new InvalidArgumentError({ argument: `${argument}.channels`, expected: 'a non-empty array of Float32Array', received: channels });
  }
  const length = channels[0] instanceof Float32Array ? channels[0].length : -1;
  channels.forEach((channel, index) => {
    if (!(channel instanceof Float32Array)) {
      throw new InvalidArgumentError({ argument: `${argument}.channels[${index}]`, expected: 'a Float32Array', received: channel });
    }
    if (channel.length !== length) {
      throw new ShapeMismatchError({ argument: `${argument}.channels[${index}]`, expected: `${length} frames, like channel 0`, received: channel.length });
    }
  });
  if (nonEmpty && length === 0) throw new InvalidArgumentError({ argument, expected: 'at least one frame', received: 'zero-length audio' });
  if (finite) {
    channels.forEach((channel, index) => {
      const bad = firstNonFinite(channel);
      if (bad >= 0) throw new NonFiniteValueError({ argument: `${argument}.channels[${index}]`, index: bad, value: channel[bad] as number });
    });
  }
}

/** Index of the first NaN or ±Infinity, or -1. */
export function firstNonFinite(samples: Float32Array): number {
  for (let i = 0; i < samples.length; i++) {
    const value = samples[i] as number;
    // value - value is NaN exactly for NaN and ±Infinity.
    if (value - value !== 0) return i;
  }
  return -1;
}
