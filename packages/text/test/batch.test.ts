import { execFile } from 'node:child_process';
import { InvalidArgumentError, JointokError } from '@jointok/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BatchWorkerError, createBatchEncoder, type BatchEncoder } from '../src/batch/index.node.js';
import { o200kBase } from '../src/encodings/o200k-base.js';
import { DisallowedSpecialTokenError } from '../src/errors/index.js';
import { ensureDist } from '../../../test-support/ensure-dist.js';
import { loadCorpus } from './load-corpus.js';

// worker_threads run JavaScript: the pool is tested with the built worker (built here if missing).
const workerUrl = new URL('../dist/batch/worker.node.js', import.meta.url);
const failingWorkerUrl = new URL('./__fixtures__/workers/failing-node-worker.mjs', import.meta.url);
const documents = loadCorpus().documents;
let pool: BatchEncoder;

beforeAll(async () => {
  await ensureDist(workerUrl, new URL('../', import.meta.url));
  pool = createBatchEncoder({ encoding: 'o200k_base', workers: 2, workerUrl });
}, 120_000);
afterAll(async () => {
  await pool?.close();
});

const rejection = (promise: Promise<unknown>): Promise<unknown> => promise.then(() => new Error('expected a rejection'), (error: unknown) => error);

describe('encodeBatch on worker_threads', () => {
  it('returns one Uint32Array per text, equal to encode, in order', async () => {
    const results = await pool.encodeBatch(documents, { allowedSpecial: 'all' });
    expect(results).toHaveLength(documents.length);
    const encoding = o200kBase();
    results.forEach((ids, i) => {
      expect(ids).toBeInstanceOf(Uint32Array);
      expect(Array.from(ids)).toEqual(encoding.encode(documents[i] as string, { allowedSpecial: 'all' }));
    });
    expect(await pool.encodeBatch([])).toEqual([]);
  });

  it('rejects with the worker’s error as its own class, fields and code kept', async () => {
    const error = await rejection(pool.encodeBatch(['fine', 'not <|endoftext|> fine']));
    expect(error).toBeInstanceOf(DisallowedSpecialTokenError);
    expect(DisallowedSpecialTokenError.isInstance(error)).toBe(true);
    expect(JointokError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'disallowed-special-token', token: '<|endoftext|>', offset: 4, name: 'DisallowedSpecialTokenError' });
    // The pool goes on working after a rejected batch.
    expect(Array.from((await pool.encodeBatch(['fine']))[0] as Uint32Array)).toEqual(o200kBase().encode('fine'));
  });

  it('rejects bad arguments', () => {
    expect(() => createBatchEncoder({ encoding: 'p50k' as 'o200k_base', workerUrl })).toThrow(InvalidArgumentError);
    expect(() => createBatchEncoder({ encoding: 'o200k_base', workers: 0, workerUrl })).toThrow(InvalidArgumentError);
    return expect(pool.encodeBatch([1 as unknown as string])).rejects.toThrow(InvalidArgumentError);
  });
});

describe('encodeBatch when a worker fails', () => {
  it('a worker that exits mid-batch rejects that batch (BatchWorkerError, exit code) and is replaced', async () => {
    const failing = createBatchEncoder({ encoding: 'o200k_base', workers: 1, workerUrl: failingWorkerUrl });
    try {
      const error = await rejection(failing.encodeBatch(['exit now', 'more text']));
      expect(BatchWorkerError.isInstance(error)).toBe(true);
      expect(error).toBeInstanceOf(BatchWorkerError);
      expect(error).toMatchObject({ code: 'batch-worker-failed', reason: 'exit', exitCode: 3 });
      // Every later batch settles too: on a new worker.
      const [ids] = await failing.encodeBatch(['after the exit']);
      expect(Array.from(ids as Uint32Array)).toEqual(o200kBase().encode('after the exit'));
      await expect(failing.encodeBatch(['exit now'])).rejects.toThrow(BatchWorkerError);
      expect((await failing.encodeBatch(['again'])).length).toBe(1);
    } finally {
      await failing.close();
    }
  });

  it('a worker’s uncaught exception rejects its batch with the exception as cause, not in this thread', async () => {
    const failing = createBatchEncoder({ encoding: 'o200k_base', workers: 2, workerUrl: failingWorkerUrl });
    try {
      // Two slices: the first worker throws, the second answers; the batch as a whole rejects.
      const error = await rejection(failing.encodeBatch(['throw now', 'x'.repeat(20)]));
      expect(error).toMatchObject({ reason: 'crash' });
      expect((error as Error).cause).toBeInstanceOf(TypeError);
      expect(((error as Error).cause as Error).message).toBe('thrown on purpose');
      expect((await failing.encodeBatch(['a', 'b', 'c'])).map((ids) => Array.from(ids))).toEqual(['a', 'b', 'c'].map((t) => o200kBase().encode(t)));
    } finally {
      await failing.close();
    }
  });

  it('a worker that cannot start rejects the batch and closes the pool; later calls reject at once', async () => {
    for (const url of [new URL('./__fixtures__/workers/no-such-worker.mjs', import.meta.url), new URL('./__fixtures__/workers/fails-to-load.mjs', import.meta.url)]) {
      const broken = createBatchEncoder({ encoding: 'o200k_base', workers: 2, workerUrl: url });
      const error = await rejection(broken.encodeBatch(['a', 'b', 'c']));
      expect(error, String(url)).toBeInstanceOf(BatchWorkerError);
      expect(error).toMatchObject({ reason: 'start', workerUrl: String(url) });
      expect((error as Error).cause).toBeDefined();
      const again = await rejection(broken.encodeBatch(['d']));
      expect(again).toMatchObject({ reason: 'start' });
      await broken.close();
    }
  });

  it('close() rejects unfinished batches with BatchWorkerError (reason closed)', async () => {
    const closing = createBatchEncoder({ encoding: 'o200k_base', workers: 1, workerUrl });
    const pending = rejection(closing.encodeBatch(documents));
    await closing.close();
    expect(await pending).toMatchObject({ reason: 'closed', code: 'batch-worker-failed' });
    await expect(closing.encodeBatch(['x'])).rejects.toThrow(InvalidArgumentError);
  });

  it('an idle pool that was never closed does not keep the process alive', async () => {
    const script = new URL('./__fixtures__/workers/idle-pool.mjs', import.meta.url);
    const entry = new URL('../dist/batch/index.node.js', import.meta.url).href;
    const output = await new Promise<string>((resolve, reject) => {
      execFile(process.execPath, [script.pathname, entry], { timeout: 30_000 }, (error, stdout) => (error ? reject(error) : resolve(stdout)));
    });
    expect(JSON.parse(output)).toEqual([o200kBase().encode('hello world'), o200kBase().encode('idle pools let the process exit')]);
  });
});
