import { RankTable, type FlatVocabulary } from '../vocabulary/index.js';
import { BYTE_TO_CHAR } from '../tokenizer-json/byte-level-alphabet.js';

/** Options of {@link toTokenizerJson}. */
export interface ToTokenizerJsonOptions {
  /** Pre-tokenizer regex (tiktoken `pat_str`). */
  pattern: string;
  /** Special-token literal → id. */
  specialTokens?: Readonly<Record<string, number>>;
}

function byteLevel(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += BYTE_TO_CHAR[b];
  return s;
}

/**
 * Writes tiktoken-style ranks as a Hugging Face byte-level BPE `tokenizer.json` that encodes the same.
 * tiktoken merges any adjacent pair whose bytes form a token, lowest rank first; Hugging Face applies
 * listed merges by list position. So every split of every token into two tokens becomes a merge, listed
 * in the order of the resulting token's rank. (Identical ids except when two different splits of the
 * same token compete in one word, where tiktoken takes the leftmost; no such case occurs in
 * o200k/cl100k parity tests.)
 */
export function toTokenizerJson(vocabulary: FlatVocabulary, options: ToTokenizerJsonOptions): Record<string, unknown> {
  const table = new RankTable(vocabulary.bytes, vocabulary.offsets);
  const size = vocabulary.offsets.length - 1;
  const vocab: Record<string, number> = {};
  const merges: Array<[string, string]> = [];
  const text = (rank: number): Uint8Array => vocabulary.bytes.subarray(vocabulary.offsets[rank], vocabulary.offsets[rank + 1]);
  for (let rank = 0; rank < size; rank++) {
    const token = text(rank);
    if (token.length === 0) continue;
    vocab[byteLevel(token)] = rank;
    for (let k = 1; k < token.length; k++) {
      const left = table.lookup(token, 0, k);
      const right = table.lookup(token, k, token.length);
      // Only splits into lower ranks: tiktoken can never build a token from a later one first.
      if (left >= 0 && right >= 0 && left < rank && right < rank) merges.push([byteLevel(text(left)), byteLevel(text(right))]);
    }
  }
  const addedTokens = Object.entries(options.specialTokens ?? {}).map(([content, id]) => ({
    id,
    content,
    single_word: false,
    lstrip: false,
    rstrip: false,
    normalized: false,
    special: true,
  }));
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: addedTokens,
    normalizer: null,
    pre_tokenizer: {
      type: 'Sequence',
      pretokenizers: [
        { type: 'Split', pattern: { Regex: options.pattern }, behavior: 'Isolated', invert: false },
        { type: 'ByteLevel', add_prefix_space: false, trim_offsets: true, use_regex: false },
      ],
    },
    post_processor: null,
    decoder: { type: 'ByteLevel', add_prefix_space: true, trim_offsets: true, use_regex: true },
    model: {
      type: 'BPE',
      dropout: null,
      unk_token: null,
      continuing_subword_prefix: null,
      end_of_word_suffix: null,
      fuse_unk: false,
      byte_fallback: false,
      ignore_merges: false,
      vocab,
      merges,
    },
  };
}
