import { describe, expect, it } from 'vitest';
import { roundArrayToBfloat16, roundToBfloat16 } from './bfloat16.js';

describe('roundToBfloat16', () => {
  it('keeps values that bfloat16 holds exactly', () => {
    for (const v of [0, 1, -1, 0.75, -0.5, 2 ** -20, 3 * 2 ** 100]) expect(roundToBfloat16(v)).toBe(v);
    expect(Object.is(roundToBfloat16(-0), -0)).toBe(true);
  });

  it('rounds to nearest with ties to even on the 8-bit significand', () => {
    // ulp(1) in bfloat16 is 2^-7: 1 + 2^-8 is a tie between 1 (even) and 1 + 2^-7.
    expect(roundToBfloat16(1 + 2 ** -8)).toBe(1);
    // 1 + 3·2^-8 ties between 1 + 2^-7 (odd) and 1 + 2^-6 (even).
    expect(roundToBfloat16(1 + 3 * 2 ** -8)).toBe(1 + 2 ** -6);
    expect(roundToBfloat16(1 + 2 ** -8 + 2 ** -12)).toBe(1 + 2 ** -7);
    // float32(1/3) = 0x3EAAAAAB → 0x3EAB = 0.333984375 (Cosmos's L = 7 code).
    expect(roundToBfloat16(Math.fround(1 / 3))).toBe(0.333984375);
    expect(roundToBfloat16(-Math.fround(2 / 3))).toBe(-0.66796875);
  });

  it('carries into the exponent and keeps NaN', () => {
    // The largest significand rounds up to the next power of two.
    expect(roundToBfloat16(Math.fround(2 - 2 ** -20))).toBe(2);
    expect(Number.isNaN(roundToBfloat16(Number.NaN))).toBe(true);
  });

  it('rounds arrays in place', () => {
    const values = Float32Array.from([1 + 2 ** -8, Math.fround(1 / 3)]);
    expect(roundArrayToBfloat16(values)).toBe(values);
    expect(Array.from(values)).toEqual([1, 0.333984375]);
  });
});
