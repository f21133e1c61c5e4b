/** Unit roundoff of float32 and of float64. */
const float32Roundoff = 2 ** -24;
const float64Roundoff = 2 ** -53;
/** Half the spacing of float32 subnormals: the absolute error of a float32 product that underflows. */
const float32UnderflowError = 2 ** -150;

/** γ_n = n·u / (1 − n·u), the relative error bound of a recursive sum of n rounded products. */
function gamma(n: number, roundoff: number): number {
  return (n * roundoff) / (1 - n * roundoff);
}

/**
 * A bound `e` such that, for every codebook row k, the approximate score of the SIMD scan and the
 * score of the plain float64 loop satisfy `|A_k + c − T_k| ≤ e`, where
 * - `T_k` is the loop's score: `fl(fl(‖x‖² + ‖e_k‖²) − 2·dot64_k)` (l2) or `−dot64_k` (dot), with
 *   `dot64_k` accumulated in double from channel 0 (float32 products are exact in double);
 * - `A_k` is `fl(‖e_k‖² − 2·dot32_k)` (l2, `‖e_k‖²` the same double as the loop's) or `−dot32_k`
 *   (dot), with `dot32_k` a float32 recursive sum (one rounded product and one rounded addition per
 *   channel, subnormals kept, no overflow);
 * - `c` is the loop's `‖x‖²` (l2) or 0 (dot): it is the same for every row, so only differences count.
 *
 * Derivation, with S = Σ|x_d·e_d| ≤ ‖x‖·‖e‖_max (Cauchy–Schwarz; `cross` below, widened by 2⁻²⁰
 * for the rounding of the two computed norms):
 * - float32 sum of `dim` rounded products: |dot32 − x·e| ≤ γ32_dim·S + dim·2⁻¹⁵⁰ (underflow);
 * - float64 sum: |dot64 − x·e| ≤ γ64_dim·S;
 * - the loop's two roundings: ≤ u64·(‖x‖² + ‖e‖²) + u64·(‖x‖² + ‖e‖² + 2|dot64|); the scan's one:
 *   ≤ u64·(‖e‖² + 2|dot32|);
 * so `|A_k + c − T_k| ≤ 2·(dotErrors) + 3·u64·(‖x‖² + ‖e‖²_max) + 5·u64·S(1 + γ)`.
 * The l2 factor 2 is used for both metrics (dot needs 1) and the rounding terms are taken as
 * `16·u64·(‖x‖² + ‖e‖²_max + S + kernel error)`, which also covers the rounding of the thresholds the
 * caller derives from `e` (`best + 2e`, `minDistance − ‖x‖² + e`, with `|best| ≤ ‖e‖²_max + 2S(1 + γ)`).
 * A final factor 1.01 covers the second-order terms. Non-finite inputs give NaN or ∞, which callers
 * treat as "use the scalar loop".
 *
 * `kernelDotError`, when given, replaces the float32 sum's `|dot32 − x·e|`: the int16 screen's
 * bound from `int16DotErrorBound`, whose `|dotq| ≤ S + kernelDotError` the rounding terms cover.
 */
export function scanScoreErrorBound(dim: number, vectorNorm: number, maxCodebookNorm: number, kernelDotError?: number): number {
  const cross = crossBound(vectorNorm, maxCodebookNorm);
  const kernel = kernelDotError ?? float32DotError(dim, cross);
  const dotError = kernel + gamma(dim, float64Roundoff) * cross;
  return 1.01 * (2 * dotError + 16 * float64Roundoff * (vectorNorm + maxCodebookNorm + cross + kernel));
}

/** `‖x‖·‖e‖_max`, widened by 2⁻²⁰ for the rounding of the two computed norms: bounds `Σ|x_d·e_d|` and `|x·e|`. */
export function crossBound(vectorNorm: number, maxCodebookNorm: number): number {
  return Math.sqrt(vectorNorm * maxCodebookNorm) * (1 + 2 ** -20);
}

/** The float32 kernel's `|dot32 − x·e|`: a recursive float32 sum of `dim` rounded products. */
function float32DotError(dim: number, cross: number): number {
  return gamma(dim, float32Roundoff) * cross + dim * float32UnderflowError;
}

/**
 * A bound `δ` on `|2·s_k − A_k|`, where `s_k = fl32(fl32(n_k / 2) − dot32_k)` is the float32 half
 * score the WebAssembly selection compares, `A_k = n_k − 2·dot32_k` the double score of
 * {@link scanScoreErrorBound}, `n_k` the loop's `‖e_k‖²` (`|n_k| ≤ maxScoreNorm`) and
 * `|dot32_k| ≤ (1 + γ32)·S + dim·2⁻¹⁵⁰ ≤ 1.004·S + 2⁻¹³⁴` for dim ≤ 2¹⁶ (S ≤ ‖x‖·‖e‖_max).
 * Two float32 roundings, each at most u32 relative plus 2⁻¹⁵⁰ absolute (subnormals), doubled:
 * `δ ≤ u32·|n_k| + 2·u32·(|n_k|/2·(1 + u32) + 1.004·S) + 2⁻¹⁴⁸ ≤ 2.2·u32·(maxScoreNorm + S) + 2⁻¹⁴⁰`,
 * and `A_k`'s own double rounding is already in `scanScoreErrorBound`. For the int16 screen,
 * `|dotq_k| ≤ S + kernelDotError`, which the extra term covers.
 */
export function halfScoreRoundingBound(maxScoreNorm: number, vectorNorm: number, maxCodebookNorm: number, kernelDotError = 0): number {
  const cross = crossBound(vectorNorm, maxCodebookNorm);
  return 2.2 * float32Roundoff * (maxScoreNorm + cross + kernelDotError) + 2 ** -140;
}
