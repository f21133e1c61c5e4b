import { JointokError, type JointokErrorOptions } from '@jointok/core';

const symbol = Symbol.for('jointok.error.disallowed-special-token');

/**
 * The text holds a special-token literal (`<|endoftext|>`) that the call's policy disallows.
 * Pass it in `allowedSpecial` to encode it as its special id, or remove it from
 * `disallowedSpecial` (e.g. `disallowedSpecial: []`) to encode it as plain text.
 */
export class DisallowedSpecialTokenError extends JointokError {
  private readonly [symbol] = true;
  /** The literal found. */
  readonly token: string;
  /** UTF-16 offset of the literal in the text. */
  readonly offset: number;

  constructor(options: { token: string; offset: number } & JointokErrorOptions) {
    super(
      'disallowed-special-token',
      `The text contains the special token ${JSON.stringify(options.token)} at offset ${options.offset}, which this call disallows; ` +
        `expected it in allowedSpecial (to encode it as a special id) or not in disallowedSpecial (to encode it as plain text).`,
      options,
    );
    this.name = 'DisallowedSpecialTokenError';
    this.token = options.token;
    this.offset = options.offset;
  }

  static override isInstance(error: unknown): error is DisallowedSpecialTokenError {
    return JointokError.hasMarker(error, symbol);
  }
}
