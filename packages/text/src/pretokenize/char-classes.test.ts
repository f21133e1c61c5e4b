import { describe, expect, it } from 'vitest';
import { CONTINUATION, LETTER_OTHER, LOWER, MARK, NEWLINE, NUMBER, OTHER, SPACE, UPPER, classifyText } from './char-classes.js';

// Reference: one Unicode property test per character, in the scanners' precedence order.
function expected(ch: string): number {
  if (ch === '\n' || ch === '\r') return NEWLINE;
  if (/[\t-\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/u.test(ch)) return SPACE;
  if (/\p{Lu}|\p{Lt}/u.test(ch)) return UPPER;
  if (/\p{Ll}/u.test(ch)) return LOWER;
  if (/\p{Lm}|\p{Lo}/u.test(ch)) return LETTER_OTHER;
  if (/\p{M}/u.test(ch)) return MARK;
  if (/\p{N}/u.test(ch)) return NUMBER;
  return OTHER;
}

describe('classifyText', () => {
  it('classifies every BMP character as the Unicode properties say', () => {
    let text = '';
    for (let c = 0; c < 0x10000; c++) if (c < 0xd800 || c > 0xdfff) text += String.fromCharCode(c);
    const classes = new Uint8Array(text.length + 1);
    classifyText(text, classes);
    const wrong: string[] = [];
    for (let i = 0; i < text.length; i++) if (classes[i] !== expected(text[i] as string)) wrong.push(text.charCodeAt(i).toString(16));
    expect(wrong).toEqual([]);
  });

  it('classifies astral characters as the Unicode properties say (every 7th code point above U+FFFF)', () => {
    let text = '';
    for (let cp = 0x10000; cp <= 0x10ffff; cp += 7) text += String.fromCodePoint(cp);
    const classes = new Uint8Array(text.length + 1);
    classifyText(text, classes);
    const wrong: string[] = [];
    for (let i = 0; i < text.length; i += 2) {
      const ch = String.fromCodePoint(text.codePointAt(i) as number);
      if (classes[i] !== expected(ch) || classes[i + 1] !== CONTINUATION) wrong.push((text.codePointAt(i) as number).toString(16));
    }
    expect(wrong).toEqual([]);
  });

  it('marks surrogate pairs, classes astral characters, and treats lone surrogates as symbols', () => {
    const text = '𝐀🎉\ud800x';
    const classes = new Uint8Array(text.length + 1).fill(99);
    classifyText(text, classes);
    expect(Array.from(classes)).toEqual([UPPER, CONTINUATION, OTHER, CONTINUATION, OTHER, LOWER, OTHER]);
  });
});
