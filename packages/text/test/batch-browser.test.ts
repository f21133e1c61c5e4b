import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InvalidArgumentError, JointokError } from '@jointok/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BatchWorkerError, createBatchEncoder, type BatchEncoder } from '../src/batch/index.browser.js';
import { cl100kBase } from '../src/encodings/cl100k-base.js';
import { DisallowedSpecialTokenError } from '../src/errors/index.js';
import { ensureDist } from '../../../test-support/ensure-dist.js';
import { loadCorpus } from './load-corpus.js';
import { WebWorkerShim } from './web-worker-shim.js';

// The browser pool spawns `new Worker(url, { type: 'module' })` on the built browser worker
// (dist/batch/worker.browser.js). Node has no Web Worker, so a shim gives a worker thread the
// dedicated-worker globals; the worker module itself runs unmodified.
const workerUrl = new URL('../dist/batch/worker.browser.js', import.meta.url);
const documents = loadCorpus().documents.slice(0, 60);
const globals = globalThis as { Worker?: unknown };
const originalWorker = globals.Worker;
let pool: BatchEncoder;

beforeAll(async () => {
  await ensureDist(workerUrl, new URL('../', import.meta.url));
  globals.Worker = WebWorkerShim;
  pool = createBatchEncoder({ encoding: 'cl100k_base', workers: 2, workerUrl });
}, 120_000);
afterAll(async () => {
  await pool?.close();
  globals.Worker = originalWorker;
});

describe('encodeBatch on module Web Workers (browser build, under a Worker shim)', () => {
  it('returns one Uint32Array per text, equal to encode, in order', async () => {
    const results = await pool.encodeBatch(documents, { allowedSpecial: 'all' });
    expect(results).toHaveLength(documents.length);
    const encoding = cl100kBase();
    results.forEach((ids, i) => {
      expect(ids).toBeInstanceOf(Uint32Array);
      expect(Array.from(ids)).toEqual(encoding.encode(documents[i] as string, { allowedSpecial: 'all' }));
    });
  });

  it('rejects with the worker’s error as its own class, and after close', async () => {
    const error = await pool.encodeBatch(['a <|endoftext|> b']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DisallowedSpecialTokenError);
    expect(JointokError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'disallowed-special-token', offset: 2 });
    const closed = createBatchEncoder({ encoding: 'cl100k_base', workers: 1, workerUrl });
    await closed.close();
    await expect(closed.encodeBatch(['x'])).rejects.toThrow(InvalidArgumentError);
  });

  it('a worker script that does not load rejects (reason start) instead of hanging', async () => {
    const broken = createBatchEncoder({ encoding: 'cl100k_base', workers: 2, workerUrl: new URL('./__fixtures__/workers/no-such-worker.mjs', import.meta.url) });
    const error = await broken.encodeBatch(['a', 'b']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BatchWorkerError);
    expect(error).toMatchObject({ reason: 'start' });
    await expect(broken.encodeBatch(['c'])).rejects.toThrow(BatchWorkerError);
  });

  it('a worker’s uncaught error rejects its batch (reason crash); a new worker takes the next one', async () => {
    const failing = createBatchEncoder({ encoding: 'cl100k_base', workers: 1, workerUrl: new URL('./__fixtures__/workers/failing-browser-worker.mjs', import.meta.url) });
    try {
      const error = await failing.encodeBatch(['throw now']).catch((e: unknown) => e);
      expect(error).toMatchObject({ reason: 'crash', code: 'batch-worker-failed' });
      expect(((error as Error).cause as Error).message).toMatch(/thrown on purpose/);
      expect(Array.from((await failing.encodeBatch(['next']))[0] as Uint32Array)).toEqual(cl100kBase().encode('next'));
    } finally {
      await failing.close();
    }
  });

  it('the browser worker’s module graph imports no Node built-in', () => {
    // Walk the relative imports of the built worker: a `node:` import would break it in browsers,
    // which the shim (a Node thread) could not notice.
    const seen = new Set<string>();
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      const source = readFileSync(file, 'utf8');
      expect(source, file).not.toMatch(/from\s*["']node:|import\(\s*["']node:|\brequire\(/);
      for (const m of source.matchAll(/(?:from|import\()\s*["'](\.{1,2}\/[^"']+)["']/g)) visit(join(dirname(file), m[1] as string));
    };
    visit(fileURLToPath(workerUrl));
    expect(seen.size).toBeGreaterThan(2);
  });
});
