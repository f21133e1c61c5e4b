import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { BatchEncoder, type BatchEncoderOptions } from './batch-encoder.js';
import type { BatchResponse } from './protocol.js';

export { BatchEncoder, type BatchEncoderOptions, type PoolWorker } from './batch-encoder.js';

/**
 * A pool of `worker_threads` workers that encode batches with a shipped encoding.
 * `workerUrl` defaults to the built worker next to this module.
 */
export function createBatchEncoder(options: BatchEncoderOptions & { workerUrl?: URL }): BatchEncoder {
  const url = options?.workerUrl ?? new URL('./worker.node.js', import.meta.url);
  return new BatchEncoder(
    () => {
      const worker = new Worker(url);
      return {
        post: (request) => worker.postMessage(request),
        onResponse: (listener: (response: BatchResponse) => void) => worker.on('message', listener),
        terminate: async () => {
          await worker.terminate();
        },
      };
    },
    options,
    Math.max(1, availableParallelism() - 1),
  );
}
