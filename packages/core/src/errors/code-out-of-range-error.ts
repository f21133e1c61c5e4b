import { describeValue } from './describe-value.js';
import { JointokError, type JointokErrorOptions } from './jointok-error.js';

const symbol = Symbol.for('jointok.error.code-out-of-range');

/** A code (token index) lies outside `[0, codebookSize)`. `index` is its flat position. */
export class CodeOutOfRangeError extends JointokError {
  private readonly [symbol] = true;
  readonly argument: string;
  readonly index: number;
  readonly value: number;
  readonly codebookSize: number;

  constructor(options: { argument: string; index: number; value: number; codebookSize: number } & JointokErrorOptions) {
    super(
      'code-out-of-range',
      `${options.argument} holds code ${describeValue(options.value)} at flat index ${options.index}; expected an integer in [0, ${options.codebookSize}).`,
      options,
    );
    this.name = 'CodeOutOfRangeError';
    this.argument = options.argument;
    this.index = options.index;
    this.value = options.value;
    this.codebookSize = options.codebookSize;
  }

  static override isInstance(error: unknown): error is CodeOutOfRangeError {
    return JointokError.hasMarker(error, symbol);
  }
}
