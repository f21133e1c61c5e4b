import { JointokError, type JointokErrorOptions } from '../../errors/jointok-error.js';

const symbol = Symbol.for('jointok.error.head-id-out-of-range');

/**
 * The id at `position` is outside the ids its head can emit, `[0, size)`: a code past a head
 * space's codebook (plus its structure ids), or a text-head id above every id the layout knows.
 */
export class HeadIdOutOfRangeError extends JointokError {
  private readonly [symbol] = true;
  readonly position: number;
  readonly head: number;
  readonly id: number;
  readonly size: number;

  constructor(options: { position: number; head: number; id: number; size: number } & JointokErrorOptions) {
    super('head-id-out-of-range', `Id ${options.id} at position ${options.position} is outside head ${options.head}: expected an integer in [0, ${options.size}).`, options);
    this.name = 'HeadIdOutOfRangeError';
    this.position = options.position;
    this.head = options.head;
    this.id = options.id;
    this.size = options.size;
  }

  static override isInstance(error: unknown): error is HeadIdOutOfRangeError {
    return JointokError.hasMarker(error, symbol);
  }
}
