import { mixChannels } from '../dsp/mix/mix-channels.js';
import { resample } from '../dsp/resample/resample.js';
import type { AudioSignal } from '../signal/audio-signal.js';
import { checkAudioSignal } from '../signal/check-audio-signal.js';
import { readAudioPreprocessingSpec, type AudioPreprocessingSpec } from './preprocessing-spec.js';

/** Turns decoded audio into what a model's encoder takes. */
export interface AudioPreprocessor {
  /** The validated spec, defaults filled in. */
  readonly spec: AudioPreprocessingSpec;
  /**
   * Mixes channels (`spec.mix`, `spec.channels`), then resamples to `spec.sampleRate` with
   * `spec.resample`. Zero-length or non-finite audio throws (`InvalidArgumentError`,
   * `NonFiniteValueError`): an encoder needs at least one finite sample.
   */
  process(audio: AudioSignal): AudioSignal;
}

/**
 * Builds the preprocessing stage of an audio model from its `jointok.json` `preprocessing`
 * object (validated: `InvalidSpecError` names the bad field's JSON path). Channels are mixed
 * before resampling, as EnCodec's `convert_audio` does (mixing and resampling are both linear, so
 * the order only changes float rounding, and mixing first resamples fewer channels).
 */
export function createAudioPreprocessor(spec: unknown): AudioPreprocessor {
  const resolved = readAudioPreprocessingSpec(spec);
  return {
    spec: resolved,
    process(audio) {
      checkAudioSignal(audio, 'audio', { nonEmpty: true });
      const mixed = resolved.mix === 'none' ? audio : mixChannels(audio, { channels: resolved.channels as number, mix: resolved.mix });
      return resample(mixed, resolved.sampleRate, resolved.resample);
    },
  };
}

/** Planar channels as one Float32Array [channels × frames], the layout of an encoder's [1, C, T] input. */
export function planarSamples(audio: AudioSignal): Float32Array {
  const frames = audio.channels[0]?.length ?? 0;
  const out = new Float32Array(audio.channels.length * frames);
  audio.channels.forEach((channel, c) => out.set(channel, c * frames));
  return out;
}
