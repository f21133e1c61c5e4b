import { UnsupportedRegexError } from '../errors/index.js';

interface Group {
  /** Something inside repeats (`*`, `+`, `{n,}`, `{n,m}` with m > 1). */
  repeats: boolean;
  /** The group has alternatives (`a|b`). */
  alternatives: boolean;
  /** A lookaround: atomic in JavaScript (never re-entered by backtracking), so its inside does not count. */
  lookaround: boolean;
}

/**
 * Refuses patterns that a backtracking engine (JavaScript's) can take exponential time on: a repeated
 * group that itself holds a repetition (`(a+)+`) or alternatives (`(a|a)*`). Rust's `regex` runs such
 * patterns in linear time, so a tokenizer.json from a hub may carry one; here it would let a 30-character
 * input hang the process. The pre-tokenizer patterns of published tokenizers (GPT-2, Llama 3, Qwen,
 * o200k) have no such group and pass.
 *
 * @throws UnsupportedRegexError naming the group
 */
export function checkBacktracking(pattern: string): void {
  const stack: Group[] = [{ repeats: false, alternatives: false, lookaround: false }];
  const starts: number[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    let atomEnd = -1;
    if (c === '\\') {
      i++;
      // \p{...}, \x{...}: the braces belong to the escape, not to a quantifier.
      if (pattern[i + 1] === '{' && /[pPx]/.test(pattern[i] ?? '')) i = Math.max(i, pattern.indexOf('}', i));
      atomEnd = i;
    } else if (c === '[') {
      i = classEnd(pattern, i);
      atomEnd = i;
    } else if (c === '(') {
      stack.push({ repeats: false, alternatives: false, lookaround: /^\(\?<?[=!]/.test(pattern.slice(i, i + 4)) });
      starts.push(i);
      continue;
    } else if (c === ')') {
      const group = stack.pop();
      const start = starts.pop() ?? 0;
      if (group === undefined || stack.length === 0) return; // unbalanced: the regex compiler reports it
      const repeated = repeatsAt(pattern, i + 1);
      if (repeated && (group.repeats || group.alternatives)) {
        throw new UnsupportedRegexError({
          pattern,
          construct: pattern.slice(start, i + 2),
          message: `The regex group ${JSON.stringify(pattern.slice(start, i + 2).slice(0, 60))} repeats ${group.repeats ? 'a repetition' : 'alternatives'}: a backtracking engine can take exponential time on it (Rust's regex does not backtrack, JavaScript's does). Rewrite it without nested repetition.`,
        });
      }
      const parent = stack[stack.length - 1]!;
      parent.repeats ||= (!group.lookaround && group.repeats) || repeated;
      continue;
    } else if (c === '|') {
      stack[stack.length - 1]!.alternatives = true;
      continue;
    } else {
      atomEnd = i;
    }
    if (atomEnd >= 0 && repeatsAt(pattern, atomEnd + 1)) stack[stack.length - 1]!.repeats = true;
  }
}

/** Index of the `]` that closes the class opened at `open`. */
function classEnd(pattern: string, open: number): number {
  let i = open + 1;
  if (pattern[i] === '^') i++;
  if (pattern[i] === ']') i++;
  for (; i < pattern.length; i++) {
    if (pattern[i] === '\\') i++;
    else if (pattern[i] === '[') i = classEnd(pattern, i);
    else if (pattern[i] === ']') return i;
  }
  return pattern.length;
}

/** Whether a quantifier allowing more than one repetition starts at `at`. */
function repeatsAt(pattern: string, at: number): boolean {
  const c = pattern[at];
  if (c === '*' || c === '+') return true;
  if (c !== '{') return false;
  const match = /^\{(\d*)(,(\d*))?\}/.exec(pattern.slice(at, at + 24));
  if (match === null) return false;
  if (match[2] === undefined) return Number(match[1]) > 1;
  return match[3] === '' || Number(match[3]) > 1;
}
