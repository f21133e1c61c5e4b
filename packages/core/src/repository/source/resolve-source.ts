import { InvalidArgumentError } from '../../errors/invalid-argument-error.js';
import { UnsupportedError } from '../../errors/unsupported-error.js';
import { parseHubId } from './parse-hub-id.js';
import type { ResolvedSource } from './resolved-source.js';

/** The public hub that `hf:` ids resolve against unless an endpoint is given. */
export const DEFAULT_HUB_ENDPOINT = 'https://huggingface.co';

/** Options of {@link resolveSource}. */
export interface ResolveSourceOptions {
  /** Hub endpoint for `hf:` ids (a mirror or a private hub). Default {@link DEFAULT_HUB_ENDPOINT}. */
  endpoint?: string;
}

/**
 * Works out where a repository lives: `hf:owner/name[@revision]` (hub), an `http(s)://` URL, a
 * `file:` URL or a plain path (local folder). This is pure string work: nothing is read or fetched.
 *
 * @throws InvalidArgumentError for a malformed source or endpoint; UnsupportedError for another scheme.
 */
export function resolveSource(source: string, options: ResolveSourceOptions = {}): ResolvedSource {
  if (typeof source !== 'string' || source.trim() === '') {
    throw new InvalidArgumentError({ argument: 'source', expected: 'hf:owner/name, an http(s) URL or a folder path', received: source });
  }
  if (/^hf:/i.test(source)) {
    const { owner, name, revision } = parseHubId(source);
    const endpoint = normaliseEndpoint(options.endpoint ?? DEFAULT_HUB_ENDPOINT);
    return {
      kind: 'hub',
      input: source,
      owner,
      name,
      revision,
      endpoint,
      baseUrl: `${endpoint}/${owner}/${name}/resolve/${encodeURIComponent(revision)}/`,
      // The whole endpoint (scheme, host, path prefix): two mirrors on one host are two caches.
      cacheKey: ['hub', cacheKeySegment(endpoint), owner, name, cacheKeySegment(revision)].join('/'),
    };
  }
  if (/^https?:\/\//i.test(source)) {
    const url = parseUrl(source, 'source');
    url.search = '';
    url.hash = '';
    if (!url.pathname.endsWith('/')) url.pathname += '/';
    // Segments as the URL writes them (still percent-encoded), each escaped again: `a%2Fb` and `a/b` stay
    // apart, and so do a source `.../a%2Fb/` and a file `a%2Fb` (which the URL writes `a%252Fb`).
    const segments = url.pathname.split('/').filter((segment) => segment !== '').map(cacheKeySegment);
    return { kind: 'url', input: source, baseUrl: url.href, cacheKey: ['url', url.protocol.slice(0, -1), cacheKeySegment(url.host), ...segments].join('/') };
  }
  if (/^file:/i.test(source)) {
    return { kind: 'local', input: source, root: decodePath(parseUrl(source, 'source').pathname, source) };
  }
  // A one-letter "scheme" is a Windows drive letter, i.e. a local path.
  const scheme = /^([a-z][a-z0-9+.-]+):/i.exec(source);
  if (scheme) throw new UnsupportedError({ feature: `source scheme "${scheme[1]}:"`, supported: ['hf:', 'http:', 'https:', 'file:', 'a folder path'] });
  return { kind: 'local', input: source, root: source };
}

function normaliseEndpoint(endpoint: string): string {
  const url = parseUrl(endpoint, 'endpoint');
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InvalidArgumentError({ argument: 'endpoint', expected: 'an http(s) URL', received: endpoint });
  }
  return url.href.replace(/\/+$/, '');
}

function parseUrl(value: string, argument: string): URL {
  try {
    return new URL(value);
  } catch (cause) {
    throw new InvalidArgumentError({ argument, expected: 'a valid URL', received: value, cause });
  }
}

/** A `file:` URL's path, decoded; malformed percent-encoding is an InvalidArgumentError, not a URIError. */
function decodePath(path: string, source: string): string {
  try {
    return decodeURIComponent(path);
  } catch (cause) {
    throw new InvalidArgumentError({ argument: 'source', expected: 'a file: URL with valid percent-encoding', received: source, cause });
  }
}

/**
 * One path-safe cache-key segment: percent-encoded (so `%` itself is escaped and the encoding is
 * injective), never `.` or `..`, no characters Windows refuses.
 */
export function cacheKeySegment(value: string): string {
  const encoded = encodeURIComponent(value).replace(/[*!'()~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return encoded === '.' || encoded === '..' ? encoded.replace(/\./g, '%2E') : encoded;
}
