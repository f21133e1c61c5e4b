import { JointokError, type JointokErrorOptions } from '../../errors/jointok-error.js';

const symbol = Symbol.for('jointok.error.truncated-block');

/**
 * An id sequence ended inside a block: the block's end marker (or its last code) never came.
 * `space` names the block's space, `start` is the position of its first id, `expected` what was missing.
 */
export class TruncatedBlockError extends JointokError {
  private readonly [symbol] = true;
  readonly space: string;
  readonly start: number;
  readonly expected: string;

  constructor(options: { space: string; start: number; expected: string } & JointokErrorOptions) {
    super(
      'truncated-block',
      `The ${options.space} block that starts at position ${options.start} is truncated: the ids ended where ${options.expected} was expected.`,
      options,
    );
    this.name = 'TruncatedBlockError';
    this.space = options.space;
    this.start = options.start;
    this.expected = options.expected;
  }

  static override isInstance(error: unknown): error is TruncatedBlockError {
    return JointokError.hasMarker(error, symbol);
  }
}
