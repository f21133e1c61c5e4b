/**
 * A small in-memory stand-in for the browser CacheStorage (Node has none): enough of `open`,
 * `match` and `put` for the Cache API cache, storing responses by URL.
 */
export class MemoryCacheStorage {
  readonly caches = new Map<string, Map<string, { body: Uint8Array; headers: [string, string][] }>>();

  async open(name: string): Promise<Cache> {
    let entries = this.caches.get(name);
    if (entries === undefined) this.caches.set(name, (entries = new Map()));
    const store = entries;
    const cache = {
      async match(url: string): Promise<Response | undefined> {
        const entry = store.get(url);
        return entry === undefined ? undefined : new Response(entry.body.slice() as Uint8Array<ArrayBuffer>, { headers: entry.headers });
      },
      async put(url: string, response: Response): Promise<void> {
        store.set(url, { body: new Uint8Array(await response.arrayBuffer()), headers: headerPairs(response.headers) });
      },
      async delete(url: string): Promise<boolean> {
        return store.delete(url);
      },
    };
    return cache as unknown as Cache;
  }

  /** The stored body of a URL, for tampering with in tests. */
  entry(name: string, url: string): { body: Uint8Array } | undefined {
    return this.caches.get(name)?.get(url);
  }
}

function headerPairs(headers: Headers): [string, string][] {
  const pairs: [string, string][] = [];
  headers.forEach((value, key) => pairs.push([key, value]));
  return pairs;
}
