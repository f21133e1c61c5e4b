import { JointokError, type JointokErrorOptions } from '../../errors/jointok-error.js';

const symbol = Symbol.for('jointok.error.offline');

/** Offline mode is on and the file is not in the cache, so it would need the network. */
export class OfflineError extends JointokError {
  private readonly [symbol] = true;
  /** The URL that would have been fetched. */
  readonly url: string;

  constructor(options: { url: string; message?: string } & JointokErrorOptions) {
    super('offline', options.message ?? `Offline mode: ${options.url} is not cached and the network may not be used.`, options);
    this.name = 'OfflineError';
    this.url = options.url;
  }

  static override isInstance(error: unknown): error is OfflineError {
    return JointokError.hasMarker(error, symbol);
  }
}
