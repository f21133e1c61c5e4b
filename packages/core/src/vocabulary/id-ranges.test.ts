import { describe, expect, it } from 'vitest';
import { IdRanges } from './id-ranges.js';

describe('IdRanges', () => {
  it('normalises overlapping and adjacent ranges and answers membership', () => {
    const set = IdRanges.fromRanges([[10, 20], [5, 8], [15, 25], [25, 26], [30, 30]]);
    expect(set.toArray()).toEqual([[5, 8], [10, 26]]);
    expect(set.size).toBe(19);
    expect([4, 5, 7, 8, 9, 10, 25, 26].map((id) => set.has(id))).toEqual([false, true, true, false, false, true, true, false]);
    expect(IdRanges.union([set, IdRanges.fromRanges([[8, 10]])]).toArray()).toEqual([[5, 26]]);
    expect(IdRanges.empty.has(0)).toBe(false);
  });
});
