import { JointokError, type JointokErrorOptions } from '@jointok/core';

const symbol = Symbol.for('jointok.error.unsupported-regex');

/** A pre-tokenizer regex (tiktoken `pat_str`, tokenizer.json `Split`) cannot be translated to a JavaScript RegExp. */
export class UnsupportedRegexError extends JointokError {
  private readonly [symbol] = true;
  /** The source pattern. */
  readonly pattern: string;
  /** The construct that cannot be translated, e.g. `(?x)` or `\\G`. */
  readonly construct: string;

  constructor(options: { pattern: string; construct: string; message?: string } & JointokErrorOptions) {
    super(
      'unsupported-regex',
      options.message ??
        `Cannot translate the regex construct ${JSON.stringify(options.construct)} in ${JSON.stringify(options.pattern.length > 80 ? `${options.pattern.slice(0, 77)}...` : options.pattern)}; expected Rust/PCRE syntax that JavaScript RegExp (u flag) can express.`,
      options,
    );
    this.name = 'UnsupportedRegexError';
    this.pattern = options.pattern;
    this.construct = options.construct;
  }

  static override isInstance(error: unknown): error is UnsupportedRegexError {
    return JointokError.hasMarker(error, symbol);
  }
}
