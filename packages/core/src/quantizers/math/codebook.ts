import type { NearestMetric } from './nearest-metric.js';

/**
 * A codebook as nearest-code searches take it: its rows and everything that decides which row is
 * nearest. `nearestCodes`, `createNearestCodeSearch` and every `AsyncNearestSearch` take one, so a
 * quantizer describes each codebook once and any search gives the same codes for it.
 *
 * @example
 * const codebook: Codebook = { rows: embedding, size: 16384, dim: 8, metric: 'l2' };
 * nearestCodes(latents, count, codebook, codes);
 */
export interface Codebook {
  /** `size × dim` rows, row-major; only the first `size · dim` values are read. */
  readonly rows: Float32Array;
  /** Number of rows (the codes are `0 … size − 1`). */
  readonly size: number;
  /** Channels per row, and per searched vector. */
  readonly dim: number;
  /** How vectors are compared with the rows: `'l2'` (smallest distance) or `'dot'` (largest dot product). */
  readonly metric: NearestMetric;
  /**
   * `l2` only: `‖e_k‖²` of each row (`size` values, as `squaredNorms` returns them), computed when
   * absent. Given values define the scores even where they differ from the rows' own norms (a family
   * that scores with norms of other rows, such as DAC's normalised codebook, passes them).
   */
  readonly squaredNorms?: Float64Array;
  /**
   * `l2` only: distances below this count as equal to it, so every row that close ties and the first
   * wins (lucidrains clamps at 1e-8). Absent or `-Infinity`: no clamp.
   */
  readonly minDistance?: number;
}
