import type { Codebook } from './codebook.js';
import type { NearestCodeOutput } from './nearest-code-output.js';
import { createNearestCodeSearch } from './nearest-code-search.js';

/**
 * For each of `count` vectors (`codebook.dim` channels, row-major in `vectors`) finds the row of
 * `codebook` with the best score and writes its index to `out[n * outStride + outOffset]` (see
 * `output`). Exact ties go to the first (lowest) index, as `torch.argmin`/`argmax` do. Scores are
 * accumulated in double, so a result can differ from a float32 reference only where the reference's
 * own rounding decides (golden `fragile` positions).
 *
 * `l2` distances below `codebook.minDistance` count as equal to it (lucidrains clamps at 1e-8, which
 * makes all rows within that distance tie).
 *
 * The result is exactly that of the plain loop "for each row: dot product accumulated in double
 * from channel 0, score `(‖x‖² + ‖e‖²) − 2·x·e` (or `−x·e`), keep it if strictly better"; the
 * search is tiled, scored in WebAssembly SIMD with float64 rescoring of close rows for large enough
 * batches, and, for large batches over large low-dimensional codebooks, pruned (see
 * {@link createNearestCodeSearch}, which also keeps that work across calls).
 *
 * @example
 * const codes = nearestCodes(latents, 256, { rows: embedding, size: 16384, dim: 8, metric: 'l2' }, new Int32Array(256));
 *
 * @throws InvalidArgumentError or ShapeMismatchError naming the field of a malformed `codebook`
 */
export function nearestCodes(vectors: Float32Array, count: number, codebook: Codebook, out: Int32Array, output: NearestCodeOutput = {}): Int32Array {
  return createNearestCodeSearch(codebook).search(vectors, count, out, output);
}
