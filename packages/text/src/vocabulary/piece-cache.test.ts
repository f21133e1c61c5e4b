import { describe, expect, it } from 'vitest';
import { PieceCache } from './piece-cache.js';
import { hashBytes } from './rank-table.js';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('PieceCache', () => {
  it('returns what was stored, for hashes across the whole 32-bit range', () => {
    const cache = new PieceCache();
    const keys = Array.from({ length: 3000 }, (_, i) => bytes(`piece-${i}-${'x'.repeat(i % 7)}`));
    // The same key under a high (unsigned) hash and a low one: both must hit.
    expect(keys.some((k) => hashBytes(k, 0, k.length) >= 2 ** 31)).toBe(true);
    keys.forEach((key, i) => cache.set(key, key.length, hashBytes(key, 0, key.length), [9, i, i + 1], 1));
    keys.forEach((key, i) => {
      const out: number[] = [];
      expect(cache.appendTo(key, key.length, hashBytes(key, 0, key.length), out)).toBe(true);
      expect(out).toEqual([i, i + 1]);
    });
    const miss = bytes('absent');
    expect(cache.appendTo(miss, miss.length, hashBytes(miss, 0, miss.length), [])).toBe(false);
  });

  it('clears itself past its entry limit', () => {
    const cache = new PieceCache(2);
    const [a, b, c] = ['a', 'b', 'c'].map(bytes) as [Uint8Array, Uint8Array, Uint8Array];
    for (const key of [a, b, c]) cache.set(key, 1, hashBytes(key, 0, 1), [1], 0);
    expect(cache.appendTo(a, 1, hashBytes(a, 0, 1), [])).toBe(false);
    expect(cache.appendTo(c, 1, hashBytes(c, 0, 1), [])).toBe(true);
  });
});
