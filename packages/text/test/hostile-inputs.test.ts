// Vocabulary files and tokenizer.json from an untrusted hub: typed errors before anything large is
// allocated, no regex that can hang the process, no token silently lost.
import { InvalidArgumentError, InvalidSpecError, UnsupportedError } from '@jointok/core';
import { describe, expect, it } from 'vitest';
import { encodeBase64 } from '@jointok/core/internal';
import { InvalidVocabularyError, UnsupportedRegexError } from '../src/errors/index.js';
import { fromTiktoken } from '../src/encodings/from-tiktoken.js';
import { getEncoding } from '../src/encodings/get-encoding.js';
import { BYTE_TO_CHAR } from '../src/tokenizer-json/byte-level-alphabet.js';
import { fromTokenizerJson } from '../src/tokenizer-json/from-tokenizer-json.js';
import { parseTiktokenRanks } from '../src/vocabulary/tiktoken-file.js';

const line = (bytes: number[], rank: number) => `${encodeBase64(Uint8Array.from(bytes))} ${rank}`;
/** The 256 single bytes as ranks 0..255, plus extra lines. */
const ranks = (...extra: string[]) => [...Array.from({ length: 256 }, (_, b) => line([b], b)), ...extra].join('\n');
const pattern = "'s| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+";
const quickly = <T>(work: () => T): T => {
  const started = performance.now();
  try {
    return work();
  } finally {
    expect(performance.now() - started).toBeLessThan(1_000);
  }
};

describe('.tiktoken rank files', () => {
  it.each([50_000_000, 2 ** 32 - 2, 2 ** 53 - 1])('refuses a lone rank of %d before allocating', (rank) => {
    expect(() => quickly(() => parseTiktokenRanks(ranks(line([97, 98], rank))))).toThrow(InvalidVocabularyError);
  });

  it('accepts a few holes, as published files have', () => {
    expect(parseTiktokenRanks(ranks(line([97, 98], 300))).offsets.length).toBe(302);
  });
});

describe('fromTiktoken special tokens', () => {
  const build = (specialTokens: Record<string, number>) => () => quickly(() => fromTiktoken(ranks(), { pattern, specialTokens }));
  it.each([
    ['an id that a rank holds', { '<|x|>': 97 }, /the rank of an ordinary token/],
    ['a negative id', { '<|x|>': -1 }, /an integer id/],
    ['a fractional id', { '<|x|>': 256.5 }, /an integer id/],
    ['an id of 1e9', { '<|x|>': 1e9 }, /without large gaps/],
    ['an empty literal', { '': 256 }, /a non-empty literal/],
    ['two literals on one id', { '<|a|>': 256, '<|b|>': 256 }, /also the id of "<\|a\|>"/],
  ])('refuses %s', (_, specialTokens, message) => {
    expect(build(specialTokens)).toThrow(InvalidVocabularyError);
    expect(build(specialTokens)).toThrow(message);
  });

  it('accepts ids just past the ranks', () => {
    const enc = fromTiktoken(ranks(), { pattern, specialTokens: { '<|end|>': 256, '<|pad|>': 260 } });
    expect(enc.encode('<|end|>', { allowedSpecial: 'all' })).toEqual([256]);
  });
});

describe('decode options', () => {
  it('refuses an unknown errors mode instead of acting as strict', async () => {
    const enc = await getEncoding('cl100k_base');
    expect(() => enc.decode([1, 2], { errors: 'ignore' as never })).toThrow(InvalidArgumentError);
  });
});

describe('regexes that could backtrack exponentially', () => {
  it.each(['(a+)+$', '(a|a)*b', '(?:\\s*x?)+y', '((ab)*c)+'])('%s is refused at load, not run', (regex) => {
    expect(() => quickly(() => fromTiktoken(ranks(), { pattern: regex }))).toThrow(UnsupportedRegexError);
  });

  it('published patterns pass', () => {
    for (const safe of [pattern, "(?i:'s|'t|'re)?[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}{1,3}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+", '[\\p{L}]{2,}x', '(ab)?c+']) {
      expect(() => fromTiktoken(ranks(), { pattern: safe })).not.toThrow();
    }
  });
});

