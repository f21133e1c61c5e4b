/**
 * Folds a weight-normed layer (`torch.nn.utils.weight_norm`, `dim=0`) into a plain matrix, as the
 * reference's pre-forward hook (`torch._weight_norm(v, g, 0)`) does:
 * `W[o, :] = v[o, :] · (g[o] / ‖v[o, :]‖₂)`, in float32. The norm runs over every axis except the
 * output axis, so for a 1×1 conv `v` is `[out, in, 1]` and each output row is normalised on its own.
 *
 * `v` is `[outDim, inDim]` row-major (a trailing kernel axis of size 1 changes nothing), `g` `[outDim]`.
 */
export function foldWeightNorm(v: Float32Array, g: Float32Array, outDim: number, inDim: number): Float32Array {
  const weight = new Float32Array(outDim * inDim);
  for (let o = 0; o < outDim; o++) {
    const base = o * inDim;
    let sumSquares = 0;
    for (let i = 0; i < inDim; i++) sumSquares += v[base + i]! * v[base + i]!;
    // torch rounds the norm and the ratio g/‖v‖ to float32 before scaling v.
    const scale = Math.fround(g[o]! / Math.fround(Math.sqrt(sumSquares)));
    for (let i = 0; i < inDim; i++) weight[base + i] = v[base + i]! * scale;
  }
  return weight;
}
