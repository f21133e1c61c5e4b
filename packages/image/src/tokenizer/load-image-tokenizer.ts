import { loadTokenizer, type LoadTokenizerOptions, type ModelRepository, type TokenizerFamily } from '@jointok/core';
import type { ImageTokenizer } from './image-tokenizer.js';

/** Options of `loadImageTokenizer`: every option of core's `loadTokenizer` (cache, progress, session, ...). */
export type LoadImageTokenizerOptions = Omit<LoadTokenizerOptions, 'modality'>;

/** The name of the built-in default image tokenizer, shipped inside this package. */
export const DEFAULT_IMAGE_MODEL = 'jointok-image-base';

/**
 * Loads an image tokenizer with this package's families (and any in `options.families`, which come first).
 * Used by each entry's `loadImageTokenizer`, which binds its own families and default model location.
 */
export async function loadImageTokenizerWith(
  families: readonly TokenizerFamily[],
  source: string | URL | ModelRepository,
  options: LoadImageTokenizerOptions,
): Promise<ImageTokenizer> {
  const tokenizer = await loadTokenizer(source, { ...options, modality: 'image', families: [...(options.families ?? []), ...families] });
  return tokenizer as ImageTokenizer;
}
