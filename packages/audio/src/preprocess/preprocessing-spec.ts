import { InvalidSpecError } from '@jointok/core';
import type { ChannelMix } from '../dsp/mix/mix-channels.js';
import type { ResampleMethod } from '../dsp/resample/resample-options.js';

/**
 * The `preprocessing` object of an audio model's `jointok.json`: what the model's encoder takes.
 *
 * ```json
 * { "sampleRate": 24000, "channels": 1, "mix": "mean",
 *   "resample": { "method": "sinc-hann", "lowpassFilterWidth": 6, "rolloff": 0.99 },
 *   "padding": { "side": "right", "value": 0, "multiple": 2048 } }
 * ```
 * `channels` may be null with `"mix": "none"` (every channel encoded on its own, as DAC does).
 * `resample` may be omitted (defaults of `sinc-hann`).
 */
export interface AudioPreprocessingSpec {
  readonly sampleRate: number;
  readonly channels: number | null;
  readonly mix: ChannelMix;
  readonly resample: {
    readonly method: ResampleMethod;
    readonly lowpassFilterWidth?: number;
    readonly rolloff?: number;
    readonly beta?: number;
    readonly full?: boolean;
    readonly kernelPrecision?: 'float32' | 'float64';
  };
  /**
   * Zeros appended on the right up to a multiple of `multiple` samples, as SNAC's, DAC's and Mimi's own
   * `preprocess`/`pad_for_conv1d` do before their encoders. Absent: no padding (EnCodec and WavTokenizer pad
   * inside their convolutions, and so do their graphs).
   */
  readonly padding?: AudioPadding;
  /**
   * The fewest samples (at `sampleRate`) the encoder graph reproduces the reference for: shorter inputs hit a
   * small-input padding rule of the reference (EnCodec's and WavTokenizer's reflect padding) that the graph
   * does not have, so tokenizers refuse them.
   */
  readonly minSamples?: number;
  /** Loudness normalisation before the encoder (EnCodec 48 kHz); only `false` is supported. */
  readonly normalize?: false;
}

/** Right zero padding to a multiple of `multiple` samples (`preprocessing.padding`). */
export interface AudioPadding {
  readonly side: 'right';
  readonly value: 0;
  readonly multiple: number;
}

const methods = ['sinc-hann', 'sinc-kaiser', 'julius'];
const mixes = ['mean', 'first', 'none'];

