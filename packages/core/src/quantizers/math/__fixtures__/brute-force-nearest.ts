import type { NearestMetric } from '../nearest-metric.js';

/**
 * The straightforward definition of nearest-code search that every fast path (tiled scan, k-d tree,
 * ONNX graph with rescoring) must reproduce exactly: double accumulation from channel 0, score
 * `‖x‖² + ‖e‖² − 2x·e` (clamped below at `minDistance`) or `−x·e`, first index kept on ties.
 */
export function bruteForceNearest(vectors: Float32Array, count: number, dim: number, codebook: Float32Array, size: number, metric: NearestMetric, minDistance = -Infinity): Int32Array {
  const out = new Int32Array(count);
  for (let n = 0; n < count; n++) {
    let xNorm = 0;
    for (let d = 0; d < dim; d++) xNorm += vectors[n * dim + d]! * vectors[n * dim + d]!;
    let best = 0;
    let bestScore = Infinity;
    for (let k = 0; k < size; k++) {
      let dot = 0;
      let eNorm = 0;
      for (let d = 0; d < dim; d++) {
        dot += vectors[n * dim + d]! * codebook[k * dim + d]!;
        eNorm += codebook[k * dim + d]! * codebook[k * dim + d]!;
      }
      const score = metric === 'dot' ? -dot : Math.max(xNorm + eNorm - 2 * dot, minDistance);
      if (score < bestScore) {
        bestScore = score;
        best = k;
      }
    }
    out[n] = best;
  }
  return out;
}
