import { describe, expect, it } from 'vitest';
import { createNearestCodeSearch, type NearestCodeSearchOptions } from './nearest-code-search.js';
import type { NearestMetric } from './nearest-metric.js';
import { bruteForceNearest as bruteForce } from './__fixtures__/brute-force-nearest.js';
import { problem } from './__fixtures__/nearest-problems.js';

/** The residual step written out: codes by brute force, then each vector minus its row, rounded to float32 one value at a time. */
function expected(vectors: Float32Array, count: number, dim: number, codebook: Float32Array, size: number, metric: NearestMetric): { codes: number[]; residual: Float32Array } {
  const codes = Array.from(bruteForce(vectors, count, dim, codebook, size, metric));
  const residual = vectors.slice();
  codes.forEach((k, n) => {
    for (let d = 0; d < dim; d++) residual[n * dim + d] = Math.fround(vectors[n * dim + d]! - codebook[k * dim + d]!);
  });
  return { codes, residual };
}

describe('NearestCodeSearch.searchAndSubtract', () => {
  // Every way the search can answer: the WebAssembly scan (chunks of 256 vectors and a ragged last
  // one), the TypeScript loop, and the k-d tree with its fall-back to the scan.
  const cases: Array<[string, number, number, number, NearestMetric, NearestCodeSearchOptions]> = [
    ['SIMD scan, l2, chunks', 600, 1024, 13, 'l2', { scan: 'simd' }],
    ['SIMD scan, dot, odd dim', 70, 100, 7, 'dot', { scan: 'simd' }],
    ['SIMD scan, dim 1', 40, 24, 1, 'l2', { scan: 'simd' }],
    ['scalar scan', 90, 64, 6, 'l2', { scan: 'scalar' }],
    ['tree', 700, 2048, 4, 'l2', {}],
  ];
  for (const [name, count, size, dim, metric, options] of cases) {
    it(`gives the codes of the plain loop and subtracts the chosen rows in float32: ${name}`, () => {
      const p = problem(count * 31 + size, size, dim, count);
      const want = expected(p.vectors, count, dim, p.codebook, size, metric);
      const search = createNearestCodeSearch({ rows: p.codebook, size, dim, metric }, options);
      // Twice through one search (the tree and the SIMD scan are set up by the first calls), with
      // codes interleaved as a residual VQ writes them (stride 3, offset 1).
      for (let round = 0; round < 2; round++) {
        const residual = p.vectors.slice();
        const out = new Int32Array(count * 3).fill(-1);
        const half = count >> 1;
        search.searchAndSubtract(residual, half, out, { outStride: 3, outOffset: 1 });
        search.searchAndSubtract(residual.subarray(half * dim), count - half, out, { outStride: 3, outOffset: half * 3 + 1 });
        expect(Array.from(out.filter((_, i) => i % 3 === 1)), `round ${round}`).toEqual(want.codes);
        expect(Array.from(out.filter((_, i) => i % 3 !== 1)).every((c) => c === -1)).toBe(true);
        expect(Array.from(residual), `round ${round}`).toEqual(Array.from(want.residual));
      }
    });
  }

  it('leaves the vectors alone in a plain search', () => {
    const p = problem(5, 512, 16, 300);
    const vectors = p.vectors.slice();
    createNearestCodeSearch({ rows: p.codebook, size: 512, dim: 16, metric: 'l2' }, { scan: 'simd' }).search(vectors, 300, new Int32Array(300));
    expect(Array.from(vectors)).toEqual(Array.from(p.vectors));
  });
});
