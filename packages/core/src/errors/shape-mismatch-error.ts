import { describeValue } from './describe-value.js';
import { JointokError, type JointokErrorOptions } from './jointok-error.js';

const symbol = Symbol.for('jointok.error.shape-mismatch');

/** A tensor or array has the wrong shape: `argument` names it, `expected` describes the shape wanted. */
export class ShapeMismatchError extends JointokError {
  private readonly [symbol] = true;
  readonly argument: string;
  readonly expected: string;
  readonly received: readonly number[] | number;

  constructor(options: { argument: string; expected: string; received: readonly number[] | number; message?: string } & JointokErrorOptions) {
    super(
      'shape-mismatch',
      options.message ??
        `Shape mismatch in ${options.argument}: expected ${options.expected}, received ${describeValue(options.received, 200)}.`,
      options,
    );
    this.name = 'ShapeMismatchError';
    this.argument = options.argument;
    this.expected = options.expected;
    this.received = options.received;
  }

  static override isInstance(error: unknown): error is ShapeMismatchError {
    return JointokError.hasMarker(error, symbol);
  }
}
