import { BatchEncoder, type BatchEncoderOptions } from './batch-encoder.js';
import type { BatchResponse } from './protocol.js';

export { BatchEncoder, type BatchEncoderOptions, type PoolWorker } from './batch-encoder.js';

/** A pool of module Web Workers that encode batches with a shipped encoding. */
export function createBatchEncoder(options: BatchEncoderOptions & { workerUrl?: URL }): BatchEncoder {
  const url = options?.workerUrl ?? new URL('./worker.browser.js', import.meta.url);
  const cores = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator?.hardwareConcurrency ?? 2;
  return new BatchEncoder(
    () => {
      const worker = new Worker(url, { type: 'module' });
      return {
        post: (request) => worker.postMessage(request),
        onResponse: (listener: (response: BatchResponse) => void) => worker.addEventListener('message', (event) => listener((event as MessageEvent<BatchResponse>).data)),
        terminate: () => worker.terminate(),
      };
    },
    options,
    Math.max(1, cores - 1),
  );
}