function fail(path: string, expected: string, received: unknown): never {
  throw new InvalidSpecError({ path, expected, received });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function unknownKeys(value: Record<string, unknown>, allowed: readonly string[], path: string): void {
  for (const key of Object.keys(value)) if (!allowed.includes(key)) fail(`${path}.${key}`, `one of the fields ${allowed.join(', ')}`, key);
}

/**
 * Validates a `preprocessing` object (as parsed from JSON) and fills in defaults. Every problem
 * throws `InvalidSpecError` naming its JSON path (`preprocessing.resample.rolloff`), prefixed by
 * `path` (default `'preprocessing'`).
 */
export function readAudioPreprocessingSpec(value: unknown, path = 'preprocessing'): AudioPreprocessingSpec {
  if (!isObject(value)) fail(path, 'an object { sampleRate, channels, mix, resample }', value);
  unknownKeys(value, ['sampleRate', 'channels', 'mix', 'resample', 'padding', 'minSamples', 'normalize'], path);
  const { sampleRate, channels = null, mix = 'mean', resample = {}, padding, minSamples, normalize } = value;
  if (typeof sampleRate !== 'number' || !Number.isInteger(sampleRate) || sampleRate <= 0) fail(`${path}.sampleRate`, 'a positive integer (Hz)', sampleRate);
  if (typeof mix !== 'string' || !mixes.includes(mix)) fail(`${path}.mix`, `one of ${mixes.join(', ')}`, mix);
  if (channels !== null && (typeof channels !== 'number' || !Number.isInteger(channels) || channels < 1)) fail(`${path}.channels`, 'a positive integer, or null with mix "none"', channels);
  if (mix === 'none' && channels !== null) fail(`${path}.channels`, 'null with mix "none" (every channel is kept)', channels);
  if (mix !== 'none' && channels === null) fail(`${path}.channels`, `a channel count for mix "${mix}"`, channels);
  if (mix === 'mean' && channels !== 1) fail(`${path}.channels`, '1 with mix "mean"', channels);
  if (!isObject(resample)) fail(`${path}.resample`, 'an object { method, ... }', resample);
  unknownKeys(resample, ['method', 'lowpassFilterWidth', 'rolloff', 'beta', 'full', 'kernelPrecision'], `${path}.resample`);
  const { method = 'sinc-hann', lowpassFilterWidth, rolloff, beta, full, kernelPrecision } = resample;
  if (typeof method !== 'string' || !methods.includes(method)) fail(`${path}.resample.method`, `one of ${methods.join(', ')}`, method);
  if (lowpassFilterWidth !== undefined && (typeof lowpassFilterWidth !== 'number' || !Number.isInteger(lowpassFilterWidth) || lowpassFilterWidth < 1 || lowpassFilterWidth > 1024)) {
    fail(`${path}.resample.lowpassFilterWidth`, 'an integer from 1 to 1024', lowpassFilterWidth);
  }
  if (rolloff !== undefined && (typeof rolloff !== 'number' || !(rolloff > 0 && rolloff <= 1))) fail(`${path}.resample.rolloff`, 'a number in (0, 1]', rolloff);
  if (beta !== undefined && (typeof beta !== 'number' || !Number.isFinite(beta) || beta < 0 || method !== 'sinc-kaiser')) fail(`${path}.resample.beta`, 'a finite number ≥ 0, with method "sinc-kaiser"', beta);
  if (full !== undefined && (typeof full !== 'boolean' || method !== 'julius')) fail(`${path}.resample.full`, 'a boolean, with method "julius"', full);
  if (kernelPrecision !== undefined && ((kernelPrecision !== 'float32' && kernelPrecision !== 'float64') || method === 'julius')) {
    fail(`${path}.resample.kernelPrecision`, '"float32" or "float64", with a torchaudio method', kernelPrecision);
  }
  const settings = {
    method: method as ResampleMethod,
    ...(lowpassFilterWidth === undefined ? {} : { lowpassFilterWidth: lowpassFilterWidth as number }),
    ...(rolloff === undefined ? {} : { rolloff: rolloff as number }),
    ...(beta === undefined ? {} : { beta: beta as number }),
    ...(full === undefined ? {} : { full: full as boolean }),
    ...(kernelPrecision === undefined ? {} : { kernelPrecision: kernelPrecision as 'float32' | 'float64' }),
  };
  if (minSamples !== undefined && (!Number.isSafeInteger(minSamples) || (minSamples as number) < 0)) fail(`${path}.minSamples`, 'an integer ≥ 0', minSamples);
  if (normalize !== undefined && normalize !== false) fail(`${path}.normalize`, 'false (loudness normalisation before the encoder is not implemented)', normalize);
  return {
    sampleRate,
    channels: channels as number | null,
    mix: mix as ChannelMix,
    resample: settings,
    ...(padding === undefined ? {} : { padding: readPadding(padding, `${path}.padding`) }),
    ...(minSamples === undefined ? {} : { minSamples: minSamples as number }),
    ...(normalize === undefined ? {} : { normalize: false as const }),
  };
}

function readPadding(value: unknown, path: string): AudioPadding {
  if (!isObject(value)) fail(path, 'an object { side: "right", value: 0, multiple }', value);
  unknownKeys(value, ['side', 'value', 'multiple'], path);
  const { side = 'right', value: fill = 0, multiple } = value;
  if (side !== 'right') fail(`${path}.side`, '"right"', side);
  if (fill !== 0) fail(`${path}.value`, '0', fill);
  if (!Number.isSafeInteger(multiple) || (multiple as number) < 1) fail(`${path}.multiple`, 'a positive integer (samples)', multiple);
  return { side: 'right', value: 0, multiple: multiple as number };
}
