import { JointokError, type JointokErrorOptions } from './jointok-error.js';

const symbol = Symbol.for('jointok.error.unsupported');

/** Something is well-formed but not supported: an unknown spec `type`, a missing capability. */
export class UnsupportedError extends JointokError {
  private readonly [symbol] = true;
  readonly feature: string;
  readonly supported: readonly string[];

  constructor(options: { feature: string; supported?: readonly string[]; message?: string } & JointokErrorOptions) {
    super(
      'unsupported',
      options.message ?? `Unsupported ${options.feature}.${options.supported?.length ? ` Supported: ${options.supported.join(', ')}.` : ''}`,
      options,
    );
    this.name = 'UnsupportedError';
    this.feature = options.feature;
    this.supported = options.supported ?? [];
  }

  static override isInstance(error: unknown): error is UnsupportedError {
    return JointokError.hasMarker(error, symbol);
  }
}
