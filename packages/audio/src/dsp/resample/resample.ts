import type { AudioSignal } from '../../signal/audio-signal.js';
import { checkAudioSignal } from '../../signal/check-audio-signal.js';
import { createResampler } from './create-resampler.js';
import { checkRate, type ResampleOptions } from './resample-options.js';

/**
 * Resamples every channel to `toRate` Hz with the filter of `options.method` (default
 * `'sinc-hann'`, torchaudio's default; `'sinc-kaiser'`, `'julius'`: see `ResampleMethod`).
 * Matches the reference within 1e-6 per sample (float32 kernels built in the reference's order;
 * sums accumulated in double). Both rates must be integers; equal rates return `audio` itself.
 * NaN or infinite samples throw `NonFiniteValueError`.
 */
export function resample(audio: AudioSignal, toRate: number, options: ResampleOptions = {}): AudioSignal {
  checkAudioSignal(audio, 'audio');
  checkRate(audio.sampleRate, 'audio.sampleRate');
  checkRate(toRate, 'toRate');
  if (audio.sampleRate === toRate) return audio;
  const channels = audio.channels.map((channel) => {
    const resampler = createResampler(audio.sampleRate, toRate, options);
    const head = resampler.push(channel);
    const tail = resampler.end();
    const out = new Float32Array(head.length + tail.length);
    out.set(head);
    out.set(tail, head.length);
    return out;
  });
  return { sampleRate: toRate, channels };
}
