import { describe, expect, it } from 'vitest';
import { get_encoding, type TiktokenEncoding } from 'tiktoken';
import { cl100kBase } from '../src/encodings/cl100k-base.js';
import { o200kBase } from '../src/encodings/o200k-base.js';
import { loadCorpus } from './load-corpus.js';

// The reference is OpenAI's tiktoken (Rust compiled to WASM, npm `tiktoken`), run live on every
// document: ids must be identical, with and without special tokens.
const corpus = loadCorpus();

describe.each([
  ['o200k_base', o200kBase],
  ['cl100k_base', cl100kBase],
] as const)('%s parity with tiktoken on %s', (name, load) => {
  const ours = load();
  const reference = get_encoding(name as TiktokenEncoding);

  it(`encodeOrdinary matches on ${corpus.documents.length} documents (${corpus.source})`, () => {
    let mismatches = 0;
    let tokens = 0;
    for (const [i, text] of corpus.documents.entries()) {
      const expected = Array.from(reference.encode_ordinary(text));
      const actual = ours.encodeOrdinary(text);
      tokens += expected.length;
      if (actual.length !== expected.length || actual.some((id, k) => id !== expected[k])) {
        mismatches++;
        if (mismatches <= 3) expect({ document: i, ids: actual }).toEqual({ document: i, ids: expected });
      }
    }
    expect(mismatches).toBe(0);
    expect(tokens).toBeGreaterThan(1000);
  });

  it('encode with allowedSpecial: all matches', () => {
    for (const text of corpus.documents) {
      expect(ours.encode(text, { allowedSpecial: 'all' })).toEqual(Array.from(reference.encode(text, 'all')));
    }
  });

  it('decode inverts encode (lone surrogates come back as U+FFFD)', () => {
    for (const text of corpus.documents) {
      expect(ours.decode(ours.encodeOrdinary(text))).toBe(text.toWellFormed());
    }
  });

  it('decodeBytes matches tiktoken decode byte for byte', () => {
    for (const text of corpus.documents.slice(0, 20)) {
      const ids = reference.encode_ordinary(text);
      expect(ours.decodeBytes(Array.from(ids))).toEqual(reference.decode(ids));
    }
  });
});
