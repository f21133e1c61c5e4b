import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '@jointok/core';
import { decodeByteText, encodeByteText, encodeUtf8Into, findInvalidUtf8, utf8Length } from './index.js';

describe('utf8', () => {
  it('encodes like TextEncoder, lone surrogates included', () => {
    const encoder = new TextEncoder();
    const out = new Uint8Array(1024);
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), fc.string({ unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)), maxLength: 3 }), (a, b) => {
        const text = a + b + a;
        const n = encodeUtf8Into(text, 0, text.length, out);
        expect(Array.from(out.subarray(0, n))).toEqual(Array.from(encoder.encode(text)));
        expect(utf8Length(text, 0, text.length)).toBe(n);
      }),
    );
  });

  it('finds the first invalid sequence where the fatal TextDecoder fails', () => {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    expect(findInvalidUtf8(new Uint8Array([0x61, 0xe2, 0x82, 0xac]))).toBe(-1);
    expect(findInvalidUtf8(new Uint8Array([0x61, 0xc0, 0x80]))).toBe(1); // overlong
    expect(findInvalidUtf8(new Uint8Array([0x61, 0x62, 0xed, 0xa0, 0x80]))).toBe(2); // surrogate
    expect(findInvalidUtf8(new Uint8Array([0xf0, 0x9f, 0x8e]))).toBe(0); // truncated
    expect(findInvalidUtf8(new Uint8Array([0xf4, 0x90, 0x80, 0x80]))).toBe(0); // > U+10FFFF
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 12 }), (bytes) => {
        let valid = true;
        try {
          decoder.decode(bytes);
        } catch {
          valid = false;
        }
        expect(findInvalidUtf8(bytes) === -1).toBe(valid);
      }),
    );
  });
});

describe('byte text', () => {
  it('round-trips random bytes and uses only printable ASCII without quotes or backslashes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const text = encodeByteText(bytes);
        expect(/^[\x20-\x7e]*$/.test(text) && !/["\\]/.test(text)).toBe(true);
        expect(Array.from(decodeByteText(text))).toEqual(Array.from(bytes));
      }),
    );
  });

  it('gives the most frequent byte a one-character symbol', () => {
    const bytes = new Uint8Array(100).fill(0xe3);
    expect(encodeByteText(bytes).length).toBe(4 + 512 + 100);
  });

  it('rejects text without the header or with foreign symbols', () => {
    expect(() => decodeByteText('hello')).toThrow(InvalidArgumentError);
    const text = encodeByteText(new Uint8Array([1, 2, 3]));
    expect(() => decodeByteText(`${text}\u00e9`)).toThrow(InvalidArgumentError);
  });
});
