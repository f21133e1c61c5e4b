import { InvalidArgumentError } from '@jointok/core';
import type { AudioSignal } from '../../signal/audio-signal.js';
import { checkAudioSignal } from '../../signal/check-audio-signal.js';

/**
 * How several channels become fewer, as the codecs' reference code does it:
 * - `'mean'`: average of all channels, to mono (`wav.mean(-2)` in EnCodec's `convert_audio`,
 *   audiotools' `AudioSignal.to_mono()`): summed in channel order in float32, then divided. For
 *   stereo that is `torch.mean` bit for bit; beyond two channels torch's own summation order
 *   changes with the column (its row tails use four accumulators), so results agree within an ulp.
 * - `'first'`: keep the first channels (`waveform[:channels]`, what scripts that index channel 0 do).
 * - `'none'`: keep every channel; the codec encodes each one separately (descript-audio-codec's
 *   `compress` folds channels into the batch).
 * A mono input asked for more channels is repeated (EnCodec's `wav.expand` for its stereo model).
 */
export type ChannelMix = 'mean' | 'first' | 'none';

/** Options of {@link mixChannels}. */
export interface MixChannelsOptions {
  /** Channels wanted (omit with `mix: 'none'`). */
  channels?: number;
  /** Default `'mean'` for one output channel, `'first'` otherwise. */
  mix?: ChannelMix;
}

const f = Math.fround;

/** Averages all channels into one, exactly as `torch.mean(x, dim=0)` on float32 [C, T]. */
export function mixToMono(audio: AudioSignal): AudioSignal {
  checkAudioSignal(audio, 'audio', { finite: false });
  const { channels } = audio;
  if (channels.length === 1) return audio;
  const frames = channels[0]!.length;
  const out = new Float32Array(frames);
  const count = channels.length;
  for (let i = 0; i < frames; i++) {
    let sum = channels[0]![i]!;
    for (let c = 1; c < count; c++) sum = f(sum + channels[c]![i]!);
    out[i] = sum / count;
  }
  return { sampleRate: audio.sampleRate, channels: [out] };
}

/** Brings audio to `channels` channels with the codec's policy (see `ChannelMix`). */
export function mixChannels(audio: AudioSignal, options: MixChannelsOptions = {}): AudioSignal {
  checkAudioSignal(audio, 'audio', { finite: false });
  const wanted = options.channels;
  const mix = options.mix ?? (wanted === 1 ? 'mean' : 'first');
  if (mix === 'none') return audio;
  if (wanted === undefined || !Number.isInteger(wanted) || wanted < 1) {
    throw new InvalidArgumentError({ argument: 'options.channels', expected: `a positive integer (channels to produce with mix '${mix}')`, received: wanted });
  }
  const have = audio.channels.length;
  if (have === wanted) return audio;
  if (have === 1) return { sampleRate: audio.sampleRate, channels: Array.from({ length: wanted }, () => audio.channels[0]!.slice()) };
  if (mix === 'mean') {
    if (wanted !== 1) throw new InvalidArgumentError({ argument: 'options.channels', expected: "1 with mix 'mean' (a mean gives one channel)", received: wanted });
    return mixToMono(audio);
  }
  if (mix !== 'first') throw new InvalidArgumentError({ argument: 'options.mix', expected: "'mean', 'first' or 'none'", received: mix });
  if (have < wanted) throw new InvalidArgumentError({ argument: 'audio', expected: `1 or at least ${wanted} channels to keep the first ${wanted}`, received: `${have} channels` });
  return { sampleRate: audio.sampleRate, channels: audio.channels.slice(0, wanted) };
}
