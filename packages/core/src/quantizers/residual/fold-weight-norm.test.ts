import { describe, expect, it } from 'vitest';
import { foldWeightNorm } from './fold-weight-norm.js';

describe('foldWeightNorm', () => {
  it('scales every output row of v to the norm g (dim 0)', () => {
    // Row 0: v = (3, 4), ‖v‖ = 5, g = 10 -> (6, 8). Row 1: v = (0, -2), ‖v‖ = 2, g = 0.5 -> (0, -0.5).
    const w = foldWeightNorm(Float32Array.from([3, 4, 0, -2]), Float32Array.from([10, 0.5]), 2, 2);
    expect(Array.from(w)).toEqual([6, 8, 0, -0.5]);
  });

  it('normalises each output row on its own, not the whole matrix', () => {
    // One [2 out, 1 in] weight: rows (2) and (-8) each have norm |v|, so g alone sets them.
    const w = foldWeightNorm(Float32Array.from([2, -8]), Float32Array.from([1, 3]), 2, 1);
    expect(Array.from(w)).toEqual([1, -3]);
  });
});
