import { l2Normalize } from '../math/l2-normalize.js';
import { createNearestCodeSearch, type NearestCodeSearch } from '../math/nearest-code-search.js';
import type { VqSettings } from './vq-settings.js';

/**
 * One codebook ready for lookups: the rows searched (normalised for `l2-normalized`), the rows
 * returned (`returnRow`) and a reusable exact nearest-row search.
 */
export interface CodebookLookup {
  readonly dim: number;
  /**
   * Codes of `count` vectors (`dim` channels each, contiguous) into `out[n * stride + offset]`.
   * `vectors` may be overwritten (it is normalised in place for the normalising metrics).
   */
  encode(vectors: Float32Array, count: number, out: Int32Array, stride: number, offset: number): void;
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
  const search: NearestCodeSearch = createNearestCodeSearch(searched, codebookSize, dim, metric === 'cosine' ? 'dot' : 'l2', minDistance === -Infinity ? {} : { minDistance });
  return {
    dim,
    encode(vectors, count, out, stride, offset) {
      if (metric !== 'euclidean') l2Normalize(vectors, count, dim, normalizeEps, vectors);
      search.search(vectors, count, out, { outStride: stride, outOffset: offset });
    },
    row: (k) => returned.subarray(k * dim, (k + 1) * dim),
  };
}
