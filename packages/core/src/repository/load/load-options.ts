import type { ConfigAdapter } from '../adapters/config-adapter.js';
import type { FileCache } from '../cache/file-cache.js';
import type { ProgressListener } from '../download/progress.js';
import type { FetchLike } from '../download/transfer-options.js';

/** Options of `loadRepository`. Every one is optional; Node also reads some from the environment. */
export interface LoadRepositoryOptions {
  /** Node: the cache folder (default `$JOINTOK_CACHE`, else `~/.cache/jointok`). Ignored when `cache` is given. */
  cacheDir?: string;
  /** The cache to use; `false` for none. Default: filesystem in Node, Cache API in browsers. */
  cache?: FileCache | false;
  /** Hub endpoint for `hf:` ids. Node default: `$JOINTOK_ENDPOINT`, `$HF_ENDPOINT`, else https://huggingface.co. */
  endpoint?: string;
  /** Bearer token sent to the hub endpoint only (never to plain URLs). Node default: `$JOINTOK_TOKEN`, `$HF_TOKEN`. */
  token?: string;
  /** Never touch the network; only cached files load. Node default: `$JOINTOK_OFFLINE=1`. */
  offline?: boolean;
  /** Cancels the load and, unless a file call passes its own, every later file load. */
  signal?: AbortSignal;
  /** Progress of every file loaded through this repository. */
  onProgress?: ProgressListener;
  /** Largest file accepted, in bytes (guards against endless bodies). Default 4 GiB. */
  maxBytes?: number;
  /** The fetch to use. Default: the global fetch. */
  fetch?: FetchLike;
  /** Retries of a failed download (network error, cut body, 5xx, stall), each resuming. Default 2. */
  retries?: number;
  /**
   * Milliseconds a download may receive nothing (no headers, no body bytes) before the attempt fails as
   * stalled and is retried. Data-idle, not total: a slow download that moves never times out. Default
   * 30 000; 0 turns the check off.
   */
  stallTimeout?: number;
  /** Default weight variant of `.onnx` files (`fp16`, `q4f16`, ...). Default: full precision. */
  variant?: string;
  /**
   * Readers of `config.json` for folders without a `jointok.json` (onnx-community exports). `loadTokenizer`
   * passes those of its families (`@jointok/audio`'s SNAC, DAC and Mimi, `@jointok/image`'s Janus). Default:
   * none, so such a folder loads only with the adapter of the family that runs it.
   */
  configAdapters?: readonly ConfigAdapter[];
}

/** Options of one file load. */
export interface FileOptions {
  /** Weight variant (`fp16`, `int8`, `q4f16`, ...): the manifest's variant entry, else the onnx-community file name. */
  variant?: string;
  signal?: AbortSignal;
  onProgress?: ProgressListener;
}
