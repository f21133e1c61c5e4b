import { Worker } from 'node:worker_threads';
import { JointokError } from 'jointok';
import type { ModelFlags } from '../models/model-flags.js';
import type { DatasetDocument } from './documents.js';
import type { WorkerResult } from './messages.js';

/** A document's outcome, as the pool reports it. */
export type DocumentOutcome = Extract<WorkerResult, { type: 'done' } | { type: 'failed' }>;

/**
 * Encodes documents on `size` worker threads, each with its own joint tokenizer. Up to two documents
 * are in flight per worker; outcomes arrive in completion order (the caller restores dataset order).
 */
export async function runWorkerPool(options: {
  size: number;
  flags: ModelFlags;
  tasks: Iterable<{ index: number; document: DatasetDocument }>;
  onOutcome: (outcome: DocumentOutcome) => void;
  signal: AbortSignal;
}): Promise<void> {
  const url = new URL('./pretokenize-worker.js', import.meta.url);
  const workers = Array.from({ length: options.size }, () => new Worker(url, { workerData: { flags: options.flags } }));
  const iterator = options.tasks[Symbol.iterator]();
  let exhausted = false;
  let inFlight = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      const finishIfDone = () => {
        if (exhausted && inFlight === 0) resolve();
      };
      const feed = (worker: Worker) => {
        if (options.signal.aborted) {
          exhausted = true;
          return finishIfDone();
        }
        const next = iterator.next();
        if (next.done) {
          exhausted = true;
          return finishIfDone();
        }
        inFlight++;
        worker.postMessage(next.value);
      };
      // On abort no new document is sent; the run ends once those in flight are back (and written).
      options.signal.addEventListener('abort', () => ((exhausted = true), finishIfDone()), { once: true });
      for (const worker of workers) {
        worker.on('message', (message: WorkerResult) => {
          if (message.type === 'ready') {
            feed(worker);
            feed(worker);
          } else if (message.type === 'fatal') reject(new JointokError(message.code, message.message));
          else {
            inFlight--;
            try {
              options.onOutcome(message);
            } catch (error) {
              reject(error);
              return;
            }
            feed(worker);
          }
        });
        worker.on('error', (error) => reject(error));
        worker.on('exit', (code) => {
          if (code !== 0 && !exhausted) reject(new JointokError('internal', `a pretokenize worker exited with code ${code}`));
        });
      }
    });
  } finally {
    await Promise.all(workers.map(closeWorker));
  }
}

/**
 * Asks a worker to dispose its tokenizer and end, and waits for it (terminating it after 5 s). Terminating
 * a worker that still holds onnxruntime-node sessions could abort the whole process at exit
 * ("terminate called after throwing an instance of 'Napi::Error'", seen in a CI run).
 */
function closeWorker(worker: Worker): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(() => void worker.terminate().then(() => resolve(), () => resolve()), 5000);
    worker.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    try {
      worker.postMessage({ type: 'close' });
    } catch {
      clearTimeout(timer);
      void worker.terminate().then(() => resolve(), () => resolve());
    }
  });
}
