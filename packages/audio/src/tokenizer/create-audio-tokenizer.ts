import { createModalityTokenizer, DisposedError, InvalidArgumentError, streamCodes as coreStreamCodes, UnsupportedError, type Manifest, type TokenBlock } from '@jointok/core';
import { createAudioPreprocessor } from '../preprocess/create-audio-preprocessor.js';
import type { AudioPreprocessingSpec } from '../preprocess/preprocessing-spec.js';
import type { AudioSignal } from '../signal/audio-signal.js';
import { streamDecode, tooShort } from '../streaming/stream-decode.js';
import type { StreamContext } from '../streaming/stream-context.js';
import { streamEncode } from '../streaming/stream-encode.js';
import { blockFrames, tokenBlockFromStreams } from './audio-blocks.js';
import type { AudioCodec } from './audio-codec.js';
import type { AudioDecodeOptions, AudioSource, AudioTokenizer, StreamDecodeOptions, StreamEncodeOptions } from './audio-tokenizer.js';
import { checkAudioBlock } from './check-audio-block.js';
import { readNoiseOption, type NoiseOption } from './noise.js';
import { readAudioSource, type AudioReader } from './read-audio-source.js';

/** The stages an audio tokenizer runs; families assemble them. */
export interface AudioTokenizerParts {
  readonly family: string;
  readonly manifest: Manifest;
  /** How input becomes the codec's mono signal (mix, resample; `padding` and `minSamples` too). */
  readonly preprocessing: AudioPreprocessingSpec;
  readonly codec: AudioCodec;
  readonly readAudio: AudioReader;
  /** Noise for decoders with noise inputs, unless a call says otherwise. Default `'zeros'`. */
  readonly noise?: NoiseOption;
}

// The key `await using` calls; older runtimes get the fallback TypeScript's own lowering uses (as core does).
const asyncDispose: typeof Symbol.asyncDispose = Symbol.asyncDispose ?? (Symbol.for('Symbol.asyncDispose') as typeof Symbol.asyncDispose);

/** Right zero padding up to a multiple of `multiple` samples (the samples themselves when already a multiple). */
export function padToMultiple(samples: Float32Array, multiple: number): Float32Array {
  const length = Math.ceil(samples.length / multiple) * multiple;
  if (length === samples.length) return samples;
  const padded = new Float32Array(length);
  padded.set(samples);
  return padded;
}

/**
 * Assembles an {@link AudioTokenizer}: read → mix and resample (the codec's preprocessing) → pad → codec →
 * block, and block → codec → trim to the input's length. Streaming encode and decode run the same codec
 * in windows (`streaming/`).
 */
export function createAudioTokenizer(parts: AudioTokenizerParts): AudioTokenizer {
  const { family, manifest, codec } = parts;
  const preprocessor = createAudioPreprocessor(parts.preprocessing);
  const { sampleRate, codeSpace } = codec;
  const defaultNoise = parts.noise ?? 'zeros';
  const owner = { family, codeSpace, sampleRate };

  /** Mono samples at the codec's rate, the length checked against the codec's minimum. */
  const prepare = (audio: AudioSignal): Float32Array => {
    const samples = preprocessor.process(audio).channels[0]!;
    if (samples.length < codec.minSamples) {
      throw new InvalidArgumentError({
        argument: 'audio',
        expected: `at least ${codec.minSamples} samples at ${sampleRate} Hz (${(codec.minSamples / sampleRate).toFixed(3)} s): shorter inputs take a padding path of the reference that the encoder graph does not reproduce`,
        received: `${samples.length} samples`,
      });
    }
    return samples;
  };

  const encodeSamples = async (samples: Float32Array, signal: AbortSignal | undefined): Promise<TokenBlock<'audio'>> => {
    const streams = await codec.encode(padToMultiple(samples, codec.padMultiple), signal === undefined ? {} : { signal });
    return tokenBlockFromStreams(streams, codeSpace, { family, sampleRate, samples: samples.length });
  };

  const decodeBlock = async (block: TokenBlock<'audio'>, options: AudioDecodeOptions = {}): Promise<AudioSignal> => {
    checkAudioBlock(block, owner);
    const frames = blockFrames(block, codeSpace);
    if (frames > 0 && frames < codec.minFrames) throw tooShort(frames, codec.minFrames, 'block');
    const startFrame = block.meta.startFrame ?? 0;
    if (!Number.isSafeInteger(startFrame) || (startFrame as number) < 0) throw new InvalidArgumentError({ argument: 'block.meta.startFrame', expected: 'a frame index (integer ≥ 0)', received: startFrame });
    const noise = options.noise === undefined ? defaultNoise : readNoiseOption(options.noise, 'options.noise');
    const decoded = frames === 0 ? new Float32Array(0) : await codec.decode(coreStreamCodes(block, codeSpace), frames, { startFrame: startFrame as number, noise, ...(options.signal === undefined ? {} : { signal: options.signal }) });
    const samples = block.meta.samples as number | undefined;
    return { sampleRate, channels: [samples !== undefined && samples < decoded.length ? decoded.slice(0, samples) : decoded] };
  };

  let disposed = false;
  const checkOpen = (operation: string): void => {
    if (disposed) throw new DisposedError({ resource: 'audio tokenizer', operation });
  };
  const tokenizer = createModalityTokenizer<AudioSource, AudioSignal, 'audio'>({
    modality: 'audio',
    codeSpace,
    async encode(input, options = {}) {
      if (!codec.canEncode) throw new UnsupportedError({ feature: `encoding with ${manifest.name ?? family}`, message: `The repository of ${manifest.name ?? family} holds only a decoder; encode with the tokenizer whose codes it decodes.` });
      const audio = await readAudioSource(input, parts.readAudio);
      options.signal?.throwIfAborted();
      checkOpen('encode');
      return encodeSamples(prepare(audio), options.signal);
    },
    decode: (block, options) => decodeBlock(block, options as AudioDecodeOptions),
    dispose: () => codec.release(),
  });
  const release = tokenizer.dispose;
  const dispose = (): Promise<void> => {
    disposed = true;
    return release();
  };

  const context: StreamContext = { family, codec, codeSpace, preprocessing: preprocessor.spec, owner, defaultNoise, checkOpen };
  return Object.assign(tokenizer, {
    family,
    manifest,
    sampleRate,
    hopLength: codec.hopLength,
    canEncode: codec.canEncode,
    dispose,
    [asyncDispose]: dispose,
    streamEncode: (chunks: Parameters<AudioTokenizer['streamEncode']>[0], options: StreamEncodeOptions = {}) => streamEncode(context, chunks, options),
    streamDecode: (blocks: Parameters<AudioTokenizer['streamDecode']>[0], options: StreamDecodeOptions = {}) => streamDecode(context, blocks, options),
  }) as AudioTokenizer;
}
