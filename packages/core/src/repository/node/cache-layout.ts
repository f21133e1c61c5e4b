import { createHash } from 'node:crypto';
import { join, resolve, sep } from 'node:path';
import { UnsafePathError } from '../errors/unsafe-path-error.js';
import { assertSafeRelativePath } from '../paths/safe-relative-path.js';

/** Where one cache entry lives on disk. */
export interface CacheEntryPaths {
  /** The verified file, under `files/`. */
  readonly data: string;
  /** Its record (sha256, size, ETag), under `meta/`. */
  readonly record: string;
  /** Download in progress, under `tmp/`, kept after a failure so the next attempt resumes. */
  readonly partial: string;
  readonly partialRecord: string;
  readonly lock: string;
}

/**
 * Maps a cache key (`hub/<host>/<owner>/<name>/<rev>/<path>`) to paths inside `cacheDir`.
 * Keys are checked like manifest paths, and the result is checked to stay inside the folder.
 */
export function cacheEntryPaths(cacheDir: string, key: string): CacheEntryPaths {
  assertSafeRelativePath(key);
  const root = resolve(cacheDir);
  const data = join(root, 'files', ...key.split('/'));
  if (!data.startsWith(root + sep)) throw new UnsafePathError({ path: key, reason: 'leaves the cache folder' });
  const id = createHash('sha256').update(key).digest('hex').slice(0, 40);
  return {
    data,
    record: join(root, 'meta', ...key.split('/')) + '.json',
    partial: join(root, 'tmp', `${id}.partial`),
    partialRecord: join(root, 'tmp', `${id}.partial.json`),
    lock: join(root, 'tmp', `${id}.lock`),
  };
}
