import { describe, expect, it } from 'vitest';
import { UnsupportedRegexError } from '../errors/index.js';
import { translateRegex } from './index.js';

const split = (pattern: string, text: string): string[] => [...text.matchAll(translateRegex(pattern))].map((m) => m[0]);

describe('translateRegex', () => {
  it('gives \\s the Unicode White_Space meaning of Rust, not JavaScript’s', () => {
    // U+0085 is White_Space (JavaScript \s misses it); U+FEFF is not (JavaScript \s has it).
    expect(split('\\s+|\\S+', 'a\u0085b\ufeffc')).toEqual(['a', '\u0085', 'b\ufeffc']);
    expect(split('[^\\s]+', 'x\u0085y')).toEqual(['x', 'y']);
  });

  it('expands (?i:...) with simple case folding, ſ and the Kelvin sign included', () => {
    expect(split("(?i:'s|'re)", "'S 'ſ 'rE 'x")).toEqual(["'S", "'ſ", "'rE"]);
    expect(split('(?i:k)', 'kK\u212ax')).toEqual(['k', 'K', '\u212a']);
  });

  it('keeps \\p classes, lookaheads and counted repeats', () => {
    expect(split('\\p{N}{1,3}|\\s+(?!\\S)|\\s+|\\pL+', '12345  ab')).toEqual(['123', '45', ' ', ' ', 'ab']);
  });

  it('makes . exclude only \\n, as in Rust', () => {
    expect(split('.+', 'a\rb\u2028c\nd')).toEqual(['a\rb\u2028c', 'd']);
  });

  it.each([
    ['\\bword\\b', '\\b'],
    ['(?x) a b', '(?x)'],
    ['a++', '+'],
    ['(?>ab)', '(?>ab)'],
    ['\\Gx', '\\G'],
    ['(a', 'an unclosed ('],
  ])('names the untranslatable construct in %s', (pattern, construct) => {
    try {
      translateRegex(pattern);
      expect.unreachable();
    } catch (error) {
      expect(UnsupportedRegexError.isInstance(error)).toBe(true);
      expect((error as UnsupportedRegexError).construct).toContain(construct);
    }
  });
});
