import { JointokError, type JointokErrorOptions } from './jointok-error.js';

const symbol = Symbol.for('jointok.error.missing-dependency');

/** An optional peer package (`onnxruntime-node`, `onnxruntime-web`, ...) is needed but not installed. */
export class MissingDependencyError extends JointokError {
  private readonly [symbol] = true;
  readonly packageName: string;

  constructor(options: { packageName: string; purpose: string } & JointokErrorOptions) {
    super('missing-dependency', `${options.purpose} needs the package ${options.packageName}; install it (npm install ${options.packageName}) or inject your own.`, options);
    this.name = 'MissingDependencyError';
    this.packageName = options.packageName;
  }

  static override isInstance(error: unknown): error is MissingDependencyError {
    return JointokError.hasMarker(error, symbol);
  }
}
