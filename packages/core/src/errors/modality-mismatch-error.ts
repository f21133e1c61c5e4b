import { JointokError, type JointokErrorOptions } from './jointok-error.js';

const symbol = Symbol.for('jointok.error.modality-mismatch');

/** Something of one modality was given where another was expected (an audio model to `loadImageTokenizer`). */
export class ModalityMismatchError extends JointokError {
  private readonly [symbol] = true;
  readonly expected: string;
  readonly received: string;
  /** What carried the wrong modality (a model source, `options.image`, `blocks[2]`). */
  readonly subject: string;

  constructor(options: { expected: string; received: string; subject: string } & JointokErrorOptions) {
    super('modality-mismatch', `${options.subject} is ${options.received}, expected ${options.expected}.`, options);
    this.name = 'ModalityMismatchError';
    this.expected = options.expected;
    this.received = options.received;
    this.subject = options.subject;
  }

  static override isInstance(error: unknown): error is ModalityMismatchError {
    return JointokError.hasMarker(error, symbol);
  }
}
