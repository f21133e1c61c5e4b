import { JointokError, type JointokErrorOptions } from '../../errors/jointok-error.js';

const symbol = Symbol.for('jointok.error.unexpected-token-id');

/**
 * Inside a block, the id at `position` is not one the layout allows there: a code out of its slot's
 * range, a missing row-end, an end marker that makes the block the wrong length. `expected` describes
 * what the layout allows at that position.
 */
export class UnexpectedTokenIdError extends JointokError {
  private readonly [symbol] = true;
  readonly space: string;
  readonly position: number;
  readonly id: number;
  readonly expected: string;

  constructor(options: { space: string; position: number; id: number; expected: string } & JointokErrorOptions) {
    super(
      'unexpected-token-id',
      `Id ${options.id} at position ${options.position} does not fit the ${options.space} block: expected ${options.expected}.`,
      options,
    );
    this.name = 'UnexpectedTokenIdError';
    this.space = options.space;
    this.position = options.position;
    this.id = options.id;
    this.expected = options.expected;
  }

  static override isInstance(error: unknown): error is UnexpectedTokenIdError {
    return JointokError.hasMarker(error, symbol);
  }
}
