import { JointokError, type JointokErrorOptions } from 'jointok';

const symbol = Symbol.for('jointok.error.output-conflict');

/**
 * An output folder already holds results that this run must not mix with: another dataset, layout,
 * model or shard, or files that do not match their checkpoint.
 */
export class OutputConflictError extends JointokError {
  private readonly [symbol] = true;
  readonly path: string;
  readonly reason: string;

  constructor(options: { path: string; reason: string } & JointokErrorOptions) {
    super('output-conflict', `${options.path} ${options.reason}`, options);
    this.name = 'OutputConflictError';
    this.path = options.path;
    this.reason = options.reason;
  }

  static override isInstance(error: unknown): error is OutputConflictError {
    return JointokError.hasMarker(error, symbol);
  }
}
