import { JointokError, type JointokErrorOptions } from '../../errors/jointok-error.js';

const symbol = Symbol.for('jointok.error.unresolved-token');

/** A token string named by a layout (`path`) is missing from the vocabulary artifacts it was resolved against. */
export class UnresolvedTokenError extends JointokError {
  private readonly [symbol] = true;
  readonly path: string;
  readonly token: string;

  constructor(options: { path: string; token: string } & JointokErrorOptions) {
    super(
      'unresolved-token',
      `Layout field ${options.path} names token ${JSON.stringify(options.token)}, which the vocabulary artifacts do not contain; expected a token string present in the vocabulary.`,
      options,
    );
    this.name = 'UnresolvedTokenError';
    this.path = options.path;
    this.token = options.token;
  }

  static override isInstance(error: unknown): error is UnresolvedTokenError {
    return JointokError.hasMarker(error, symbol);
  }
}
