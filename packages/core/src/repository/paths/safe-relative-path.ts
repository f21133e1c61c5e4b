import { UnsafePathError } from '../errors/unsafe-path-error.js';

/**
 * Checks that `path` is a plain relative path inside a repository and returns it normalised
 * (`./a//b` is refused rather than normalised: a manifest has no reason to write it).
 *
 * Refused, because each one can make a loader read or write outside its folder or cache: absolute
 * paths, drive letters, backslashes (a separator on Windows), `.` and `..` segments, empty segments,
 * NUL and other control characters.
 *
 * @throws UnsafePathError naming the path and the reason.
 */
export function assertSafeRelativePath(path: unknown): string {
  if (typeof path !== 'string' || path.length === 0) throw new UnsafePathError({ path: String(path), reason: 'not a non-empty string' });
  if (path.length > 1024) throw new UnsafePathError({ path: path.slice(0, 64), reason: 'longer than 1024 characters' });
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(path)) throw new UnsafePathError({ path, reason: 'contains a control character' });
  if (path.includes('\\')) throw new UnsafePathError({ path, reason: 'contains a backslash' });
  if (path.startsWith('/')) throw new UnsafePathError({ path, reason: 'is absolute' });
  if (/^[a-zA-Z]:/.test(path)) throw new UnsafePathError({ path, reason: 'starts with a drive letter' });
  for (const segment of path.split('/')) {
    if (segment === '') throw new UnsafePathError({ path, reason: 'has an empty segment' });
    if (segment === '.' || segment === '..') throw new UnsafePathError({ path, reason: `has a "${segment}" segment` });
  }
  return path;
}

/** True when `assertSafeRelativePath` would accept `path`. */
export function isSafeRelativePath(path: unknown): boolean {
  try {
    assertSafeRelativePath(path);
    return true;
  } catch {
    return false;
  }
}
