import { describe, expect, it } from 'vitest';
import { createSeededRandom as random } from '../../testing/seeded-random.js';
import { int16DotErrorBound, int16Limit, int16Quantization, powerOfTwo, quantizeValue, scaleExponent } from './int16-screen.js';
import { crossBound } from './scan-score-error-bound.js';

describe('int16Limit and scaleExponent', () => {
  it('keeps dim·q² below 2³¹ and q within int16', () => {
    for (const dim of [1, 2, 3, 8, 128, 129, 256, 1000, 65536]) {
      const q = int16Limit(dim);
      expect(q).toBeLessThanOrEqual(32767);
      expect(dim * q * q).toBeLessThan(2 ** 31);
      if (q < 32767) expect(dim * (q + 1) * (q + 1)).toBeGreaterThanOrEqual(2 ** 31 - 1);
    }
  });

  it('finds the smallest power of two that brings maxAbs within the limit, across the float32 range', () => {
    const next = random(5);
    const values = [1, 2047, 2048, 2049, 2 ** -149, 3.4e38, 1e-40, ...Array.from({ length: 300 }, () => next() * 2 ** Math.floor(next() * 260 - 140))];
    for (const limit of [1, 2047, 32767]) {
      for (const value of values) {
        const s = scaleExponent(value, limit);
        expect(value * 2 ** -s, `${value} / ${limit}`).toBeLessThanOrEqual(limit);
        expect(value * 2 ** -(s - 1), `${value} / ${limit}`).toBeGreaterThan(limit);
      }
    }
    expect(scaleExponent(0, 2047)).toBe(0);
    expect(scaleExponent(NaN, 2047)).toBeNaN();
    expect(scaleExponent(Infinity, 2047)).toBeNaN();
  });

  it('powerOfTwo gives 2^e exactly over the whole double range and beyond it', () => {
    for (let e = -1100; e <= 1100; e++) expect(powerOfTwo(e), `2^${e}`).toBe(Math.pow(2, e));
    expect(powerOfTwo(-1074)).toBe(Number.MIN_VALUE);
    expect(powerOfTwo(1023) * 2).toBe(Infinity);
  });
});

describe('int16DotErrorBound', () => {
  it('bounds |dotq − x·e| for the kernel’s arithmetic on random vectors and scales, outliers and zeros included', () => {
    let worst = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const next = random(seed);
      const dim = 1 + Math.floor(next() * 300);
      const limit = int16Limit(dim);
      const xScale = 2 ** Math.floor(next() * 80 - 40);
      const x = Float32Array.from({ length: dim }, () => (next() < 0.05 ? 0 : (next() * 2 - 1) * xScale));
      if (seed % 7 === 0) x[0] = 50 * xScale; // one outlier channel coarsens the scale of the rest
      if (seed % 11 === 0) x.fill(0);
      const rows = Array.from({ length: 8 }, () => Float32Array.from({ length: dim }, () => (next() * 2 - 1) * (seed % 3 === 0 ? 1e-3 : 1)));
      let maxAbsE = 0;
      let absSumMax = 0;
      let maxNorm = 0;
      for (const e of rows) {
        let absSum = 0;
        let norm = 0;
        for (const v of e) {
          maxAbsE = Math.max(maxAbsE, Math.abs(v));
          absSum += Math.abs(v);
          norm += v * v;
        }
        absSumMax = Math.max(absSumMax, absSum);
        maxNorm = Math.max(maxNorm, norm);
      }
      const book = int16Quantization(maxAbsE, limit);
      let maxAbsX = 0;
      let xNorm = 0;
      for (const v of x) {
        maxAbsX = Math.max(maxAbsX, Math.abs(v));
        xNorm += v * v;
      }
      const vector = int16Quantization(maxAbsX, limit);
      const xq = Array.from(x, (v) => quantizeValue(v, 2 ** -vector.exponent));
      const scale = Math.fround(2 ** (vector.exponent + book.exponent));
      const bound = int16DotErrorBound(dim, vector.maxError, Math.sqrt(dim * xNorm) * (1 + 2 ** -20), book.maxError, absSumMax * (1 + 2 ** -40), crossBound(xNorm, maxNorm));
      for (const e of rows) {
        let integer = 0;
        let exact = 0;
        for (let d = 0; d < dim; d++) {
          const eq = quantizeValue(e[d]!, 2 ** -book.exponent);
          expect(Math.abs(eq)).toBeLessThanOrEqual(limit);
          expect(Math.abs(xq[d]!)).toBeLessThanOrEqual(limit);
          integer += xq[d]! * eq;
          exact += x[d]! * e[d]!;
        }
        const dotq = Math.fround(Math.fround(integer) * scale);
        const gap = Math.abs(dotq - exact);
        expect(gap, `seed ${seed}`).toBeLessThanOrEqual(bound);
        if (bound > 0) worst = Math.max(worst, gap / bound);
      }
    }
    // Not vacuous: the bound is within a small factor of the errors seen.
    expect(worst).toBeGreaterThan(0.01);
  });
});
