import { loadTokenizer, type LoadTokenizerOptions, type ModelRepository, type TokenizerFamily } from '@jointok/core';
import { createMuLawAudioTokenizer, DEFAULT_AUDIO_MANIFEST } from '../families/mu-law/mu-law-family.js';
import type { AudioTokenizer } from './audio-tokenizer.js';
import type { AudioReader } from './read-audio-source.js';

/** Options of `loadAudioTokenizer`: every option of core's `loadTokenizer` (cache, progress, session, `familyOptions`, ...). */
export type LoadAudioTokenizerOptions = Omit<LoadTokenizerOptions, 'modality'>;

/**
 * Loads an audio tokenizer with this package's families (and any in `options.families`, which come first);
 * without a source, the built-in μ-law tokenizer (`DEFAULT_AUDIO_MANIFEST`). Used by each entry's
 * `loadAudioTokenizer`, which binds its own families and `readAudio`.
 */
export async function loadAudioTokenizerWith(
  families: readonly TokenizerFamily[],
  readAudio: AudioReader,
  source: string | URL | ModelRepository | undefined,
  options: LoadAudioTokenizerOptions,
): Promise<AudioTokenizer> {
  if (source === undefined) return createMuLawAudioTokenizer(DEFAULT_AUDIO_MANIFEST, readAudio);
  const tokenizer = await loadTokenizer(source, { ...options, modality: 'audio', families: [...(options.families ?? []), ...families] });
  return tokenizer as AudioTokenizer;
}
