import type { NearestCodesOptions, NearestMetric } from '../math/nearest-code.js';

/**
 * Where a quantizer's `encodeAsync` runs its nearest-code searches. The contract is that of core's
 * `nearestCodes` (same codes, first index on exact ties), asynchronous so that an implementation may
 * run on ONNX Runtime: `createAcceleratedNearestSearch` is one, {@link typescriptNearestSearch} another.
 */
export interface AsyncNearestSearch {
  /**
   * Finds, for each of `count` vectors (`dim` channels, row-major), the best row of `codebook`
   * (`codebookSize × dim`) and writes its index to `out[n * outStride + outOffset]`.
   */
  nearestCodes(
    vectors: Float32Array,
    count: number,
    dim: number,
    codebook: Float32Array,
    codebookSize: number,
    metric: NearestMetric,
    out: Int32Array,
    options?: NearestCodesOptions,
  ): Promise<Int32Array>;
  /**
   * Optional: whether this search would answer `count` vectors over a codebook of this size in
   * TypeScript anyway. When it says so, `encodeAsync` uses the quantizer's own prepared search instead
   * (it keeps its tree and SIMD copy of the rows across calls), with the same codes.
   */
  searchesInTypeScript?(count: number, codebookSize: number, dim: number): boolean;
}
