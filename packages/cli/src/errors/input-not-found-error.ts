import { JointokError, type JointokErrorOptions } from 'jointok';

const symbol = Symbol.for('jointok.error.input-not-found');

/** An input path (file, folder, manifest, model folder) does not exist. */
export class InputNotFoundError extends JointokError {
  private readonly [symbol] = true;
  readonly path: string;
  /** What the path was given as (`'part'`, `'tokens file'`, `'dataset'`, ...). */
  readonly role: string;

  constructor(options: { path: string; role: string; message?: string } & JointokErrorOptions) {
    super('input-not-found', options.message ?? `No such ${options.role}: ${options.path}`, options);
    this.name = 'InputNotFoundError';
    this.path = options.path;
    this.role = options.role;
  }

  static override isInstance(error: unknown): error is InputNotFoundError {
    return JointokError.hasMarker(error, symbol);
  }
}
