import type { FileCache } from '../cache/file-cache.js';
import type { ProgressListener } from '../download/progress.js';
import type { LoadRepositoryOptions } from './load-options.js';

/** One read from a local folder. */
export interface LocalReadRequest {
  /** Repository-relative path (already checked by `assertSafeRelativePath`). */
  readonly file: string;
  readonly sha256: string | undefined;
  readonly size: number | undefined;
  readonly maxBytes: number;
  readonly signal: AbortSignal | undefined;
  readonly onProgress: ProgressListener | undefined;
}

/** Reads local folders; only platforms with a file system have one. */
export interface LocalFolderReader {
  /** The folder's absolute real path. @throws RepositoryNotFoundError when it is not a folder. */
  open(root: string, input: string): Promise<string>;
  /**
   * Verified bytes of a file inside `root`.
   * @throws DownloadError with status 404 when missing; UnsafePathError when a link leads outside.
   */
  read(root: string, request: LocalReadRequest): Promise<Uint8Array>;
  /** A `file:` URL of the file. */
  fileUrl(root: string, path: string): string;
}

/** What differs between Node, browsers and other runtimes: defaults and the local file system. */
export interface RepositoryPlatform {
  readonly local?: LocalFolderReader;
  /** Fills options the caller left out (cache, endpoint, token, offline) from the platform. */
  defaults(options: LoadRepositoryOptions): { cache: FileCache; endpoint?: string; token?: string; offline: boolean };
}
