import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HubServer } from '../__fixtures__/hub-server.js';
import { MemoryCacheStorage } from '../__fixtures__/memory-cache-storage.js';
import { bytesOf, manifestFor } from '../__fixtures__/repository-fixtures.js';
import { OfflineError } from '../errors/offline-error.js';
import { loadRepositoryWith } from '../load/load-repository-with.js';
import { createBrowserCache } from './browser-cache.js';
import { createBrowserPlatform } from './browser-platform.js';

const weights = bytesOf(20_000, 4);
let server: HubServer;
let storage: MemoryCacheStorage;
let weightsPath: string;

beforeEach(async () => {
  server = await new HubServer().start();
  storage = new MemoryCacheStorage();
  server.put('o/n', 'main', 'jointok.json', manifestFor({ 'w.bin': weights }));
  weightsPath = server.put('o/n', 'main', 'w.bin', weights);
});

afterEach(async () => {
  await server.stop();
});

const load = (options: { offline?: boolean } = {}) =>
  loadRepositoryWith(createBrowserPlatform(), 'hf:o/n', { endpoint: server.origin, retries: 0, cache: createBrowserCache({ caches: storage as unknown as CacheStorage }), ...options });

describe('browser Cache API cache', () => {
  it('stores downloads and serves them again without the network', async () => {
    expect(await (await load()).file('w.bin')).toEqual(weights);
    const before = server.requests.length;
    expect(await (await load({ offline: true })).file('w.bin')).toEqual(weights);
    expect(server.requests.length).toBe(before);
    expect(server.downloads(weightsPath)).toHaveLength(1);
  });

  it('detects a corrupted entry and fetches it again', async () => {
    await (await load()).file('w.bin');
    const url = `${server.origin}${weightsPath}`;
    const stored = storage.entry('jointok', url)!.body;
    stored[5] = stored[5]! ^ 0xff;
    expect(await (await load()).file('w.bin')).toEqual(weights);
    expect(server.downloads(weightsPath)).toHaveLength(2);
  });

  it('offline without an entry: OfflineError', async () => {
    const error = await load({ offline: true }).catch((e: unknown) => e);
    expect(OfflineError.isInstance(error)).toBe(true);
    expect(server.requests).toHaveLength(0);
  });

  it('revalidates the manifest with If-None-Match', async () => {
    await load();
    await load();
    expect(server.requests.filter((r) => r.path.endsWith('jointok.json')).map((r) => r.status)).toEqual([200, 304]);
  });

  it('downloads every time where the Cache API is missing (insecure contexts, Node)', async () => {
    expect((globalThis as { caches?: unknown }).caches).toBeUndefined();
    const options = { endpoint: server.origin, retries: 0, cache: createBrowserCache() };
    await (await loadRepositoryWith(createBrowserPlatform(), 'hf:o/n', options)).file('w.bin');
    await (await loadRepositoryWith(createBrowserPlatform(), 'hf:o/n', options)).file('w.bin');
    expect(server.downloads(weightsPath)).toHaveLength(2);
  });
});
