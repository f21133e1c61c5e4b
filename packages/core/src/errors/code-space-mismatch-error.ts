import { JointokError, type JointokErrorOptions } from './jointok-error.js';

const symbol = Symbol.for('jointok.error.code-space-mismatch');

/**
 * A tokenizer's codes do not fit the layout space they would be written to: a codebook larger than
 * the space, another number of streams, other stream rates. Both sides are named.
 */
export class CodeSpaceMismatchError extends JointokError {
  private readonly [symbol] = true;
  /** The tokenizer, as the caller passed it (`options.image`, `options.spaces.music`). */
  readonly tokenizer: string;
  /** The layout space (`image`, `speech`). */
  readonly space: string;
  /** What differs: `codebookSize`, `streams`, `strides`. */
  readonly property: string;
  readonly tokenizerValue: unknown;
  readonly spaceValue: unknown;

  constructor(options: { tokenizer: string; space: string; property: string; tokenizerValue: unknown; spaceValue: unknown; message: string } & JointokErrorOptions) {
    super('code-space-mismatch', options.message, options);
    this.name = 'CodeSpaceMismatchError';
    this.tokenizer = options.tokenizer;
    this.space = options.space;
    this.property = options.property;
    this.tokenizerValue = options.tokenizerValue;
    this.spaceValue = options.spaceValue;
  }

  static override isInstance(error: unknown): error is CodeSpaceMismatchError {
    return JointokError.hasMarker(error, symbol);
  }
}
