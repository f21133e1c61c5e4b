import { cacheKeySegment } from '../source/resolve-source.js';
import { UnsupportedError } from '../../errors/unsupported-error.js';
import type { FileCache } from '../cache/file-cache.js';
import type { ProgressListener } from '../download/progress.js';
import type { FetchLike } from '../download/transfer-options.js';
import type { ManifestFileVariant } from '../manifest/manifest.js';
import { assertSafeRelativePath } from '../paths/safe-relative-path.js';
import { joinUrl } from '../source/file-url.js';
import type { ResolvedSource } from '../source/resolved-source.js';
import type { RepositoryPlatform } from './repository-platform.js';

/** Settings of a loaded repository, defaults filled in. */
export interface AccessSettings {
  readonly cache: FileCache;
  readonly token: string | undefined;
  readonly offline: boolean;
  readonly maxBytes: number;
  readonly retries: number;
  readonly stallMs: number;
  readonly fetch: FetchLike;
}

/** One read through a {@link FileAccess}. */
export interface ReadOptions {
  readonly revalidate: boolean;
  readonly maxBytes: number;
  readonly signal: AbortSignal | undefined;
  readonly onProgress: ProgressListener | undefined;
}

/** Reads files of one source: a local folder directly, remote ones through the cache. */
export interface FileAccess {
  readonly source: ResolvedSource;
  read(entry: ManifestFileVariant, options: ReadOptions): Promise<Uint8Array>;
  url(path: string): string;
}

/**
 * Opens a source for reading. Local folders need a platform with a file system (Node).
 *
 * @throws RepositoryNotFoundError when a local folder is missing; UnsupportedError for a local
 *   source on a platform without a file system.
 */
export async function openFileAccess(platform: RepositoryPlatform, source: ResolvedSource, settings: AccessSettings): Promise<FileAccess> {
  if (source.kind === 'local') {
    const local = platform.local;
    if (local === undefined) {
      throw new UnsupportedError({ feature: 'loading a local folder on this platform', supported: ['hf:owner/name', 'http(s) URLs'], message: `Cannot load the folder ${source.input} here: this platform has no file system. Use an http(s) URL or an hf: id, or the Node build.` });
    }
    const root = await local.open(source.root, source.input);
    const opened = { ...source, root };
    return {
      source: opened,
      url: (path) => local.fileUrl(root, assertSafeRelativePath(path)),
      read: (entry, options) => local.read(root, { file: entry.path, sha256: entry.sha256, size: entry.size, maxBytes: options.maxBytes, signal: options.signal, onProgress: options.onProgress }),
    };
  }
  // The token is a hub credential: plain URL sources never see it.
  const headers: Record<string, string> = source.kind === 'hub' && settings.token ? { authorization: `Bearer ${settings.token}` } : {};
  return {
    source,
    url: (path) => joinUrl(source.baseUrl, path),
    read: (entry, options) =>
      settings.cache.load({
        // File segments in their URL form (as joinUrl writes them), then escaped like the source's.
        key: `${source.cacheKey}/${entry.path.split('/').map((segment) => cacheKeySegment(encodeURIComponent(segment))).join('/')}`,
        file: entry.path,
        url: joinUrl(source.baseUrl, entry.path),
        headers,
        sha256: entry.sha256,
        size: entry.size,
        revalidate: options.revalidate,
        offline: settings.offline,
        maxBytes: options.maxBytes,
        retries: settings.retries,
        stallMs: settings.stallMs,
        fetch: settings.fetch,
        signal: options.signal,
        onProgress: options.onProgress,
      }),
  };
}
