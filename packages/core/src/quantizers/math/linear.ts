/**
 * `y = x Wᵀ + b` for `count` row vectors, as `nn.Linear` (and a 1×1 conv) computes it:
 * `weight` is `[out, in]` row-major, `bias` `[out]` or absent. Accumulates in double and
 * rounds each output once to float32 (within an ulp of any float32 BLAS order).
 */
export function linear(
  x: Float32Array,
  count: number,
  inDim: number,
  weight: Float32Array,
  outDim: number,
  bias?: Float32Array,
  out: Float32Array = new Float32Array(count * outDim),
): Float32Array {
  for (let n = 0; n < count; n++) {
    const xBase = n * inDim;
    const yBase = n * outDim;
    for (let o = 0; o < outDim; o++) {
      const wBase = o * inDim;
      let sum = 0;
      for (let i = 0; i < inDim; i++) sum += x[xBase + i]! * weight[wBase + i]!;
      out[yBase + o] = bias === undefined ? sum : sum + bias[o]!;
    }
  }
  return out;
}
