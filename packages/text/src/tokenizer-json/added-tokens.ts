import { array, boolean, integer, literal, object } from './spec.js';
import { literalAlternation } from '../pretokenize/literal-regex.js';

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

/**
 * Splits text around added tokens, leftmost-longest as Hugging Face's matcher does, honouring
 * `single_word` (no word character on either side) and `lstrip` / `rstrip` (absorb adjacent whitespace).
 */
export class AddedTokenSplitter {
  private readonly regex: RegExp | null;
  private readonly byContent: Map<string, AddedToken>;

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
    const literals = [...this.byContent.keys()].sort((a, b) => b.length - a.length);
    this.regex = literals.length === 0 ? null : literalAlternation(literals, 'added tokens');
  }

  split(text: string): Segment[] {
    if (this.regex === null) return text.length > 0 ? [{ text, start: 0 }] : [];
    const segments: Segment[] = [];
    let last = 0;
    this.regex.lastIndex = 0;
    for (let m = this.regex.exec(text); m !== null; m = this.regex.exec(text)) {
      const token = this.byContent.get(m[0]) as AddedToken;
      let start = m.index;
      let end = start + m[0].length;
      if (token.singleWord && ((start > 0 && WORD.test(text[start - 1] as string)) || (end < text.length && WORD.test(text[end] as string)))) {
        this.regex.lastIndex = start + 1;
        continue;
      }
      if (token.lstrip) while (start > last && WHITE_SPACE.test(text[start - 1] as string)) start--;
      if (token.rstrip) while (end < text.length && WHITE_SPACE.test(text[end] as string)) end++;
      if (start > last) segments.push({ text: text.slice(last, start), start: last });
      segments.push({ id: token.id, start, end });
      last = end;
      this.regex.lastIndex = end;
    }
    if (last < text.length) segments.push({ text: text.slice(last), start: last });
    return segments;
  }
}
