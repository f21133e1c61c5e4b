import { applyJsonMutations, applyTextMutations, defineFuzzTarget, jsonMutation, textMutation } from '@jointok/core/fuzz';
import fc from 'fast-check';
import { fromTokenizerJson } from '../tokenizer-json/index.js';

/** What `text/tokenizer-json` feeds to `fromTokenizerJson`. */
export type TokenizerJsonInput =
  /** Damaged JSON text. */
  | { readonly kind: 'text'; readonly json: string; readonly text: string }
  /** A structurally edited document, given as an object. */
  | { readonly kind: 'object'; readonly json: unknown; readonly text: string };

const KEYS = ['type', 'model', 'vocab', 'merges', 'added_tokens', 'id', 'content', 'special', 'normalizer', 'normalizers', 'pre_tokenizer', 'pretokenizers', 'pattern', 'Regex', 'String', 'decoder', 'decoders', 'post_processor', 'single', 'pair', 'special_tokens', 'ids', 'byte_fallback', 'unk_token', 'truncation', 'padding', 'add_prefix_space', 'use_regex', 'behavior'];

/**
 * `text/tokenizer-json`: Hugging Face `tokenizer.json` documents (a trained byte-level BPE and a
 * byte-fallback SentencePiece-style one, edited structurally or damaged as text) through
 * `fromTokenizerJson`; an accepted tokenizer then encodes and decodes a string, which may only
 * throw typed errors and must stay within the time budget (a hostile regex cannot hang it).
 */
export function tokenizerJsonTarget(seeds: readonly Record<string, unknown>[]) {
  const seed = fc.constantFrom(...seeds);
  const text = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('ab ab aé', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!', '<s> hello\n\n  world'));
  const input: fc.Arbitrary<TokenizerJsonInput> = fc.oneof(
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('text' as const), json: fc.tuple(seed, fc.array(textMutation(), { minLength: 1, maxLength: 3 })).map(([document, edits]) => applyTextMutations(JSON.stringify(document), edits)), text }) },
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('object' as const), json: fc.tuple(seed, fc.array(jsonMutation({ keys: KEYS }), { minLength: 0, maxLength: 3 })).map(([document, edits]) => applyJsonMutations(document, edits)), text }) },
  );
  return defineFuzzTarget<TokenizerJsonInput>({
    name: 'text/tokenizer-json',
    description: 'tokenizer.json text and objects → fromTokenizerJson, then encode/decode',
    input,
    run(input) {
      const tokenizer = fromTokenizerJson(input.json as string | object);
      const ids = tokenizer.encode(input.text);
      tokenizer.decode(ids);
      tokenizer.decode(ids, { skipSpecialTokens: true });
    },
  });
}
