/** How a vector is compared with codebook rows. */
export type NearestMetric =
  /** Smallest squared euclidean distance `‖x‖² + ‖e‖² − 2x·e`. */
  | 'l2'
  /** Largest dot product `x·e` (cosine similarity when both sides are unit-norm). */
  | 'dot';

/**
 * For each of `count` vectors (`dim` channels, row-major in `vectors`) finds the codebook row
 * (`codebookSize × dim`) with the best score and writes its index to
 * `out[n * outStride + outOffset]`. Exact ties go to the first (lowest) index, as
 * `torch.argmin`/`argmax` do. Scores are accumulated in double, so a result can differ from a
 * float32 reference only where the reference's own rounding decides (golden `fragile` positions).
 *
 * `l2` distances below `minDistance` count as equal to it (lucidrains clamps at 1e-8, which makes
 * all rows within that distance tie).
 */
export function nearestCodes(
  vectors: Float32Array,
  count: number,
  dim: number,
  codebook: Float32Array,
  codebookSize: number,
  metric: NearestMetric,
  out: Int32Array,
  options: { outStride?: number; outOffset?: number; minDistance?: number; codebookNorms?: Float64Array } = {},
): Int32Array {
  const { outStride = 1, outOffset = 0, minDistance = -Infinity } = options;
  const norms = metric === 'l2' ? (options.codebookNorms ?? squaredNorms(codebook, codebookSize, dim)) : undefined;
  for (let n = 0; n < count; n++) {
    const base = n * dim;
    let xNorm = 0;
    if (norms !== undefined) for (let d = 0; d < dim; d++) xNorm += vectors[base + d]! * vectors[base + d]!;
    let best = 0;
    let bestScore = Infinity;
    for (let k = 0; k < codebookSize; k++) {
      const row = k * dim;
      let dot = 0;
      for (let d = 0; d < dim; d++) dot += vectors[base + d]! * codebook[row + d]!;
      // Lower is better for both metrics: distance, or negated dot product.
      const score = norms === undefined ? -dot : Math.max(xNorm + norms[k]! - 2 * dot, minDistance);
      if (score < bestScore) {
        bestScore = score;
        best = k;
      }
    }
    out[n * outStride + outOffset] = best;
  }
  return out;
}

/** `‖e_k‖²` of every codebook row, in double. */
export function squaredNorms(codebook: Float32Array, codebookSize: number, dim: number): Float64Array {
  const norms = new Float64Array(codebookSize);
  for (let k = 0; k < codebookSize; k++) {
    let sum = 0;
    for (let d = 0; d < dim; d++) sum += codebook[k * dim + d]! * codebook[k * dim + d]!;
    norms[k] = sum;
  }
  return norms;
}
