import { CONTINUATION, LETTER_OTHER, LOWER, MARK, NEWLINE, NUMBER, OTHER, SPACE, UPPER } from './char-classes.js';

/**
 * Returns the end of the pre-token that starts at `start`. `classes` holds the class of each code
 * unit (see char-classes.ts). A scanner reproduces one regex's leftmost-first, greedy-with-backtracking
 * semantics exactly, without a regex engine or a match object per piece.
 */
export type PieceScanner = (text: string, classes: Uint8Array, start: number) => number;

// The step is chosen as a constant and then added, so the addition runs (and is typed by V8) on every
// call: `cond ? i + 2 : i + 1` left the astral-plane arm unrun on Latin text, and the compiled
// scanner was discarded the first time a surrogate pair came by.
const next = (classes: Uint8Array, i: number): number => i + (classes[i + 1] === CONTINUATION ? 2 : 1);
const prev = (classes: Uint8Array, i: number): number => i - (classes[i - 1] === CONTINUATION ? 2 : 1);

// o200k: class1 = [\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}], class2 = [\p{Ll}\p{Lm}\p{Lo}\p{M}].
const isClass1 = (k: number): boolean => k === UPPER || k === LETTER_OTHER || k === MARK;
const isClass2 = (k: number): boolean => k === LOWER || k === LETTER_OTHER || k === MARK;
const isLetterish = (k: number): boolean => k >= UPPER && k <= MARK;
// [^\r\n\p{L}\p{N}]: what may precede a word (M counts, since it is not L).
const isPrefix = (k: number): boolean => k === OTHER || k === MARK || k === SPACE;
// [^\s\p{L}\p{N}]
const isPunct = (k: number): boolean => k === OTHER || k === MARK;
const isLetter = (k: number): boolean => k === UPPER || k === LOWER || k === LETTER_OTHER;
const isNewlineOrSlash = (c: number): boolean => c === 0x0d || c === 0x0a || c === 0x2f;

/** `(?i:'s|'t|'re|'ve|'m|'ll|'d)` at `i`: its end, or `i` when absent (ſ and K fold as in Rust). */
function contraction(text: string, i: number): number {
  // Reads stay inside the string: a `charCodeAt` past the end returns NaN, and V8 throws away the
  // compiled scanner the first time that happens.
  const n = text.length;
  if (i + 1 >= n || text.charCodeAt(i) !== 0x27) return i;
  const unit = text.charCodeAt(i + 1);
  const a = unit | 0x20;
  // ſ (U+017F) folds to s.
  if (a === 0x73 /* s */ || a === 0x74 /* t */ || a === 0x6d /* m */ || a === 0x64 /* d */ || unit === 0x17f) return i + 2;
  if (i + 2 >= n) return i;
  const b = text.charCodeAt(i + 2) | 0x20;
  if ((a === 0x72 /* r */ || a === 0x76) /* v */ && b === 0x65 /* e */) return i + 3;
  if (a === 0x6c /* l */ && b === 0x6c) return i + 3;
  return i;
}

/** `class1* class2+` from p with backtracking; end or -1. */
function o200kLowerWord(classes: Uint8Array, p: number, n: number): number {
  let i = p;
  while (i < n && isClass1(classes[i] as number)) i = next(classes, i);
  if (i < n && classes[i] === LOWER) {
    while (i < n && isClass2(classes[i] as number)) i = next(classes, i);
    return i;
  }
  // The star gives back characters until the last class2 one can start the plus.
  for (let k = i; k > p; ) {
    k = prev(classes, k);
    if (isClass2(classes[k] as number)) return next(classes, k);
  }
  return -1;
}

/** `class1+ class2*` from p; end or -1. */
function o200kUpperWord(classes: Uint8Array, p: number, n: number): number {
  let i = p;
  while (i < n && isClass1(classes[i] as number)) i = next(classes, i);
  if (i === p) return -1;
  while (i < n && isClass2(classes[i] as number)) i = next(classes, i);
  return i;
}

