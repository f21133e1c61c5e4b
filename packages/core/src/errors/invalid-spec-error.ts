import { describeValue } from './describe-value.js';
import { JointokError, type JointokErrorOptions } from './jointok-error.js';

const symbol = Symbol.for('jointok.error.invalid-spec');

/**
 * A JSON spec (quantizer, layout, manifest) is malformed. `path` is the JSON path of the bad field
 * (`levels[2]`, `quantizers[1].codebookSize`), `expected` what would do.
 */
export class InvalidSpecError extends JointokError {
  private readonly [symbol] = true;
  readonly path: string;
  readonly expected: string;
  readonly received: unknown;

  constructor(options: { path: string; expected: string; received?: unknown; message?: string } & JointokErrorOptions) {
    super('invalid-spec', options.message ?? `Invalid spec field ${options.path}: expected ${options.expected}, received ${describeValue(options.received)}.`, options);
    this.name = 'InvalidSpecError';
    this.path = options.path;
    this.expected = options.expected;
    this.received = options.received;
  }

  static override isInstance(error: unknown): error is InvalidSpecError {
    return JointokError.hasMarker(error, symbol);
  }
}
