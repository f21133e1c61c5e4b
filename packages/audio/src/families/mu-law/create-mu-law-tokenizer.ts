import { checkTokenBlock, createModalityTokenizer, InvalidArgumentError, InvalidSpecError, type ModalityTokenizer, type TokenBlock, type TokenizeCallOptions } from '@jointok/core';
import { createAudioPreprocessor } from '../../preprocess/create-audio-preprocessor.js';
import type { AudioPreprocessingSpec } from '../../preprocess/preprocessing-spec.js';
import type { AudioSignal } from '../../signal/audio-signal.js';
import { muLawDecode, muLawEncode } from './mu-law.js';

/** The family name under which the μ-law tokenizer registers (`"family": "mu-law"` in jointok.json). */
export const MU_LAW_FAMILY = 'mu-law';

/** Options of {@link createMuLawTokenizer}. */
export interface MuLawTokenizerOptions {
  /** Rate of the codes (one code per sample), e.g. 16000. */
  sampleRate: number;
  /** Levels Q (codes 0 … Q−1); default 256. */
  quantizationChannels?: number;
  /** How input is brought to mono and to `sampleRate` (defaults: mean of channels, `sinc-hann`). */
  resample?: AudioPreprocessingSpec['resample'];
}

/** The code space of a tokenizer, in the shape of jointok.json's `codeSpace`. */
export interface AudioCodeSpace {
  readonly axes: readonly string[];
  readonly sizes: readonly (number | null)[];
  readonly streams: readonly { readonly name: string; readonly codebookSize: number }[];
  readonly frameRate: number;
}

/** The zero-weight audio tokenizer: one μ-law code per sample of mono audio. */
export interface MuLawTokenizer extends ModalityTokenizer<AudioSignal, AudioSignal, 'audio'> {
  readonly family: typeof MU_LAW_FAMILY;
  readonly sampleRate: number;
  readonly quantizationChannels: number;
  /** `{ axes: ['codebooks', 'frames'], streams: [{ name: 'mu-law', codebookSize: Q }], frameRate: sampleRate }`. */
  readonly codeSpace: AudioCodeSpace;
  /** Synchronous: mixes to mono, resamples, clamps, encodes. */
  encode(audio: AudioSignal, options?: TokenizeCallOptions): TokenBlock<'audio'>;
  /** Synchronous: mono audio at `sampleRate`. */
  decode(block: TokenBlock<'audio'>, options?: TokenizeCallOptions): AudioSignal;
  /** Encodes mono audio already at `sampleRate` (no mixing or resampling): `Int32Array` of codes. */
  encodeSamples(samples: Float32Array): Int32Array;
}

/**
 * Creates the μ-law tokenizer. `encode(audio)` mixes to mono (mean), resamples to `sampleRate`,
 * clamps to [−1, 1] (so codes stay in [0, Q); torchaudio leaves values beyond ±1 to give codes
 * beyond), and applies `torchaudio.functional.mu_law_encoding`: a TokenBlock of shape
 * `[1, frames]`. `decode(block)` applies `mu_law_decoding`: mono audio at `sampleRate`.
 */
