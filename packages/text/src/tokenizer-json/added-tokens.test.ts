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

  it('finds literals the same way with few first units (one character class) and with many (a scan)', () => {
    // 80 literals with 80 different first units take the scan; the same two among them alone take the class.
    const many = Array.from({ length: 80 }, (_, i) => token(i, `${String.fromCharCode(0x4e00 + i)}!`));
    const probe = 'a\u4e00!b\u4e01c\u4e4f!\u4e4f!';
    const expected = [
      { text: 'a', start: 0 },
      { id: 0, start: 1, end: 3 },
      { text: 'b\u4e01c', start: 3 },
      { id: 79, start: 6, end: 8 },
      { id: 79, start: 8, end: 10 },
    ];
    expect(new AddedTokenSplitter(many).split(probe)).toEqual(expected);
    expect(new AddedTokenSplitter([many[0]!, many[79]!]).split(probe)).toEqual(expected);
  });

  it('finds a literal whose first unit is common in the text only where its second unit follows', () => {
    // '▁' starts no one-unit literal: a lone '▁' (every word of a normalized Gemma text) is no candidate.
    const literals = [token(1, '\u2581\u2581'), token(2, '\u2581\u2581\u2581'), token(3, 'ab'), token(4, 'ac'), token(5, 'b')];
    const probe = '\u2581a\u2581\u2581b\u2581\u2581\u2581\u2581ad\u2581';
    const got = new AddedTokenSplitter(literals).split(probe);
    // The same split by the unit scan (more first units than the regex takes).
    const scanned = new AddedTokenSplitter([...literals, ...Array.from({ length: 80 }, (_, i) => token(100 + i, `${String.fromCharCode(0x4e00 + i)}!`))]).split(probe);
    expect(got.map((segment) => ('id' in segment ? segment.id : segment.text))).toEqual(['\u2581a', 1, 5, 2, '\u2581ad\u2581']);
    expect(got).toEqual(scanned);
  });

  it('matches literals that start with a surrogate or a character the regex syntax uses', () => {
    const splitter = new AddedTokenSplitter([token(1, '\u{1F600}x'), token(2, ']'), token(3, '\\'), token(4, '^')]);
    expect(splitter.split('a\u{1F600}x]\\^')).toEqual([{ text: 'a', start: 0 }, { id: 1, start: 1, end: 4 }, { id: 2, start: 4, end: 5 }, { id: 3, start: 5, end: 6 }, { id: 4, start: 6, end: 7 }]);
  });
});
