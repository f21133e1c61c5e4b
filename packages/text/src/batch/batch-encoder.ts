import { InvalidArgumentError } from '@jointok/core';
import type { SpecialTokenPolicy } from '../encoding/index.js';
import { ENCODING_NAMES, type EncodingName } from '../encodings/index.js';
import { BatchWorkerError } from '../errors/index.js';
import { serializePolicy, type BatchRequest, type BatchResponse } from './protocol.js';
import { reviveError } from './transfer-error.js';

/** How a worker failed, as its platform reports it: an uncaught error or a failed load, or an exit. */
export type PoolWorkerFailure = { kind: 'error'; error: unknown } | { kind: 'exit'; exitCode: number };

/** The part of a worker the pool uses, over Node `worker_threads` or Web Workers. */
export interface PoolWorker {
  post(request: BatchRequest): void;
  /** Registers the pool's listeners; called once, right after the worker is made. */
  listen(listeners: { response(response: BatchResponse): void; failure(failure: PoolWorkerFailure): void }): void;
  /** Whether the worker may keep the process alive (Node: ref / unref); true only while it has jobs. */
  keepAlive(active: boolean): void;
  terminate(): Promise<void> | void;
}

/** Options of `createBatchEncoder`. */
export interface BatchEncoderOptions {
  /** Shipped encoding to use. */
  encoding: EncodingName;
  /** Number of workers (default: available parallelism minus one, at least 1). */
  workers?: number;
}

/** Makes one worker; `workerUrl` names its script in errors. */
export interface WorkerFactory {
  spawn(): PoolWorker;
  workerUrl: string;
}

interface Job {
  resolve(ids: Uint32Array[]): void;
  reject(error: Error): void;
}

/** One place in the pool: its current worker (made on first use, and again after a crash) and its jobs. */
interface Slot {
  worker: PoolWorker | undefined;
  ready: boolean;
  jobs: Map<number, Job>;
}

/**
 * Encodes many texts on a pool of workers; each text's ids come back as a `Uint32Array`.
 *
 * Every call settles. An error the encoding throws in a worker rejects the call as that same error
 * class. A worker that crashes or exits rejects its unfinished calls with `BatchWorkerError` and is
 * replaced on the next call; a worker that cannot start (its script does not load) closes the pool,
 * and every call then rejects with `BatchWorkerError` (`reason: 'start'`). Workers are made on the
 * first call, and an idle pool does not keep a Node process alive.
 */
export class BatchEncoder {
  private readonly slots: Slot[];
  private readonly encoding: EncodingName;
  private readonly factory: WorkerFactory;
  private nextJob = 0;
  private closed = false;
  /** Set when a worker failed to start: what it failed with. */
  private startFailure: { cause: unknown } | undefined;

  /** @internal Use `createBatchEncoder` from `@jointok/text/batch`. */
  constructor(factory: WorkerFactory, options: BatchEncoderOptions, defaultWorkers: number) {
    if (!ENCODING_NAMES.includes(options?.encoding)) {
      throw new InvalidArgumentError({ argument: 'options.encoding', expected: `one of ${ENCODING_NAMES.join(', ')}`, received: options?.encoding });
    }
    const count = options.workers ?? defaultWorkers;
    if (!Number.isInteger(count) || count < 1) throw new InvalidArgumentError({ argument: 'options.workers', expected: 'a positive integer', received: count });
    this.encoding = options.encoding;
    this.factory = factory;
    this.slots = Array.from({ length: count }, () => ({ worker: undefined, ready: false, jobs: new Map() }));
  }

  /** Encodes `texts` (tiktoken special-token policy as in `encode`), split evenly across the workers. */
  async encodeBatch(texts: readonly string[], options?: SpecialTokenPolicy): Promise<Uint32Array[]> {
    if (this.startFailure !== undefined) throw new BatchWorkerError({ reason: 'start', workerUrl: this.factory.workerUrl, cause: this.startFailure.cause });
    if (this.closed) throw new InvalidArgumentError({ argument: 'this', expected: 'an open BatchEncoder (close() was called)', received: 'closed' });
    if (!Array.isArray(texts) || texts.some((t) => typeof t !== 'string')) throw new InvalidArgumentError({ argument: 'texts', expected: 'an array of strings', received: texts });
    if (texts.length === 0) return [];
    const policy = serializePolicy(options);
    const parts = await Promise.all(splitByLength(texts, this.slots.length).map((slice, i) => this.run(this.slots[i] as Slot, slice, policy)));
    return parts.flat();
  }

