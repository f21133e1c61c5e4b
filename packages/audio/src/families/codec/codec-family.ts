import {
  openModelParts,
  InvalidSpecError,
  UnsupportedError,
  validateCodeSpace,
  type ConfigAdapter,
  type FamilyLoadOptions,
  type Manifest,
  type ModelRepository,
  type TokenizerFamily,
} from '@jointok/core';
import { readAudioPreprocessingSpec, type AudioPreprocessingSpec } from '../../preprocess/preprocessing-spec.js';
import type { AudioCodec, CodecStreaming } from '../../tokenizer/audio-codec.js';
import type { AudioTokenizer } from '../../tokenizer/audio-tokenizer.js';
import { createAudioTokenizer } from '../../tokenizer/create-audio-tokenizer.js';
import { readNoiseOption } from '../../tokenizer/noise.js';
import type { AudioReader } from '../../tokenizer/read-audio-source.js';
import { createCodeGraphs } from './code-graphs.js';
import { createLatentGraphs, type NoiseInput } from './latent-graphs.js';

/** What distinguishes one codec family from the standard audio pipeline. */
export interface AudioCodecFamilyDefinition {
  /** The manifest `family` it runs. */
  readonly family: string;
  /** Reads `config.json` of onnx-community folders. */
  readonly configAdapter?: ConfigAdapter;
  /** The resampling of the reference's own input path, used when `preprocessing.resample` is absent. */
  readonly resample?: AudioPreprocessingSpec['resample'];
  /** The receptive fields of the graphs, in base frames, for streaming (from the manifest's config). */
  readonly streaming: (manifest: Manifest) => CodecStreaming;
}

function positiveInteger(value: unknown, path: string): number {
  if (!Number.isSafeInteger(value) || (value as number) <= 0) throw new InvalidSpecError({ path, expected: 'a positive integer', received: value });
  return value as number;
}

/** The codec's preprocessing: the manifest's, with the family's resampling when it names none; mono only. */
export function codecPreprocessing(manifest: Manifest, definition: Pick<AudioCodecFamilyDefinition, 'resample'>): AudioPreprocessingSpec {
  const raw = manifest.preprocessing ?? {};
  const withResample = raw.resample === undefined && definition.resample !== undefined ? { ...raw, resample: definition.resample } : raw;
  const spec = readAudioPreprocessingSpec(withResample);
  if (spec.channels !== 1) throw new UnsupportedError({ feature: `${spec.channels ?? 'all'} channels per encoder input (this pipeline encodes mono codecs)`, supported: ['preprocessing.channels: 1'] });
  return spec;
}

/** Noise inputs of a decoder from `config.noise.inputs` (SNAC); none when absent. */
function noiseInputs(config: Readonly<Record<string, unknown>> | undefined): NoiseInput[] {
  const inputs = (config?.noise as { inputs?: unknown } | undefined)?.inputs;
  if (inputs === undefined) return [];
  if (!Array.isArray(inputs)) throw new InvalidSpecError({ path: 'config.noise.inputs', expected: 'an array of { name, samplesPerFrame }', received: inputs });
  return inputs.map((input: { name?: unknown; samplesPerFrame?: unknown }, i) => {
    if (typeof input?.name !== 'string') throw new InvalidSpecError({ path: `config.noise.inputs[${i}].name`, expected: 'a graph input name', received: input?.name });
    return { name: input.name, samplesPerFrame: positiveInteger(input.samplesPerFrame, `config.noise.inputs[${i}].samplesPerFrame`) };
  });
}

/**
 * A tokenizer family for an audio codec folder, in either layout: a jointok export (`quantizer` in the
 * manifest: the encoder gives latents, core's quantizer gives codes, the decoder takes the quantized
 * latents and any noise inputs) or an onnx-community folder (no quantizer: the graphs give and take codes).
 * Hop length from `postprocessing.samplesPerFrame`, padding and minimum length from `preprocessing`.
 */
export function createAudioCodecFamily(definition: AudioCodecFamilyDefinition, readAudio: AudioReader): TokenizerFamily<AudioTokenizer> {
  return {
    family: definition.family,
    modality: 'audio',
    packageName: '@jointok/audio',
    ...(definition.configAdapter === undefined ? {} : { configAdapter: definition.configAdapter }),
    async load(repository: ModelRepository, options: FamilyLoadOptions): Promise<AudioTokenizer> {
      const { manifest } = repository;
      const codeSpace = validateCodeSpace(manifest.codeSpace, 'codeSpace');
      const preprocessing = codecPreprocessing(manifest, definition);
      const post = manifest.postprocessing ?? {};
      const hopLength = positiveInteger(post.samplesPerFrame, 'postprocessing.samplesPerFrame');
      if (post.sampleRate !== undefined && post.sampleRate !== preprocessing.sampleRate) {
        throw new UnsupportedError({ feature: `a decoder rate (${String(post.sampleRate)}) other than the encoder's (${preprocessing.sampleRate})` });
      }
      const noise = readNoiseOption(options.familyOptions?.noise ?? 'zeros', 'familyOptions.noise');
      const parts = await openModelParts(repository, options);
      try {
        const { quantizer, encoder, decoder, release } = parts;
        const names = manifest.config?.graphs as { encoder?: unknown; decoder?: unknown } | undefined;
        const graphs =
          quantizer === undefined
            ? createCodeGraphs({ decoder, codeSpace, ...(encoder === undefined ? {} : { encoder }), ...(names === undefined ? {} : { names }) })
            : createLatentGraphs({ decoder, quantizer, codeSpace, noiseInputs: noiseInputs(manifest.config), ...(encoder === undefined ? {} : { encoder }), ...(names === undefined ? {} : { names }) });
        const padMultiple = preprocessing.padding?.multiple ?? 1;
        const codec: AudioCodec = {
          sampleRate: preprocessing.sampleRate,
          hopLength,
          padMultiple,
          alignFrames: padMultiple % hopLength === 0 ? padMultiple / hopLength : 1,
          minSamples: Math.max(1, preprocessing.minSamples ?? 1),
          minFrames: manifest.config?.minFrames === undefined ? 1 : positiveInteger(manifest.config.minFrames, 'config.minFrames'),
          codeSpace,
          canEncode: encoder !== undefined,
          streaming: definition.streaming(manifest),
          frames: (samples) => Math.ceil(samples / hopLength),
          encode: graphs.encode,
          decode: graphs.decode,
          release,
        };
        return createAudioTokenizer({ family: definition.family, manifest, preprocessing, codec, readAudio, noise });
      } catch (error) {
        await parts.release();
        throw error;
      }
    },
  };
}
