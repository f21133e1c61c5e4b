import { JointokError, type JointokErrorOptions } from './jointok-error.js';

const symbol = Symbol.for('jointok.error.invalid-argument');

/** An argument has the wrong type or value. `argument` names it, `expected` says what would do. */
export class InvalidArgumentError extends JointokError {
  private readonly [symbol] = true;
  readonly argument: string;
  readonly expected: string;
  readonly received: unknown;

  constructor(options: { argument: string; expected: string; received?: unknown; message?: string } & JointokErrorOptions) {
    super(
      'invalid-argument',
      options.message ?? `Invalid ${options.argument}: expected ${options.expected}, received ${describe(options.received)}.`,
      options,
    );
    this.name = 'InvalidArgumentError';
    this.argument = options.argument;
    this.expected = options.expected;
    this.received = options.received;
  }

  static override isInstance(error: unknown): error is InvalidArgumentError {
    return JointokError.hasMarker(error, symbol);
  }
}

/** A short, safe description of a received value for error messages. */
export function describe(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (Array.isArray(value)) return value.length <= 8 ? `[${value.map(describe).join(', ')}]` : `an array of length ${value.length}`;
  if (ArrayBuffer.isView(value)) return `${value.constructor.name}(${(value as unknown as { length: number }).length})`;
  return typeof value === 'object' ? `an object` : typeof value;
}
