import { describe, expect, it } from 'vitest';
import { JointokError } from '../../errors/jointok-error.js';
import { DownloadError, IntegrityError, OfflineError, RepositoryNotFoundError, SizeLimitError, UnsafePathError } from './index.js';

describe('repository errors', () => {
  const cases = [
    [new RepositoryNotFoundError({ source: 'hf:a/b' }), RepositoryNotFoundError, 'repository-not-found', /hf:a\/b/],
    [new DownloadError({ url: 'https://h/x', status: 503 }), DownloadError, 'download-failed', /HTTP 503/],
    [new IntegrityError({ file: 'x.bin', expected: 'sha256 aa', actual: 'sha256 bb' }), IntegrityError, 'integrity', /x\.bin.*aa.*bb/],
    [new OfflineError({ url: 'https://h/x' }), OfflineError, 'offline', /Offline/],
    [new UnsafePathError({ path: '../x', reason: 'has a ".." segment' }), UnsafePathError, 'unsafe-path', /"\.\.\/x"/],
    [new SizeLimitError({ file: 'x.bin', limit: 10 }), SizeLimitError, 'size-limit', /10 bytes/],
  ] as const;

  it.each(cases)('%s has its code, message and marker', (error, type, code, message) => {
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
    expect(type.isInstance(error)).toBe(true);
    expect(JointokError.isInstance(error)).toBe(true);
  });

  it('isInstance tells the classes apart and rejects plain errors', () => {
    expect(DownloadError.isInstance(new OfflineError({ url: 'u' }))).toBe(false);
    expect(IntegrityError.isInstance(new Error('x'))).toBe(false);
    expect(SizeLimitError.isInstance(null)).toBe(false);
  });

  it('keeps typed fields', () => {
    const error = new DownloadError({ url: 'https://h/x', status: 404, cause: 'c' });
    expect([error.url, error.status, error.cause]).toEqual(['https://h/x', 404, 'c']);
  });
});
