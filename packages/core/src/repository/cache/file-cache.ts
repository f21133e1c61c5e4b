import type { FileRequest } from '../download/transfer-options.js';

/** A {@link FileRequest} with its cache key: `<source cacheKey>/<path>`, path-safe by construction. */
export interface CachedFileRequest extends FileRequest {
  readonly key: string;
}

/**
 * Where downloaded files are kept between loads: a folder in Node (`createFileCache`), the Cache
 * API in browsers (`createBrowserCache`), nothing at all (`createNoCache`). Implementations return
 * only verified bytes, never touch the network in offline mode, and report progress.
 */
export interface FileCache {
  /** Verified bytes of `request`: from the cache when present and intact, else downloaded, checked and stored. */
  load(request: CachedFileRequest): Promise<Uint8Array>;
}
