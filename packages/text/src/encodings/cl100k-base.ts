import { decodeByteText } from '../bytes/index.js';
import { Encoding } from '../encoding/index.js';
import { decodeVocabularyBinary } from '../vocabulary/index.js';
import { CL100K_BASE_PATTERN } from '../pretokenize/index.js';
import data from './data/cl100k-base.data.js';

export { CL100K_BASE_PATTERN } from '../pretokenize/index.js';

/** cl100k_base's special tokens, from tiktoken. */
export const CL100K_BASE_SPECIAL_TOKENS: Readonly<Record<string, number>> = Object.freeze({
  '<|endoftext|>': 100257,
  '<|fim_prefix|>': 100258,
  '<|fim_middle|>': 100259,
  '<|fim_suffix|>': 100260,
  '<|endofprompt|>': 100276,
});

let cached: Encoding | undefined;

/**
 * A new, independent cl100k_base encoding (own caches). Most code wants the shared
 * `cl100kBase()`; this is for isolation, e.g. measuring first-pass speed.
 */
export function createCl100kBase(): Encoding {
  return new Encoding({
    name: 'cl100k_base',
    vocabulary: decodeVocabularyBinary(decodeByteText(data), 'cl100k_base vocabulary'),
    pattern: CL100K_BASE_PATTERN,
    specialTokens: CL100K_BASE_SPECIAL_TOKENS,
  });
}

/** The cl100k_base encoding (GPT-4, GPT-3.5-turbo, text-embedding-3), built on first call and shared. */
export function cl100kBase(): Encoding {
  cached ??= createCl100kBase();
  return cached;
}
