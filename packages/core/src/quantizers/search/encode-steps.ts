import type { NearestLookup } from './nearest-lookup.js';

/**
 * One nearest-code search that an encode needs before it can go on: find the nearest row of
 * `lookup` for `count` vectors and write the codes to `out[n * outStride + outOffset]`.
 */
export interface NearestRequest {
  readonly lookup: NearestLookup;
  readonly vectors: Float32Array;
  readonly count: number;
  readonly out: Int32Array;
  readonly outStride: number;
  readonly outOffset: number;
  /**
   * When given, one residual-VQ step follows the search: each of the `count` vectors of `residual`
   * (rows of the codebook's `dim`) loses the codebook row chosen for it, in place, in float32. The
   * synchronous runner fuses it with the search where `residual` is `vectors`.
   */
  readonly residual?: Float32Array;
}

/**
 * An encode written once for both the synchronous and the asynchronous path: a generator that
 * yields each codebook search it needs (the caller fills `out` before resuming it) and returns the
 * result. Residual families yield one request per stage, since a stage's residual depends on the
 * codes of the stage before. {@link runEncodeSteps} answers the requests with the TypeScript search,
 * `runEncodeStepsAsync` with an {@link AsyncNearestSearch} (e.g. ONNX Runtime for large codebooks).
 */
export type EncodeSteps<T> = Generator<NearestRequest, T, void>;

/** Shorthand for a request that writes codes `out[n * stride + offset]` (and, with `residual`, subtracts the chosen rows from it). */
export function nearestRequest(lookup: NearestLookup, vectors: Float32Array, count: number, out: Int32Array, outStride = 1, outOffset = 0, residual?: Float32Array): NearestRequest {
  return residual === undefined ? { lookup, vectors, count, out, outStride, outOffset } : { lookup, vectors, count, out, outStride, outOffset, residual };
}
