import { randomUUID } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';

/** What the cache remembers about a stored file. */
export interface CacheRecord {
  readonly sha256: string;
  readonly size: number;
  readonly etag: string | undefined;
  readonly url: string;
  /**
   * False when the download's end could not be checked (no Content-Length, no chunked framing, no sha256
   * in the manifest): the copy is then fetched again whenever online, and used only offline.
   */
  readonly complete: boolean;
}

/** Reads a record; undefined when missing or unreadable (the entry is then treated as absent). */
export async function readCacheRecord(path: string): Promise<CacheRecord | undefined> {
  try {
    const json = JSON.parse(await readFile(path, 'utf8')) as Partial<CacheRecord> & { etag?: string | null };
    if (typeof json.sha256 !== 'string' || typeof json.size !== 'number' || typeof json.url !== 'string') return undefined;
    return { sha256: json.sha256, size: json.size, etag: typeof json.etag === 'string' ? json.etag : undefined, url: json.url, complete: json.complete !== false };
  } catch {
    return undefined;
  }
}

/** Writes `contents` to `path` atomically: a uniquely named temporary file, then rename. */
export async function writeFileAtomic(path: string, contents: string | Uint8Array): Promise<void> {
  const temporary = `${path}.${randomUUID()}.tmp`;
  try {
    await writeFile(temporary, contents);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
