/** One progress report of a file load, for a CLI progress bar or a web page. */
export interface DownloadProgress {
  /** Repository-relative path of the file. */
  readonly file: string;
  /** Bytes available so far (resumed bytes included). */
  readonly loaded: number;
  /** Total bytes when known (Content-Length, Content-Range or the manifest), else undefined. */
  readonly total: number | undefined;
  /** True when the bytes came from a cache or a local folder rather than the network. */
  readonly cached: boolean;
}

/** Receives {@link DownloadProgress} events. Exceptions it throws abort the load. */
export type ProgressListener = (event: DownloadProgress) => void;
