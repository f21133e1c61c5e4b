import { describeValue } from './describe-value.js';
import { JointokError, type JointokErrorOptions } from './jointok-error.js';

const symbol = Symbol.for('jointok.error.invalid-argument');

/** An argument has the wrong type or value. `argument` names it, `expected` says what would do. */
export class InvalidArgumentError extends JointokError {
  private readonly [symbol] = true;
  readonly argument: string;
  readonly expected: string;
  readonly received: unknown;

  constructor(options: { argument: string; expected: string; received?: unknown; message?: string } & JointokErrorOptions) {
    super(
      'invalid-argument',
      options.message ?? `Invalid ${options.argument}: expected ${options.expected}, received ${describe(options.received)}.`,
      options,
    );
    this.name = 'InvalidArgumentError';
    this.argument = options.argument;
    this.expected = options.expected;
    this.received = options.received;
  }

  static override isInstance(error: unknown): error is InvalidArgumentError {
    return JointokError.hasMarker(error, symbol);
  }
}

/** A short, safe description of a received value for error messages (see {@link describeValue}). */
export const describe = describeValue;
