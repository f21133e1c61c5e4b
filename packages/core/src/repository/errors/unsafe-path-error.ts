import { JointokError, type JointokErrorOptions } from '../../errors/jointok-error.js';

const symbol = Symbol.for('jointok.error.unsafe-path');

/**
 * A path would leave its repository folder or cache: `..` segments, an absolute path, a drive
 * letter, a backslash, or a symbolic link that points outside.
 */
export class UnsafePathError extends JointokError {
  private readonly [symbol] = true;
  /** The offending path as given. */
  readonly path: string;
  /** Why it was refused. */
  readonly reason: string;

  constructor(options: { path: string; reason: string; message?: string } & JointokErrorOptions) {
    super('unsafe-path', options.message ?? `Unsafe path ${JSON.stringify(options.path)}: ${options.reason}. Expected a relative path inside the repository.`, options);
    this.name = 'UnsafePathError';
    this.path = options.path;
    this.reason = options.reason;
  }

  static override isInstance(error: unknown): error is UnsafePathError {
    return JointokError.hasMarker(error, symbol);
  }
}
