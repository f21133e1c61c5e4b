const marker = 'jointok.error';
const symbol = Symbol.for(marker);

/**
 * The longest message a jointok error carries. Messages quote the input they refuse; whatever a
 * subclass builds, a hostile input (a 2 MB token string, say) cannot put megabytes into a message,
 * a log line or a worker's transfer. Longer messages keep their start and end around a marker.
 */
export const MAX_ERROR_MESSAGE_LENGTH = 2000;

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
    super(boundMessage(message), options.cause === undefined ? undefined : { cause: options.cause });
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

function boundMessage(message: string): string {
  if (message.length <= MAX_ERROR_MESSAGE_LENGTH) return message;
  const cut = message.length - (MAX_ERROR_MESSAGE_LENGTH - 100);
  const marker = ` …(${cut} characters cut)… `;
  const head = MAX_ERROR_MESSAGE_LENGTH - 100 - 300;
  return `${message.slice(0, head)}${marker}${message.slice(message.length - 300)}`;
}
