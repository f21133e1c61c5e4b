// Cache keys must be injective: two sources (with their file paths) share a key only when they name the
// same URL, or one source's bytes would be served for another.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { joinUrl } from './file-url.js';
import { cacheKeySegment, resolveSource } from './resolve-source.js';

/** The key a file of a source is cached under (as `openFileAccess` builds it) and the URL it is fetched from. */
function keyAndUrl(source: string, file: string, endpoint?: string): { key: string; url: string } {
  const resolved = resolveSource(source, endpoint === undefined ? {} : { endpoint });
  if (resolved.kind === 'local') throw new Error('not a remote source');
  return { key: `${resolved.cacheKey}/${file.split('/').map((s) => cacheKeySegment(encodeURIComponent(s))).join('/')}`, url: joinUrl(resolved.baseUrl, file) };
}

describe('cache keys', () => {
  it('keep apart the collisions found by probing', () => {
    expect(keyAndUrl('http://h/', 'a%2Fb/x').key).not.toBe(keyAndUrl('http://h/a%2Fb/', 'x').key);
    expect(keyAndUrl('hf:a/b', 'x', 'http://h/mirrorA').key).not.toBe(keyAndUrl('hf:a/b', 'x', 'http://h/mirrorB').key);
    expect(keyAndUrl('http://h/m/', 'x').key).not.toBe(keyAndUrl('https://h/m/', 'x').key);
    expect(keyAndUrl('hf:a/b@c', 'x').key).not.toBe(keyAndUrl('hf:a/b@C', 'x').key);
  });

  it('never give one key to two different URLs (property test)', () => {
    const segment = fc.stringMatching(/^[a-zA-Z0-9%._~\-!*'()/ #?]{1,6}$/).filter((s) => !s.startsWith('/') && !s.endsWith('/') && !s.includes('//'));
    const urlSource = fc.tuple(fc.constantFrom('http', 'https'), fc.constantFrom('h', 'h:8080', 'g'), fc.array(segment, { maxLength: 3 })).map(([scheme, host, parts]) => {
      const path = parts.map((p) => encodeURI(p).replace(/[#?]/g, encodeURIComponent)).join('/');
      return `${scheme}://${host}/${path}${path === '' ? '' : '/'}`;
    });
    const file = fc.array(fc.stringMatching(/^[a-zA-Z0-9%._ -]{1,5}$/).filter((s) => s !== '.' && s !== '..'), { minLength: 1, maxLength: 3 }).map((parts) => parts.join('/'));
    const hub = fc.tuple(fc.constantFrom('https://hub.example', 'https://hub.example/m', 'http://hub.example/m'), fc.constantFrom('a', 'b'), fc.constantFrom('main', 'refs/pr/1', 'v1'));
    const remote = fc.oneof(
      fc.tuple(urlSource, file).map(([source, path]) => keyAndUrl(source, path)),
      fc.tuple(hub, file).map(([[endpoint, name, revision], path]) => keyAndUrl(`hf:o/${name}@${revision}`, path, endpoint)),
    );
    fc.assert(
      fc.property(remote, remote, (a, b) => {
        if (a.key === b.key) expect(a.url).toBe(b.url);
      }),
      { numRuns: 3000, seed: 17 },
    );
  });
});
