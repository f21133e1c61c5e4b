/** How a vector is compared with codebook rows. */
export type NearestMetric =
  /** Smallest squared euclidean distance `‖x‖² + ‖e‖² − 2x·e`. */
  | 'l2'
  /** Largest dot product `x·e` (cosine similarity when both sides are unit-norm). */
  | 'dot';
