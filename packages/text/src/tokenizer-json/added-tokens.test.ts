import { describe, expect, it } from 'vitest';
import { AddedTokenSplitter, type AddedToken } from './added-tokens.js';

const token = (id: number, content: string, flags: Partial<AddedToken> = {}): AddedToken => ({ id, content, special: true, lstrip: false, rstrip: false, singleWord: false, normalized: false, ...flags });

describe('AddedTokenSplitter', () => {
  it('takes the leftmost match, and the longest literal there', () => {
    const splitter = new AddedTokenSplitter([token(1, '<a>'), token(2, '<a><b>'), token(3, '\n'), token(4, '\n\n')]);
    expect(splitter.split('x<a><b>y\n\n\nz')).toEqual([
      { text: 'x', start: 0 },
      { id: 2, start: 1, end: 7 },
      { text: 'y', start: 7 },
      { id: 4, start: 8, end: 10 },
      { id: 3, start: 10, end: 11 },
      { text: 'z', start: 11 },
    ]);
    expect(splitter.split('<a>')).toEqual([{ id: 1, start: 0, end: 3 }]);
    expect(splitter.split('')).toEqual([]);
  });

  it('skips a single_word literal inside a word without trying shorter ones at that place', () => {
    const splitter = new AddedTokenSplitter([token(1, 'ab', { singleWord: true }), token(2, 'a')]);
    // At 1 "ab" is inside the word "xab": no match there, and "a" is not tried at 1 either; nothing
    // else matches after it. In "x ab", "ab" stands alone.
    expect(splitter.split('xab')).toEqual([{ text: 'xab', start: 0 }]);
    expect(splitter.split('x ab')).toEqual([{ text: 'x ', start: 0 }, { id: 1, start: 2, end: 4 }]);
  });

  it('absorbs whitespace on the sides lstrip and rstrip name', () => {
    const splitter = new AddedTokenSplitter([token(1, '<m>', { lstrip: true, rstrip: true })]);
    expect(splitter.split('a  <m> \tb')).toEqual([{ text: 'a', start: 0 }, { id: 1, start: 1, end: 8 }, { text: 'b', start: 8 }]);
  });
});
