import {
  createJointokDefaultLayout,
  createJointVocabulary,
  JOINTOK_DEFAULT_MARKERS,
  jointokCodeToken,
  type JointokDefaultLayoutOptions,
  type JointVocabulary,
} from '@jointok/core';
import { decodeByteText } from '../bytes/index.js';
import { toTokenizerJson } from '../convert/to-tokenizer-json.js';
import data from '../encodings/data/o200k-base.data.js';
import { O200K_BASE_PATTERN, O200K_BASE_SPECIAL_TOKENS } from '../encodings/o200k-base.js';
import { BYTE_TO_CHAR } from '../tokenizer-json/byte-level-alphabet.js';
import { decodeVocabularyBinary, type FlatVocabulary } from '../vocabulary/index.js';

/** The first id after o200k_base's (its special tokens end at 200018). */
const FIRST_ADDED_ID = 200019;

/** One added token of the default vocabulary, with the id Hugging Face gives it. */
interface AddedToken {
  readonly id: number;
  readonly content: string;
}

function o200kVocabulary(): FlatVocabulary {
  return decodeVocabularyBinary(decodeByteText(data), 'o200k_base vocabulary');
}

/** One past the largest rank that holds a token: where Hugging Face starts numbering added tokens. */
function firstFreeId(vocabulary: FlatVocabulary): number {
  const { offsets } = vocabulary;
  for (let rank = offsets.length - 2; rank >= 0; rank--) if (offsets[rank + 1]! > offsets[rank]!) return rank + 1;
  return 0;
}

/**
 * The added tokens in id order from `next`: placeholders (and o200k's two special tokens) up to
 * {@link FIRST_ADDED_ID}, the layout's markers, then every code token. Hugging Face numbers added tokens one
 * after another from the end of the model's vocabulary, whatever ids a file lists, so each id here is the
 * one it assigns.
 */
function jointokDefaultAddedTokens(next: number, options: JointokDefaultLayoutOptions): AddedToken[] {
  const specials = new Map(Object.entries(O200K_BASE_SPECIAL_TOKENS).map(([content, id]) => [id, content]));
  const added: AddedToken[] = [];
  const add = (content: string) => added.push({ id: next++, content });
  while (next < FIRST_ADDED_ID) add(specials.get(next) ?? `<|reserved_${next}|>`);
  for (const marker of JOINTOK_DEFAULT_MARKERS) add(marker);
  const { imageCodebookSize, audioCodebookSize = 256 } = options;
  for (let c = 0; c < imageCodebookSize; c++) add(jointokCodeToken('image', c));
  for (let c = 0; c < audioCodebookSize; c++) add(jointokCodeToken('audio', c));
  for (let c = 0; c < imageCodebookSize; c++) add(jointokCodeToken('video', c));
  return added;
}

/**
 * The jointok default vocabulary as a Hugging Face `tokenizer.json`: o200k_base (byte-level BPE, the same
 * ids as tiktoken's), then the layout's seven structure tokens and every code token (`<|image_0|>` …,
 * `<|audio_0|>` …, `<|video_0|>` …) as special added tokens, so a model trained elsewhere on jointok ids
 * has the same vocabulary (`len(tokenizer)` covers every id). Built on demand: a few seconds, ~10 MB of JSON
 * for 64,000 image codes.
 */
export function jointokDefaultTokenizerJson(options: JointokDefaultLayoutOptions): Record<string, unknown> {
  const json = toTokenizerJson(o200kVocabulary(), { pattern: O200K_BASE_PATTERN, specialTokens: O200K_BASE_SPECIAL_TOKENS });
  const vocab = json.model as { vocab: Record<string, number> };
  let next = 0;
  for (const id of Object.values(vocab.vocab)) if (id >= next) next = id + 1;
  const added = jointokDefaultAddedTokens(next, options).map(({ id, content }) => ({ id, content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true }));
  return { ...json, added_tokens: added };
}

/**
 * The jointok default joint vocabulary: `createJointokDefaultLayout(options)` resolved against the added
 * tokens of {@link jointokDefaultTokenizerJson} (o200k text ids, then the markers and the code blocks). It
 * reads o200k_base's rank table without building the tokenizer.json (whose merges take seconds).
 */
export function createJointokDefaultVocabulary(options: JointokDefaultLayoutOptions): JointVocabulary {
  const vocabulary = o200kVocabulary();
  const { bytes, offsets } = vocabulary;
  // The layout reaches text tokens only through the characters of its resolution prefix (`{h}*{w}`: digits
  // and `*`), so the one-byte text tokens, spelt as in the tokenizer.json, are all it needs; a map of all
  // 200,000 would cost more than the rest together.
  const tokens = new Map<string, number>();
  for (let rank = 0; rank + 1 < offsets.length; rank++) {
    if (offsets[rank + 1]! - offsets[rank]! === 1) tokens.set(BYTE_TO_CHAR[bytes[offsets[rank]!]!]!, rank);
  }
  for (const { id, content } of jointokDefaultAddedTokens(firstFreeId(vocabulary), options)) tokens.set(content, id);
  return createJointVocabulary(createJointokDefaultLayout(options), { tokens });
}
