import { cacheKeySegment } from '../source/resolve-source.js';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HubServer } from '../__fixtures__/hub-server.js';
import { bytesOf, manifestFor, sha256, SNAC_CONFIG, TEST_CONFIG_ADAPTERS } from '../__fixtures__/repository-fixtures.js';
import type { DownloadProgress } from '../download/progress.js';
import { DownloadError } from '../errors/download-error.js';
import { IntegrityError } from '../errors/integrity-error.js';
import { OfflineError } from '../errors/offline-error.js';
import { RepositoryNotFoundError } from '../errors/repository-not-found-error.js';
import { SizeLimitError } from '../errors/size-limit-error.js';
import { cacheEntryPaths } from './cache-layout.js';
import { createFileCache } from './file-cache.js';
import { loadRepository } from './load-repository.js';

const REPO = 'owner/tiny';
const weights = bytesOf(50_000, 7);
const codebook = bytesOf(3000, 9);

let server: HubServer;
let cacheDir: string;
let weightsPath: string;

beforeEach(async () => {
  server = await new HubServer().start();
  cacheDir = await mkdtemp(join(tmpdir(), 'jointok-cache-'));
  server.put(REPO, 'main', 'jointok.json', manifestFor({ 'onnx/model.onnx': weights, 'codebook.bin': codebook }));
  weightsPath = server.put(REPO, 'main', 'onnx/model.onnx', weights);
  server.put(REPO, 'main', 'codebook.bin', codebook);
});

afterEach(async () => {
  await server.stop();
  await rm(cacheDir, { recursive: true, force: true });
});

const load = (options: Parameters<typeof loadRepository>[1] = {}, source = `hf:${REPO}`) =>
  loadRepository(source, { endpoint: server.origin, cacheDir, retries: 0, ...options });

