import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { artifactsFromTokenizerJson, tokenMap } from './vocabulary-artifacts.js';

describe('vocabulary artifacts', () => {
  it('reads model.vocab plus added_tokens from a tokenizer.json object', () => {
    const artifacts = artifactsFromTokenizerJson({ model: { vocab: { a: 0, b: 1 } }, added_tokens: [{ id: 2, content: '<boi>' }, { id: 1, content: 'b' }] });
    expect([...tokenMap(artifacts)]).toEqual([['a', 0], ['b', 1], ['<boi>', 2]]);
  });

  it('rejects a tokenizer.json without a vocab and ids that are not non-negative integers', () => {
    expect(() => artifactsFromTokenizerJson({ model: {} })).toThrowError(InvalidArgumentError);
    expect(() => tokenMap({ tokens: { x: -1 } })).toThrowError(/artifacts.tokens\["x"\]/);
  });
});
