import { decodeByteText } from '../bytes/index.js';
import { Encoding } from '../encoding/index.js';
import { decodeVocabularyBinary } from '../vocabulary/index.js';
import { O200K_BASE_PATTERN } from '../pretokenize/index.js';
import data from './data/o200k-base.data.js';

export { O200K_BASE_PATTERN } from '../pretokenize/index.js';

/** o200k_base's special tokens, from tiktoken. */
export const O200K_BASE_SPECIAL_TOKENS: Readonly<Record<string, number>> = Object.freeze({
  '<|endoftext|>': 199999,
  '<|endofprompt|>': 200018,
});

let cached: Encoding | undefined;

/**
 * A new, independent o200k_base encoding (own caches). Most code wants the shared
 * `o200kBase()`; this is for isolation, e.g. measuring first-pass speed.
 */
export function createO200kBase(): Encoding {
  return new Encoding({
    name: 'o200k_base',
    vocabulary: decodeVocabularyBinary(decodeByteText(data), 'o200k_base vocabulary'),
    pattern: O200K_BASE_PATTERN,
    specialTokens: O200K_BASE_SPECIAL_TOKENS,
  });
}

/** The o200k_base encoding (GPT-4o, GPT-4.1, o1, o3, GPT-5), built on first call and shared. */
export function o200kBase(): Encoding {
  cached ??= createO200kBase();
  return cached;
}
