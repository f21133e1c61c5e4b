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
}

/**
 * An encode written once for both the synchronous and the asynchronous path: a generator that
 * yields each codebook search it needs (the caller fills `out` before resuming it) and returns the
 * result. Residual families yield one request per stage, since a stage's residual depends on the
 * codes of the stage before. {@link runEncodeSteps} answers the requests with the TypeScript search,
 * `runEncodeStepsAsync` with an {@link AsyncNearestSearch} (e.g. ONNX Runtime for large codebooks).
 */
export type EncodeSteps<T> = Generator<NearestRequest, T, void>;

/** Shorthand for a request that writes codes `out[n * stride + offset]`. */
export function nearestRequest(lookup: NearestLookup, vectors: Float32Array, count: number, out: Int32Array, outStride = 1, outOffset = 0): NearestRequest {
  return { lookup, vectors, count, out, outStride, outOffset };
}