  /** Stops the workers. Unfinished batches reject with `BatchWorkerError` (`reason: 'closed'`). */
  async close(): Promise<void> {
    this.closed = true;
    const workers = this.slots.map((slot) => this.retire(slot, new BatchWorkerError({ reason: 'closed', workerUrl: this.factory.workerUrl })));
    await Promise.all(workers.map((worker) => worker?.terminate()));
  }

  private run(slot: Slot, texts: string[], options: BatchRequest['options']): Promise<Uint32Array[]> {
    return new Promise((resolve, reject) => {
      const job = this.nextJob++;
      let worker: PoolWorker;
      try {
        worker = slot.worker ?? this.spawn(slot);
      } catch (error) {
        // `new Worker` itself threw (a malformed or cross-origin URL): the same as a failed start.
        this.failToStart(error);
        reject(new BatchWorkerError({ reason: 'start', workerUrl: this.factory.workerUrl, cause: error }));
        return;
      }
      slot.jobs.set(job, { resolve, reject });
      worker.keepAlive(true);
      worker.post({ job, encoding: this.encoding, texts, options });
    });
  }

  private spawn(slot: Slot): PoolWorker {
    const worker = this.factory.spawn();
    slot.worker = worker;
    slot.ready = false;
    worker.keepAlive(false);
    worker.listen({
      // Events of a worker that was replaced or stopped are ignored.
      response: (response) => {
        if (slot.worker === worker) this.receive(slot, response);
      },
      failure: (failure) => {
        if (slot.worker === worker) this.fail(slot, failure);
      },
    });
    return worker;
  }

  private receive(slot: Slot, response: BatchResponse): void {
    if (response.type === 'ready') {
      slot.ready = true;
      return;
    }
    const job = slot.jobs.get(response.job);
    if (job === undefined) return;
    slot.jobs.delete(response.job);
    if (slot.jobs.size === 0) slot.worker?.keepAlive(false);
    if (response.type === 'result') job.resolve(response.ids);
    else job.reject(reviveError(response.error));
  }

  private fail(slot: Slot, failure: PoolWorkerFailure): void {
    if (!slot.ready) {
      this.failToStart(failure.kind === 'error' ? failure.error : new Error(`it exited with code ${failure.exitCode} before it loaded`));
      return;
    }
    const { workerUrl } = this.factory;
    const error =
      failure.kind === 'exit'
        ? new BatchWorkerError({ reason: 'exit', workerUrl, exitCode: failure.exitCode })
        : new BatchWorkerError({ reason: 'crash', workerUrl, cause: failure.error });
    void this.retire(slot, error)?.terminate();
  }

  /** Closes the pool for good: a worker that cannot load will not load on a second try either. */
  private failToStart(cause: unknown): void {
    this.startFailure = { cause };
    this.closed = true;
    for (const slot of this.slots) void this.retire(slot, new BatchWorkerError({ reason: 'start', workerUrl: this.factory.workerUrl, cause }))?.terminate();
  }

  /** Empties a slot: rejects its jobs with `error` and returns its worker for the caller to stop. */
  private retire(slot: Slot, error: BatchWorkerError): PoolWorker | undefined {
    const worker = slot.worker;
    slot.worker = undefined;
    slot.ready = false;
    for (const job of slot.jobs.values()) job.reject(error);
    slot.jobs.clear();
    return worker;
  }
}

/** Contiguous slices balanced by characters, so one long text does not idle the other workers. */
function splitByLength(texts: readonly string[], parts: number): string[][] {
  const total = texts.reduce((n, t) => n + t.length, 0) || 1;
  const slices: string[][] = [];
  let current: string[] = [];
  let size = 0;
  for (const text of texts) {
    current.push(text);
    size += text.length;
    if (size >= total / parts && slices.length < parts - 1) {
      slices.push(current);
      current = [];
      size = 0;
    }
  }
  if (current.length > 0) slices.push(current);
  return slices;
}
