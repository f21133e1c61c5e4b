import { MAX_TOKEN_LITERAL_LENGTH } from '../pretokenize/literal-regex.js';
import { InvalidVocabularyError } from '../errors/index.js';
import { checkDense, MAX_RANK } from '../vocabulary/tiktoken-file.js';
import type { FlatVocabulary } from '../vocabulary/index.js';

/** The longest special-token literal: {@link MAX_TOKEN_LITERAL_LENGTH} (all literals are matched by one regular expression). */
export const MAX_SPECIAL_TOKEN_LENGTH = MAX_TOKEN_LITERAL_LENGTH;

/**
 * Checks an encoding's special tokens against its ranks before anything is built: each literal non-empty,
 * each at most {@link MAX_SPECIAL_TOKEN_LENGTH} characters, each id an integer that no rank holds and no other special token uses, and all ids together without
 * large gaps (ids are stored densely). Without this, a colliding id decodes to the wrong bytes, a
 * fractional one is emitted by `encode`, and an id of 1e9 takes seconds and gigabytes to build.
 *
 * @throws InvalidVocabularyError naming the special token
 */
export function checkSpecialTokens(vocabulary: FlatVocabulary, specialTokens: Readonly<Record<string, number>>, source: string): void {
  const ranks = vocabulary.offsets.length - 1;
  const seen = new Map<number, string>();
  let tokens = 0;
  for (let r = 0; r < ranks; r++) if (vocabulary.offsets[r + 1]! > vocabulary.offsets[r]!) tokens++;
  let span = ranks;
  for (const [literal, id] of Object.entries(specialTokens)) {
    const location = `specialTokens[${JSON.stringify(literal.slice(0, 40))}]`;
    if (literal.length === 0) throw new InvalidVocabularyError({ source, location, expected: 'a non-empty literal' });
    if (literal.length > MAX_SPECIAL_TOKEN_LENGTH) throw new InvalidVocabularyError({ source, location, expected: `a literal of at most ${MAX_SPECIAL_TOKEN_LENGTH} characters`, received: `${literal.length} characters` });
    if (typeof id !== 'number' || !Number.isInteger(id) || id < 0 || id > MAX_RANK) throw new InvalidVocabularyError({ source, location, expected: `an integer id in [0, ${MAX_RANK}]`, received: String(id) });
    // A rank may hold the literal's own bytes (tokenizer.json vocabularies list their specials): the same token.
    if (id < ranks && vocabulary.offsets[id + 1]! > vocabulary.offsets[id]! && !sameBytes(vocabulary.bytes.subarray(vocabulary.offsets[id]!, vocabulary.offsets[id + 1]!), literal)) {
      throw new InvalidVocabularyError({ source, location, expected: 'an id that no rank of other bytes holds', received: `id ${id}, the rank of an ordinary token` });
    }
    const other = seen.get(id);
    if (other !== undefined) throw new InvalidVocabularyError({ source, location, expected: 'an id of its own', received: `id ${id}, also the id of ${JSON.stringify(other)}` });
    seen.set(id, literal);
    span = Math.max(span, id + 1);
  }
  checkDense(span, tokens + seen.size, source);
}

function sameBytes(bytes: Uint8Array, literal: string): boolean {
  const encoded = new TextEncoder().encode(literal);
  return encoded.length === bytes.length && encoded.every((b, i) => b === bytes[i]);
}
