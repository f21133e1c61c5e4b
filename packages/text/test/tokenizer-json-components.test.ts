import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { fromTokenizerJson } from '../src/tokenizer-json/index.js';
import { loadCorpus } from './load-corpus.js';

// Component variants the shipped tokenizer.json files do not exercise, checked against Hugging Face's
// Rust `tokenizers` by swapping stages into real files (Llama 3 byte-level, Mistral/Llama 2 byte-fallback).
const require = createRequire(import.meta.url);
const { Tokenizer } = require('tokenizers') as {
  Tokenizer: { fromString(json: string): { encode(t: string, p: null, o: { addSpecialTokens: boolean }): Promise<{ getIds(): number[] }>; decode(ids: number[], skip: boolean): Promise<string> } };
};
const load = (name: string): Record<string, unknown> => JSON.parse(readFileSync(require.resolve(`@lenml/tokenizer-${name}/models/tokenizer.json`), 'utf8'));
const llama3 = load('llama3');
const llama2 = load('llama2');
const documents = loadCorpus().documents.filter((d) => !d.includes('<|') && !d.includes('<s>')).slice(0, 25);
const CL100K = (llama3.pre_tokenizer as { pretokenizers: Array<{ pattern: unknown }> }).pretokenizers[0]!.pattern;
const byteLevel = { type: 'ByteLevel', add_prefix_space: false, trim_offsets: true, use_regex: false };

const variants: Array<[string, Record<string, unknown>]> = [
  ['Digits(individual) + Split + ByteLevel', { ...llama3, pre_tokenizer: { type: 'Sequence', pretokenizers: [{ type: 'Digits', individual_digits: true }, { type: 'Split', pattern: CL100K, behavior: 'Isolated', invert: false }, byteLevel] } }],
  ['ByteLevel with the GPT-2 regex and a prefix space', { ...llama3, pre_tokenizer: { type: 'ByteLevel', add_prefix_space: true, trim_offsets: true, use_regex: true } }],
  ...(['MergedWithPrevious', 'MergedWithNext', 'Contiguous', 'Removed'] as const).map(
    (behavior): [string, Record<string, unknown>] => [`Split on " " ${behavior}`, { ...llama3, pre_tokenizer: { type: 'Sequence', pretokenizers: [{ type: 'Split', pattern: { String: ' ' }, behavior, invert: false }, byteLevel] } }],
  ),
  ['Split regex \\s+ Removed, inverted', { ...llama3, pre_tokenizer: { type: 'Sequence', pretokenizers: [{ type: 'Split', pattern: { Regex: '\\s+' }, behavior: 'Removed', invert: true }, byteLevel] } }],
  ['NFKC + Lowercase normalizers', { ...llama3, normalizer: { type: 'Sequence', normalizers: [{ type: 'NFKC' }, { type: 'Lowercase' }] } }],
  ...(['always', 'first', 'never'] as const).map((scheme): [string, Record<string, unknown>] => [
    `Metaspace prepend_scheme ${scheme}`,
    { ...llama2, normalizer: null, pre_tokenizer: { type: 'Metaspace', replacement: '▁', prepend_scheme: scheme, split: true }, decoder: { type: 'Metaspace', replacement: '▁', prepend_scheme: scheme, split: true } },
  ]),
  ['Metaspace without split', { ...llama2, normalizer: null, pre_tokenizer: { type: 'Metaspace', replacement: '▁', prepend_scheme: 'always', split: false } }],
];

describe.each(variants)('tokenizer.json variant: %s', (_name, json) => {
  const text = JSON.stringify(json);
  const ours = fromTokenizerJson(text);
  const reference = Tokenizer.fromString(text);
  it('encodes and decodes like Hugging Face tokenizers', async () => {
    for (const doc of documents) {
      const expected = (await reference.encode(doc, null, { addSpecialTokens: false })).getIds();
      expect(ours.encode(doc, { addSpecialTokens: false })).toEqual(expected);
      expect(ours.decode(expected)).toBe(await reference.decode(expected, false));
    }
  });
});
