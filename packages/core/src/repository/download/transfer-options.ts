import type { ProgressListener } from './progress.js';

/** A `fetch` compatible with the global one; injectable for tests, proxies and custom auth. */
export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** Largest file accepted by default: 4 GiB, about the largest single Uint8Array engines allow. */
export const DEFAULT_MAX_BYTES = 4 * 1024 ** 3;

/** A download that receives nothing for this long is stalled: 30 s (data-idle, not a total limit). */
export const DEFAULT_STALL_TIMEOUT_MS = 30_000;

/** Largest JSON file (manifest, config) accepted by default: 64 MiB. */
export const DEFAULT_MAX_JSON_BYTES = 64 * 1024 ** 2;

/** How one file is fetched: the request, its limits and who is told about progress. */
export interface FileRequest {
  /** Repository-relative path, used for progress, errors and cache keys. */
  readonly file: string;
  readonly url: string;
  /** Extra request headers (the hub token goes here, for hub sources only). */
  readonly headers: Readonly<Record<string, string>>;
  /** Expected hex sha256, when the manifest knows it. */
  readonly sha256: string | undefined;
  /** Expected size in bytes, when the manifest knows it. */
  readonly size: number | undefined;
  /** Re-ask the server when online even if cached (small mutable files: manifest, config). */
  readonly revalidate: boolean;
  /** Never touch the network. */
  readonly offline: boolean;
  readonly maxBytes: number;
  /** How many times a network failure, a cut body or a 5xx is retried (resuming where possible). */
  readonly retries: number;
  /**
   * An attempt that receives no data (no response headers, no body bytes) for this long fails as
   * stalled (and is retried); 0 turns the check off. Default {@link DEFAULT_STALL_TIMEOUT_MS}.
   */
  readonly stallMs?: number;
  readonly fetch: FetchLike;
  readonly signal: AbortSignal | undefined;
  readonly onProgress: ProgressListener | undefined;
}
