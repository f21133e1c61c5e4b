import { InvalidArgumentError } from '@jointok/core';
import { literalAlternation } from '../pretokenize/literal-regex.js';
import { DisallowedSpecialTokenError } from '../errors/index.js';

/** `'all'` or a list of special-token literals. */
export type SpecialTokenSet = 'all' | Iterable<string>;

/**
 * The special-token policy of one `encode` call, with tiktoken's semantics:
 * - `allowedSpecial` literals become their special ids (default: none);
 * - any other special literal in `disallowedSpecial` (default `'all'`, meaning every special not
 *   allowed) makes the call throw {@link DisallowedSpecialTokenError};
 * - `disallowedSpecial: []` encodes special literals as plain text.
 */
export interface SpecialTokenPolicy {
  allowedSpecial?: SpecialTokenSet;
  disallowedSpecial?: SpecialTokenSet;
}

/** Resolved policy: regexes that find allowed and disallowed literals, or null for none. */
export interface ResolvedPolicy {
  allowed: RegExp | null;
  disallowed: RegExp | null;
}

/** Builds a regex that finds any of `literals`, longest first so that a literal wins over its prefix. */
function literalRegex(literals: readonly string[]): RegExp | null {
  if (literals.length === 0) return null;
  const sorted = [...literals].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  return literalAlternation(sorted, 'special tokens');
}

/** The special tokens of an encoding and the policies resolved from them (the default one memoised). */
export class SpecialTokens {
  /** Literal → id. */
  readonly ids: ReadonlyMap<string, number>;
  private readonly defaultPolicy: ResolvedPolicy;

  constructor(specialTokens: Readonly<Record<string, number>>) {
    this.ids = new Map(Object.entries(specialTokens));
    this.defaultPolicy = { allowed: null, disallowed: literalRegex([...this.ids.keys()]) };
  }

  /** Resolves a call's policy; unknown literals are a caller error, not silently ignored. */
  resolve(policy: SpecialTokenPolicy | undefined): ResolvedPolicy {
    if (policy === undefined || (policy.allowedSpecial === undefined && policy.disallowedSpecial === undefined)) return this.defaultPolicy;
    const allowed = this.toSet(policy.allowedSpecial ?? [], 'allowedSpecial');
    const disallowed =
      policy.disallowedSpecial === undefined || policy.disallowedSpecial === 'all'
        ? [...this.ids.keys()].filter((literal) => !allowed.has(literal))
        : [...this.toSet(policy.disallowedSpecial, 'disallowedSpecial')];
    return { allowed: literalRegex([...allowed]), disallowed: literalRegex(disallowed) };
  }

  /** Throws when `text` holds a literal that `disallowed` finds. */
  check(text: string, disallowed: RegExp | null): void {
    if (disallowed === null) return;
    disallowed.lastIndex = 0;
    const match = disallowed.exec(text);
    if (match !== null) throw new DisallowedSpecialTokenError({ token: match[0], offset: match.index });
  }

  private toSet(set: SpecialTokenSet, argument: string): Set<string> {
    if (set === 'all') return new Set(this.ids.keys());
    if (typeof set === 'string' || typeof (set as Iterable<string>)?.[Symbol.iterator] !== 'function') {
      throw new InvalidArgumentError({ argument, expected: "'all' or an iterable of special-token literals", received: set });
    }
    const out = new Set<string>();
    for (const literal of set) {
      if (!this.ids.has(literal)) {
        throw new InvalidArgumentError({ argument, expected: `special tokens of this encoding (${[...this.ids.keys()].join(', ')})`, received: literal });
      }
      out.add(literal);
    }
    return out;
  }
}
