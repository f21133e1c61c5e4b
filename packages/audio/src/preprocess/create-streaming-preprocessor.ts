import { InvalidArgumentError } from '@jointok/core';
import { mixChannels } from '../dsp/mix/mix-channels.js';
import { createResampler, type Resampler } from '../dsp/resample/create-resampler.js';
import type { AudioSignal } from '../signal/audio-signal.js';
import type { AudioPreprocessingSpec } from './preprocessing-spec.js';

/** `AudioPreprocessor.process` for a signal that arrives in chunks (mono output only). */
export interface StreamingPreprocessor {
  /** Mixes and resamples the next chunk; returns the output samples now final. */
  push(chunk: AudioSignal): Float32Array;
  /** The remaining output samples. */
  end(): Float32Array;
}

/**
 * The preprocessing of a mono model, chunk by chunk: the first chunk fixes the input's rate and channel
 * count; mixing is per sample and the streaming resampler gives the whole-signal samples bit for bit, so
 * the concatenated output equals `createAudioPreprocessor(spec).process(whole signal)`.
 */
export function createStreamingPreprocessor(spec: AudioPreprocessingSpec): StreamingPreprocessor {
  if (spec.channels !== 1) throw new InvalidArgumentError({ argument: 'preprocessing.channels', expected: '1 (streaming preprocesses mono models)', received: spec.channels });
  let resampler: Resampler | undefined;
  let channels = 0;
  return {
    push(chunk) {
      if (resampler === undefined) {
        resampler = createResampler(chunk.sampleRate, spec.sampleRate, spec.resample);
        channels = chunk.channels.length;
      } else if (chunk.sampleRate !== resampler.fromRate || chunk.channels.length !== channels) {
        throw new InvalidArgumentError({ argument: 'chunk', expected: `${channels} channel(s) at ${resampler.fromRate} Hz, like the first chunk`, received: `${chunk.channels.length} channel(s) at ${chunk.sampleRate} Hz` });
      }
      const mono = mixChannels(chunk, { channels: 1, mix: spec.mix }).channels[0]!;
      return resampler.push(mono);
    },
    end: () => resampler?.end() ?? new Float32Array(0),
  };
}
