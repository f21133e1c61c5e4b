import { describe, expect, it } from 'vitest';
import { createSeededRandom as random } from '../../testing/seeded-random.js';
import { codebookNormLimit, int16DotErrorBound, int16Max, int16ScaleExponent, normRoom, powerOfTwo, quantizeValue, roundingError, scaleExponent, vectorNormLimit } from './int16-screen.js';
import { crossBound } from './scan-score-error-bound.js';

/** Largest |v|, ‖v‖₂ (as the screen computes it) and ‖v‖₁ of a vector. */
function measure(values: Float32Array): { maxAbs: number; squaredNorm: number; absSum: number } {
  let maxAbs = 0;
  let squaredNorm = 0;
  let absSum = 0;
  for (const v of values) {
    maxAbs = Math.max(maxAbs, Math.abs(v));
    squaredNorm += v * v;
    absSum += Math.abs(v);
  }
  return { maxAbs, squaredNorm, absSum };
}

/** The screen's scaling: rows against the codebook norm limit, then vectors against the room the rows leave. */
function scaleAll(x: Float32Array, rows: Float32Array[], dim: number) {
  const book = rows.map(measure);
  const maxAbsE = Math.max(...book.map((m) => m.maxAbs));
  const maxSquaredNorm = Math.max(...book.map((m) => m.squaredNorm));
  const bookExponent = int16ScaleExponent(maxAbsE, Math.sqrt(maxSquaredNorm) * (1 + 2 ** -20), normRoom(codebookNormLimit, dim));
  const eq = rows.map((e) => Array.from(e, (v) => quantizeValue(v, 2 ** -bookExponent)));
  const integerSquaredNormMax = Math.max(...eq.map((e) => e.reduce((sum, v) => sum + v * v, 0)));
  const vector = measure(x);
  const vectorExponent = int16ScaleExponent(vector.maxAbs, Math.sqrt(vector.squaredNorm) * (1 + 2 ** -20), normRoom(vectorNormLimit(integerSquaredNormMax), dim));
  const xq = Array.from(x, (v) => quantizeValue(v, 2 ** -vectorExponent));
  return { book, maxAbsE, maxSquaredNorm, bookExponent, eq, vector, vectorExponent, xq };
}

describe('int16 scales', () => {
  it('keep every integer within int16, the rows within the norm limit and every integer dot product below 2³¹, adversarial vectors included', () => {
    let largest = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const next = random(seed);
      const dim = [1, 2, 3, 8, 128, 129, 256, 1000][seed % 8]!;
      const scale = 2 ** Math.floor(next() * 60 - 30);
      // Random rows, plus rows that put all their norm in one channel or spread it evenly.
      const rows = Array.from({ length: 6 }, (_, i) => Float32Array.from({ length: dim }, (_, d) => (i === 0 ? (d === 0 ? scale : 0) : i === 1 ? scale : (next() * 2 - 1) * scale)));
      // Vectors: along a row (the largest dot product it can reach), one-hot, even, random.
      const candidates = [rows[seed % 6]!.map((v) => v * 3), Float32Array.from({ length: dim }, (_, d) => (d === dim - 1 ? -7 : 0)), new Float32Array(dim).fill(-0.3), Float32Array.from({ length: dim }, () => next() * 2 - 1)];
      for (const x of candidates) {
        const { bookExponent, eq, vectorExponent, xq } = scaleAll(x, rows, dim);
        for (const v of [...xq, ...eq.flat()]) expect(Math.abs(v)).toBeLessThanOrEqual(int16Max);
        for (const e of eq) {
          expect(Math.sqrt(e.reduce((sum, v) => sum + v * v, 0))).toBeLessThanOrEqual(codebookNormLimit);
          // Products below 2³⁰ and at most 1000 of them: the double sum is exact.
          const integer = e.reduce((sum, v, d) => sum + v * xq[d]!, 0);
          expect(Math.abs(integer), `seed ${seed} dim ${dim} exponents ${bookExponent} ${vectorExponent}`).toBeLessThan(2 ** 31);
          largest = Math.max(largest, Math.abs(integer));
        }
      }
    }
    // Not vacuous: vectors along a row come close to the limit.
    expect(largest).toBeGreaterThan(2 ** 30);
  });

  it('use the finest scale that keeps both limits', () => {
    // 8 channels of 1: ‖v‖ = √8; the norm limit binds, not the value limit.
    const room = normRoom(codebookNormLimit, 8);
    const s = int16ScaleExponent(1, Math.sqrt(8), room);
    expect(Math.sqrt(8) * 2 ** -s).toBeLessThanOrEqual(room);
    expect(Math.sqrt(8) * 2 ** -(s - 1)).toBeGreaterThan(room);
    // One channel: the value limit binds.
    expect(int16ScaleExponent(1, 1, room)).toBe(scaleExponent(1, int16Max));
    expect(int16ScaleExponent(NaN, 1, room)).toBeNaN();
    expect(normRoom(10, 1000)).toBeNaN();
    expect(vectorNormLimit(0)).toBe(2 ** 24);
    expect(vectorNormLimit(codebookNormLimit ** 2) * codebookNormLimit).toBeLessThan(2 ** 31);
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
      const xScale = 2 ** Math.floor(next() * 80 - 40);
      const x = Float32Array.from({ length: dim }, () => (next() < 0.05 ? 0 : (next() * 2 - 1) * xScale));
      if (seed % 7 === 0) x[0] = 50 * xScale; // one outlier channel coarsens the scale of the rest
      if (seed % 11 === 0) x.fill(0);
      const rows = Array.from({ length: 8 }, () => Float32Array.from({ length: dim }, () => (next() * 2 - 1) * (seed % 3 === 0 ? 1e-3 : 1)));
      const { book, maxAbsE, maxSquaredNorm, bookExponent, eq, vector, vectorExponent, xq } = scaleAll(x, rows, dim);
      const absSumMax = Math.max(...book.map((m) => m.absSum));
      const scale = Math.fround(2 ** (vectorExponent + bookExponent));
      const bound = int16DotErrorBound(
        dim,
        roundingError(vectorExponent, vector.maxAbs),
        Math.sqrt(dim * vector.squaredNorm) * (1 + 2 ** -20),
        roundingError(bookExponent, maxAbsE),
        absSumMax * (1 + 2 ** -40),
        crossBound(vector.squaredNorm, maxSquaredNorm),
      );
      for (const [k, e] of rows.entries()) {
        let integer = 0;
        let exact = 0;
        for (let d = 0; d < dim; d++) {
          integer += xq[d]! * eq[k]![d]!;
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
