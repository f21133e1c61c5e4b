/**
 * Character classes the tiktoken pre-tokenizers distinguish, one byte per UTF-16 code unit.
 * Each code point's class sits at its first unit; the low half of a surrogate pair gets
 * {@link CONTINUATION}, so scanners step over whole code points.
 */
export const OTHER = 0; // punctuation, symbols, controls, lone surrogates: not L, N, M or White_Space
export const UPPER = 1; // Lu, Lt
export const LOWER = 2; // Ll
export const LETTER_OTHER = 3; // Lm, Lo
export const MARK = 4; // M
export const NUMBER = 5; // N
export const SPACE = 6; // White_Space other than \r and \n
export const NEWLINE = 7; // \r, \n
export const CONTINUATION = 8;

const UNKNOWN = 255;
// The class of every code point, filled one 256-code-point block at a time on first sight (1.1 MB).
// One table and one path for the Basic Multilingual Plane and the astral planes alike: an astral
// character takes the same (already compiled) path as any other, where a separate memo would leave a
// branch that V8 meets for the first time at the first new emoji of a fresh process, and then
// discards the optimised classifier.
const table = new Uint8Array(0x110000).fill(UNKNOWN);

// One regex whose capture group tells the class; used to classify a whole 256-code-point block at once,
// which is far cheaper than seven property tests per new character (CJK, Thai and Hangul text meet
// thousands of distinct characters).
const BLOCK_CLASSES = /([\n\r])|([\t-\f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000])|([\p{Lu}\p{Lt}])|(\p{Ll})|([\p{Lm}\p{Lo}])|(\p{M})|(\p{N})|([^])/gu;
const GROUP_CLASS = [NEWLINE, SPACE, UPPER, LOWER, LETTER_OTHER, MARK, NUMBER, OTHER];

function classifyBlock(block: number): void {
  let text = '';
  // Surrogate code points stand in as U+FFFD (a symbol): a lone surrogate is encoded as U+FFFD.
  for (let c = block << 8; c < (block + 1) << 8; c++) text += String.fromCodePoint(c >= 0xd800 && c <= 0xdfff ? 0xfffd : c);
  BLOCK_CLASSES.lastIndex = 0;
  let c = block << 8;
  for (let m = BLOCK_CLASSES.exec(text); m !== null; m = BLOCK_CLASSES.exec(text)) {
    let group = 1;
    while (m[group] === undefined) group++;
    table[c++] = GROUP_CLASS[group - 1] as number;
  }
}

function classOf(cp: number): number {
  let k = table[cp] as number;
  if (k === UNKNOWN) {
    classifyBlock(cp >> 8);
    k = table[cp] as number;
  }
  return k;
}

classifyBlock(0);

/**
 * Fills `out[0, text.length)` with the class of each code unit of `text` (see the constants above)
 * and writes an {@link OTHER} sentinel at `out[text.length]`, so that a scanner peeking one unit
 * past the end never sees a stale class from a longer earlier text. `out.length` must exceed `text.length`.
 */
export function classifyText(text: string, out: Uint8Array): void {
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) {
      out[i] = classOf(c);
    } else {
      const next = i + 1 < n ? text.charCodeAt(i + 1) : 0;
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        out[i] = classOf(0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00));
        out[++i] = CONTINUATION;
      } else out[i] = OTHER; // a lone surrogate is encoded as U+FFFD, a symbol (So)
    }
  }
  out[n] = OTHER;
}
