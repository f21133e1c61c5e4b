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
    const host = new URL(endpoint).host;
    return {
      kind: 'hub',
      input: source,
      owner,
      name,
      revision,
      endpoint,
      baseUrl: `${endpoint}/${owner}/${name}/resolve/${encodeURIComponent(revision)}/`,
      cacheKey: ['hub', keySegment(host), owner, name, keySegment(revision)].join('/'),
    };
  }
  if (/^https?:\/\//i.test(source)) {
    const url = parseUrl(source, 'source');
    url.search = '';
    url.hash = '';
    if (!url.pathname.endsWith('/')) url.pathname += '/';
    const segments = url.pathname.split('/').filter((segment) => segment !== '').map((segment) => keySegment(decodeURIComponent(segment)));
    return { kind: 'url', input: source, baseUrl: url.href, cacheKey: ['url', keySegment(url.host), ...segments].join('/') };
  }
  if (/^file:/i.test(source)) {
    return { kind: 'local', input: source, root: decodeURIComponent(parseUrl(source, 'source').pathname) };
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

/** One path-safe cache-key segment: percent-encoded, never `.` or `..`, no characters Windows refuses. */
function keySegment(value: string): string {
  const encoded = encodeURIComponent(value).replace(/[*!'()~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return encoded === '.' || encoded === '..' ? encoded.replace(/\./g, '%2E') : encoded;
}
