const symbol = Symbol.for('jointok.fuzz.property');

/**
 * A property of an accepted input does not hold (a round trip changed the data, a valid input was
 * refused). Thrown by {@link fuzzAssert}; deliberately not a JointokError, so it always counts as a finding.
 */
export class FuzzPropertyError extends Error {
  private readonly [symbol] = true;

  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'FuzzPropertyError';
  }

  /** True for a property error from any copy of the module. */
  static isInstance(error: unknown): error is FuzzPropertyError {
    return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[symbol] === true;
  }
}

/** Throws a {@link FuzzPropertyError} with `message` (or its result) unless `condition` holds. */
export function fuzzAssert(condition: unknown, message: string | (() => string)): asserts condition {
  if (!condition) throw new FuzzPropertyError(typeof message === 'string' ? message : message());
}
