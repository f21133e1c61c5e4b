import { JointokError, type JointokErrorOptions } from '../../errors/jointok-error.js';

const symbol = Symbol.for('jointok.error.layout-overlap');

/**
 * Two parts of a layout claim the same ids once its tokens are resolved: two spaces' code ranges, or
 * a structure token inside a code range. `first` and `second` name them, `range` is the shared ids.
 */
export class LayoutOverlapError extends JointokError {
  private readonly [symbol] = true;
  readonly first: string;
  readonly second: string;
  readonly range: readonly [number, number];

  constructor(options: { first: string; second: string; range: readonly [number, number] } & JointokErrorOptions) {
    super(
      'layout-overlap',
      `Layout overlap: ${options.first} and ${options.second} both claim ids [${options.range[0]}, ${options.range[1]}); expected disjoint id ranges.`,
      options,
    );
    this.name = 'LayoutOverlapError';
    this.first = options.first;
    this.second = options.second;
    this.range = options.range;
  }

  static override isInstance(error: unknown): error is LayoutOverlapError {
    return JointokError.hasMarker(error, symbol);
  }
}
