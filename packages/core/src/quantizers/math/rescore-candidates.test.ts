import { describe, expect, it } from 'vitest';
import { rescoreCandidates } from './rescore-candidates.js';

describe('rescoreCandidates', () => {
  const codebook = new Float32Array([1, 0, 0, 1, 1, 0, 0.5, 0.5]); // rows 0 and 2 are equal
  const x = new Float32Array([0.9, 0.1]);

  it('picks the lowest score among the candidates only, lower index on ties in any candidate order', () => {
    // Squared distances by hand: rows 0 and 2: 0.02, row 1: 1.62, row 3: 0.32.
    expect(rescoreCandidates(x, 0, 2, codebook, [2, 0, 3], 3, 'l2', -Infinity, undefined)).toBe(0);
    expect(rescoreCandidates(x, 0, 2, codebook, [3, 1], 2, 'l2', -Infinity, undefined)).toBe(3);
    // Dot products: 0.9, 0.1, 0.9, 0.5.
    expect(rescoreCandidates(x, 0, 2, codebook, [3, 2, 1], 3, 'dot', -Infinity, undefined)).toBe(2);
  });

  it('applies the clamp (every row below it ties) and precomputed norms', () => {
    // With minDistance 0.5, rows 0, 2 and 3 all clamp to 0.5: the lowest index among them wins.
    expect(rescoreCandidates(x, 0, 2, codebook, [3, 2], 2, 'l2', 0.5, undefined)).toBe(2);
    expect(rescoreCandidates(x, 0, 2, codebook, [3, 0], 2, 'l2', 0.5, undefined)).toBe(0);
    // Norms as given: claiming ‖e_3‖² = 0 makes row 3 the nearest.
    expect(rescoreCandidates(x, 0, 2, codebook, [0, 3], 2, 'l2', -Infinity, Float64Array.from([1, 1, 1, 0]))).toBe(3);
  });
});
