import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { CachedFileRequest, FileCache } from '../cache/file-cache.js';
import { downloadWithRetries } from '../download/download-with-retries.js';
import { verifyDigest } from '../download/verify-bytes.js';
import { IntegrityError } from '../errors/integrity-error.js';
import { OfflineError } from '../errors/offline-error.js';
import { SizeLimitError } from '../errors/size-limit-error.js';
import { cacheEntryPaths, type CacheEntryPaths } from './cache-layout.js';
import { readCacheRecord, writeFileAtomic, type CacheRecord } from './cache-record.js';
import { defaultCacheDir } from './default-cache-dir.js';
import { FileSink } from './file-sink.js';
import { withFileLock } from './file-lock.js';

/** Options of {@link createFileCache}. */
export interface FileCacheOptions {
  /** The cache folder. Default: `$JOINTOK_CACHE`, else `~/.cache/jointok`. */
  cacheDir?: string;
  /** A download lock untouched for this long belongs to a dead process and is broken. Default 30 s. */
  staleLockMs?: number;
}

/** The Node filesystem cache: a {@link FileCache} that also tells where it keeps things. */
export interface NodeFileCache extends FileCache {
  readonly cacheDir: string;
  /** The path of the verified file for a cache key (it may not exist yet). */
  pathOf(key: string): string;
}

interface CachedCopy {
  readonly bytes: Uint8Array;
  readonly record: CacheRecord;
}

/**
 * A filesystem cache for Node. Files are verified (sha256 from the manifest, or the one recorded at
 * download) on every read, and a corrupt copy is deleted and fetched again. Downloads go to a
 * partial file under a lock file, so two processes fetching the same file download it once; a cut
 * download resumes with HTTP Range; the finished file is moved into place with a rename, so
 * readers never see half a file. Offline mode reads the cache and never touches the network.
 */
export function createFileCache(options: FileCacheOptions = {}): NodeFileCache {
  const cacheDir = options.cacheDir ?? defaultCacheDir();
  const staleMs = options.staleLockMs ?? 30_000;

  async function load(request: CachedFileRequest): Promise<Uint8Array> {
    request.signal?.throwIfAborted();
    const paths = cacheEntryPaths(cacheDir, request.key);
    let cached = await readIntact(paths, request);
    if (cached !== undefined && (!request.revalidate || request.offline)) return hit(request, cached);
    if (request.offline) throw new OfflineError({ url: request.url });
    await mkdir(dirname(paths.partial), { recursive: true });
    return withFileLock(paths.lock, { signal: request.signal, staleMs }, async () => {
      // Another process may have stored it while this one waited for the lock.
      if (cached === undefined) {
        cached = await readIntact(paths, request);
        if (cached !== undefined && !request.revalidate) return hit(request, cached);
      }
      return download(paths, request, cached);
    });
  }

  return { cacheDir, load, pathOf: (key) => cacheEntryPaths(cacheDir, key).data };
}

function hit(request: CachedFileRequest, cached: CachedCopy): Uint8Array {
  request.onProgress?.({ file: request.file, loaded: cached.bytes.length, total: cached.bytes.length, cached: true });
  return cached.bytes;
}

/**
 * The stored copy if it is there and matches its expected or recorded sha256. A bad copy is left
 * alone here (readers hold no lock); the download that follows replaces it by rename.
 */
async function readIntact(paths: CacheEntryPaths, request: CachedFileRequest): Promise<CachedCopy | undefined> {
  const record = await readCacheRecord(paths.record);
  const size = await stat(paths.data).then((s) => s.size, () => undefined);
  if (record === undefined || size === undefined) return undefined;
  // A copy whose end could not be checked is a last resort: online, it is fetched again.
  if (!record.complete && !request.offline) return undefined;
  if (size > request.maxBytes) throw new SizeLimitError({ file: request.file, limit: request.maxBytes });
  const bytes = new Uint8Array(await readFile(paths.data));
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  try {
    verifyDigest(request.file, { size: bytes.length, sha256 }, { size: request.size ?? record.size, sha256: request.sha256 ?? record.sha256 });
    return { bytes, record };
  } catch {
    return undefined;
  }
}

async function download(paths: CacheEntryPaths, request: CachedFileRequest, cached: CachedCopy | undefined): Promise<Uint8Array> {
  for (let fresh = false; ; fresh = true) {
    const sink = await FileSink.open(paths.partial, paths.partialRecord);
    let result;
    try {
      result = await downloadWithRetries(request, sink, { ifNoneMatch: cached?.record.etag, resume: !fresh });
    } catch (error) {
      await sink.close();
      // A body over the limit is worth nothing; anything else keeps its bytes for a resume.
      if (SizeLimitError.isInstance(error)) await discard(paths);
      throw error;
    }
    await sink.close();
    if (result.kind === 'not-modified') {
      // fetchIntoSink accepts a 304 only to a conditional request, which is sent only with a cached copy.
      if (cached !== undefined) return hit(request, cached);
      throw new IntegrityError({ file: request.file, expected: 'a body', actual: 'a 304 without a cached copy' });
    }
    const bytes = new Uint8Array(await readFile(paths.partial));
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    try {
      verifyDigest(request.file, { size: bytes.length, sha256 }, request);
    } catch (error) {
      await discard(paths);
      // Resumed bytes may have been the bad part: one clean download before giving up.
      if (IntegrityError.isInstance(error) && sink.startedAt > 0 && !fresh) continue;
      throw error;
    }
    const etag = result.etag;
    const complete = result.complete || request.sha256 !== undefined || request.size !== undefined;
    await mkdir(dirname(paths.record), { recursive: true });
    await mkdir(dirname(paths.data), { recursive: true });
    await writeFileAtomic(paths.record, JSON.stringify({ sha256, size: bytes.length, etag: etag ?? null, url: request.url, complete }));
    await rename(paths.partial, paths.data);
    await rm(paths.partialRecord, { force: true });
    return bytes;
  }
}

async function discard(paths: CacheEntryPaths): Promise<void> {
  await Promise.all([rm(paths.partial, { force: true }), rm(paths.partialRecord, { force: true })]);
}
