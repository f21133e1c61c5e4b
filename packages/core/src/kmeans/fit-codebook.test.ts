import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { NonFiniteValueError } from '../errors/non-finite-value-error.js';
import { ShapeMismatchError } from '../errors/shape-mismatch-error.js';
import { createQuantizer } from '../quantizers/create-quantizer.js';
import { fitCodebook } from './fit-codebook.js';
import type { FitCodebookProgress } from './fit-codebook-options.js';

const centres = [
  [100, 100],
  [-100, 100],
  [-100, -100],
  [100, -100],
] as const;
// Offsets symmetric about 0 and dyadic, so each cluster's mean is exactly its centre.
const offsets = [
  [0.5, 0],
  [-0.5, 0],
  [0, 0.25],
  [0, -0.25],
  [0.25, 0.25],
  [-0.25, -0.25],
] as const;

/** 4 clusters × 6 points, interleaved (point i belongs to cluster i % 4). */
function separatedClusters(): Float32Array {
  const data = new Float32Array(4 * offsets.length * 2);
  let i = 0;
  for (const offset of offsets) {
    for (const centre of centres) {
      data[i++] = centre[0] + offset[0];
      data[i++] = centre[1] + offset[1];
    }
  }
  return data;
}

function rows(codebook: Float32Array, dim: number): number[][] {
  return Array.from({ length: codebook.length / dim }, (_, k) => Array.from(codebook.subarray(k * dim, (k + 1) * dim)));
}

