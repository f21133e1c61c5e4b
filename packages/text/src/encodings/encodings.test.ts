import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { InvalidArgumentError } from '@jointok/core';
import { get_encoding } from 'tiktoken';
import { describe, expect, it } from 'vitest';
import { InvalidVocabularyError } from '../errors/index.js';
import { CL100K_BASE_PATTERN, CL100K_BASE_SPECIAL_TOKENS } from './cl100k-base.js';
import { O200K_BASE_PATTERN, O200K_BASE_SPECIAL_TOKENS } from './o200k-base.js';
import { encodingForModel, encodingNameForModel, fromTiktoken, getEncoding } from './index.js';

const require = createRequire(import.meta.url);
const tiktokenDir = dirname(require.resolve('tiktoken'));
const registry = JSON.parse(readFileSync(join(tiktokenDir, 'registry.json'), 'utf8')) as Record<string, { pat_str: string; special_tokens: Record<string, number> }>;
const models = JSON.parse(readFileSync(join(tiktokenDir, 'model_to_encoding.json'), 'utf8')) as Record<string, string>;

describe('shipped encodings', () => {
  it("carry tiktoken's regexes and special tokens verbatim", () => {
    expect(O200K_BASE_PATTERN).toBe(registry.o200k_base?.pat_str);
    expect(O200K_BASE_SPECIAL_TOKENS).toEqual(registry.o200k_base?.special_tokens);
    expect(CL100K_BASE_PATTERN).toBe(registry.cl100k_base?.pat_str);
    expect(CL100K_BASE_SPECIAL_TOKENS).toEqual(registry.cl100k_base?.special_tokens);
  });

  it('getEncoding loads each by name and rejects others', async () => {
    expect((await getEncoding('o200k_base')).name).toBe('o200k_base');
    expect((await getEncoding('cl100k_base')).vocabularySize).toBe(100277);
    await expect(getEncoding('p50k_base' as 'o200k_base')).rejects.toThrow(InvalidArgumentError);
  });

  it("encodingForModel follows tiktoken's model table for every o200k/cl100k model", async () => {
    for (const [model, encoding] of Object.entries(models)) {
      if (encoding === 'o200k_base' || encoding === 'cl100k_base') expect([model, encodingNameForModel(model)]).toEqual([model, encoding]);
    }
    expect(encodingNameForModel('gpt-4o-2099-01-01')).toBe('o200k_base');
    expect(encodingNameForModel('gpt-4-0613')).toBe('cl100k_base');
    expect((await encodingForModel('gpt-4o')).name).toBe('o200k_base');
    await expect(encodingForModel('text-davinci-003')).rejects.toThrow(InvalidArgumentError);
  });
});

describe('fromTiktoken', () => {
  it('builds a working encoding from a .tiktoken file', () => {
    const ranks = readFileSync(join(dirname(require.resolve('gpt-tokenizer/package.json')), 'data', 'cl100k_base.tiktoken'));
    const encoding = fromTiktoken(ranks, { name: 'cl100k', pattern: CL100K_BASE_PATTERN, specialTokens: CL100K_BASE_SPECIAL_TOKENS });
    const text = "They'rEx 1234 日本語 <|endoftext|>";
    expect(encoding.encode(text, { allowedSpecial: 'all' })).toEqual(Array.from(get_encoding('cl100k_base').encode(text, 'all')));
  });

  it('rejects a malformed file or a missing pattern with typed errors', () => {
    expect(() => fromTiktoken('YQ== 0\ngarbage', { pattern: '.' })).toThrow(InvalidVocabularyError);
    expect(() => fromTiktoken('YQ== 0\n', {} as { pattern: string })).toThrow(InvalidArgumentError);
  });

  it('decodes a special token that sits in a gap of the ranks as itself (found by the long fuzz run)', () => {
    // Ranks 0–3 and 9 (ids 4–8 unused); the special token takes id 6, inside the gap.
    const file = ['YQ== 0', 'Yg== 1', 'Yw== 2', 'ZA== 3', 'ZQ== 9'].join('\n');
    const encoding = fromTiktoken(file, { pattern: '\\p{L}+|[^\\p{L}]+', specialTokens: { '<|x|>': 6 } });
    expect(encoding.decode([6])).toBe('<|x|>');
    expect(encoding.decode([3, 6, 9])).toBe('d<|x|>e');
    const ids = encoding.encode('<|x|>abcde', { allowedSpecial: 'all' });
    expect(encoding.decode(ids)).toBe('<|x|>abcde');
  });

  it('refuses special-token literals longer than 1,024 characters with a typed error', () => {
    // A million-character literal made the literal-matching regex too large: a raw SyntaxError.
    expect(() => fromTiktoken('YQ== 0\n', { pattern: '.', specialTokens: { ['a'.repeat(1_000_000)]: 1 } })).toThrow(InvalidVocabularyError);
    expect(fromTiktoken('YQ== 0\n', { pattern: '.', specialTokens: { ['<'.repeat(1024)]: 1 } }).decode([1])).toHaveLength(1024);
  });
});
