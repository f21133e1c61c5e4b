import { JointokError, type JointokErrorOptions } from '../../errors/jointok-error.js';

const symbol = Symbol.for('jointok.error.codebook-overflow');

/**
 * A codebook does not fit the id block the layout gives it: `codebookSize` codes per slot but only
 * `capacity` ids between one slot's offset and the next (or in the space's reserved block).
 */
export class CodebookOverflowError extends JointokError {
  private readonly [symbol] = true;
  readonly space: string;
  readonly codebookSize: number;
  readonly capacity: number;

  constructor(options: { space: string; codebookSize: number; capacity: number } & JointokErrorOptions) {
    super(
      'codebook-overflow',
      `Space ${options.space}: a codebook of ${options.codebookSize} codes does not fit its block of ${options.capacity} ids; expected codebookSize <= ${options.capacity}.`,
      options,
    );
    this.name = 'CodebookOverflowError';
    this.space = options.space;
    this.codebookSize = options.codebookSize;
    this.capacity = options.capacity;
  }

  static override isInstance(error: unknown): error is CodebookOverflowError {
    return JointokError.hasMarker(error, symbol);
  }
}
