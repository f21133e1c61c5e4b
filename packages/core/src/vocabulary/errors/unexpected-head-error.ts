import { JointokError, type JointokErrorOptions } from '../../errors/jointok-error.js';

const symbol = Symbol.for('jointok.error.unexpected-head');

/**
 * The id at `position` came from a head the layout does not allow there: a head number the layout
 * lacks, a modality head outside its block, the text head inside a head space's body where no end
 * marker may come, or any head but 0 for a layout without head spaces. `expected` lists the heads
 * allowed at that position (0 is the text/LM head; `k >= 1` the head of `spaces[k - 1]`).
 */
export class UnexpectedHeadError extends JointokError {
  private readonly [symbol] = true;
  readonly position: number;
  readonly head: number;
  readonly expected: string;

  constructor(options: { position: number; head: number; expected: string } & JointokErrorOptions) {
    super('unexpected-head', `Head ${options.head} at position ${options.position} is not allowed there: expected ${options.expected}.`, options);
    this.name = 'UnexpectedHeadError';
    this.position = options.position;
    this.head = options.head;
    this.expected = options.expected;
  }

  static override isInstance(error: unknown): error is UnexpectedHeadError {
    return JointokError.hasMarker(error, symbol);
  }
}
