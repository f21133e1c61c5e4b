import { assertSafeRelativePath } from '../paths/safe-relative-path.js';

/**
 * The URL of `path` under `baseUrl` (which ends with `/`). Each segment is percent-encoded, and
 * the path is checked first, so the result can never leave the base folder.
 */
export function joinUrl(baseUrl: string, path: string): string {
  assertSafeRelativePath(path);
  return baseUrl + path.split('/').map(encodeURIComponent).join('/');
}
