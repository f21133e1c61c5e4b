import { describe, expect, it } from 'vitest';
import { createSeededRandom as random } from '../../testing/seeded-random.js';
import { halfScoreRoundingBound, scanScoreErrorBound } from './scan-score-error-bound.js';

describe('scanScoreErrorBound', () => {
  it('bounds |A + ‖x‖² − T| for the SIMD scan against the float64 loop, cancellation and subnormals included', () => {
    let worstRatio = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const next = random(seed);
      const dim = 1 + Math.floor(next() * 300);
      const scale = 2 ** Math.floor(next() * 60 - 30);
      const x = Float32Array.from({ length: dim }, () => (next() * 2 - 1) * scale);
      // Half the rows nearly orthogonal to x with large terms (heavy cancellation), half random.
      const e = Float32Array.from({ length: dim }, (_, d) => (seed % 2 === 0 ? (d % 2 === 0 ? 1 : -1) * Math.abs(x[d ^ 1] ?? 1) / scale : next() * 2 - 1));
      if (seed % 10 === 0) e.fill(2 ** -75); // products underflow into float32 subnormals
      let dot32 = 0;
      let dot64 = 0;
      let xNorm = 0;
      let eNorm = 0;
      for (let d = 0; d < dim; d++) {
        dot32 = Math.fround(dot32 + Math.fround(x[d]! * e[d]!));
        dot64 += x[d]! * e[d]!;
        xNorm += x[d]! * x[d]!;
        eNorm += e[d]! * e[d]!;
      }
      const bound = scanScoreErrorBound(dim, xNorm, eNorm);
      // l2: loop score T = (‖x‖² + ‖e‖²) − 2·dot64, scan score A = ‖e‖² − 2·dot32.
      const l2Gap = Math.abs(eNorm - 2 * dot32 + xNorm - (xNorm + eNorm - 2 * dot64));
      const dotGap = Math.abs(-dot32 - -dot64);
      expect(l2Gap, `seed ${seed}`).toBeLessThanOrEqual(bound);
      expect(dotGap, `seed ${seed}`).toBeLessThanOrEqual(bound);
      if (bound > 0) worstRatio = Math.max(worstRatio, l2Gap / bound);
    }
    // The bound is not vacuous: real errors come within a few orders of magnitude of it.
    expect(worstRatio).toBeGreaterThan(1e-4);
  });

  it('grows with dim·2⁻²³ times ‖x‖·‖e‖ and is NaN or ∞ for non-finite input', () => {
    // dim 256, ‖x‖ = ‖e‖ = 1: 2·γ32 ≈ 2·256·2⁻²⁴ ≈ 3.05e-5, plus tiny float64 terms.
    expect(scanScoreErrorBound(256, 1, 1)).toBeGreaterThan(3.05e-5);
    expect(scanScoreErrorBound(256, 1, 1)).toBeLessThan(3.2e-5);
    expect(scanScoreErrorBound(4, NaN, 1)).toBeNaN();
    expect(scanScoreErrorBound(4, Infinity, 1)).toBe(Infinity);
  });
});

describe('halfScoreRoundingBound', () => {
  it('bounds |2·fl32(fl32(‖e‖²/2) − dot32) − (‖e‖² − 2·dot32)|, and is not vacuous where ‖e‖² dominates', () => {
    let worstRatio = 0;
    for (let seed = 1; seed <= 2000; seed++) {
      const next = random(seed);
      const dim = 1 + (seed % 3);
      // Rows and vectors far from the origin: the float32 rounding of ‖e‖²/2 is the main error.
      const x = Float32Array.from({ length: dim }, () => 1000 + next() * 16);
      const e = Float32Array.from({ length: dim }, () => 1000 + next() * 16);
      let dot32 = 0;
      let xNorm = 0;
      let eNorm = 0;
      for (let d = 0; d < dim; d++) {
        dot32 = Math.fround(dot32 + Math.fround(x[d]! * e[d]!));
        xNorm += x[d]! * x[d]!;
        eNorm += e[d]! * e[d]!;
      }
      const half = Math.fround(Math.fround(eNorm / 2) - dot32);
      const gap = Math.abs(2 * half - (eNorm - 2 * dot32));
      const bound = halfScoreRoundingBound(eNorm, xNorm, eNorm);
      expect(gap, `seed ${seed}`).toBeLessThanOrEqual(bound);
      worstRatio = Math.max(worstRatio, gap / bound);
    }
    expect(worstRatio).toBeGreaterThan(0.1);
  });
});
