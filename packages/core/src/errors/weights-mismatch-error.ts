import { JointokError, type JointokErrorOptions } from './jointok-error.js';

const symbol = Symbol.for('jointok.error.weights-mismatch');

/** A named weight is missing or does not fit the spec. `weight` names it, `expected` gives the shape or size wanted. */
export class WeightsMismatchError extends JointokError {
  private readonly [symbol] = true;
  readonly weight: string;
  readonly expected: string;
  readonly received: string;

  constructor(options: { weight: string; expected: string; received: string } & JointokErrorOptions) {
    super('weights-mismatch', `Weight ${JSON.stringify(options.weight)} does not match the spec: expected ${options.expected}, received ${options.received}.`, options);
    this.name = 'WeightsMismatchError';
    this.weight = options.weight;
    this.expected = options.expected;
    this.received = options.received;
  }

  static override isInstance(error: unknown): error is WeightsMismatchError {
    return JointokError.hasMarker(error, symbol);
  }
}
