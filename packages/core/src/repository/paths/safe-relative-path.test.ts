import { describe, expect, it } from 'vitest';
import { UnsafePathError } from '../errors/unsafe-path-error.js';
import { assertSafeRelativePath, isSafeRelativePath } from './safe-relative-path.js';

describe('assertSafeRelativePath', () => {
  it.each(['jointok.json', 'onnx/encoder_model.onnx', 'a/b/c.bin', '...', 'a/..b', 'dir.v2/x'])('accepts %j', (path) => {
    expect(assertSafeRelativePath(path)).toBe(path);
  });

  it.each([
    ['../secret', '".." segment'],
    ['a/../../etc/passwd', '".." segment'],
    ['/etc/passwd', 'is absolute'],
    ['C:/Windows/win.ini', 'drive letter'],
    ['c:evil', 'drive letter'],
    ['a\\..\\b', 'backslash'],
    ['./a', '"." segment'],
    ['a//b', 'empty segment'],
    ['a/', 'empty segment'],
    ['a\u0000b', 'control character'],
    ['', 'non-empty string'],
  ])('refuses %j (%s)', (path, reason) => {
    const error = (() => {
      try {
        assertSafeRelativePath(path);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(UnsafePathError.isInstance(error)).toBe(true);
    expect((error as UnsafePathError).reason).toContain(reason);
    expect(isSafeRelativePath(path)).toBe(false);
  });

  it('refuses non-strings', () => {
    expect(() => assertSafeRelativePath(42)).toThrow(UnsafePathError);
  });
});
