import { JointokError, type JointokErrorOptions } from '../../errors/jointok-error.js';

const symbol = Symbol.for('jointok.error.runtime');

/** The step of the runtime layer that failed. */
export type RuntimeOperation = 'load' | 'create' | 'run' | 'release';

/**
 * ONNX Runtime failed: loading the runtime or the model, creating a session, or running it.
 * `operation` says which step; `cause` holds the runtime's own error, unchanged.
 */
export class RuntimeError extends JointokError {
  private readonly [symbol] = true;
  readonly operation: RuntimeOperation;

  constructor(options: { operation: RuntimeOperation; message?: string } & JointokErrorOptions) {
    super('runtime', options.message ?? `ONNX Runtime failed to ${options.operation}: ${causeMessage(options.cause)}`, options);
    this.name = 'RuntimeError';
    this.operation = options.operation;
  }

  static override isInstance(error: unknown): error is RuntimeError {
    return JointokError.hasMarker(error, symbol);
  }
}

function causeMessage(cause: unknown): string {
  if (cause instanceof Error) return cause.message;
  if (typeof cause === 'string') return cause;
  return 'unknown error';
}
