import { decodeByteText } from '../bytes/index.js';
import { Encoding } from '../encoding/index.js';
import { decodeVocabularyBinary } from '../vocabulary/index.js';
import data from './data/o200k-base.data.js';

/** o200k_base's pre-tokenizer regex, verbatim from tiktoken. */
export const O200K_BASE_PATTERN = [
  "[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]*[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?",
  "[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]+[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?",
  '\\p{N}{1,3}',
  ' ?[^\\s\\p{L}\\p{N}]+[\\r\\n/]*',
  '\\s*[\\r\\n]+',
  '\\s+(?!\\S)',
  '\\s+',
].join('|');

/** o200k_base's special tokens, from tiktoken. */
export const O200K_BASE_SPECIAL_TOKENS: Readonly<Record<string, number>> = Object.freeze({
  '<|endoftext|>': 199999,
  '<|endofprompt|>': 200018,
});

let cached: Encoding | undefined;

/** The o200k_base encoding (GPT-4o, GPT-4.1, o1, o3, GPT-5), built on first call and shared. */
export function o200kBase(): Encoding {
  cached ??= new Encoding({
    name: 'o200k_base',
    vocabulary: decodeVocabularyBinary(decodeByteText(data), 'o200k_base vocabulary'),
    pattern: O200K_BASE_PATTERN,
    specialTokens: O200K_BASE_SPECIAL_TOKENS,
  });
  return cached;
}
