import { JointokError, type JointokErrorOptions } from '../../errors/jointok-error.js';

const symbol = Symbol.for('jointok.error.size-limit');

/** A file or response body is larger than the allowed number of bytes (`maxBytes`). */
export class SizeLimitError extends JointokError {
  private readonly [symbol] = true;
  /** The file or URL that was too large. */
  readonly file: string;
  /** The limit in bytes. */
  readonly limit: number;

  constructor(options: { file: string; limit: number; message?: string } & JointokErrorOptions) {
    super('size-limit', options.message ?? `${options.file} is larger than the limit of ${options.limit} bytes (option maxBytes).`, options);
    this.name = 'SizeLimitError';
    this.file = options.file;
    this.limit = options.limit;
  }

  static override isInstance(error: unknown): error is SizeLimitError {
    return JointokError.hasMarker(error, symbol);
  }
}
