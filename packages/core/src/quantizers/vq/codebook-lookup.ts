import { l2Normalize } from '../math/l2-normalize.js';
import { nearestRequest, type NearestRequest } from '../search/encode-steps.js';
import { createNearestLookup, type NearestLookup } from '../search/nearest-lookup.js';
import type { VqSettings } from './vq-settings.js';

/**
 * One codebook ready for lookups: the rows searched (normalised for `l2-normalized`), the rows
 * returned (`returnRow`) and the prepared nearest-row search.
 */
export interface CodebookLookup {
  readonly dim: number;
  readonly lookup: NearestLookup;
  /**
   * Prepares `count` vectors (`dim` channels each, contiguous) for the search, normalising them in
   * place for the normalising metrics, and returns the search that writes their codes to
   * `out[n * stride + offset]`.
   */
  request(vectors: Float32Array, count: number, out: Int32Array, stride: number, offset: number): NearestRequest;
  /** The row decode returns for code `k` (a view; do not modify). */
  row(k: number): Float32Array;
}

/** Prepares `codebook` (`codebookSize × dim`, row-major) for the metric of `settings`. */
export function createCodebookLookup(codebook: Float32Array, dim: number, settings: VqSettings): CodebookLookup {
  const { codebookSize, metric, normalizeEps, minDistance } = settings;
  // F.normalize in float32, so rows that differ by a power-of-two factor become bit-identical (first index wins).
  const normalized = metric === 'euclidean' && settings.returnRow === 'stored' ? undefined : l2Normalize(codebook, codebookSize, dim, normalizeEps);
  const searched = metric === 'l2-normalized' ? normalized! : codebook;
  const returned = settings.returnRow === 'normalized' ? normalized! : codebook;
  const lookup = createNearestLookup({ rows: searched, size: codebookSize, dim, metric: metric === 'cosine' ? 'dot' : 'l2', minDistance });
  return {
    dim,
    lookup,
    request(vectors, count, out, stride, offset) {
      if (metric !== 'euclidean') l2Normalize(vectors, count, dim, normalizeEps, vectors);
      return nearestRequest(lookup, vectors, count, out, stride, offset);
    },
    row: (k) => returned.subarray(k * dim, (k + 1) * dim),
  };
}
