import { JointokError, type JointokErrorOptions } from '@jointok/core';

const symbol = Symbol.for('jointok.error.unknown-token-id');

/** `decode` met an id that is neither a vocabulary rank nor a special token. */
export class UnknownTokenIdError extends JointokError {
  private readonly [symbol] = true;
  /** The offending id. */
  readonly id: number;
  /** Its position in the input. */
  readonly index: number;
  /** Number of ids the vocabulary defines (ordinary and special). */
  readonly vocabularySize: number;

  constructor(options: { id: number; index: number; vocabularySize: number } & JointokErrorOptions) {
    super(
      'unknown-token-id',
      `ids[${options.index}] is ${String(options.id)}, which is not a token id of this encoding; expected an id of one of its ${options.vocabularySize} tokens.`,
      options,
    );
    this.name = 'UnknownTokenIdError';
    this.id = options.id;
    this.index = options.index;
    this.vocabularySize = options.vocabularySize;
  }

  static override isInstance(error: unknown): error is UnknownTokenIdError {
    return JointokError.hasMarker(error, symbol);
  }
}
