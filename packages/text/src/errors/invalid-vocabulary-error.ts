import { JointokError, type JointokErrorOptions } from '@jointok/core';

const symbol = Symbol.for('jointok.error.invalid-vocabulary');

/**
 * A vocabulary file (`.tiktoken` ranks, the compact binary form) is malformed. `source` names the
 * input, `location` where it breaks (`line 17`, `byte 4`), `expected` what would do.
 */
export class InvalidVocabularyError extends JointokError {
  private readonly [symbol] = true;
  readonly source: string;
  readonly location: string;
  readonly expected: string;

  constructor(options: { source: string; location: string; expected: string; received?: string } & JointokErrorOptions) {
    super(
      'invalid-vocabulary',
      `Invalid ${options.source} at ${options.location}: expected ${options.expected}${options.received === undefined ? '' : `, received ${options.received}`}.`,
      options,
    );
    this.name = 'InvalidVocabularyError';
    this.source = options.source;
    this.location = options.location;
    this.expected = options.expected;
  }

  static override isInstance(error: unknown): error is InvalidVocabularyError {
    return JointokError.hasMarker(error, symbol);
  }
}
