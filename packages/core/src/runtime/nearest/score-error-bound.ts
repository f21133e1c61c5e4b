import type { NearestMetric } from '../../quantizers/math/nearest-metric.js';

/** Unit roundoff of float32 and of float64. */
const float32Roundoff = 2 ** -24;
const float64Roundoff = 2 ** -53;
/** The smallest normal float32: what flushing a subnormal result to zero can lose. */
const float32FlushError = 2 ** -126;

/**
 * An upper bound on how far a score of the nearest-code graph (float32: `‖e‖² − 2x·e`, or `x·e`) can
 * lie from the score the TypeScript path computes in float64 for the same row, for a vector with
 * squared norm `vectorNorm` against rows whose squared norms are at most `maxCodebookNorm`.
 *
 * A sum of `dim` float32 products carries an error of at most `(dim − 1)·u·Σ|x_d·e_d|` (u = 2⁻²⁴) in
 * any summation order, blocked or fused, and `Σ|x_d·e_d| ≤ ‖x‖·‖e‖`; the same holds for `‖e‖²`, and
 * the final Gemm step adds one rounding, so `(dim + 2)·u` times the magnitude covers the graph (with
 * room for the second-order terms). The float64 path's own rounding is added so that rows the two
 * could order differently are always caught. Runtimes may flush float32 subnormals to zero (FTZ/DAZ),
 * which costs up to 2⁻¹²⁶ absolute per product and per addition: `4·(dim + 2)·2⁻¹²⁶` covers the dot
 * product (counted twice in `l2`) and `‖e‖²`. NaN or ∞ inputs give NaN or ∞, which callers treat as
 * "not certain".
 */
export function scoreErrorBound(metric: NearestMetric, dim: number, vectorNorm: number, maxCodebookNorm: number): number {
  const cross = Math.sqrt(vectorNorm * maxCodebookNorm);
  const magnitude = metric === 'l2' ? maxCodebookNorm + 2 * cross : cross;
  const total = metric === 'l2' ? vectorNorm + magnitude : magnitude;
  return (dim + 2) * float32Roundoff * magnitude + (dim + 3) * float64Roundoff * total + 4 * (dim + 2) * float32FlushError;
}
