import { JointokError, type JointokErrorOptions } from '@jointok/core';

const symbol = Symbol.for('jointok.error.lossy-conversion');

/**
 * A tokenizer cannot be converted to another format without changing its ids: `component` is the
 * JSON path of the part that has no equivalent (e.g. `normalizer`, `model.merges[17]`).
 */
export class LossyConversionError extends JointokError {
  private readonly [symbol] = true;
  /** JSON path of the component that makes the conversion lossy. */
  readonly component: string;
  /** Why it cannot be carried over. */
  readonly reason: string;

  constructor(options: { component: string; reason: string; target?: string; message?: string } & JointokErrorOptions) {
    super(
      'lossy-conversion',
      options.message ?? `Cannot convert to ${options.target ?? 'the target format'} without changing ids: ${options.component} ${options.reason}.`,
      options,
    );
    this.name = 'LossyConversionError';
    this.component = options.component;
    this.reason = options.reason;
  }

  static override isInstance(error: unknown): error is LossyConversionError {
    return JointokError.hasMarker(error, symbol);
  }
}
