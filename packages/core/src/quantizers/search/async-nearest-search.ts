import type { Codebook } from '../math/codebook.js';
import type { NearestCodeOutput } from '../math/nearest-code-output.js';

/**
 * Where a quantizer's `encodeAsync` runs its nearest-code searches. The contract is that of core's
 * `nearestCodes` (same codes, first index on exact ties), asynchronous so that an implementation may
 * run on ONNX Runtime: `createAcceleratedNearestSearch` is one, {@link typescriptNearestSearch} another.
 *
 * @example
 * const logged: AsyncNearestSearch = {
 *   nearestCodes: (vectors, count, codebook, out, output) => {
 *     console.log(`${count} vectors over ${codebook.size} × ${codebook.dim}`);
 *     return typescriptNearestSearch.nearestCodes(vectors, count, codebook, out, output);
 *   },
 * };
 */
export interface AsyncNearestSearch {
  /**
   * Finds, for each of `count` vectors (`codebook.dim` channels, row-major), the best row of
   * `codebook` (by its metric, clamp and norms) and writes its index to
   * `out[n * outStride + outOffset]` (see `output`).
   */
  nearestCodes(vectors: Float32Array, count: number, codebook: Codebook, out: Int32Array, output?: NearestCodeOutput): Promise<Int32Array>;
  /**
   * Optional: whether this search would answer `count` vectors over `codebook` in TypeScript anyway.
   * When it says so, `encodeAsync` uses the quantizer's own prepared search instead (it keeps its tree
   * and SIMD copy of the rows across calls), with the same codes.
   */
  searchesInTypeScript?(count: number, codebook: Codebook): boolean;
}
