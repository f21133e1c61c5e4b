import { JointokError } from '@jointok/core';
import { describe, expect, it } from 'vitest';
import { ImageTooLargeError, InvalidImageError } from './index.js';

describe('image errors', () => {
  it('have codes, typed fields, messages and isInstance across copies', () => {
    const invalid = new InvalidImageError({ format: 'png', reason: 'CRC mismatch', cause: new Error('x') });
    expect([invalid.code, invalid.format, invalid.reason, invalid.name]).toEqual(['invalid-image', 'png', 'CRC mismatch', 'InvalidImageError']);
    expect(invalid.message).toMatch(/Invalid PNG data: CRC mismatch/);
    expect(invalid.cause).toBeInstanceOf(Error);
    const large = new ImageTooLargeError({ width: 100000, height: 3000, maxPixels: 1000 });
    expect([large.code, large.width, large.height, large.maxPixels]).toEqual(['image-too-large', 100000, 3000, 1000]);
    expect(large.message).toMatch(/100000x3000 .* exceeds the limit of 1000 pixels/);
    for (const error of [invalid, large]) expect(JointokError.isInstance(error)).toBe(true);
    expect(InvalidImageError.isInstance(large)).toBe(false);
    expect(ImageTooLargeError.isInstance(large)).toBe(true);
    expect(InvalidImageError.isInstance({ code: 'invalid-image' })).toBe(false);
  });
});
