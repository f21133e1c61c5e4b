import { describe, expect, it } from 'vitest';
import { updateCentroids } from './update-centroids.js';

describe('updateCentroids', () => {
  it('moves rows to the means of their vectors', () => {
    const vectors = Float32Array.from([0, 0, 2, 0, 10, 10, 10, 12]);
    const centroids = new Float32Array(4);
    updateCentroids(vectors, 4, 2, Int32Array.from([0, 0, 1, 1]), new Float64Array(4), centroids, 2, false);
    expect(Array.from(centroids)).toEqual([1, 0, 10, 11]);
  });

  it('re-seeds an empty row with the farthest vector', () => {
    const vectors = Float32Array.from([1, 2, 3, 4]);
    const centroids = Float32Array.from([0, 99]);
    // Every vector on row 0; distances 1, 9, 4, 0 -> vector 1 (value 2) is the farthest.
    updateCentroids(vectors, 4, 1, new Int32Array(4), Float64Array.from([1, 9, 4, 0]), centroids, 2, false);
    expect(Array.from(centroids)).toEqual([2.5, 2]);
  });

  it('normalises means for spherical k-means and never re-seeds from a zero vector', () => {
    const vectors = Float32Array.from([3, 4, 0, 0]);
    const centroids = new Float32Array(4);
    // Row 0 holds (3,4) -> (0.6, 0.8); row 1 holds only the zero vector (mean 0, no direction):
    // it is re-seeded, but the only non-zero vector is the farthest candidate.
    updateCentroids(vectors, 2, 2, Int32Array.from([0, 1]), Float64Array.from([0, 1]), centroids, 2, true);
    expect(Array.from(centroids)).toEqual([Math.fround(0.6), Math.fround(0.8), 3, 4]);
  });
});
