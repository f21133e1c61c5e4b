import { OfflineError } from '../errors/offline-error.js';
import { downloadVerified } from './download-verified.js';
import type { CachedFileRequest, FileCache } from './file-cache.js';

/** A {@link FileCache} that keeps nothing: every load downloads (and offline loads fail). */
export function createNoCache(): FileCache {
  return {
    async load(request: CachedFileRequest): Promise<Uint8Array> {
      if (request.offline) throw new OfflineError({ url: request.url, message: `Offline mode without a cache: ${request.url} cannot be loaded.` });
      return (await downloadVerified(request)).bytes;
    },
  };
}
