import type { Codebook } from '../math/codebook.js';
import { createNearestCodeSearch, type NearestCodeSearch } from '../math/nearest-code-search.js';

/**
 * One codebook prepared for nearest-row lookups: what a quantizer searches in, with a reusable exact
 * TypeScript search over it. An {@link AsyncNearestSearch} gets the same codebook, so either way the
 * codes are the same.
 */
export interface NearestLookup {
  /** The rows searched (already normalised where the family searches normalised rows) and how. */
  readonly codebook: Codebook;
  /** The exact TypeScript search, kept across calls (it may build a tree or a SIMD copy of the rows). */
  readonly search: NearestCodeSearch;
}

/**
 * Prepares `codebook` for lookups. A `minDistance` of `-Infinity` (no clamp) is dropped, so searches
 * are handed a codebook with a clamp only where there is one.
 *
 * @throws InvalidArgumentError or ShapeMismatchError naming the field of a malformed `codebook`
 */
export function createNearestLookup(codebook: Codebook): NearestLookup {
  const { rows, size, dim, metric, squaredNorms, minDistance } = codebook;
  const searched: Codebook = {
    rows,
    size,
    dim,
    metric,
    ...(squaredNorms === undefined ? {} : { squaredNorms }),
    ...(minDistance === undefined || minDistance === -Infinity ? {} : { minDistance }),
  };
  return { codebook: searched, search: createNearestCodeSearch(searched) };
}
