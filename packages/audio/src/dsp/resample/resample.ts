import type { AudioSignal } from '../../signal/audio-signal.js';
import { checkAudioSignal } from '../../signal/check-audio-signal.js';
import { createResampler } from './create-resampler.js';
import { checkRate, type ResampleOptions } from './resample-options.js';

/**
 * Input samples per push in `resample`: the streaming resampler keeps only this much plus the
 * filter's reach, so memory stays bounded for long signals (and the inner loop stays in cache).
 */
const CHUNK = 1 << 16;

/**
 * Resamples every channel to `toRate` Hz with the filter of `options.method` (default
 * `'sinc-hann'`, torchaudio's default; `'sinc-kaiser'`, `'julius'`: see `ResampleMethod`).
 * Matches the reference within 1e-6 per sample (float32 kernels built in the reference's order;
 * sums accumulated in double). Both rates must be integers; equal rates return `audio` itself.
 * NaN or infinite samples throw `NonFiniteValueError`. Runs the streaming resampler over the
 * signal in chunks, which gives the same samples as one pass.
 */
export function resample(audio: AudioSignal, toRate: number, options: ResampleOptions = {}): AudioSignal {
  checkAudioSignal(audio, 'audio');
  checkRate(audio.sampleRate, 'audio.sampleRate');
  checkRate(toRate, 'toRate');
  if (audio.sampleRate === toRate) return audio;
  const channels = audio.channels.map((channel) => {
    const resampler = createResampler(audio.sampleRate, toRate, options);
    const out = new Float32Array(resampler.outputFrames(channel.length));
    let at = 0;
    for (let i = 0; i < channel.length; i += CHUNK) {
      const part = resampler.push(channel.subarray(i, i + CHUNK));
      out.set(part, at);
      at += part.length;
    }
    out.set(resampler.end(), at);
    return out;
  });
  return { sampleRate: toRate, channels };
}
