import { JointokError, type JointokErrorOptions } from 'jointok';

const symbol = Symbol.for('jointok.error.usage');

/** The command line is wrong: an unknown option value, a malformed argument, a missing one. */
export class UsageError extends JointokError {
  private readonly [symbol] = true;
  /** What to do instead, shown after the message. */
  readonly hint: string | undefined;

  constructor(options: { message: string; hint?: string } & JointokErrorOptions) {
    super('usage', options.message, options);
    this.name = 'UsageError';
    this.hint = options.hint;
  }

  static override isInstance(error: unknown): error is UsageError {
    return JointokError.hasMarker(error, symbol);
  }
}
