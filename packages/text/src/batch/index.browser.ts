import { BatchEncoder, type BatchEncoderOptions, type PoolWorker } from './batch-encoder.js';

export { BatchEncoder, type BatchEncoderOptions, type PoolWorker, type PoolWorkerFailure, type WorkerFactory } from './batch-encoder.js';
export { BatchWorkerError, type BatchWorkerFailure } from '../errors/index.js';

/** Options of `createBatchEncoder`: the encoding, the number of workers, and where the worker script is. */
export interface CreateBatchEncoderOptions extends BatchEncoderOptions {
  /**
   * The worker script: the URL where your bundle serves `@jointok/text/batch/worker`. Leave it out with
   * bundlers that follow `new Worker(new URL(..., import.meta.url))` (Vite, webpack 5, Parcel) or when
   * the package is served unbundled; esbuild does not, so there build the worker as its own entry point
   * and pass its URL.
   */
  workerUrl?: URL | string;
}

/** A pool of module Web Workers that encode batches with a shipped encoding. Workers start on the first call. */
export function createBatchEncoder(options: CreateBatchEncoderOptions): BatchEncoder {
  const workerUrl = options?.workerUrl;
  // Written as one expression on purpose: bundlers recognise `new Worker(new URL('…', import.meta.url))`
  // and then build the worker with its imports, instead of copying one file that imports chunks it lacks.
  const spawn =
    workerUrl === undefined
      ? () => new Worker(new URL('./worker.browser.js', import.meta.url), { type: 'module' })
      : () => new Worker(workerUrl, { type: 'module' });
  const cores = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator?.hardwareConcurrency ?? 2;
  return new BatchEncoder(
    { workerUrl: workerUrl === undefined ? '@jointok/text/batch/worker' : String(workerUrl), spawn: () => webPoolWorker(spawn()) },
    options,
    Math.max(1, cores - 1),
  );
}

function webPoolWorker(worker: Worker): PoolWorker {
  return {
    post: (request) => worker.postMessage(request),
    listen: ({ response, failure }) => {
      worker.addEventListener('message', (event) => response(event.data));
      worker.addEventListener('error', (event) => {
        // Handled here: without this the browser also reports it as an uncaught error of the page.
        event.preventDefault();
        failure({ kind: 'error', error: errorOfEvent(event) });
      });
      worker.addEventListener('messageerror', () => failure({ kind: 'error', error: new Error('a message from the worker could not be deserialized') }));
    },
    // Web Workers never keep a page alive.
    keepAlive: () => undefined,
    terminate: () => worker.terminate(),
  };
}

/** A worker's error event as an Error: an uncaught exception carries a message; a script that did not load, nothing. */
function errorOfEvent(event: Event): Error {
  const { message, filename, lineno } = event as Partial<ErrorEvent>;
  if (typeof message === 'string' && message !== '') return new Error(filename ? `${message} (${filename}:${lineno ?? 0})` : message);
  return new Error('the worker script did not load (not found, not JavaScript, or failed to parse)');
}
