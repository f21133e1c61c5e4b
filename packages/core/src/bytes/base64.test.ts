import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { decodeBase64, encodeBase64 } from './base64.js';

describe('base64', () => {
  it('matches Buffer on random bytes both ways', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const reference = Buffer.from(bytes).toString('base64');
        expect(encodeBase64(bytes)).toBe(reference);
        expect(Array.from(decodeBase64(reference))).toEqual(Array.from(bytes));
      }),
    );
  });

  it('rejects characters outside the alphabet with a typed error', () => {
    expect(() => decodeBase64('ab$d')).toThrow(InvalidArgumentError);
  });
});
