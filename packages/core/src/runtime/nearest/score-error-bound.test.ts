import { describe, expect, it } from 'vitest';
import { scoreErrorBound } from './score-error-bound.js';

describe('scoreErrorBound', () => {
  it('follows (dim + 2)·2⁻²⁴ times the score magnitude, plus the float64 rounding and subnormal flushes', () => {
    const flush = 4 * 10 * 2 ** -126;
    // l2: ‖x‖² = 4, max ‖e‖² = 9 → magnitude 9 + 2·6 = 21, float64 term over 4 + 21.
    expect(scoreErrorBound('l2', 8, 4, 9)).toBeCloseTo(10 * 2 ** -24 * 21 + 11 * 2 ** -53 * 25 + flush, 20);
    // dot: magnitude ‖x‖·‖e‖ = 6.
    expect(scoreErrorBound('dot', 8, 4, 9)).toBeCloseTo(10 * 2 ** -24 * 6 + 11 * 2 ** -53 * 6 + flush, 20);
  });

  it('covers a runtime that flushes subnormal products to zero', () => {
    // Products of 1e-20 × 1e-20 are subnormal in float32: a flushing runtime scores every row 0.
    const dim = 16;
    const x = new Float32Array(dim).fill(1e-20);
    const e = new Float32Array(dim).fill(3e-20);
    let exact = 0;
    let norm = 0;
    for (let i = 0; i < dim; i++) {
      exact += x[i]! * e[i]!;
      norm += x[i]! ** 2;
    }
    const flushed = 0;
    expect(Math.abs(flushed - exact)).toBeLessThanOrEqual(scoreErrorBound('dot', dim, norm, 9e-40 * dim));
  });

  it('covers the real float32 error of a long dot product', () => {
    const dim = 256;
    const x = Float32Array.from({ length: dim }, (_, i) => Math.sin(i) * 3);
    const e = Float32Array.from({ length: dim }, (_, i) => Math.cos(i * 1.7));
    let exact = 0;
    let float32 = 0;
    let xNorm = 0;
    let eNorm = 0;
    for (let i = 0; i < dim; i++) {
      exact += x[i]! * e[i]!;
      float32 = Math.fround(float32 + Math.fround(x[i]! * e[i]!));
      xNorm += x[i]! ** 2;
      eNorm += e[i]! ** 2;
    }
    expect(Math.abs(float32 - exact)).toBeLessThanOrEqual(scoreErrorBound('dot', dim, xNorm, eNorm));
  });

  it('is NaN or ∞ for non-finite input, which callers treat as uncertain', () => {
    expect(scoreErrorBound('l2', 4, NaN, 1)).toBeNaN();
    expect(scoreErrorBound('dot', 4, Infinity, 1)).toBe(Infinity);
  });
});
