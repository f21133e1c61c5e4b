import { JointokError, type JointokErrorOptions } from '../../errors/jointok-error.js';

const symbol = Symbol.for('jointok.error.integrity');

/** A file's bytes do not match the sha256 (or size) its manifest or cache record promises. */
export class IntegrityError extends JointokError {
  private readonly [symbol] = true;
  /** The repository-relative path of the file. */
  readonly file: string;
  /** What was expected: a hex sha256, or a byte count when the size is wrong. */
  readonly expected: string;
  /** What was found, in the same form as `expected`. */
  readonly actual: string;

  constructor(options: { file: string; expected: string; actual: string; message?: string } & JointokErrorOptions) {
    super('integrity', options.message ?? `Integrity check failed for ${options.file}: expected ${options.expected}, got ${options.actual}.`, options);
    this.name = 'IntegrityError';
    this.file = options.file;
    this.expected = options.expected;
    this.actual = options.actual;
  }

  static override isInstance(error: unknown): error is IntegrityError {
    return JointokError.hasMarker(error, symbol);
  }
}
