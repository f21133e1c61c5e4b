import { describe, expect, it } from 'vitest';
import { IdBuffer } from './id-buffer.js';
import { PieceCache } from './piece-cache.js';
import { hashBytes } from './rank-table.js';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const idsOf = (ids: number[]): IdBuffer => {
  const buffer = new IdBuffer();
  for (const id of ids) buffer.push(id);
  return buffer;
};

describe('PieceCache', () => {
  it('returns what was stored, for hashes across the whole 32-bit range', () => {
    const cache = new PieceCache();
    const keys = Array.from({ length: 3000 }, (_, i) => bytes(`piece-${i}-${'x'.repeat(i % 7)}`));
    // The same key under a high (unsigned) hash and a low one: both must hit.
    expect(keys.some((k) => hashBytes(k, 0, k.length) >= 2 ** 31)).toBe(true);
    keys.forEach((key, i) => cache.set(key, key.length, hashBytes(key, 0, key.length), idsOf([9, i, i + 1]), 1));
    keys.forEach((key, i) => {
      const out = idsOf([7]);
      expect(cache.appendTo(key, key.length, hashBytes(key, 0, key.length), out)).toBe(true);
      expect(out.toArray()).toEqual([7, i, i + 1]);
    });
    const miss = bytes('absent');
    expect(cache.appendTo(miss, miss.length, hashBytes(miss, 0, miss.length), new IdBuffer())).toBe(false);
  });

  it('clears itself past its entry limit', () => {
    const cache = new PieceCache(2);
    const [a, b, c] = ['a', 'b', 'c'].map(bytes) as [Uint8Array, Uint8Array, Uint8Array];
    for (const key of [a, b, c]) cache.set(key, 1, hashBytes(key, 0, 1), idsOf([1]), 0);
    expect(cache.appendTo(a, 1, hashBytes(a, 0, 1), new IdBuffer())).toBe(false);
    expect(cache.appendTo(c, 1, hashBytes(c, 0, 1), new IdBuffer())).toBe(true);
  });
});

describe('IdBuffer', () => {
  it('grows past its first capacity, keeps order, and copies out a range', () => {
    const buffer = new IdBuffer();
    for (let i = 0; i < 5000; i++) buffer.push(i * 3);
    buffer.reserve(10_000);
    expect(buffer.data.length).toBeGreaterThanOrEqual(15_000);
    expect(buffer.toArray(4998)).toEqual([4998 * 3, 4999 * 3]);
    expect(buffer.toArray()).toHaveLength(5000);
    buffer.reset(2048);
    expect(buffer.length).toBe(0);
    expect(buffer.data.length).toBe(1024);
  });
});
