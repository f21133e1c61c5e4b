import { describe, expect, it } from 'vitest';
import { averagePool, repeatAdd } from './time-scale.js';

describe('averagePool', () => {
  it('averages stride frames per channel, batch by batch', () => {
    // [B=2, T=2, D=2] -> [2, 1, 2]
    const out = averagePool(Float32Array.from([1, 10, 3, 20, -1, 0, -2, 5]), 2, 2, 2, 2);
    expect(Array.from(out)).toEqual([2, 15, -1.5, 2.5]);
  });

  it('sums in float32, in order, before dividing (torch avg_pool1d)', () => {
    // 1 + 2^-24 rounds to 1 in float32 (twice), so the mean is f32(1/3); a double sum would give
    // f32((1 + 2^-23) / 3), one float32 step higher.
    const out = averagePool(Float32Array.from([1, 2 ** -24, 2 ** -24]), 1, 3, 1, 3);
    expect(out[0]).toBe(Math.fround(1 / 3));
    expect(out[0]).not.toBe(Math.fround((1 + 2 ** -23) / 3));
  });
});

describe('repeatAdd', () => {
  it('repeats each frame stride times (repeat_interleave) while adding or subtracting', () => {
    const into = Float32Array.from([1, 1, 1, 1]);
    repeatAdd(Float32Array.from([2, 5]), into, 1, 4, 1, 2, false);
    expect(Array.from(into)).toEqual([3, 3, 6, 6]);
    repeatAdd(Float32Array.from([3, 6]), into, 1, 4, 1, 2, true);
    expect(Array.from(into)).toEqual([0, 0, 0, 0]);
  });
});
