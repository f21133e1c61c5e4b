import { InvalidSpecError, UnsupportedError } from '@jointok/core';
import { describe, expect, it } from 'vitest';
import { UnknownTokenIdError, UnsupportedRegexError } from '../errors/index.js';
import { fromTokenizerJson } from './index.js';

// A tiny byte-fallback model written by hand: vocabulary, merges and expected ids worked out on paper.
const tiny = {
  normalizer: { type: 'Sequence', normalizers: [{ type: 'Prepend', prepend: '▁' }, { type: 'Replace', pattern: { String: ' ' }, content: '▁' }] },
  pre_tokenizer: null,
  post_processor: { type: 'TemplateProcessing', single: [{ SpecialToken: { id: '<s>', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }], special_tokens: { '<s>': { id: '<s>', ids: [1] } } },
  decoder: { type: 'Sequence', decoders: [{ type: 'Replace', pattern: { String: '▁' }, content: ' ' }, { type: 'ByteFallback' }, { type: 'Fuse' }, { type: 'Strip', content: ' ', start: 1, stop: 0 }] },
  added_tokens: [{ id: 1, content: '<s>', special: true }],
  model: {
    type: 'BPE',
    byte_fallback: true,
    unk_token: '<unk>',
    vocab: { '<unk>': 0, '<s>': 1, '<0xC3>': 2, '<0xA9>': 3, '▁': 4, a: 5, b: 6, '▁a': 7, ab: 8, '▁ab': 9 },
    merges: ['a b', '▁ a', '▁ ab'],
  },
};

describe('fromTokenizerJson', () => {
  it('encodes with merge priority, byte fallback and the template', () => {
    const tokenizer = fromTokenizerJson(tiny);
    // "ab ab": ▁ab▁ab → merges a+b (priority 0) first → ▁ ab ▁ ab → ▁+ab (priority 2) → ▁ab ▁ab.
    expect(tokenizer.encode('ab ab', { addSpecialTokens: false })).toEqual([9, 9]);
    // "é" is not in the vocabulary: its UTF-8 bytes C3 A9 become <0xC3> <0xA9>.
    expect(tokenizer.encode('aé')).toEqual([1, 7, 2, 3]);
    // Decoders run over all tokens: Replace ▁→' ', ByteFallback, Fuse, then Strip removes one leading
    // space of the fused text — which here starts with '<s>', so the space after it stays.
    expect(tokenizer.decode([1, 7, 2, 3])).toBe('<s> aé');
    expect(tokenizer.decode([1, 7, 2, 3], { skipSpecialTokens: true })).toBe('aé');
    // A lone byte token that is not UTF-8 decodes to U+FFFD, as in Hugging Face.
    expect(tokenizer.decode([7, 2])).toBe('a\ufffd');
  });

  it('names unsupported components by JSON path and type', () => {
    const cases: Array<[object, RegExp]> = [
      [{ ...tiny, model: { ...tiny.model, type: 'WordPiece' } }, /model of type "WordPiece"/],
      [{ ...tiny, normalizer: { type: 'BertNormalizer' } }, /normalizer of type "BertNormalizer"/],
      [{ ...tiny, pre_tokenizer: { type: 'Sequence', pretokenizers: [{ type: 'Whitespace' }] } }, /pre_tokenizer\.pretokenizers\[0\] of type "Whitespace"/],
      [{ ...tiny, decoder: { type: 'WordPiece' } }, /decoder of type "WordPiece"/],
      [{ ...tiny, post_processor: { type: 'Mystery' } }, /post_processor of type "Mystery"/],
      [{ ...tiny, model: { ...tiny.model, continuing_subword_prefix: '##' } }, /continuing_subword_prefix/],
    ];
    for (const [json, message] of cases) {
      expect(() => fromTokenizerJson(json)).toThrow(UnsupportedError);
      expect(() => fromTokenizerJson(json)).toThrow(message);
    }
  });

  it('matches added tokens holding regex syntax, a hyphen included, literally (found by the long fuzz run)', () => {
    // An escaped hyphen is a SyntaxError under the u flag: a token like SantaCoder's <fim-prefix> made loading throw.
    const tokenizer = fromTokenizerJson({ ...tiny, added_tokens: [...tiny.added_tokens, { id: 10, content: '<a-b.*>', special: true }] });
    expect(tokenizer.encode('ab<a-b.*>ab', { addSpecialTokens: false })).toEqual([9, 10, 9]);
    expect(tokenizer.encode('ab<aXb..>', { addSpecialTokens: false })).not.toContain(10);
  });

  it('refuses tokens, replacements and patterns past their documented lengths, before building regexes', () => {
    // Found by the long fuzz run: a 427,722-character Split regex threw a raw SyntaxError at its first match,
    // and a million-character Replace content made a 30-character encode take 2.5 s.
    const long = 'a'.repeat(1025);
    const cases: object[] = [
      { ...tiny, added_tokens: [...tiny.added_tokens, { id: 10, content: long, special: true }] },
      { ...tiny, normalizer: { type: 'Replace', pattern: { String: ' ' }, content: long } },
      { ...tiny, normalizer: { type: 'Replace', pattern: { String: long }, content: ' ' } },
      { ...tiny, pre_tokenizer: { type: 'Split', pattern: { Regex: 'a'.repeat(8193) }, behavior: 'Isolated', invert: false } },
    ];
    for (const json of cases) expect(() => fromTokenizerJson(json)).toThrowError(InvalidSpecError);
    expect(fromTokenizerJson({ ...tiny, added_tokens: [...tiny.added_tokens, { id: 10, content: 'b'.repeat(1024), special: true }] }).encode('b'.repeat(1024), { addSpecialTokens: false })).toEqual([10]);
  });

  it('names malformed fields with InvalidSpecError', () => {
    expect(() => fromTokenizerJson('{not json')).toThrow(InvalidSpecError);
    expect(() => fromTokenizerJson({ ...tiny, model: { ...tiny.model, merges: ['a zz'] } })).toThrow(/model\.merges\[0\]/);
    expect(() => fromTokenizerJson({ ...tiny, model: { ...tiny.model, vocab: { a: -1 } } })).toThrow(InvalidSpecError);
    expect(() => fromTokenizerJson({ ...tiny, added_tokens: [{ content: 'x' }] })).toThrow(/added_tokens\[0\]\.id/);
    expect(() => fromTokenizerJson({ ...tiny, added_tokens: [{ id: 1, content: 'x', normalized: 'yes' }] })).toThrow(/added_tokens\[0\]\.normalized/);
    // Found by the fuzz run: a post-processor id that is a million-item array was emitted by encode.
    const template = tiny.post_processor as { special_tokens: Record<string, object> };
    for (const bad of [new Array(1_000_000).fill(1), -1, 1.5, '1']) {
      const json = { ...tiny, post_processor: { ...template, special_tokens: { '<s>': { id: '<s>', ids: [bad] } } } };
      expect(() => fromTokenizerJson(json)).toThrow(/post_processor\.special_tokens\["<s>"\]\.ids\[0\]/);
    }
    expect(() => fromTokenizerJson({ ...tiny, post_processor: { type: 'BertProcessing', cls: ['[CLS]', 'x'], sep: ['[SEP]', 2] } })).toThrow(/post_processor\.cls\[1\]/);
  });

  it('rejects a Split regex JavaScript cannot express, naming the construct', () => {
    const json = { ...tiny, pre_tokenizer: { type: 'Split', pattern: { Regex: '\\bword\\b' }, behavior: 'Isolated', invert: false } };
    expect(() => fromTokenizerJson(json)).toThrow(UnsupportedRegexError);
  });

  it('rejects unknown ids in decode', () => {
    expect(() => fromTokenizerJson(tiny).decode([5, 99])).toThrow(UnknownTokenIdError);
  });
});
