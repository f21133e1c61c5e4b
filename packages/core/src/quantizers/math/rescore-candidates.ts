import type { NearestMetric } from './nearest-metric.js';

/**
 * Picks, among `candidates` (codebook row indices), the row that core's plain nearest-code loop would
 * pick for vector `n`: score `max((‖x‖² + ‖e‖²) − 2·x·e, minDistance)` (or `−x·e`), each sum accumulated
 * in double from channel 0, lowest score wins and equal scores go to the lower index. The caller
 * guarantees that no row outside `candidates` can win.
 */
export function rescoreCandidates(
  vectors: Float32Array,
  n: number,
  dim: number,
  codebook: Float32Array,
  candidates: ArrayLike<number>,
  candidateCount: number,
  metric: NearestMetric,
  minDistance: number,
  codebookNorms: Float64Array | undefined,
): number {
  const base = n * dim;
  let vectorNorm = 0;
  if (metric === 'l2') for (let d = 0; d < dim; d++) vectorNorm += vectors[base + d]! * vectors[base + d]!;
  let best = -1;
  let bestScore = Infinity;
  for (let c = 0; c < candidateCount; c++) {
    const k = candidates[c]!;
    const row = k * dim;
    let dot = 0;
    for (let d = 0; d < dim; d++) dot += vectors[base + d]! * codebook[row + d]!;
    let score = -dot;
    if (metric === 'l2') {
      let norm = 0;
      if (codebookNorms === undefined) for (let d = 0; d < dim; d++) norm += codebook[row + d]! * codebook[row + d]!;
      else norm = codebookNorms[k]!;
      score = Math.max(vectorNorm + norm - 2 * dot, minDistance);
    }
    if (score < bestScore || (score === bestScore && k < best) || best < 0) {
      bestScore = score;
      best = k;
    }
  }
  return best;
}
