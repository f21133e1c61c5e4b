import { UnsupportedRegexError } from '../errors/index.js';
import { checkBacktracking } from './check-backtracking.js';
import { MAX_PATTERN_LENGTH } from './literal-regex.js';

/**
 * Unicode White_Space, which Rust's `regex`/`fancy-regex` and Oniguruma use for `\s`. JavaScript's
 * `\s` differs: it adds U+FEFF and lacks U+0085, so tokenizing with it would split text differently.
 */
const WHITE_SPACE = '\\t-\\r \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
/** Rust's Unicode `\d` is the Nd category; JavaScript's is ASCII only. */
const DIGIT = '\\p{Nd}';
/** Rust's Unicode `\w`. */
const WORD = '\\p{Alphabetic}\\p{M}\\p{Nd}\\p{Pc}\\p{Join_Control}';

/**
 * Translates a pre-tokenizer regex written for Rust `fancy-regex` / Oniguruma (tiktoken `pat_str`,
 * tokenizer.json `Split.pattern.Regex`) into a JavaScript `RegExp` with the `gu` flags that splits
 * text identically. Throws {@link UnsupportedRegexError} naming any construct it cannot express, and for
 * patterns that could backtrack exponentially here (see {@link checkBacktracking}).
 */
export function translateRegex(pattern: string): RegExp {
  // Checked first: V8 refuses very large regular expressions only at their first match, as a SyntaxError.
  if (pattern.length > MAX_PATTERN_LENGTH) throw new UnsupportedRegexError({ pattern: pattern.slice(0, 200), construct: `${pattern.length} characters`, message: `The pattern has ${pattern.length} characters; patterns of at most ${MAX_PATTERN_LENGTH} are read.` });
  checkBacktracking(pattern);
  const source = translateSource(pattern);
  try {
    return new RegExp(source, 'gu');
  } catch (cause) {
    throw new UnsupportedRegexError({ pattern, construct: source, message: `The translated regex does not compile in JavaScript: ${String(cause)}`, cause });
  }
}

/** The JavaScript source for `pattern` (exported for tests). */
export function translateSource(pattern: string): string {
  let out = '';
  let inClass = false;
  // Depth of `(?i:` groups still open, as a stack of booleans per open group.
  const groups: boolean[] = [];
  let caseless = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === '\\') {
      const e = pattern[i + 1];
      if (e === undefined) throw new UnsupportedRegexError({ pattern, construct: '\\ at the end' });
      i++;
      if (e === 's') out += inClass ? WHITE_SPACE : `[${WHITE_SPACE}]`;
      else if (e === 'S') {
        if (inClass) throw new UnsupportedRegexError({ pattern, construct: '\\S inside a character class' });
        out += `[^${WHITE_SPACE}]`;
      } else if (e === 'd') out += inClass ? DIGIT : `[${DIGIT}]`;
      else if (e === 'D') {
        if (inClass) throw new UnsupportedRegexError({ pattern, construct: '\\D inside a character class' });
        out += `[^${DIGIT}]`;
      } else if (e === 'w') out += inClass ? WORD : `[${WORD}]`;
      else if (e === 'W') {
        if (inClass) throw new UnsupportedRegexError({ pattern, construct: '\\W inside a character class' });
        out += `[^${WORD}]`;
      } else if (e === 'A') out += '^';
      else if (e === 'z') out += '$';
      else if (e === 'p' || e === 'P') {
        // \pL (one-letter form) → \p{L}; \p{...} passes through.
        if (pattern[i + 1] === '{') {
          const close = pattern.indexOf('}', i);
          out += `\\${e}${pattern.slice(i + 1, close + 1)}`;
          i = close;
        } else {
          out += `\\${e}{${pattern[i + 1] ?? ''}}`;
          i++;
        }
      } else if ('bBGZ'.includes(e)) throw new UnsupportedRegexError({ pattern, construct: `\\${e}` });
      else if (/[a-zA-Z0-9]/.test(e) && !'ntrfvux0'.includes(e)) throw new UnsupportedRegexError({ pattern, construct: `\\${e}` });
      else if (/[a-zA-Z0-9]/.test(e)) {
        out += `\\${e}`;
        // \x{...} and \u{...} forms keep their braces; the u flag understands \u{...}.
        if ((e === 'x' || e === 'u') && pattern[i + 1] === '{') {
          const close = pattern.indexOf('}', i);
          const hex = pattern.slice(i + 2, close);
          out = out.slice(0, -2) + `\\u{${hex}}`;
          i = close;
        }
      } else if ('^$\\.*+?()[]{}|/-'.includes(e)) out += `\\${e}`;
      else out += e; // identity escapes of other punctuation (\' \" \ ) are literals; the u flag rejects them
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      if (caseless > 0 && /[a-zA-Z]/.test(c)) throw new UnsupportedRegexError({ pattern, construct: 'a letter in a character class under (?i)' });
      out += c;
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += c;
      if (pattern[i + 1] === '^') {
        out += '^';
        i++;
      }
      if (pattern[i + 1] === ']') {
        out += '\\]';
        i++;
      }
      continue;
    }
    if (c === '(') {
      if (pattern.startsWith('(?i:', i)) {
        groups.push(true);
        caseless++;
        out += '(?:';
        i += 3;
      } else if (pattern.startsWith('(?:', i) || pattern.startsWith('(?=', i) || pattern.startsWith('(?!', i)) {
        groups.push(false);
        out += pattern.slice(i, i + 3);
        i += 2;
      } else if (pattern.startsWith('(?<=', i) || pattern.startsWith('(?<!', i)) {
        groups.push(false);
        out += pattern.slice(i, i + 4);
        i += 3;
      } else if (pattern.startsWith('(?P<', i)) {
        groups.push(false);
        out += '(?<';
        i += 3;
      } else if (pattern.startsWith('(?<', i) || pattern[i + 1] !== '?') {
        groups.push(false);
        out += '(';
      } else {
        const end = pattern.indexOf(')', i);
        throw new UnsupportedRegexError({ pattern, construct: pattern.slice(i, end < 0 ? i + 3 : end + 1) });
      }
      continue;
    }
    if (c === ')') {
      if (groups.pop() === true) caseless--;
      out += c;
      continue;
    }
    if ((c === '+' || c === '*' || c === '?' || c === '}') && pattern[i + 1] === '+') {
      throw new UnsupportedRegexError({ pattern, construct: `${c}+ (possessive quantifier)` });
    }
    if (c === '.') {
      // Rust's `.` excludes only \n; JavaScript's also excludes \r, U+2028 and U+2029.
      out += '[^\\n]';
      continue;
    }
    if (caseless > 0 && /[a-zA-Z]/.test(c)) {
      // Simple case folding, as Rust's regex applies it: s also matches ſ (U+017F), k the Kelvin sign.
      const lower = c.toLowerCase();
      out += `[${lower}${c.toUpperCase()}${lower === 's' ? '\\u017f' : lower === 'k' ? '\\u212a' : ''}]`;
      continue;
    }
    if (caseless > 0 && c.codePointAt(0)! > 0x7f && c.toLowerCase() !== c.toUpperCase()) {
      throw new UnsupportedRegexError({ pattern, construct: `non-ASCII letter ${c} under (?i)` });
    }
    out += c;
  }
  if (inClass || groups.length > 0) throw new UnsupportedRegexError({ pattern, construct: inClass ? 'an unclosed [' : 'an unclosed (' });
  return out;
}