describe('loadRepository over HTTP (hub layout, real loopback server)', () => {
  it('loads the manifest and verified files, then serves them from the cache', async () => {
    const repo = await load();
    expect(repo.format).toBe('jointok');
    expect(repo.manifest.files.map((f) => f.path)).toEqual(['onnx/model.onnx', 'codebook.bin']);
    expect(await repo.file('onnx/model.onnx')).toEqual(weights);
    expect(repo.fileUrl('onnx/model.onnx')).toBe(`${server.origin}/owner/tiny/resolve/main/onnx/model.onnx`);

    const again = await load();
    const events: DownloadProgress[] = [];
    expect(await again.file('onnx/model.onnx', { onProgress: (e) => events.push(e) })).toEqual(weights);
    expect(server.downloads(weightsPath)).toHaveLength(1);
    expect(events).toEqual([{ file: 'onnx/model.onnx', loaded: weights.length, total: weights.length, cached: true }]);
  });

  it('reports progress that grows to the total', async () => {
    const events: DownloadProgress[] = [];
    const repo = await load({ onProgress: (e) => events.push(e) });
    await repo.file('onnx/model.onnx');
    const model = events.filter((e) => e.file === 'onnx/model.onnx');
    expect(model[0]).toEqual({ file: 'onnx/model.onnx', loaded: 0, total: weights.length, cached: false });
    expect(model.at(-1)).toEqual({ file: 'onnx/model.onnx', loaded: weights.length, total: weights.length, cached: false });
    for (let i = 1; i < model.length; i++) expect(model[i]!.loaded).toBeGreaterThanOrEqual(model[i - 1]!.loaded);
  });

  it('sends the token to the hub only, as a bearer header', async () => {
    const repo = await load({ token: 'secret-token' });
    await repo.file('codebook.bin');
    const seen = server.requests.filter((r) => r.path.endsWith('codebook.bin'));
    expect(seen[0]!.headers.authorization).toBe('Bearer secret-token');

    server.files.set('/plain/jointok.json', new TextEncoder().encode(manifestFor({ 'a.bin': codebook })));
    server.files.set('/plain/a.bin', codebook);
    const plain = await load({ token: 'secret-token' }, `${server.origin}/plain`);
    expect(await plain.file('a.bin')).toEqual(codebook);
    expect(server.requests.filter((r) => r.path.startsWith('/plain/')).every((r) => r.headers.authorization === undefined)).toBe(true);
  });

  it('does not forward the token when the hub redirects to another origin (a CDN)', async () => {
    const cdn = await new HubServer().start();
    try {
      cdn.files.set('/blob', codebook);
      server.behaviours.set(server.put(REPO, 'main', 'codebook.bin', codebook), { redirectTo: `${cdn.origin}/blob` });
      const repo = await load({ token: 'secret-token' });
      expect(await repo.file('codebook.bin')).toEqual(codebook);
      expect(cdn.requests).toHaveLength(1);
      expect(cdn.requests[0]!.headers.authorization).toBeUndefined();
    } finally {
      await cdn.stop();
    }
  });

  it('resolves revisions with slashes to one encoded URL segment', async () => {
    server.put(REPO, 'refs/pr/6', 'jointok.json', manifestFor({ 'codebook.bin': codebook }));
    server.put(REPO, 'refs/pr/6', 'codebook.bin', codebook);
    const repo = await load({}, `hf:${REPO}@refs/pr/6`);
    expect(repo.fileUrl('codebook.bin')).toBe(`${server.origin}/owner/tiny/resolve/refs%2Fpr%2F6/codebook.bin`);
    expect(await repo.file('codebook.bin')).toEqual(codebook);
  });

  it('throws RepositoryNotFoundError when neither jointok.json nor config.json exists (404)', async () => {
    const error = await load({}, 'hf:owner/missing').catch((e: unknown) => e);
    expect(RepositoryNotFoundError.isInstance(error)).toBe(true);
    expect((error as RepositoryNotFoundError).source).toBe('hf:owner/missing');
  });

  it('throws DownloadError with status 404 for a missing file', async () => {
    const repo = await load();
    const error = await repo.file('nope.bin').catch((e: unknown) => e);
    expect(DownloadError.isInstance(error) && error.status).toBe(404);
    expect((error as DownloadError).url).toBe(`${server.origin}/owner/tiny/resolve/main/nope.bin`);
  });

  it('throws DownloadError with status 500, after the configured retries', async () => {
    const repo = await load({ retries: 1 });
    server.behaviours.set(weightsPath, { status: 500 });
    const error = await repo.file('onnx/model.onnx').catch((e: unknown) => e);
    expect(DownloadError.isInstance(error) && error.status).toBe(500);
    expect(server.requests.filter((r) => r.path === weightsPath)).toHaveLength(2);
  });

  it('fails on a body cut short, and the next load resumes with a Range request', async () => {
    const repo = await load();
    server.behaviours.set(weightsPath, { cutAfter: 20_000, cutTimes: 1 });
    const error = await repo.file('onnx/model.onnx').catch((e: unknown) => e);
    expect(DownloadError.isInstance(error)).toBe(true);
    expect(await repo.file('onnx/model.onnx')).toEqual(weights);
    const [first, second] = server.requests.filter((r) => r.path === weightsPath);
    expect(first!.headers.range).toBeUndefined();
    expect(second!.headers.range).toMatch(/^bytes=\d+-$/);
    expect(Number(second!.headers.range!.slice(6, -1))).toBeGreaterThan(0);
    expect(second!.status).toBe(206);
  });

  it('resumes a cut body within one call when retries are allowed', async () => {
    const repo = await load({ retries: 2 });
    server.behaviours.set(weightsPath, { cutAfter: 10_000, cutTimes: 1 });
    expect(await repo.file('onnx/model.onnx')).toEqual(weights);
    expect(server.requests.filter((r) => r.path === weightsPath).map((r) => r.status)).toEqual([200, 206]);
  });

  it('starts over when a complete partial file was left behind (416 on resume)', async () => {
    const key = `hub/${cacheKeySegment(server.origin)}/owner/tiny/main/onnx/model.onnx`;
    const paths = cacheEntryPaths(cacheDir, key);
    await mkdir(dirname(paths.partial), { recursive: true });
    await writeFile(paths.partial, weights);
    await writeFile(paths.partialRecord, JSON.stringify({ etag: `"${sha256(weights)}"` }));
    expect(await (await load()).file('onnx/model.onnx')).toEqual(weights);
    expect(server.requests.filter((r) => r.path === weightsPath).map((r) => r.status)).toEqual([416, 200]);
  });

  it('aborts a slow download when the caller aborts', async () => {
    const repo = await load();
    server.behaviours.set(weightsPath, { chunkDelayMs: 20 });
    const controller = new AbortController();
    const pending = repo.file('onnx/model.onnx', { signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    const error = await pending.catch((e: unknown) => e);
    expect((error as Error).name).toBe('AbortError');
    expect(Date.now() - started).toBeLessThan(900);
  });

  it('follows a redirect to another path', async () => {
    const blob = '/blobs/' + sha256(weights);
    server.files.set(blob, weights);
    server.behaviours.set(weightsPath, { redirectTo: blob });
    const repo = await load();
    expect(await repo.file('onnx/model.onnx')).toEqual(weights);
    expect(server.downloads(blob)).toHaveLength(1);
  });

  it('starts over when the file changed (new ETag) between a cut download and its resume', async () => {
    const repo = await load();
    server.behaviours.set(weightsPath, { cutAfter: 20_000, cutTimes: 1 });
    await repo.file('onnx/model.onnx').catch(() => undefined);
    const updated = bytesOf(50_000, 99);
    server.put(REPO, 'main', 'onnx/model.onnx', updated);
    server.put(REPO, 'main', 'jointok.json', manifestFor({ 'onnx/model.onnx': updated, 'codebook.bin': codebook }));
    const fresh = await load();
    expect(await fresh.file('onnx/model.onnx')).toEqual(updated);
    const last = server.requests.filter((r) => r.path === weightsPath).at(-1)!;
    expect(last.headers['if-range']).toBe(`"${sha256(weights)}"`);
    expect(last.status).toBe(200);
  });

  it('starts over when a server ignores If-Range and answers 206 with another ETag', async () => {
    const repo = await load();
    server.behaviours.set(weightsPath, { cutAfter: 20_000, cutTimes: 1 });
    await repo.file('onnx/model.onnx').catch(() => undefined);
    const updated = bytesOf(50_000, 98);
    server.put(REPO, 'main', 'onnx/model.onnx', updated);
    server.put(REPO, 'main', 'jointok.json', manifestFor({ 'onnx/model.onnx': updated, 'codebook.bin': codebook }));
    server.behaviours.set(weightsPath, { ignoreIfRange: true });
    expect(await (await load()).file('onnx/model.onnx')).toEqual(updated);
    expect(server.requests.filter((r) => r.path === weightsPath).slice(-2).map((r) => r.status)).toEqual([206, 200]);
  });

  it('downloads once when two loaders fetch the same file at the same time', async () => {
    server.behaviours.set(weightsPath, { chunkDelayMs: 2 });
    const [a, b] = await Promise.all([load(), load()]);
    const [x, y] = await Promise.all([a.file('onnx/model.onnx'), b.file('onnx/model.onnx')]);
    expect(x).toEqual(weights);
    expect(y).toEqual(weights);
    expect(server.downloads(weightsPath)).toHaveLength(1);
    const tmp = await readdir(join(cacheDir, 'tmp'));
    expect(tmp.filter((name) => name.endsWith('.lock') || name.endsWith('.partial'))).toEqual([]);
  });

  it('detects a corrupted cache file and fetches it again', async () => {
    await (await load()).file('onnx/model.onnx');
    const stored = createFileCache({ cacheDir }).pathOf(`hub/${cacheKeySegment(server.origin)}/owner/tiny/main/onnx/model.onnx`);
    const bad = new Uint8Array(await readFile(stored));
    bad[100] = bad[100]! ^ 0xff;
    await writeFile(stored, bad);
    expect(await (await load()).file('onnx/model.onnx')).toEqual(weights);
    expect(server.downloads(weightsPath)).toHaveLength(2);
    expect(new Uint8Array(await readFile(stored))).toEqual(weights);
  });

  it('throws IntegrityError when the server sends bytes that do not match the manifest', async () => {
    server.put(REPO, 'main', 'codebook.bin', bytesOf(3000, 10));
    const error = await (await load()).file('codebook.bin').catch((e: unknown) => e);
    expect(IntegrityError.isInstance(error)).toBe(true);
    expect((error as IntegrityError).expected).toBe(`sha256 ${sha256(codebook)}`);
    expect((error as IntegrityError).actual).toBe(`sha256 ${sha256(bytesOf(3000, 10))}`);
  });

  it('offline with a cached copy: loads without any request', async () => {
    await (await load()).file('onnx/model.onnx');
    const before = server.requests.length;
    const repo = await load({ offline: true });
    expect(await repo.file('onnx/model.onnx')).toEqual(weights);
    expect(server.requests.length).toBe(before);
  });

  it('offline without a cached copy: OfflineError and no request', async () => {
    const error = await load({ offline: true }).catch((e: unknown) => e);
    expect(OfflineError.isInstance(error)).toBe(true);
    const repo = await load();
    const before = server.requests.length;
    const fileError = await (await load({ offline: true })).file('onnx/model.onnx').catch((e: unknown) => e);
    expect(OfflineError.isInstance(fileError)).toBe(true);
    expect(server.requests.length).toBe(before);
    expect(repo.manifest.family).toBe('default');
  });

  it('revalidates the manifest with If-None-Match (304) when online', async () => {
    await load();
    await load();
    const manifestRequests = server.requests.filter((r) => r.path.endsWith('/jointok.json'));
    expect(manifestRequests.map((r) => r.status)).toEqual([200, 304]);
  });

  it('guards against an endless body with maxBytes (SizeLimitError)', async () => {
    server.files.set('/endless/jointok.json', new TextEncoder().encode(manifestFor({ 'codebook.bin': codebook })));
    server.files.set('/endless/stream.bin', bytesOf(4096));
    server.behaviours.set('/endless/stream.bin', { endless: true });
    const repo = await load({ maxBytes: 200_000 }, `${server.origin}/endless/`);
    const error = await repo.file('stream.bin').catch((e: unknown) => e);
    expect(SizeLimitError.isInstance(error) && error.limit).toBe(200_000);
  });

  it('refuses a file whose announced length is over maxBytes before reading it', async () => {
    const repo = await load({ maxBytes: 10_000 });
    const error = await repo.file('onnx/model.onnx').catch((e: unknown) => e);
    expect(SizeLimitError.isInstance(error)).toBe(true);
    expect(server.requests.filter((r) => r.path === weightsPath)).toHaveLength(1);
  });

  it('builds the manifest from config.json for an onnx-community folder and loads variants by name', async () => {
    const fp16 = bytesOf(2000, 3);
    server.put('onnx-community/snac_24khz-ONNX', 'main', 'config.json', JSON.stringify(SNAC_CONFIG));
    server.put('onnx-community/snac_24khz-ONNX', 'main', 'onnx/decoder_model_fp16.onnx', fp16);
    const repo = await load({ configAdapters: TEST_CONFIG_ADAPTERS }, 'hf:onnx-community/snac_24khz-ONNX');
    expect(repo.format).toBe('onnx-community');
    expect(repo.manifest.family).toBe('snac');
    expect(await repo.file('onnx/decoder_model.onnx', { variant: 'fp16' })).toEqual(fp16);
    expect(repo.fileUrl('onnx/decoder_model.onnx', { variant: 'fp16' })).toMatch(/\/onnx\/decoder_model_fp16\.onnx$/);
    // Without a sha256 in the manifest, the cache still checks what it stored.
    expect(await (await load({ offline: true, configAdapters: TEST_CONFIG_ADAPTERS }, 'hf:onnx-community/snac_24khz-ONNX')).file('onnx/decoder_model_fp16.onnx')).toEqual(fp16);
  });

  it('reads the hub endpoint and the cache folder from the environment', async () => {
    const saved = { endpoint: process.env.JOINTOK_ENDPOINT, cache: process.env.JOINTOK_CACHE };
    process.env.JOINTOK_ENDPOINT = server.origin;
    process.env.JOINTOK_CACHE = cacheDir;
    try {
      const repo = await loadRepository(`hf:${REPO}`);
      expect(repo.fileUrl('codebook.bin').startsWith(server.origin)).toBe(true);
      await repo.file('codebook.bin');
      expect((await readdir(join(cacheDir, 'files', 'hub'))).length).toBe(1);
    } finally {
      for (const [key, value] of [['JOINTOK_ENDPOINT', saved.endpoint], ['JOINTOK_CACHE', saved.cache]] as const) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
  });
});
