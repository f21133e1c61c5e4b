import { InvalidArgumentError, loadTokenizer, type LoadTokenizerOptions, type Manifest, type ModelRepository, type TokenizerFamily } from '@jointok/core';
import { createMuLawAudioTokenizer, DEFAULT_AUDIO_MANIFEST } from '../families/mu-law/mu-law-family.js';
import type { AudioTokenizer } from './audio-tokenizer.js';
import type { AudioReader } from './read-audio-source.js';

/** Options of `loadAudioTokenizer`: every option of core's `loadTokenizer` (cache, progress, session, `familyOptions`, ...). */
export interface LoadAudioTokenizerOptions extends Omit<LoadTokenizerOptions, 'modality'> {
  /**
   * Only without a source: the rate of the built-in μ-law tokenizer, in Hz (one code per sample; default
   * 16,000). A model repository states its own rate, so giving both is an error.
   */
  readonly sampleRate?: number;
}

/** The built-in μ-law manifest at another rate: input resampled to it, one code per sample. */
function muLawManifestAt(sampleRate: number): Manifest {
  if (!Number.isInteger(sampleRate) || sampleRate <= 0 || sampleRate > 768_000) {
    throw new InvalidArgumentError({ argument: 'options.sampleRate', expected: 'an integer rate in Hz, 1 to 768000', received: sampleRate });
  }
  if (sampleRate === DEFAULT_AUDIO_MANIFEST.preprocessing!['sampleRate']) return DEFAULT_AUDIO_MANIFEST;
  const preprocessing = { ...DEFAULT_AUDIO_MANIFEST.preprocessing, sampleRate };
  const codeSpace = { ...DEFAULT_AUDIO_MANIFEST.codeSpace!, frameRate: sampleRate };
  return { ...DEFAULT_AUDIO_MANIFEST, name: `jointok/mu-law-${sampleRate}`, description: `μ-law, 256 levels, ${sampleRate} Hz mono`, preprocessing, codeSpace };
}

/**
 * Loads an audio tokenizer with this package's families (and any in `options.families`, which come first);
 * without a source, the built-in μ-law tokenizer (`DEFAULT_AUDIO_MANIFEST`, or at `options.sampleRate`). Used by each entry's
 * `loadAudioTokenizer`, which binds its own families and `readAudio`.
 */
export async function loadAudioTokenizerWith(
  families: readonly TokenizerFamily[],
  readAudio: AudioReader,
  source: string | URL | ModelRepository | undefined,
  options: LoadAudioTokenizerOptions,
): Promise<AudioTokenizer> {
  const { sampleRate, ...loadOptions } = options;
  if (source === undefined) return createMuLawAudioTokenizer(sampleRate === undefined ? DEFAULT_AUDIO_MANIFEST : muLawManifestAt(sampleRate), readAudio);
  if (sampleRate !== undefined) {
    throw new InvalidArgumentError({ argument: 'options.sampleRate', expected: 'no sampleRate with a source (a model repository states its own rate)', received: sampleRate });
  }
  const tokenizer = await loadTokenizer(source, { ...loadOptions, modality: 'audio', families: [...(loadOptions.families ?? []), ...families] });
  return tokenizer as AudioTokenizer;
}