export function createMuLawTokenizer(options: MuLawTokenizerOptions): MuLawTokenizer {
  if (typeof options !== 'object' || options === null) throw new InvalidArgumentError({ argument: 'options', expected: '{ sampleRate, quantizationChannels? }', received: options });
  const quantizationChannels = options.quantizationChannels ?? 256;
  if (!Number.isInteger(quantizationChannels) || quantizationChannels < 2 || quantizationChannels > 65536) {
    throw new InvalidArgumentError({ argument: 'options.quantizationChannels', expected: 'an integer from 2 to 65536', received: quantizationChannels });
  }
  let preprocessor;
  try {
    preprocessor = createAudioPreprocessor({ sampleRate: options.sampleRate, channels: 1, mix: 'mean', resample: options.resample ?? { method: 'sinc-hann' } });
  } catch (error) {
    if (InvalidSpecError.isInstance(error)) {
      throw new InvalidArgumentError({ argument: `options.${error.path.replace(/^preprocessing\./, '')}`, expected: error.expected, received: error.received, cause: error });
    }
    throw error;
  }
  const sampleRate = preprocessor.spec.sampleRate;
  const encodeSamples = (samples: Float32Array): Int32Array => {
    const clamped = new Float32Array(samples.length);
    for (let i = 0; i < samples.length; i++) {
      const x = samples[i]!;
      clamped[i] = x > 1 ? 1 : x < -1 ? -1 : x;
    }
    return muLawEncode(clamped, quantizationChannels);
  };
  const codeSpace: AudioCodeSpace = { axes: ['codebooks', 'frames'], sizes: [1, null], streams: [{ name: MU_LAW_FAMILY, codebookSize: quantizationChannels }], frameRate: sampleRate };
  const tokenizer = createModalityTokenizer<AudioSignal, AudioSignal, 'audio'>({
    modality: 'audio',
    codeSpace,
    encode(audio): TokenBlock<'audio'> {
      const mono = preprocessor.process(audio).channels[0]!;
      const codes = encodeSamples(mono);
      return { modality: 'audio', codes, shape: [1, codes.length], streams: [MU_LAW_FAMILY], meta: { sampleRate, quantizationChannels } };
    },
    decode(block): AudioSignal {
      if (block?.modality !== 'audio') throw new InvalidArgumentError({ argument: 'block.modality', expected: "'audio'", received: block?.modality });
      checkTokenBlock(block, codeSpace);
      return { sampleRate, channels: [muLawDecode(block.codes, quantizationChannels)] };
    },
  });
  // μ-law holds nothing to release; createModalityTokenizer still gives it dispose() and await using.
  return Object.assign(tokenizer, { family: MU_LAW_FAMILY, sampleRate, quantizationChannels, encodeSamples }) as MuLawTokenizer;
}

/**
 * Reads a μ-law model folder's `jointok.json`: `preprocessing` (mono, mean mix; `sampleRate`, `resample`) and
 * the level count from `codeSpace.streams[0].codebookSize` (default 256). Problems throw `InvalidSpecError`
 * with the JSON path.
 */
export function readMuLawManifest(manifest: { preprocessing?: unknown; codeSpace?: unknown }): { spec: AudioPreprocessingSpec; quantizationChannels: number } {
  const preprocessing = manifest?.preprocessing as Record<string, unknown> | undefined;
  const spec = createAudioPreprocessor(preprocessing).spec;
  if (spec.channels !== 1 || spec.mix !== 'mean') throw new InvalidSpecError({ path: 'preprocessing.channels', expected: '1 with mix "mean" (μ-law codes are mono)', received: spec.channels });
  const streams = (manifest.codeSpace as { streams?: { codebookSize?: unknown }[] } | undefined)?.streams;
  const levels = streams?.[0]?.codebookSize ?? 256;
  if (typeof levels !== 'number' || !Number.isInteger(levels) || levels < 2 || levels > 65536) {
    throw new InvalidSpecError({ path: 'codeSpace.streams[0].codebookSize', expected: 'an integer from 2 to 65536', received: levels });
  }
  if (streams !== undefined && streams.length !== 1) throw new InvalidSpecError({ path: 'codeSpace.streams', expected: 'one stream', received: streams.length });
  return { spec, quantizationChannels: levels };
}

/**
 * Builds the synchronous μ-law tokenizer from a model folder's `jointok.json` (see {@link readMuLawManifest}).
 * `loadAudioTokenizer` and the `mu-law` family give the same codes through the asynchronous
 * `AudioTokenizer` (which also reads files and streams).
 */
export function createMuLawTokenizerFromManifest(manifest: { preprocessing?: unknown; codeSpace?: unknown }): MuLawTokenizer {
  const { spec, quantizationChannels } = readMuLawManifest(manifest);
  return createMuLawTokenizer({ sampleRate: spec.sampleRate, quantizationChannels, resample: spec.resample });
}
