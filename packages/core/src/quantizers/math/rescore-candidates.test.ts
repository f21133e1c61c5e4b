import { describe, expect, it } from 'vitest';
import { rescoreCandidates } from './rescore-candidates.js';
import { createSeededRandom as random } from '../../testing/seeded-random.js';

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

  it('equals the plain loop over the candidates for any number of them (groups of four and the rest), given ‖x‖² or not', () => {
    const next = random(23);
    const dim = 13;
    const size = 40;
    // Quarter steps, and every fifth row a copy of an earlier one: exact ties happen.
    const codebook = Float32Array.from({ length: size * dim }, () => Math.round((next() * 2 - 1) * 8) / 4);
    for (let k = 5; k < size; k += 5) codebook.copyWithin(k * dim, (k - 3) * dim, (k - 2) * dim);
    const norms = Float64Array.from({ length: size }, (_, k) => {
      let sum = 0;
      for (let d = 0; d < dim; d++) sum += codebook[k * dim + d]! * codebook[k * dim + d]!;
      return sum;
    });
    for (let trial = 0; trial < 200; trial++) {
      const x = Float32Array.from({ length: dim }, () => Math.round((next() * 2 - 1) * 8) / 4);
      const count = 1 + Math.floor(next() * 12);
      const candidates = Array.from({ length: count }, () => Math.floor(next() * size));
      const metric = trial % 3 === 0 ? 'dot' : 'l2';
      const minDistance = trial % 4 === 1 ? 2 : -Infinity;
      let xNorm = 0;
      for (let d = 0; d < dim; d++) xNorm += x[d]! * x[d]!;
      let want = -1;
      let wantScore = Infinity;
      for (const k of candidates) {
        let dot = 0;
        for (let d = 0; d < dim; d++) dot += x[d]! * codebook[k * dim + d]!;
        const score = metric === 'dot' ? -dot : Math.max(xNorm + norms[k]! - 2 * dot, minDistance);
        if (score < wantScore || (score === wantScore && k < want) || want < 0) [want, wantScore] = [k, score];
      }
      const label = `trial ${trial}: ${count} candidates, ${metric}`;
      expect(rescoreCandidates(x, 0, dim, codebook, candidates, count, metric, minDistance, undefined), label).toBe(want);
      expect(rescoreCandidates(x, 0, dim, codebook, candidates, count, metric, minDistance, norms, xNorm), label).toBe(want);
    }
  });
});
