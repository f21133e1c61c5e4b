// Downloads from misbehaving servers: typed errors, bounded time and bytes, and never a poisoned cache.
import { mkdtemp, rm, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CachedFileRequest } from '../cache/file-cache.js';
import { DownloadError } from '../errors/download-error.js';
import { IntegrityError } from '../errors/integrity-error.js';
import { HubServer } from '../__fixtures__/hub-server.js';
import { cacheEntryPaths } from './cache-layout.js';
import { createFileCache } from './file-cache.js';

const body = Uint8Array.from({ length: 20_000 }, (_, i) => (i * 31 + 7) & 0xff);
let server: HubServer;
let cacheDir: string;
let n = 0;

beforeAll(async () => {
  server = await new HubServer().start();
  cacheDir = await mkdtemp(join(tmpdir(), 'jointok-hostile-'));
});
afterAll(async () => {
  await server.stop();
  await rm(cacheDir, { recursive: true, force: true });
});

/** A fresh server path holding `body`, and the cache request for it (no sha256 or size unless given). */
function serve(options: Partial<CachedFileRequest> = {}): { path: string; request: CachedFileRequest } {
  const path = `/files/f${++n}.bin`;
  server.files.set(path, body);
  const request: CachedFileRequest = {
    key: `test/f${n}.bin`,
    file: `f${n}.bin`,
    url: server.origin + path,
    headers: {},
    sha256: undefined,
    size: undefined,
    revalidate: false,
    offline: false,
    maxBytes: 1 << 30,
    retries: 0,
    fetch: globalThis.fetch,
    signal: undefined,
    onProgress: undefined,
    ...options,
  };
  return { path, request };
}

describe('hostile servers', () => {
  const cache = () => createFileCache({ cacheDir });

  it('does not resume without a validator: a cut download without ETag starts over', async () => {
    const { path, request } = serve({ retries: 1 });
    server.behaviours.set(path, { noEtag: true, cutAfter: 5_000, cutTimes: 1 });
    expect(await cache().load(request)).toEqual(body);
    const attempts = server.requests.filter((r) => r.path === path);
    expect(attempts.map((r) => r.headers.range)).toEqual([undefined, undefined]);
  });

  it('never trusts a close-delimited body of unknown length: fetched again when online, kept for offline', async () => {
    const { path, request } = serve();
    server.behaviours.set(path, { closeDelimited: true, cutAfter: 4_096, cutTimes: 1 });
    const first = await cache().load(request);
    expect(first.length).toBeLessThan(body.length); // undetectable here: no length, no checksum
    expect(await cache().load(request)).toEqual(body); // but not served from the cache as complete
    expect(server.downloads(path)).toHaveLength(2);
    expect(await cache().load({ ...request, offline: true })).toEqual(body);
  });

  it('stops at the declared size + 1 instead of downloading an endless body', async () => {
    const { path, request } = serve({ size: 100 });
    server.behaviours.set(path, { endless: true });
    let loaded = 0;
    const error = await cache().load({ ...request, onProgress: (p) => void (loaded = Math.max(loaded, p.loaded)) }).catch((e: unknown) => e);
    expect(IntegrityError.isInstance(error)).toBe(true);
    expect(loaded).toBeLessThan(1 << 20);
  });

  it('refuses a Content-Length that contradicts the declared size before reading the body', async () => {
    const { request } = serve({ size: 100 });
    await expect(cache().load(request)).rejects.toThrowError(/expected 100 bytes, got 20000 bytes/);
  });

  it('gives up on a stalled body after the stall timeout, and releases the lock', async () => {
    const { path, request } = serve({ stallMs: 300 });
    server.behaviours.set(path, { stallAfter: 10 });
    const started = Date.now();
    const error = await cache().load(request).catch((e: unknown) => e);
    expect(DownloadError.isInstance(error) && /stalled: no data for 0.3 s after 10 bytes/.test(error.message)).toBe(true);
    expect(Date.now() - started).toBeLessThan(5_000);
    server.behaviours.delete(path);
    expect(await cache().load(request)).toEqual(body); // resumes after the 10 bytes; the lock is gone
  });

  it('does not let an unconditional 304 promote a leftover partial file', async () => {
    const { path, request } = serve();
    const paths = cacheEntryPaths(cacheDir, request.key);
    await mkdir(join(cacheDir, 'tmp'), { recursive: true });
    await writeFile(paths.partial, body.subarray(0, 1000));
    server.behaviours.set(path, { alwaysNotModified: true });
    const error = await cache().load(request).catch((e: unknown) => e);
    expect(DownloadError.isInstance(error) && error.status === 304).toBe(true);
    server.behaviours.delete(path);
    expect(await cache().load(request)).toEqual(body);
  });
});
