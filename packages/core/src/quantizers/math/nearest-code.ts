import { createNearestCodeSearch } from './nearest-code-search.js';

export { squaredNorms } from './squared-norms.js';

/** How a vector is compared with codebook rows. */
export type NearestMetric =
  /** Smallest squared euclidean distance `‖x‖² + ‖e‖² − 2x·e`. */
  | 'l2'
  /** Largest dot product `x·e` (cosine similarity when both sides are unit-norm). */
  | 'dot';

/** Options of one nearest-code search (`nearestCodes` and the accelerated search share them). */
export interface NearestCodesOptions {
  /** Stride between written codes in `out` (default 1). */
  outStride?: number;
  /** Position of the first written code in `out` (default 0). */
  outOffset?: number;
  /** `l2` distances below this count as equal to it (lucidrains' 1e-8 clamp); default −∞. */
  minDistance?: number;
  /** Precomputed `‖e_k‖²` of the codebook rows. */
  codebookNorms?: Float64Array;
}

/**
 * For each of `count` vectors (`dim` channels, row-major in `vectors`) finds the codebook row
 * (`codebookSize × dim`) with the best score and writes its index to
 * `out[n * outStride + outOffset]`. Exact ties go to the first (lowest) index, as
 * `torch.argmin`/`argmax` do. Scores are accumulated in double, so a result can differ from a
 * float32 reference only where the reference's own rounding decides (golden `fragile` positions).
 *
 * `l2` distances below `minDistance` count as equal to it (lucidrains clamps at 1e-8, which makes
 * all rows within that distance tie).
 *
 * The result is exactly that of the plain loop "for each row: dot product accumulated in double
 * from channel 0, score `(‖x‖² + ‖e‖²) − 2·x·e` (or `−x·e`), keep it if strictly better"; the
 * search is tiled, scored in WebAssembly SIMD with float64 rescoring of close rows for large enough
 * batches, and, for large batches over large low-dimensional codebooks, pruned (see
 * {@link createNearestCodeSearch}, which also keeps that work across calls).
 */
export function nearestCodes(
  vectors: Float32Array,
  count: number,
  dim: number,
  codebook: Float32Array,
  codebookSize: number,
  metric: NearestMetric,
  out: Int32Array,
  options: NearestCodesOptions = {},
): Int32Array {
  const { outStride = 1, outOffset = 0, minDistance, codebookNorms } = options;
  const search = createNearestCodeSearch(codebook, codebookSize, dim, metric, {
    ...(minDistance === undefined ? {} : { minDistance }),
    ...(codebookNorms === undefined ? {} : { codebookNorms }),
  });
  return search.search(vectors, count, out, { outStride, outOffset });
}
