import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../errors/invalid-argument-error.js';
import { UnsupportedError } from '../../errors/unsupported-error.js';
import { UnsafePathError } from '../errors/unsafe-path-error.js';
import { joinUrl } from './file-url.js';
import { parseHubId } from './parse-hub-id.js';
import { resolveSource } from './resolve-source.js';

describe('resolveSource', () => {
  it('resolves a hub id to {endpoint}/{owner}/{name}/resolve/{revision}/', () => {
    const source = resolveSource('hf:onnx-community/snac_24khz-ONNX@v1.0');
    expect(source).toMatchObject({ kind: 'hub', owner: 'onnx-community', name: 'snac_24khz-ONNX', revision: 'v1.0', endpoint: 'https://huggingface.co' });
    expect(source.kind === 'hub' && source.baseUrl).toBe('https://huggingface.co/onnx-community/snac_24khz-ONNX/resolve/v1.0/');
  });

  it('defaults the revision to main and honours a custom endpoint (trailing slash dropped)', () => {
    const source = resolveSource('hf:a/b', { endpoint: 'https://mirror.example/hf/' });
    expect(source.kind === 'hub' && source.baseUrl).toBe('https://mirror.example/hf/a/b/resolve/main/');
    expect(source.kind === 'hub' && source.cacheKey).toBe('hub/https%3A%2F%2Fmirror.example%2Fhf/a/b/main');
  });

  it('encodes a revision with slashes into one segment', () => {
    const source = resolveSource('hf:a/b@refs/pr/6');
    expect(source.kind === 'hub' && source.baseUrl).toBe('https://huggingface.co/a/b/resolve/refs%2Fpr%2F6/');
  });

  it('resolves http(s) URLs to a base folder URL, dropping query and hash', () => {
    const source = resolveSource('https://example.com:8443/models/tiny?x=1#y');
    expect(source).toMatchObject({ kind: 'url', baseUrl: 'https://example.com:8443/models/tiny/', cacheKey: 'url/https/example.com%3A8443/models/tiny' });
  });

  it('treats paths, drive letters and file: URLs as local folders', () => {
    expect(resolveSource('./models/tiny')).toMatchObject({ kind: 'local', root: './models/tiny' });
    expect(resolveSource('C:\\models\\tiny')).toMatchObject({ kind: 'local', root: 'C:\\models\\tiny' });
    expect(resolveSource('file:///srv/models/my%20model')).toMatchObject({ kind: 'local', root: '/srv/models/my model' });
  });

  it('refuses malformed percent-encoding in file: URLs with a typed error', () => {
    expect(() => resolveSource('file:///srv/%E0%A4%A')).toThrow(InvalidArgumentError);
    expect(() => resolveSource('file:///srv/%zz')).toThrow(InvalidArgumentError);
    // http(s) paths are kept as written, so a malformed escape is just part of the key.
    expect(resolveSource('http://h/%ff/').kind).toBe('url');
  });

  it('refuses other schemes with UnsupportedError', () => {
    expect(() => resolveSource('s3://bucket/model')).toThrow(UnsupportedError);
  });

  it('refuses an empty source and a non-http endpoint with InvalidArgumentError', () => {
    expect(() => resolveSource('')).toThrow(InvalidArgumentError);
    expect(() => resolveSource('hf:a/b', { endpoint: 'ftp://hub' })).toThrow(/endpoint/);
  });
});

describe('parseHubId', () => {
  it.each(['hf:a', 'hf:a/b/c', 'hf:../b', 'hf:a/..', 'hf:a/b@', 'hf:a/b@..', 'hf:a/b@has space', 'hf:-a/b'])('refuses %j', (id) => {
    expect(() => parseHubId(id)).toThrow(InvalidArgumentError);
  });

  it('accepts hf:// too', () => {
    expect(parseHubId('hf://a/b@c')).toEqual({ owner: 'a', name: 'b', revision: 'c' });
  });
});

describe('joinUrl', () => {
  it('percent-encodes each segment and refuses escaping paths', () => {
    expect(joinUrl('https://h/r/', 'dir/a b#c.bin')).toBe('https://h/r/dir/a%20b%23c.bin');
    expect(() => joinUrl('https://h/r/', '../x')).toThrow(UnsafePathError);
    expect(() => joinUrl('https://h/r/', '/x')).toThrow(UnsafePathError);
  });
});
