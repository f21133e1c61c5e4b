import { describe, expect, it } from 'vitest';
import { roundHalfEven } from './round-half-even.js';

describe('roundHalfEven', () => {
  it('rounds exact ties to the even neighbour, like torch.round', () => {
    // Values from torch.round's documented behaviour (round half to even).
    const cases: Array<[number, number]> = [
      [-3.5, -4], [-2.5, -2], [-1.5, -2], [0.5, 0], [1.5, 2], [2.5, 2], [3.5, 4], [4.5, 4], [-4.5, -4],
    ];
    for (const [x, want] of cases) expect(roundHalfEven(x)).toBe(want);
  });

  it('keeps the sign of zero', () => {
    expect(Object.is(roundHalfEven(-0.5), -0)).toBe(true);
    expect(Object.is(roundHalfEven(-0.2), -0)).toBe(true);
    expect(Object.is(roundHalfEven(0.2), 0)).toBe(true);
  });

  it('rounds non-ties to the nearest integer', () => {
    expect(roundHalfEven(2.4999999)).toBe(2);
    expect(roundHalfEven(2.5000001)).toBe(3);
    expect(roundHalfEven(-2.5000001)).toBe(-3);
    expect(roundHalfEven(1e20)).toBe(1e20);
  });
});