describe('hostile tokenizer.json', () => {
  // A byte-level BPE over the 256 byte characters and one merge.
  const vocab: Record<string, number> = Object.fromEntries(Array.from({ length: 256 }, (_, b) => [BYTE_TO_CHAR[b]!, b]));
  const base = () => ({
    normalizer: null,
    pre_tokenizer: { type: 'ByteLevel', add_prefix_space: false, trim_offsets: true, use_regex: true },
    post_processor: null,
    decoder: { type: 'ByteLevel' },
    added_tokens: [] as unknown[],
    truncation: null,
    padding: null,
    model: { type: 'BPE', vocab: { ...vocab, ab: 256 }, merges: ['a b'] },
  });

  it('loads the sound file', () => {
    expect(fromTokenizerJson(base()).encode('ab', { addSpecialTokens: false })).toEqual([256]);
  });

  it('refuses components nested 10,000 deep with a typed error', () => {
    let normalizer: unknown = { type: 'Lowercase' };
    for (let i = 0; i < 10_000; i++) normalizer = { type: 'Sequence', normalizers: [normalizer] };
    expect(() => fromTokenizerJson({ ...base(), normalizer })).toThrow(InvalidSpecError);
    expect(() => fromTokenizerJson(JSON.stringify({ ...base(), normalizer: null }).replace('"normalizer":null', `"normalizer":${'{"type":"Sequence","normalizers":['.repeat(10_000)}{"type":"Lowercase"}${']}'.repeat(10_000)}`))).toThrow(/nested at most 64/);
  });

  it('refuses a vocabulary id of 1e9 before allocating', () => {
    expect(() => quickly(() => fromTokenizerJson({ ...base(), model: { ...base().model, vocab: { ...vocab, ab: 1e9 } } }))).toThrow(InvalidVocabularyError);
  });

  it('refuses two tokens on one id', () => {
    expect(() => fromTokenizerJson({ ...base(), model: { ...base().model, vocab: { ...vocab, ab: 97 } } })).toThrow(/which "a" has too/);
  });

  it('refuses an added token whose id is another token', () => {
    const added = [{ id: 98, content: '<|x|>', special: true }];
    expect(() => fromTokenizerJson({ ...base(), added_tokens: added })).toThrow(/added_tokens\[0\] \("<\|x\|>"\) has id 98, which "b" has too/);
    const twice = [{ id: 300, content: '<|x|>', special: true }, { id: 300, content: '<|y|>', special: true }];
    expect(() => fromTokenizerJson({ ...base(), added_tokens: twice })).toThrow(/which "<\|x\|>" has too/);
    // Hugging Face gives an added token that is a vocabulary token that token's id: not a clash.
    expect(() => fromTokenizerJson({ ...base(), added_tokens: [{ id: 5000, content: 'ab', special: false }] })).not.toThrow();
  });

  it('refuses truncation and padding instead of ignoring them', () => {
    expect(() => fromTokenizerJson({ ...base(), truncation: { max_length: 8, strategy: 'LongestFirst', direction: 'Right', stride: 0 } })).toThrow(UnsupportedError);
    expect(() => fromTokenizerJson({ ...base(), padding: { strategy: 'BatchLongest', pad_id: 0 } })).toThrow(/padding/);
  });

  it('refuses a byte-level vocabulary without every byte token, at load', () => {
    const { [BYTE_TO_CHAR[0x41]!]: _, ...missing } = vocab;
    expect(() => fromTokenizerJson({ ...base(), model: { type: 'BPE', vocab: missing, merges: [] } })).toThrow(/lacks the byte-level token "A" for byte 0x41/);
  });
});

describe('lookarounds in repeated groups', () => {
  it('are atomic, so repetition inside them is allowed (the converter writes such gap patterns)', () => {
    expect(() => fromTiktoken(ranks(), { pattern: '(?:(?!(?:\\p{L}+))[\\p{L}\\P{L}])+' })).not.toThrow();
    expect(() => fromTiktoken(ranks(), { pattern: '(?:(?=a+)a+)+' })).toThrow(UnsupportedRegexError);
  });
});
