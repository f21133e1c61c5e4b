import type { NearestMetric } from './nearest-metric.js';

/**
 * Picks, among `candidates` (codebook row indices), the row that core's plain nearest-code loop would
 * pick for vector `n`: score `max((‖x‖² + ‖e‖²) − 2·x·e, minDistance)` (or `−x·e`), each sum accumulated
 * in double from channel 0, lowest score wins and equal scores go to the lower index. The caller
 * guarantees that no row outside `candidates` can win. `vectorNorm`, when given, must be that loop's
 * `‖x‖²` (the scan's `stats` kernel gives the same double); otherwise it is computed here.
 *
 * Four candidates are scored per pass over the vector: each dot product is still its own sum from
 * channel 0 (the same doubles), but four independent additions are in flight instead of one, which
 * bounds the loop by throughput rather than by the latency of the addition.
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
  vectorNorm?: number,
): number {
  const base = n * dim;
  const l2 = metric === 'l2';
  let norm = 0;
  if (l2 && vectorNorm === undefined) for (let d = 0; d < dim; d++) norm += vectors[base + d]! * vectors[base + d]!;
  const x2 = vectorNorm ?? norm;
  let best = -1;
  let bestScore = Infinity;
  /** Keeps row k with dot product `dot` if it beats the best so far (lower index on equal scores). */
  const consider = (k: number, dot: number): void => {
    let score = -dot;
    if (l2) {
      let rowNorm = 0;
      if (codebookNorms === undefined) for (let d = k * dim; d < (k + 1) * dim; d++) rowNorm += codebook[d]! * codebook[d]!;
      else rowNorm = codebookNorms[k]!;
      score = Math.max(x2 + rowNorm - 2 * dot, minDistance);
    }
    if (score < bestScore || (score === bestScore && k < best) || best < 0) {
      bestScore = score;
      best = k;
    }
  };
  let c = 0;
  for (; c + 3 < candidateCount; c += 4) {
    const k0 = candidates[c]!;
    const k1 = candidates[c + 1]!;
    const k2 = candidates[c + 2]!;
    const k3 = candidates[c + 3]!;
    const r0 = k0 * dim;
    const r1 = k1 * dim;
    const r2 = k2 * dim;
    const r3 = k3 * dim;
    let dot0 = 0;
    let dot1 = 0;
    let dot2 = 0;
    let dot3 = 0;
    for (let d = 0; d < dim; d++) {
      const v = vectors[base + d]!;
      dot0 += v * codebook[r0 + d]!;
      dot1 += v * codebook[r1 + d]!;
      dot2 += v * codebook[r2 + d]!;
      dot3 += v * codebook[r3 + d]!;
    }
    consider(k0, dot0);
    consider(k1, dot1);
    consider(k2, dot2);
    consider(k3, dot3);
  }
  for (; c < candidateCount; c++) {
    const k = candidates[c]!;
    const row = k * dim;
    let dot = 0;
    for (let d = 0; d < dim; d++) dot += vectors[base + d]! * codebook[row + d]!;
    consider(k, dot);
  }
  return best;
}
