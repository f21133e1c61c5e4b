import { JointokError, type JointokErrorOptions } from './jointok-error.js';

const symbol = Symbol.for('jointok.error.disposed');

/** A tokenizer, session or pool was used after `dispose()`/`close()`. */
export class DisposedError extends JointokError {
  private readonly [symbol] = true;
  /** What was disposed (`image tokenizer`, `batch encoder`). */
  readonly resource: string;
  /** The call that came too late (`encode`). */
  readonly operation: string;

  constructor(options: { resource: string; operation: string } & JointokErrorOptions) {
    super('disposed', `Cannot ${options.operation}: the ${options.resource} has been disposed.`, options);
    this.name = 'DisposedError';
    this.resource = options.resource;
    this.operation = options.operation;
  }

  static override isInstance(error: unknown): error is DisposedError {
    return JointokError.hasMarker(error, symbol);
  }
}
