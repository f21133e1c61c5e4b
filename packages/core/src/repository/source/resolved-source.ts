/** A local folder. `root` is the path as given; the Node platform makes it absolute. */
export interface LocalSource {
  readonly kind: 'local';
  /** The source string the caller gave. */
  readonly input: string;
  readonly root: string;
}

/** A folder served over http(s). `baseUrl` ends with `/`. */
export interface UrlSource {
  readonly kind: 'url';
  readonly input: string;
  readonly baseUrl: string;
  /** Path-safe key of this source in a cache (`url/<host>/<path...>`). */
  readonly cacheKey: string;
}

/** A hub repository (`hf:owner/name@revision`), served at `{endpoint}/{owner}/{name}/resolve/{revision}/`. */
export interface HubSource {
  readonly kind: 'hub';
  readonly input: string;
  readonly owner: string;
  readonly name: string;
  readonly revision: string;
  /** The hub endpoint without a trailing slash, e.g. `https://huggingface.co`. */
  readonly endpoint: string;
  readonly baseUrl: string;
  readonly cacheKey: string;
}

/** Where a repository lives, as worked out by `resolveSource`. */
export type ResolvedSource = LocalSource | UrlSource | HubSource;
