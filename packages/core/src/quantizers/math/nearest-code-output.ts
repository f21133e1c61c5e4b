/**
 * Where a nearest-code search writes the code of vector `n`: `out[n * outStride + outOffset]`, so
 * the codes of several searches can interleave in one array (one column per residual stage or group).
 */
export interface NearestCodeOutput {
  /** Stride between written codes (default 1). */
  readonly outStride?: number;
  /** Position of the first written code (default 0). */
  readonly outOffset?: number;
}
