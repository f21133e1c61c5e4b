import { describe, expect, it } from 'vitest';
import { PairTable } from './pair-table.js';

/** Seeded merges `[left, right, merged]` over ids below `range`, with repeated pairs among them. */
function randomMerges(count: number, range: number, seed: number): Int32Array {
  let state = seed;
  const next = (): number => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state % range;
  };
  const merges = new Int32Array(3 * count);
  for (let i = 0; i < merges.length; i++) merges[i] = next();
  return merges;
}

describe('PairTable', () => {
  it.each([
    ['few lines (wide tags)', 300, 40],
    ['many lines (narrow tags)', 70_000, 600],
  ])('finds the first line of every pair and no line for absent pairs: %s', (_, count, range) => {
    const merges = randomMerges(count, range, count);
    const first = new Map<number, number>();
    for (let line = count - 1; line >= 0; line--) first.set((merges[3 * line] as number) * range + (merges[3 * line + 1] as number), line);
    const table = new PairTable(merges);
    let absent = 0;
    for (let a = 0; a < range; a += 3) {
      for (let b = 0; b < range; b += 7) {
        const expected = first.get(a * range + b) ?? -1;
        if (expected < 0) absent++;
        expect(table.find(a, b)).toBe(expected);
        if (expected >= 0) expect(table.mergedAt(expected)).toBe(merges[3 * expected + 2]);
      }
    }
    expect(absent).toBeGreaterThan(0);
    // A table over stored slots answers the same.
    expect(PairTable.checkSlots(table.slots, count)).toBeNull();
    const stored = new PairTable(merges, table.slots.slice());
    for (const [key, line] of first) expect(stored.find(Math.floor(key / range), key % range)).toBe(line);
  });

  it('refuses stored slots that could loop, point past the merges or name no line', () => {
    const merges = randomMerges(100, 20, 7);
    const slots = new PairTable(merges).slots;
    expect(PairTable.checkSlots(new Int32Array(3), 100)).toMatch(/power-of-two/);
    expect(PairTable.checkSlots(new Int32Array(slots.length).fill(1), 100)).toMatch(/empty slots left/);
    for (const bad of [101, -1, 0x7fffffff, 128 * 3]) {
      const copy = slots.slice();
      copy[0] = bad; // 128 * 3: a tag with line field 0
      expect(PairTable.checkSlots(copy, 100)).toMatch(/merge lines up to 100/);
    }
  });
});
