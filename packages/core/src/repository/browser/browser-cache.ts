import { createNoCache } from '../cache/no-cache.js';
import { downloadVerified } from '../cache/download-verified.js';
import type { CachedFileRequest, FileCache } from '../cache/file-cache.js';
import { sha256Hex } from '../download/sha256.js';
import { OfflineError } from '../errors/offline-error.js';

/** Options of {@link createBrowserCache}. */
export interface BrowserCacheOptions {
  /** Name of the Cache API cache. Default `jointok`. */
  cacheName?: string;
  /** The CacheStorage to use (default `globalThis.caches`); injectable for tests and workers. */
  caches?: CacheStorage;
}

const SHA_HEADER = 'x-jointok-sha256';
/** Marks a stored body whose end could not be checked (see `VerifiedDownload.complete`). */
const INCOMPLETE_HEADER = 'x-jointok-unverified-end';

/**
 * A {@link FileCache} on the browser Cache API, keyed by file URL. Each stored response carries the
 * sha256 of its bytes, checked on every read; a corrupt entry is fetched again. Where the Cache API
 * is missing (insecure contexts), files are downloaded every time.
 */
export function createBrowserCache(options: BrowserCacheOptions = {}): FileCache {
  const cacheName = options.cacheName ?? 'jointok';
  const fallback = createNoCache();

  return {
    async load(request: CachedFileRequest): Promise<Uint8Array> {
      const storage = options.caches ?? (globalThis as { caches?: CacheStorage }).caches;
      if (storage === undefined) return fallback.load(request);
      request.signal?.throwIfAborted();
      const cache = await storage.open(cacheName);
      const cached = await readIntact(cache, request);
      if (cached !== undefined && (!request.revalidate || request.offline)) {
        request.onProgress?.({ file: request.file, loaded: cached.bytes.length, total: cached.bytes.length, cached: true });
        return cached.bytes;
      }
      if (request.offline) throw new OfflineError({ url: request.url });
      const download = await downloadVerified(request, cached?.etag);
      if (download === undefined) return cached!.bytes;
      const headers: Record<string, string> = { 'content-type': 'application/octet-stream', [SHA_HEADER]: download.sha256 };
      if (download.etag !== undefined) headers.etag = download.etag;
      // A body whose end could not be checked is kept only as an offline fallback.
      if (!download.complete) headers[INCOMPLETE_HEADER] = '1';
      await cache.put(request.url, new Response(download.bytes as Uint8Array<ArrayBuffer>, { headers }));
      return download.bytes;
    },
  };
}

async function readIntact(cache: Cache, request: CachedFileRequest): Promise<{ bytes: Uint8Array; etag: string | undefined } | undefined> {
  const hit = await cache.match(request.url);
  if (hit === undefined) return undefined;
  if (hit.headers.get(INCOMPLETE_HEADER) === '1' && !request.offline) return undefined;
  const bytes = new Uint8Array(await hit.arrayBuffer());
  const expected = request.sha256 ?? hit.headers.get(SHA_HEADER) ?? undefined;
  const intact = expected !== undefined && (await sha256Hex(bytes)) === expected.toLowerCase() && (request.size === undefined || request.size === bytes.length);
  return intact ? { bytes, etag: hit.headers.get('etag') ?? undefined } : undefined;
}
