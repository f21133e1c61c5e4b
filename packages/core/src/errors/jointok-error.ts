const marker = 'jointok.error';
const symbol = Symbol.for(marker);

/** Options every jointok error accepts. */
export interface JointokErrorOptions {
  /** The error that caused this one, if any. */
  cause?: unknown;
}

/**
 * Root of every error that jointok throws.
 *
 * `code` is stable and machine-readable; `message` is for people. Use
 * `JointokError.isInstance(e)` rather than `instanceof`: it also recognises errors
 * thrown by a second copy of the package (a `Symbol.for` marker, not class identity).
 */
export class JointokError extends Error {
  private readonly [symbol] = true;
  /** Stable machine-readable code, e.g. `'shape-mismatch'`. */
  readonly code: string;

  constructor(code: string, message: string, options: JointokErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'JointokError';
    this.code = code;
  }

  /** True for any jointok error, from any copy of the package. */
  static isInstance(error: unknown): error is JointokError {
    return JointokError.hasMarker(error, symbol);
  }

  /** Subclasses use this to check their own marker. */
  protected static hasMarker(error: unknown, marker: symbol): boolean {
    return typeof error === 'object' && error !== null && marker in error && (error as Record<symbol, unknown>)[marker] === true;
  }
}
