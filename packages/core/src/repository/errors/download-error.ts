import { JointokError, type JointokErrorOptions } from '../../errors/jointok-error.js';

const symbol = Symbol.for('jointok.error.download');

/**
 * A download failed: an HTTP error status (`status` set), a network error or a body that ended
 * before its announced length (`status` undefined, `cause` set).
 */
export class DownloadError extends JointokError {
  private readonly [symbol] = true;
  /** The URL that was requested (without credentials). */
  readonly url: string;
  /** The HTTP status, when the server answered. */
  readonly status: number | undefined;

  constructor(options: { url: string; status?: number; message?: string } & JointokErrorOptions) {
    super(
      'download-failed',
      options.message ?? (options.status === undefined ? `Download of ${options.url} failed.` : `Download of ${options.url} failed with HTTP ${options.status}.`),
      options,
    );
    this.name = 'DownloadError';
    this.url = options.url;
    this.status = options.status;
  }

  static override isInstance(error: unknown): error is DownloadError {
    return JointokError.hasMarker(error, symbol);
  }
}
