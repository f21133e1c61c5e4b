/**
 * `F.normalize(x, dim=-1, eps)` for `count` rows of `dim` values, in float32:
 * `x / max(‖x‖₂, eps)`. The norm is rounded to float32 before dividing, as torch does, so
 * rows that differ by a power-of-two factor normalise to bit-identical vectors.
 * Writes into `out` (may be `x` itself).
 */
export function l2Normalize(x: Float32Array, count: number, dim: number, eps: number, out: Float32Array = new Float32Array(x.length)): Float32Array {
  for (let n = 0; n < count; n++) {
    const base = n * dim;
    let sumSquares = 0;
    for (let d = 0; d < dim; d++) sumSquares = Math.fround(sumSquares + Math.fround(x[base + d]! * x[base + d]!));
    const norm = Math.max(Math.fround(Math.sqrt(sumSquares)), eps);
    for (let d = 0; d < dim; d++) out[base + d] = x[base + d]! / norm;
  }
  return out;
}
