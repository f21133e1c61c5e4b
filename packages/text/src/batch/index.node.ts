import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { BatchEncoder, type BatchEncoderOptions, type PoolWorker } from './batch-encoder.js';

export { BatchEncoder, type BatchEncoderOptions, type PoolWorker, type PoolWorkerFailure, type WorkerFactory } from './batch-encoder.js';
export { BatchWorkerError, type BatchWorkerFailure } from '../errors/index.js';

/** Options of `createBatchEncoder`: the encoding, the number of workers, and where the worker script is. */
export interface CreateBatchEncoderOptions extends BatchEncoderOptions {
  /** The worker script (default: the built `worker.node.js` next to this module, i.e. `@jointok/text/batch/worker`). */
  workerUrl?: URL | string;
}

/**
 * A pool of `worker_threads` workers that encode batches with a shipped encoding. Workers start on
 * the first call; an idle pool does not keep the process alive, but call `close()` when done.
 */
export function createBatchEncoder(options: CreateBatchEncoderOptions): BatchEncoder {
  const url = options?.workerUrl ?? new URL('./worker.node.js', import.meta.url);
  return new BatchEncoder({ workerUrl: String(url), spawn: () => nodePoolWorker(new Worker(url)) }, options, Math.max(1, availableParallelism() - 1));
}

function nodePoolWorker(worker: Worker): PoolWorker {
  return {
    post: (request) => worker.postMessage(request),
    listen: ({ response, failure }) => {
      worker.on('message', response);
      worker.on('messageerror', (error) => failure({ kind: 'error', error }));
      // Without an 'error' listener a worker's uncaught exception would be rethrown in this thread. The
      // thread ends right after it; 'exit' reports both, because Node delivers every message the worker
      // sent (its `ready` among them) before 'exit', not necessarily before 'error'.
      let uncaught: { error: unknown } | undefined;
      worker.on('error', (error) => {
        uncaught = { error };
      });
      worker.on('exit', (exitCode) => failure(uncaught === undefined ? { kind: 'exit', exitCode } : { kind: 'error', error: uncaught.error }));
    },
    keepAlive: (active) => (active ? worker.ref() : worker.unref()),
    terminate: async () => {
      await worker.terminate();
    },
  };
}
