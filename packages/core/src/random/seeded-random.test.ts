import { describe, expect, it } from 'vitest';
import { createSeededRandom } from './seeded-random.js';

describe('createSeededRandom', () => {
  it('follows SplitMix32 (values computed with an independent Python port of the published formula)', () => {
    const random = createSeededRandom(0);
    expect([random(), random(), random()].map((v) => v * 2 ** 32)).toEqual([2462723854, 1020716019, 454327756]);
    const other = createSeededRandom(42);
    expect([other(), other()].map((v) => v * 2 ** 32)).toEqual([939911724, 3948730756]);
  });

  it('stays in [0, 1) and repeats for the same seed', () => {
    const a = createSeededRandom(7);
    const b = createSeededRandom(7);
    for (let i = 0; i < 1000; i++) {
      const v = a();
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThan(1);
      expect(b()).toBe(v);
    }
  });
});
