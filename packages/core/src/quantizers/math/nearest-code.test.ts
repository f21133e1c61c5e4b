import { describe, expect, it } from 'vitest';
import { buildCodebookTree } from './codebook-tree.js';
import { nearestCodes } from './nearest-code.js';
import { createNearestCodeSearch } from './nearest-code-search.js';
import { searchCodebookTree } from './search-codebook-tree.js';
import { squaredNorms } from './squared-norms.js';
import { bruteForceNearest as bruteForce } from './__fixtures__/brute-force-nearest.js';
import { problem, random } from './__fixtures__/nearest-problems.js';

describe('nearestCodes', () => {
  it('finds the nearest row and the first of tied rows (hand-computed)', () => {
    // Rows: 0 = (0,0), 1 = (2,0), 2 = (2,0) duplicate, 3 = (0,2).
    const codebook = Float32Array.from([0, 0, 2, 0, 2, 0, 0, 2]);
    // (1,0) is the midpoint of rows 0 and 1 -> 0; (2,0.1) -> 1 (row 2 ties, later index); (0,1.9) -> 3.
    const vectors = Float32Array.from([1, 0, 2, 0.1, 0, 1.9]);
    expect(Array.from(nearestCodes(vectors, 3, { rows: codebook, size: 4, dim: 2, metric: 'l2' }, new Int32Array(3)))).toEqual([0, 1, 3]);
    // dot: (1,0)·rows = 0,2,2,0 -> 1 (first of the tied maxima); (0,1.9) -> 3; zero vector -> 0.
    const dotVectors = Float32Array.from([1, 0, 0, 1.9, 0, 0]);
    expect(Array.from(nearestCodes(dotVectors, 3, { rows: codebook, size: 4, dim: 2, metric: 'dot' }, new Int32Array(3)))).toEqual([1, 3, 0]);
  });

  it('makes every row within minDistance tie, so the first one wins', () => {
    // Squared distances from (0.5,0): row 0 = 0.25, row 1 = 0.01, row 2 = 0.0001.
    const codebook = Float32Array.from([0, 0, 0.6, 0, 0.51, 0]);
    const vectors = Float32Array.from([0.5, 0]);
    expect(nearestCodes(vectors, 1, { rows: codebook, size: 3, dim: 2, metric: 'l2' }, new Int32Array(1))[0]).toBe(2);
    expect(nearestCodes(vectors, 1, { rows: codebook, size: 3, dim: 2, metric: 'l2', minDistance: 0.05 }, new Int32Array(1))[0]).toBe(1);
  });

  it('writes with a stride and an offset', () => {
    const codebook = Float32Array.from([0, 10]);
    const out = new Int32Array(6).fill(-1);
    nearestCodes(Float32Array.from([9, 1, 8]), 3, { rows: codebook, size: 2, dim: 1, metric: 'l2' }, out, { outStride: 2, outOffset: 1 });
    expect(Array.from(out)).toEqual([-1, 1, -1, 0, -1, 1]);
  });

  it('equals the brute force on random inputs with duplicate rows and ties, both metrics, scan and tree', () => {
    let checked = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const next = random(seed * 7919);
      const dim = 1 + Math.floor(next() * (seed % 3 === 0 ? 40 : 10));
      const size = 1 + Math.floor(next() * (seed % 2 === 0 ? 1500 : 300));
      const count = 1 + Math.floor(next() * 200);
      const p = problem(seed, size, dim, count);
      for (const metric of ['l2', 'dot'] as const) {
        const minDistance = metric === 'l2' && seed % 4 === 0 ? 0.5 : -Infinity;
        const want = Array.from(bruteForce(p.vectors, count, dim, p.codebook, size, metric, minDistance));
        const clamp = minDistance === -Infinity ? {} : { minDistance };
        expect(Array.from(nearestCodes(p.vectors, count, { rows: p.codebook, size, dim, metric, ...clamp }, new Int32Array(count))), `seed ${seed} ${metric}`).toEqual(want);
        // The tree on its own, whatever the strategy choice would be.
        const tree = buildCodebookTree(p.codebook, size, dim, squaredNorms(p.codebook, size, dim));
        const viaTree = new Int32Array(count);
        searchCodebookTree(tree, p.vectors, 0, count, metric === 'l2', minDistance, viaTree, 1, 0);
        expect(Array.from(viaTree), `tree, seed ${seed} ${metric}`).toEqual(want);
        checked += count;
      }
    }
    expect(checked).toBeGreaterThan(5000);
  });

  it('keeps its result across calls of a reusable search that switches to the tree', () => {
    const p = problem(4242, 2048, 4, 600);
    const search = createNearestCodeSearch({ rows: p.codebook, size: 2048, dim: 4, metric: 'l2', minDistance: 1e-8 });
    const want = Array.from(bruteForce(p.vectors, 600, 4, p.codebook, 2048, 'l2', 1e-8));
    const got = new Int32Array(600);
    for (let start = 0; start < 600; start += 100) search.search(p.vectors.subarray(start * 4), 100, got, { outOffset: start });
    expect(Array.from(got)).toEqual(want);
  });

  it('keeps its result when the data stops suiting the tree mid-way (falls back to the scan)', () => {
    // Rows on the unit circle; the first queries sit near it (the tree prunes well), the later
    // ones near the centre, where every row is about equally far and nothing can be pruned.
    const size = 1024;
    const codebook = new Float32Array(size * 2).map((_, i) => (i % 2 === 0 ? Math.cos(Math.floor(i / 2) * 0.0061359) : Math.sin(Math.floor(i / 2) * 0.0061359)));
    const count = 1400;
    const vectors = new Float32Array(count * 2).map((_, i) => {
      const n = Math.floor(i / 2);
      const radius = n < 200 ? 1.01 : 1e-3;
      return (i % 2 === 0 ? Math.cos(n * 2.3999) : Math.sin(n * 2.3999)) * radius;
    });
    const want = Array.from(bruteForce(vectors, count, 2, codebook, size, 'l2'));
    const search = createNearestCodeSearch({ rows: codebook, size, dim: 2, metric: 'l2' });
    expect(Array.from(search.search(vectors, count, new Int32Array(count)))).toEqual(want);
    expect(Array.from(search.search(vectors, count, new Int32Array(count)))).toEqual(want);
  });

  it('handles non-finite vectors like the plain loop', () => {
    const codebook = Float32Array.from([0, 1, 2, 3]);
    const vectors = new Float32Array(400).map((_, i) => (i % 7) / 2);
    vectors[5] = NaN;
    vectors[9] = Infinity;
    const search = createNearestCodeSearch({ rows: new Float32Array(300).map((_, i) => i % 11), size: 300, dim: 1, metric: 'l2' });
    const want = Array.from(bruteForce(vectors, 400, 1, new Float32Array(300).map((_, i) => i % 11), 300, 'l2'));
    expect(Array.from(search.search(vectors, 400, new Int32Array(400)))).toEqual(want);
    expect(Array.from(nearestCodes(vectors, 4, { rows: codebook, size: 4, dim: 1, metric: 'dot' }, new Int32Array(4)))).toEqual(Array.from(bruteForce(vectors, 4, 1, codebook, 4, 'dot')));
  });
});
