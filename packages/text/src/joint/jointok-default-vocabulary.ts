import {
  artifactsFromTokenizerJson,
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
import { decodeVocabularyBinary } from '../vocabulary/index.js';

/** The first id after o200k_base's (its special tokens end at 200018). */
const FIRST_ADDED_ID = 200019;

/**
 * The jointok default vocabulary as a Hugging Face `tokenizer.json`: o200k_base (byte-level BPE, the same
 * ids as tiktoken's), then the layout's seven structure tokens and every code token (`<|image_0|>` …,
 * `<|audio_0|>` …, `<|video_0|>` …) as special added tokens, so a model trained elsewhere on jointok ids
 * has the same vocabulary (`len(tokenizer)` covers every id). Built on demand: a few seconds, ~10 MB of JSON
 * for 64,000 image codes.
 */
export function jointokDefaultTokenizerJson(options: JointokDefaultLayoutOptions): Record<string, unknown> {
  const json = toTokenizerJson(decodeVocabularyBinary(decodeByteText(data), 'o200k_base vocabulary'), { pattern: O200K_BASE_PATTERN, specialTokens: O200K_BASE_SPECIAL_TOKENS });
  // Hugging Face numbers added tokens one after another from the end of the model's vocabulary, whatever
  // ids the file lists; o200k_base leaves ids unused below and between its two special tokens, so those
  // get placeholders and every listed id is the one Hugging Face assigns.
  const vocab = json.model as { vocab: Record<string, number> };
  let next = 0;
  for (const id of Object.values(vocab.vocab)) if (id >= next) next = id + 1;
  const specials = new Map(Object.entries(O200K_BASE_SPECIAL_TOKENS).map(([content, id]) => [id, content]));
  const added: Record<string, unknown>[] = [];
  const add = (content: string) => added.push({ id: next++, content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true });
  while (next < FIRST_ADDED_ID) add(specials.get(next) ?? `<|reserved_${next}|>`);
  for (const marker of JOINTOK_DEFAULT_MARKERS) add(marker);
  const { imageCodebookSize, audioCodebookSize = 256 } = options;
  for (let c = 0; c < imageCodebookSize; c++) add(jointokCodeToken('image', c));
  for (let c = 0; c < audioCodebookSize; c++) add(jointokCodeToken('audio', c));
  for (let c = 0; c < imageCodebookSize; c++) add(jointokCodeToken('video', c));
  return { ...json, added_tokens: added };
}

/**
 * The jointok default joint vocabulary: `createJointokDefaultLayout(options)` resolved against
 * {@link jointokDefaultTokenizerJson}'s tokens (o200k text ids, then the markers and the code blocks).
 */
export function createJointokDefaultVocabulary(options: JointokDefaultLayoutOptions): JointVocabulary {
  return createJointVocabulary(createJointokDefaultLayout(options), artifactsFromTokenizerJson(jointokDefaultTokenizerJson(options)));
}
