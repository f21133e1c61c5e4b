import { JointokError, type JointokErrorOptions } from '../../errors/jointok-error.js';

const symbol = Symbol.for('jointok.error.unknown-token-id');

/** An id at `position` lies outside the text vocabulary and outside every space of the layout. */
export class UnknownTokenIdError extends JointokError {
  private readonly [symbol] = true;
  readonly position: number;
  readonly id: number;
  readonly textSize: number;

  constructor(options: { position: number; id: number; textSize: number } & JointokErrorOptions) {
    super(
      'unknown-token-id',
      `Id ${options.id} at position ${options.position} is outside every space: expected a text id in [0, ${options.textSize}) or a block begin marker.`,
      options,
    );
    this.name = 'UnknownTokenIdError';
    this.position = options.position;
    this.id = options.id;
    this.textSize = options.textSize;
  }

  static override isInstance(error: unknown): error is UnknownTokenIdError {
    return JointokError.hasMarker(error, symbol);
  }
}
