import type { NearestMetric } from '../math/nearest-code.js';
import { createNearestCodeSearch, type NearestCodeSearch } from '../math/nearest-code-search.js';

/**
 * One codebook prepared for nearest-row lookups: what a quantizer searches in, with the settings of
 * its search, and a reusable exact TypeScript search over it. An {@link AsyncNearestSearch} gets the
 * same codebook and settings, so either way the codes are the same.
 */
export interface NearestLookup {
  /** `codebookSize × dim` rows, row-major (already normalised where the family searches normalised rows). */
  readonly codebook: Float32Array;
  readonly codebookSize: number;
  readonly dim: number;
  readonly metric: NearestMetric;
  /** `l2` distances below this tie with it (lucidrains clamps at 1e-8); absent: no clamp. */
  readonly minDistance?: number;
  /** `‖e_k‖²` of the rows, for `l2`. */
  readonly codebookNorms?: Float64Array;
  /** The exact TypeScript search, kept across calls (it may build a tree or a SIMD copy of the rows). */
  readonly search: NearestCodeSearch;
}

/** Options of {@link createNearestLookup}. */
export interface NearestLookupOptions {
  /** A clamp on `l2` distances; `-Infinity` or absent for none. */
  readonly minDistance?: number;
  /** Precomputed `‖e_k‖²` (the search computes them otherwise). */
  readonly codebookNorms?: Float64Array;
}

/** Prepares `codebook` (`codebookSize × dim`) for lookups with `metric`. */
export function createNearestLookup(codebook: Float32Array, codebookSize: number, dim: number, metric: NearestMetric, options: NearestLookupOptions = {}): NearestLookup {
  const minDistance = options.minDistance === undefined || options.minDistance === -Infinity ? undefined : options.minDistance;
  const settings = {
    ...(minDistance === undefined ? {} : { minDistance }),
    ...(options.codebookNorms === undefined ? {} : { codebookNorms: options.codebookNorms }),
  };
  return { codebook, codebookSize, dim, metric, ...settings, search: createNearestCodeSearch(codebook, codebookSize, dim, metric, settings) };
}
