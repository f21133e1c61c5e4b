import { JointokError, type JointokErrorOptions } from './jointok-error.js';
import { describeValue } from './describe-value.js';

const symbol = Symbol.for('jointok.error.invalid-weights-file');

/** A weights file (safetensors) is malformed: a bad header, an unknown dtype, data out of bounds. */
export class InvalidWeightsFileError extends JointokError {
  private readonly [symbol] = true;
  /** The file, when known (`quantizer.safetensors`). */
  readonly file: string;
  /** The tensor the problem is in, when there is one. */
  readonly tensor: string | undefined;
  readonly reason: string;

  constructor(options: { file: string; reason: string; tensor?: string } & JointokErrorOptions) {
    super('invalid-weights-file', `${options.file}${options.tensor === undefined ? '' : ` (tensor ${describeValue(options.tensor)})`}: ${options.reason}`, options);
    this.name = 'InvalidWeightsFileError';
    this.file = options.file;
    this.tensor = options.tensor;
    this.reason = options.reason;
  }

  static override isInstance(error: unknown): error is InvalidWeightsFileError {
    return JointokError.hasMarker(error, symbol);
  }
}
