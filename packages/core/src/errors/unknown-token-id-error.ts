import { describeValue } from './describe-value.js';
import { JointokError, type JointokErrorOptions } from './jointok-error.js';

const symbol = Symbol.for('jointok.error.unknown-token-id');

/**
 * An id that is not a token of the vocabulary it was read against: a text tokenizer's `decode` (not a
 * rank or special token), or a joint vocabulary's `parse` (outside the text ids and every space).
 * `position` is its index in the input ids.
 */
export class UnknownTokenIdError extends JointokError {
  private readonly [symbol] = true;
  readonly id: number;
  readonly position: number;
  /** Ids of the vocabulary are `[0, vocabularySize)` (for a joint vocabulary: its text ids). */
  readonly vocabularySize: number;

  constructor(options: { id: number; position: number; vocabularySize: number; message?: string } & JointokErrorOptions) {
    super(
      'unknown-token-id',
      options.message ?? `ids[${options.position}] is ${describeValue(options.id)}, which is not a token id of this vocabulary; expected an id of one of its ${options.vocabularySize} tokens.`,
      options,
    );
    this.name = 'UnknownTokenIdError';
    this.id = options.id;
    this.position = options.position;
    this.vocabularySize = options.vocabularySize;
  }

  static override isInstance(error: unknown): error is UnknownTokenIdError {
    return JointokError.hasMarker(error, symbol);
  }
}
