import { JointokError } from '@jointok/core';
import { describe, expect, it } from 'vitest';
import { DisallowedSpecialTokenError, InvalidUtf8Error, InvalidVocabularyError, LossyConversionError, UnknownTokenIdError, UnsupportedRegexError } from './index.js';

describe('text errors', () => {
  const cases = [
    [new UnknownTokenIdError({ id: 7, position: 2, vocabularySize: 5 }), UnknownTokenIdError, 'unknown-token-id', /ids\[2\] is 7/],
    [new DisallowedSpecialTokenError({ token: '<|endoftext|>', offset: 4 }), DisallowedSpecialTokenError, 'disallowed-special-token', /<\|endoftext\|>.*offset 4/],
    [new InvalidUtf8Error({ byteOffset: 9 }), InvalidUtf8Error, 'invalid-utf8', /byte 9/],
    [new UnsupportedRegexError({ pattern: 'a\\bb', construct: '\\b' }), UnsupportedRegexError, 'unsupported-regex', /\\\\b/],
    [new InvalidVocabularyError({ source: 'x.tiktoken', location: 'line 3', expected: 'a rank' }), InvalidVocabularyError, 'invalid-vocabulary', /x\.tiktoken at line 3/],
    [new LossyConversionError({ component: 'normalizer', reason: 'is NFC', target: 'tiktoken' }), LossyConversionError, 'lossy-conversion', /tiktoken .*normalizer is NFC/],
  ] as const;

  it.each(cases)('%s has its code, message, and both isInstance checks', (error, type, code, message) => {
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
    expect(JointokError.isInstance(error)).toBe(true);
    expect(type.isInstance(error)).toBe(true);
    expect(error).toBeInstanceOf(Error);
  });

  it('isInstance tells the classes apart and rejects plain errors', () => {
    expect(UnknownTokenIdError.isInstance(new InvalidUtf8Error({ byteOffset: 0 }))).toBe(false);
    expect(InvalidUtf8Error.isInstance(new Error('x'))).toBe(false);
    expect(JointokError.isInstance({ code: 'invalid-utf8' })).toBe(false);
  });

  it('keeps typed fields', () => {
    const error = new UnknownTokenIdError({ id: -1, position: 0, vocabularySize: 10 });
    expect([error.id, error.position, error.vocabularySize]).toEqual([-1, 0, 10]);
  });
});
