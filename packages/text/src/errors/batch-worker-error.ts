import { JointokError, type JointokErrorOptions } from '@jointok/core';

const symbol = Symbol.for('jointok.error.batch-worker');

/**
 * Why a batch did not finish on its worker: the worker never `start`ed (its script did not load: a
 * 404, a bundle that did not emit it, a syntax error), it threw an uncaught error (`crash`), it `exit`ed,
 * or the pool was `closed` first.
 */
export type BatchWorkerFailure = 'start' | 'crash' | 'exit' | 'closed';

const replaced = 'its unfinished batches fail, and a new worker replaces it on the next call';

function explain(reason: BatchWorkerFailure, exitCode: number | undefined): string {
  switch (reason) {
    case 'start':
      return (
        'failed to start, so the pool is closed. A bundle must emit the worker too: Vite and webpack do it on their own; with esbuild, ' +
        'add @jointok/text/batch/worker as an entry point and pass its URL as workerUrl (see "Web Workers" in the README of @jointok/text)'
      );
    case 'crash':
      return `threw an uncaught error; ${replaced}`;
    case 'exit':
      return `exited${exitCode === undefined ? '' : ` with code ${exitCode}`}; ${replaced}`;
    case 'closed':
      return 'was stopped: the pool was closed before this batch finished';
  }
}

function describeCause(cause: unknown): string {
  const message = (cause as { message?: unknown } | null | undefined)?.message;
  return typeof message === 'string' && message !== '' ? ` (${message})` : '';
}

/**
 * A batch of `encodeBatch` failed because of its worker, not its texts. `reason` says what happened,
 * `workerUrl` which script ran, `exitCode` how a worker that exited ended; `cause` holds the worker's
 * own error where there is one. Errors that the encoding throws inside a worker (for example
 * `DisallowedSpecialTokenError`) reach the caller as themselves, not as this error.
 */
export class BatchWorkerError extends JointokError {
  private readonly [symbol] = true;
  readonly reason: BatchWorkerFailure;
  readonly workerUrl: string;
  readonly exitCode: number | undefined;

  constructor(options: { reason: BatchWorkerFailure; workerUrl: string; exitCode?: number } & JointokErrorOptions) {
    super('batch-worker-failed', `The batch worker ${options.workerUrl} ${explain(options.reason, options.exitCode)}${describeCause(options.cause)}.`, options);
    this.name = 'BatchWorkerError';
    this.reason = options.reason;
    this.workerUrl = options.workerUrl;
    this.exitCode = options.exitCode;
  }

  static override isInstance(error: unknown): error is BatchWorkerError {
    return JointokError.hasMarker(error, symbol);
  }
}
