import { InvalidArgumentError, JointokError } from '@jointok/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBatchEncoder, type BatchEncoder } from '../src/batch/index.node.js';
import { o200kBase } from '../src/encodings/o200k-base.js';
import { ensureDist } from './ensure-dist.js';
import { loadCorpus } from './load-corpus.js';

// worker_threads run JavaScript: the pool is tested with the built worker (built here if missing).
const workerUrl = new URL('../dist/batch/worker.node.js', import.meta.url);
const documents = loadCorpus().documents;
let pool: BatchEncoder;

beforeAll(async () => {
  await ensureDist(workerUrl);
  pool = createBatchEncoder({ encoding: 'o200k_base', workers: 2, workerUrl });
}, 120_000);
afterAll(async () => {
  await pool?.close();
});

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

  it('rejects with the worker’s typed error (its code kept)', async () => {
    const error = await pool.encodeBatch(['fine', 'not <|endoftext|> fine']).catch((e: unknown) => e);
    expect(JointokError.isInstance(error)).toBe(true);
    expect((error as JointokError).code).toBe('disallowed-special-token');
  });

  it('rejects bad arguments', () => {
    expect(() => createBatchEncoder({ encoding: 'p50k' as 'o200k_base', workerUrl })).toThrow(InvalidArgumentError);
    expect(() => createBatchEncoder({ encoding: 'o200k_base', workers: 0, workerUrl })).toThrow(InvalidArgumentError);
    return expect(pool.encodeBatch([1 as unknown as string])).rejects.toThrow(InvalidArgumentError);
  });
});
