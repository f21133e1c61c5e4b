import { UnsupportedError } from '@jointok/core';

/**
 * The longest literal jointok matches or inserts: a special or added token, a normalizer's replacement
 * (published ones are a few dozen characters). V8 refuses a regular expression holding one literal of
 * 65,536 characters ("Regular expression too large", thrown at the first match), and replacements of a
 * million characters made a 30-character encode take seconds.
 */
export const MAX_TOKEN_LITERAL_LENGTH = 1024;

/** The longest pre-tokenizer or normalizer regex pattern (published ones are under 600 characters). */
export const MAX_PATTERN_LENGTH = 8192;

/**
 * Escapes text for use inside a regular expression with the `u` flag: only the syntax characters and `/`
 * are escaped, the escapes that flag allows. (An escaped hyphen is a SyntaxError under `u`: special
 * tokens and added tokens holding `-`, as SantaCoder's `<fim-prefix>` does, once made the loaders throw.)
 */
export function escapeRegexLiteral(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/gu, '\\$&');
}

/**
 * A global Unicode regex matching any of `literals` (in the order given: put longer ones first so that a
 * literal wins over its prefix). V8 refuses regular expressions past a size; only absurd token tables
 * reach it, and they get an UnsupportedError naming `what` rather than a raw SyntaxError.
 */
export function literalAlternation(literals: readonly string[], what: string): RegExp {
  const longest = literals.reduce((most, literal) => Math.max(most, literal.length), 0);
  if (longest > MAX_TOKEN_LITERAL_LENGTH) throw new UnsupportedError({ feature: `${what} of ${longest} characters (at most ${MAX_TOKEN_LITERAL_LENGTH})` });
  try {
    return new RegExp(literals.map(escapeRegexLiteral).join('|'), 'gu');
  } catch (cause) {
    throw new UnsupportedError({ feature: `${what} of ${literals.reduce((sum, literal) => sum + literal.length, 0)} characters in all (one regular expression matches them)`, cause });
  }
}
