import { checkMerges } from '../convert/check-merges.js';
import { patternFromPreTokenizer } from '../convert/pattern-from-pre-tokenizer.js';
import { Encoding } from '../encoding/index.js';
import { LossyConversionError } from '../errors/index.js';
import { RankTable, type FlatVocabulary } from '../vocabulary/index.js';
import type { AddedToken } from './added-tokens.js';
import { byteLevelToBytes } from './byte-level-alphabet.js';
import type { BpeModelData } from './bpe-model.js';

/** A tokenizer.json model in tiktoken's terms: what the tiktoken engine needs to encode it. */
export interface TiktokenEngineForm {
  /** The pre-tokenizer as one tiktoken `pat_str`. */
  pattern: string;
  /** Token bytes by id (= rank). */
  vocabulary: FlatVocabulary;
}

/**
 * The tiktoken form of a byte-level BPE model whose pre-tokenizer is one split regex plus the byte
 * mapping, or null when the model has another shape. Such a model encodes the same through tiktoken's
 * rule (merge the pair whose result has the lowest id) as through Hugging Face's merge list — which
 * `checkMerges` proves by replaying both on the bytes of every token — and tiktoken's engine runs it
 * several times faster. The normalizer, added tokens and post-processor stay with the caller: the engine
 * replaces only pre-tokenizer + BPE on each stretch of normalized text.
 */
export function tiktokenEngineForm(preTokenizer: unknown, model: BpeModelData, addedTokens: readonly AddedToken[]): TiktokenEngineForm | null {
  if (!model.byteLevel) return null;
  try {
    const pattern = patternFromPreTokenizer(preTokenizer);
    const chunks: Uint8Array[] = [];
    const offsets = new Uint32Array(model.tokens.length + 1);
    let total = 0;
    for (let id = 0; id < model.tokens.length; id++) {
      const token = model.tokens[id];
      const bytes = token === undefined ? EMPTY : byteLevelToBytes(token);
      if (bytes === null) return null; // a token outside the byte-level alphabet stands for no bytes
      chunks.push(bytes);
      total += bytes.length;
      offsets[id + 1] = total;
    }
    const bytes = new Uint8Array(total);
    chunks.forEach((chunk, id) => bytes.set(chunk, offsets[id] as number));
    const table = new RankTable(bytes, offsets);
    if (table.byteRanks.includes(-1)) return null;
    // Added tokens are split off before BPE — except a single_word one inside a word, which BPE sees.
    const skip = new Set(addedTokens.filter((t) => !t.singleWord).map((t) => t.id));
    checkMerges(table, model.merges, model.ignoreMerges, skip, String);
    return { pattern, vocabulary: { bytes, offsets } };
  } catch (error) {
    if (LossyConversionError.isInstance(error)) return null;
    throw error;
  }
}

/** The encoding that runs a {@link TiktokenEngineForm} (ordinary text only; added tokens are the caller's). */
export function tiktokenEngine(form: TiktokenEngineForm): Encoding {
  // The pipeline's own split behaviour decides what text no piece covers (a `Removed` split drops it).
  return new Encoding({ name: 'tokenizer.json', vocabulary: form.vocabulary, pattern: form.pattern, specialTokens: {}, skippedText: 'drop' });
}

const EMPTY = new Uint8Array(0);
