import { JointokError, type JointokErrorOptions } from '../../errors/jointok-error.js';

const symbol = Symbol.for('jointok.error.repository-not-found');

/**
 * A model repository does not exist where the source points: a missing folder, or a folder, URL or
 * hub revision that has neither `jointok.json` nor a recognised `config.json`.
 */
export class RepositoryNotFoundError extends JointokError {
  private readonly [symbol] = true;
  /** The source as the caller gave it (`hf:owner/name@rev`, a URL or a path). */
  readonly source: string;

  constructor(options: { source: string; message?: string } & JointokErrorOptions) {
    super(
      'repository-not-found',
      options.message ?? `No model repository at ${options.source}: expected a jointok.json or a supported config.json.`,
      options,
    );
    this.name = 'RepositoryNotFoundError';
    this.source = options.source;
  }

  static override isInstance(error: unknown): error is RepositoryNotFoundError {
    return JointokError.hasMarker(error, symbol);
  }
}