/** Alternatives 5–7, shared by both patterns: `\s*[\r\n]+`, `\s+(?!\S)`, `\s+` (start is White_Space). */
function whitespace(classes: Uint8Array, start: number, n: number): number {
  let end = start;
  let lastNewline = -1;
  while (end < n && (classes[end] === SPACE || classes[end] === NEWLINE)) {
    if (classes[end] === NEWLINE) lastNewline = end;
    end++;
  }
  if (lastNewline >= 0) return lastNewline + 1;
  if (end === n || end - start === 1) return end;
  return end - 1;
}

/** Scanner for o200k_base's pattern. */
export const scanO200k: PieceScanner = (text, classes, start) => {
  const n = text.length;
  const k = classes[start] as number;
  const afterPrefix = next(classes, start);
  let end: number;
  if (isPrefix(k) && afterPrefix < n && (end = o200kLowerWord(classes, afterPrefix, n)) >= 0) return contraction(text, end);
  if (isLetterish(k) && (end = o200kLowerWord(classes, start, n)) >= 0) return contraction(text, end);
  if (isPrefix(k) && afterPrefix < n && (end = o200kUpperWord(classes, afterPrefix, n)) >= 0) return contraction(text, end);
  if (isLetterish(k) && (end = o200kUpperWord(classes, start, n)) >= 0) return contraction(text, end);
  if (k === NUMBER) return numbers(classes, start, n, 3);
  // ` ?[^\s\p{L}\p{N}]+[\r\n/]*`
  let i = text.charCodeAt(start) === 0x20 && afterPrefix < n && isPunct(classes[afterPrefix] as number) ? afterPrefix : start;
  if (isPunct(classes[i] as number)) {
    while (i < n && isPunct(classes[i] as number)) i = next(classes, i);
    while (i < n && isNewlineOrSlash(text.charCodeAt(i))) i++;
    return i;
  }
  if (k === SPACE || k === NEWLINE) return whitespace(classes, start, n);
  return afterPrefix;
};

/** Scanner for cl100k_base's pattern. */
export const scanCl100k: PieceScanner = (text, classes, start) => scanCl100kLike(text, classes, start, 3);

/** Scanner for Qwen 2/3's pattern: cl100k_base's with `\p{N}` (one digit per piece) for `\p{N}{1,3}`. */
export const scanQwen: PieceScanner = (text, classes, start) => scanCl100kLike(text, classes, start, 1);

function scanCl100kLike(text: string, classes: Uint8Array, start: number, maxDigits: number): number {
  const n = text.length;
  const k = classes[start] as number;
  const c = contraction(text, start);
  if (c > start) return c;
  const afterPrefix = next(classes, start);
  // `[^\r\n\p{L}\p{N}]?\p{L}+`
  let i = isPrefix(k) && afterPrefix < n && isLetter(classes[afterPrefix] as number) ? afterPrefix : isLetter(k) ? start : -1;
  if (i >= 0) {
    while (i < n && isLetter(classes[i] as number)) i = next(classes, i);
    return i;
  }
  if (k === NUMBER) return numbers(classes, start, n, maxDigits);
  // ` ?[^\s\p{L}\p{N}]+[\r\n]*`
  i = text.charCodeAt(start) === 0x20 && afterPrefix < n && isPunct(classes[afterPrefix] as number) ? afterPrefix : start;
  if (isPunct(classes[i] as number)) {
    while (i < n && isPunct(classes[i] as number)) i = next(classes, i);
    while (i < n && classes[i] === NEWLINE) i++;
    return i;
  }
  if (k === SPACE || k === NEWLINE) return whitespace(classes, start, n);
  return afterPrefix;
}

/** `\p{N}{1,max}`. */
function numbers(classes: Uint8Array, start: number, n: number, max: number): number {
  let i = start;
  for (let count = 0; count < max && i < n && classes[i] === NUMBER; count++) i = next(classes, i);
  return i;
}
