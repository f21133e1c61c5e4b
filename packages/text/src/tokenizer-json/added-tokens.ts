import { array, boolean, integer, literal, object } from './spec.js';

/** One `added_tokens` entry. */
export interface AddedToken {
  id: number;
  content: string;
  special: boolean;
  lstrip: boolean;
  rstrip: boolean;
  singleWord: boolean;
  /** Matched on the normalized text (its content normalized too), not on the raw input. */
  normalized: boolean;
}

/** A stretch of input: plain text, or an added token's id; `start`/`end` index the split string. */
export type Segment = { text: string; start: number } | { id: number; start: number; end: number };

const WHITE_SPACE = /[\t-\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/u;
const WORD = /[\p{Alphabetic}\p{M}\p{Nd}\p{Pc}\p{Join_Control}]/u;


/** Reads `added_tokens`. */
export function readAddedTokens(value: unknown, path = 'added_tokens'): AddedToken[] {
  if (value === undefined || value === null) return [];
  return array(value, path).map((entry, i) => {
    const spec = object(entry, `${path}[${i}]`);
    return {
      id: integer(spec.id, `${path}[${i}].id`),
      content: literal(spec.content, `${path}[${i}].content`),
      special: boolean(spec.special, `${path}[${i}].special`, false),
      lstrip: boolean(spec.lstrip, `${path}[${i}].lstrip`, false),
      rstrip: boolean(spec.rstrip, `${path}[${i}].rstrip`, false),
      singleWord: boolean(spec.single_word, `${path}[${i}].single_word`, false),
      // Hugging Face's default: special tokens match the raw text, other added tokens the normalized one.
      normalized: boolean(spec.normalized, `${path}[${i}].normalized`, !boolean(spec.special, `${path}[${i}].special`, false)),
    };
  });
}

/** Up to this many distinct first units, candidates are found by one regex of the literals' first two units. */
const MAX_CANDIDATE_UNITS = 64;

/** A UTF-16 unit as a regex escape (no `u` flag: a lone surrogate is a unit like any other here). */
const escapeUnit = (unit: number): string => `\\u${unit.toString(16).padStart(4, '0')}`;

/**
 * A regex that finds the places where some literal may start, by its first two units: a first unit alone
 * where a one-unit literal exists, else that unit followed by one of the literals' second units. Gemma's
 * 6,415 added tokens (matched on the raw text) start with five units; by two, a `<` is a candidate only
 * before one of 15 units (a letter or `/`), so the HTML and `<unused…>` literals are not tried at every `<`.
 */
function candidatePattern(literals: Iterable<string>): RegExp {
  const seconds = new Map<number, Set<number> | null>();
  for (const text of literals) {
    const unit = text.charCodeAt(0);
    if (text.length === 1) seconds.set(unit, null);
    else if (seconds.get(unit) !== null) seconds.set(unit, (seconds.get(unit) ?? new Set<number>()).add(text.charCodeAt(1)));
  }
  const alternatives = [...seconds].map(([unit, next]) => (next === null ? escapeUnit(unit) : `${escapeUnit(unit)}[${[...next].map(escapeUnit).join('')}]`));
  return new RegExp(alternatives.join('|'), 'g');
}

/**
 * Splits text around added tokens, leftmost-longest as Hugging Face's matcher does, honouring
 * `single_word` (no word character on either side) and `lstrip` / `rstrip` (absorb adjacent whitespace).
 */
export class AddedTokenSplitter {
  private readonly byContent: Map<string, AddedToken>;
  /** Flags by UTF-16 unit: some literal starts with it. */
  private readonly starts = new Uint8Array(0x10000);
  /**
   * First UTF-16 unit → `[length, last unit]` of the literals that start with it, longest first, flat:
   * a place is looked up only for lengths whose last unit is there (a newline does not try the 31
   * newline runs Gemma adds, unless the run is there).
   */
  private readonly shapes = new Map<number, number[]>();
  /**
   * The places a literal may start, by its first two units ({@link candidatePattern}), when the literals
   * start with few units (Gemma's 6,415 start with 5): the regex engine skips to the next candidate far
   * faster than a loop over every unit.
   */
  private readonly candidates: RegExp | null;

  /** End (exclusive) of the match {@link find} found last, whitespace it strips included. */
  matchEnd = 0;
  /** Id of the token {@link find} found last. */
  matchId = -1;

  /**
   * @param tokens the added tokens this splitter matches
   * @param literal the text a token matches (normalized tokens: their content through the normalizer)
   */
  constructor(tokens: readonly AddedToken[], literal: (token: AddedToken) => string = (t) => t.content) {
    this.byContent = new Map();
    for (const token of tokens) {
      const text = literal(token);
      // Equal literals: the first wins (Hugging Face picks by hash order, which varies between runs).
      if (text.length > 0 && !this.byContent.has(text)) this.byContent.set(text, token);
    }
    // Thousands of literals (Gemma's 6,415 added tokens) as one regex alternation cost V8 a long compile
    // and a slow scan; a table of first units and one lookup per literal length does the same matching.
    const shapes = new Map<number, Set<number>>();
    for (const text of this.byContent.keys()) {
      const unit = text.charCodeAt(0);
      this.starts[unit] = 1;
      const set = shapes.get(unit) ?? new Set<number>();
      set.add(text.length * 0x10000 + text.charCodeAt(text.length - 1));
      shapes.set(unit, set);
    }
    for (const [unit, set] of shapes) {
      const flat: number[] = [];
      for (const shape of [...set].sort((a, b) => b - a)) flat.push(Math.floor(shape / 0x10000), shape % 0x10000);
      this.shapes.set(unit, flat);
    }
    this.candidates = shapes.size > 0 && shapes.size <= MAX_CANDIDATE_UNITS ? candidatePattern(this.byContent.keys()) : null;
  }

  /** The next place at or after `from` where some literal may start, or -1. */
  private nextCandidate(text: string, from: number): number {
    const candidates = this.candidates;
    if (candidates !== null) {
      candidates.lastIndex = from;
      return candidates.exec(text)?.index ?? -1;
    }
    for (let i = from; i < text.length; i++) if (this.starts[text.charCodeAt(i)] === 1) return i;
    return -1;
  }

  /**
   * The start of the next added token in `text` at or after `from` (leftmost, the longest at a place), or
   * -1; its end and id are then {@link matchEnd} and {@link matchId}. An `lstrip` token absorbs whitespace
   * back to `floor` (where the text not yet handed out begins). Allocates nothing: the SentencePiece-shaped
   * encode walks a whole text with it.
   */
  find(text: string, from: number, floor: number): number {
    if (this.byContent.size === 0) return -1;
    for (let i = this.nextCandidate(text, from); i >= 0; i = this.nextCandidate(text, i + 1)) {
      const token = this.longestAt(text, i, text.charCodeAt(i));
      if (token === undefined) continue;
      let start = i;
      let end = i + (token.literal as number);
      // A single_word token inside a word is no match here; shorter literals at this place are not tried.
      if (token.token.singleWord && ((start > 0 && WORD.test(text[start - 1] as string)) || (end < text.length && WORD.test(text[end] as string)))) continue;
      if (token.token.lstrip) while (start > floor && WHITE_SPACE.test(text[start - 1] as string)) start--;
      if (token.token.rstrip) while (end < text.length && WHITE_SPACE.test(text[end] as string)) end++;
      this.matchEnd = end;
      this.matchId = token.token.id;
      return start;
    }
    return -1;
  }

  /** The text between added tokens and the tokens, in order; leftmost match first, longest at a place. */
  split(text: string): Segment[] {
    if (this.byContent.size === 0) return text.length > 0 ? [{ text, start: 0 }] : [];
    const segments: Segment[] = [];
    let last = 0;
    for (let start = this.find(text, 0, 0); start >= 0; start = this.find(text, last, last)) {
      if (start > last) segments.push({ text: text.slice(last, start), start: last });
      segments.push({ id: this.matchId, start, end: this.matchEnd });
      last = this.matchEnd;
    }
    if (last < text.length) segments.push({ text: text.slice(last), start: last });
    return segments;
  }

  private longestAt(text: string, at: number, unit: number): { token: AddedToken; literal: number } | undefined {
    const shapes = this.shapes.get(unit) as number[];
    for (let k = 0; k < shapes.length; k += 2) {
      const length = shapes[k] as number;
      if (at + length > text.length || text.charCodeAt(at + length - 1) !== shapes[k + 1]) continue;
      const token = this.byContent.get(length === 1 ? (text[at] as string) : text.slice(at, at + length));
      if (token !== undefined) return { token, literal: length };
    }
    return undefined;
  }
}
