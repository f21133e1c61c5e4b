import { InvalidArgumentError, JointokError } from '@jointok/core';
import type { SpecialTokenPolicy } from '../encoding/index.js';
import { ENCODING_NAMES, type EncodingName } from '../encodings/index.js';
import { serializePolicy, type BatchRequest, type BatchResponse } from './protocol.js';

/** The part of a worker the pool uses, over Node `worker_threads` or Web Workers. */
export interface PoolWorker {
  post(request: BatchRequest): void;
  onResponse(listener: (response: BatchResponse) => void): void;
  terminate(): Promise<void> | void;
}

/** Options of `createBatchEncoder`. */
export interface BatchEncoderOptions {
  /** Shipped encoding to use. */
  encoding: EncodingName;
  /** Number of workers (default: available parallelism minus one, at least 1). */
  workers?: number;
}

/** Encodes many texts on a pool of workers; each text's ids come back as a `Uint32Array`. */
export class BatchEncoder {
  private readonly workers: PoolWorker[];
  private readonly encoding: EncodingName;
  private readonly pending = new Map<number, { resolve: (ids: Uint32Array[]) => void; reject: (error: Error) => void }>();
  private nextJob = 0;
  private closed = false;

  /** @internal Use `createBatchEncoder` from `@jointok/text/batch`. */
  constructor(spawn: () => PoolWorker, options: BatchEncoderOptions, defaultWorkers: number) {
    if (!ENCODING_NAMES.includes(options?.encoding)) {
      throw new InvalidArgumentError({ argument: 'options.encoding', expected: `one of ${ENCODING_NAMES.join(', ')}`, received: options?.encoding });
    }
    const count = options.workers ?? defaultWorkers;
    if (!Number.isInteger(count) || count < 1) throw new InvalidArgumentError({ argument: 'options.workers', expected: 'a positive integer', received: count });
    this.encoding = options.encoding;
    this.workers = Array.from({ length: count }, () => {
      const worker = spawn();
      worker.onResponse((response) => this.settle(response));
      return worker;
    });
  }

  /** Encodes `texts` (tiktoken special-token policy as in `encode`), split evenly across the workers. */
  async encodeBatch(texts: readonly string[], options?: SpecialTokenPolicy): Promise<Uint32Array[]> {
    if (this.closed) throw new InvalidArgumentError({ argument: 'this', expected: 'an open BatchEncoder (close() was called)', received: 'closed' });
    if (!Array.isArray(texts) || texts.some((t) => typeof t !== 'string')) throw new InvalidArgumentError({ argument: 'texts', expected: 'an array of strings', received: texts });
    if (texts.length === 0) return [];
    // Contiguous slices balanced by characters, so one long text does not idle the other workers.
    const total = texts.reduce((n, t) => n + t.length, 0) || 1;
    const slices: string[][] = [];
    let current: string[] = [];
    let size = 0;
    for (const text of texts) {
      current.push(text);
      size += text.length;
      if (size >= total / this.workers.length && slices.length < this.workers.length - 1) {
        slices.push(current);
        current = [];
        size = 0;
      }
    }
    if (current.length > 0) slices.push(current);
    const policy = serializePolicy(options);
    const parts = await Promise.all(
      slices.map(
        (slice, i) =>
          new Promise<Uint32Array[]>((resolve, reject) => {
            const job = this.nextJob++;
            this.pending.set(job, { resolve, reject });
            (this.workers[i] as PoolWorker).post({ job, encoding: this.encoding, texts: slice, options: policy });
          }),
      ),
    );
    return parts.flat();
  }

  /** Stops the workers. Pending batches are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    for (const { reject } of this.pending.values()) reject(new JointokError('closed', 'The BatchEncoder was closed before this batch finished.'));
    this.pending.clear();
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private settle(response: BatchResponse): void {
    const waiter = this.pending.get(response.job);
    if (waiter === undefined) return;
    this.pending.delete(response.job);
    if ('ids' in response) waiter.resolve(response.ids);
    else waiter.reject(Object.assign(new JointokError(response.error.code ?? 'worker-error', `${response.error.name}: ${response.error.message}`), { name: response.error.name }));
  }
}
