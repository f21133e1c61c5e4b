import { describe, expect, it } from 'vitest';
import { CharIds } from './char-ids.js';
import { fromTokenizerJson } from './from-tokenizer-json.js';
import { findWordCuts } from './word-cuts.js';

// A SentencePiece-style model with no pre-tokenizer (the whole text is one word, as Llama 2's and Gemma's
// tokenizer.json give it to the model), where one merge joins a token ending in '>' with one starting
// with '▁' — as Gemma 3's '>' + '▁</' does.
const tokens = ['▁', 'a', '>', '▁a', '>▁a', '<0x3C>'];
const vocab = Object.fromEntries(tokens.map((t, id) => [t, id]));
const model = (merges: string[]): object => ({
  normalizer: { type: 'Replace', pattern: { String: ' ' }, content: '▁' },
  pre_tokenizer: null,
  model: { type: 'BPE', byte_fallback: true, unk_token: null, vocab, merges },
});

const charIdsOf = (list: Array<string | undefined>): CharIds =>
  CharIds.fromTokens(list.length, (id) => list[id]?.length ?? -1, (id) => list[id]);

describe('findWordCuts', () => {
  const merges = (pairs: Array<[number, number, number]>): Int32Array => Int32Array.from(pairs.flat());

  it('cuts before the character most tokens start with, except after a character a merge joins across it', () => {
    const cuts = findWordCuts(tokens.length, (id) => tokens[id], merges([[0, 1, 3], [2, 3, 4]]), charIdsOf(tokens), (id) => id === 5);
    expect(cuts?.unit).toBe('▁'.charCodeAt(0));
    expect(cuts?.unsafeBefore['>'.charCodeAt(0)]).toBe(1);
    expect(cuts?.unsafeBefore['a'.charCodeAt(0)]).toBe(0);
  });

  it('finds no cut when a byte token is merged with a token starting with the cut character', () => {
    expect(findWordCuts(tokens.length, (id) => tokens[id], merges([[0, 1, 3], [5, 3, 4]]), charIdsOf(tokens), (id) => id === 5)).toBeNull();
  });

  it('finds no cut when the cut character has no token of its own', () => {
    const without = tokens.map((t) => (t === '▁' ? undefined : t));
    expect(findWordCuts(without.length, (id) => without[id], merges([]), charIdsOf(without), (id) => id === 5)).toBeNull();
  });
});

describe('a character-level word encoded in cut pieces', () => {
  it('gives the ids of the whole word, also where a merge crosses a space mark', () => {
    const tokenizer = fromTokenizerJson(model(['▁ a', '> ▁a']));
    // "a> a a" → "a>▁a▁a". Merges on paper: ▁+a twice (line 0) → a > ▁a ▁a; then >+▁a (line 1) → a >▁a ▁a.
    // Cutting before the first ▁ (after '>') would leave a > ▁a ▁a = [1, 2, 3, 3].
    expect(tokenizer.encode('a> a a')).toEqual([1, 4, 3]);
    expect(tokenizer.encode('a a>')).toEqual([1, 3, 2]);
  });
});