describe('fitCodebook', () => {
  it('recovers well-separated clusters exactly', () => {
    const result = fitCodebook(separatedClusters(), 24, 2, { codebookSize: 4, seed: 3 });
    const sorted = rows(result.codebook, 2).sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!);
    expect(sorted).toEqual([
      [-100, -100],
      [-100, 100],
      [100, -100],
      [100, 100],
    ]);
    expect(Array.from(result.usage)).toEqual([6, 6, 6, 6]);
    // Per cluster: 0.25 + 0.25 + 0.0625 + 0.0625 + 0.125 + 0.125 = 0.875.
    expect(result.inertia).toBe(4 * 0.875);
    expect(result.converged).toBe(true);
  });

  it('gives a spec and weights that createQuantizer turns into the fitted quantizer', () => {
    const data = separatedClusters();
    const { spec, weights, codebook } = fitCodebook(data, 24, 2, { codebookSize: 4, seed: 11 });
    const vq = createQuantizer(spec, weights);
    const codes = vq.encode({ type: 'float32', dims: [24, 2], data }).data as Int32Array;
    // Points of one true cluster (i % 4) share a code, whose row is that cluster's centre.
    for (let i = 0; i < 24; i++) {
      const k = codes[i]!;
      expect(Array.from(codebook.subarray(k * 2, k * 2 + 2))).toEqual([...centres[i % 4]!]);
    }
    expect(spec).toEqual({ type: 'vq', codebookSize: 4, dim: 2, metric: 'euclidean' });
  });

  it('is deterministic: same seed, same codebook', () => {
    const data = new Float32Array(600).map((_, i) => Math.sin(i * 12.9898) * 43758.5453 - Math.floor(Math.sin(i * 12.9898) * 43758.5453));
    const a = fitCodebook(data, 200, 3, { codebookSize: 16, seed: 5 });
    const b = fitCodebook(data, 200, 3, { codebookSize: 16, seed: 5 });
    expect(Array.from(b.codebook)).toEqual(Array.from(a.codebook));
    expect(b.inertia).toBe(a.inertia);
    const c = fitCodebook(data, 200, 3, { codebookSize: 16, seed: 6 });
    expect(Array.from(c.codebook)).not.toEqual(Array.from(a.codebook));
  });

  it('reports progress with a non-increasing inertia', () => {
    const data = new Float32Array(800).map((_, i) => ((i * 7919) % 1000) / 100);
    const seen: FitCodebookProgress[] = [];
    const result = fitCodebook(data, 400, 2, { codebookSize: 10, seed: 1, maxIterations: 30, onProgress: (p) => seen.push(p) });
    expect(seen.length).toBe(result.iterations);
    expect(seen.map((p) => p.iteration)).toEqual(seen.map((_, i) => i + 1));
    for (let i = 1; i < seen.length; i++) expect(seen[i]!.inertia).toBeLessThanOrEqual(seen[i - 1]!.inertia);
    expect(seen.at(-1)!.inertia).toBe(result.inertia);
  });

  it('fits unit rows by direction with metric "cosine"', () => {
    // Three directions (0°, 90°, 180°) at very different lengths.
    const data: number[] = [];
    for (const length of [0.01, 1, 50, 3]) data.push(length, length * 0.01, -length * 0.01, length, -length, 0);
    const result = fitCodebook(Float32Array.from(data), 12, 2, { codebookSize: 3, metric: 'cosine', seed: 2 });
    for (const row of rows(result.codebook, 2)) expect(Math.hypot(row[0]!, row[1]!)).toBeCloseTo(1, 6);
    const sorted = rows(result.codebook, 2).sort((a, b) => a[0]! - b[0]!);
    expect(sorted[0]![0]).toBe(-1);
    expect(sorted[2]![0]).toBeGreaterThan(0.99);
    expect(Array.from(result.usage)).toEqual([4, 4, 4]);
    const vq = createQuantizer(result.spec, result.weights);
    const codes = vq.encode({ type: 'float32', dims: [12, 2], data: Float32Array.from(data) }).data as Int32Array;
    for (let i = 3; i < 12; i++) expect(codes[i]).toBe(codes[i % 3]);
  });

  it('survives fewer distinct vectors than rows (duplicate rows stay unused)', () => {
    const result = fitCodebook(Float32Array.from([0, 0, 0, 5]), 4, 1, { codebookSize: 3, seed: 0 });
    expect(Array.from(result.usage).reduce((a, b) => a + b, 0)).toBe(4);
    expect(new Set(result.codebook)).toEqual(new Set([0, 5]));
    expect(result.inertia).toBe(0);
  });

  it('returns the k-means++ seeds with maxIterations 0', () => {
    const data = separatedClusters();
    const result = fitCodebook(data, 24, 2, { codebookSize: 4, maxIterations: 0 });
    expect(result.iterations).toBe(0);
    // Every seed is one of the input vectors.
    const inputs = new Set(rows(data, 2).map((r) => r.join(',')));
    for (const row of rows(result.codebook, 2)) expect(inputs.has(row.join(','))).toBe(true);
  });

  it('rejects bad input with typed errors naming it', () => {
    const data = new Float32Array(8);
    const fit = (vectors: unknown, count: number, dim: number, options: Record<string, unknown>) =>
      () => fitCodebook(vectors as Float32Array, count, dim, { codebookSize: 2, ...options });
    expect(fit([1, 2], 1, 2, {})).toThrow(InvalidArgumentError);
    expect(fit(data, 3, 2, {})).toThrow(ShapeMismatchError);
    expect(fit(data, 0, 2, {})).toThrow(InvalidArgumentError);
    expect(fit(data, 4, 2.5, {})).toThrow(InvalidArgumentError);
    expect(fit(Float32Array.from([0, NaN, 1, 2]), 2, 2, {})).toThrow(NonFiniteValueError);
    expect(fit(data, 4, 2, { codebookSize: 5 })).toThrow(/options\.codebookSize/);
    expect(fit(data, 4, 2, { codebookSize: 0 })).toThrow(InvalidArgumentError);
    expect(fit(data, 4, 2, { metric: 'manhattan' })).toThrow(/options\.metric/);
    expect(fit(data, 4, 2, { seed: -1 })).toThrow(/options\.seed/);
    expect(fit(data, 4, 2, { seed: 1.5 })).toThrow(InvalidArgumentError);
    expect(fit(data, 4, 2, { maxIterations: -1 })).toThrow(/options\.maxIterations/);
    expect(fit(data, 4, 2, { tolerance: NaN })).toThrow(/options\.tolerance/);
    expect(fit(data, 4, 2, { onProgress: 3 })).toThrow(/options\.onProgress/);
    // Cosine needs directions: four zero vectors have none.
    expect(fit(data, 4, 2, { metric: 'cosine' })).toThrow(InvalidArgumentError);
  });
});
