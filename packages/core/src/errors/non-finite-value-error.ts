import { describeValue } from './describe-value.js';
import { JointokError, type JointokErrorOptions } from './jointok-error.js';

const symbol = Symbol.for('jointok.error.non-finite-value');

/** A float input holds NaN or ±Infinity where finite numbers are required. `index` is the first bad element. */
export class NonFiniteValueError extends JointokError {
  private readonly [symbol] = true;
  readonly argument: string;
  readonly index: number;
  readonly value: number;

  constructor(options: { argument: string; index: number; value: number } & JointokErrorOptions) {
    super('non-finite-value', `${options.argument} holds ${describeValue(options.value)} at flat index ${options.index}; quantizers need finite values.`, options);
    this.name = 'NonFiniteValueError';
    this.argument = options.argument;
    this.index = options.index;
    this.value = options.value;
  }

  static override isInstance(error: unknown): error is NonFiniteValueError {
    return JointokError.hasMarker(error, symbol);
  }
}
