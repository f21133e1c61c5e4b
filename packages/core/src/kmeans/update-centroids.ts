/**
 * The Lloyd update: each row becomes the mean of its vectors (accumulated in double, stored as
 * float32), unit-normalised for spherical k-means. A row left without vectors (or whose mean is the
 * zero vector under `normalize`) is re-seeded with the vector farthest from its current row that
 * no other re-seed took, the standard repair that also lowers the inertia. Deterministic: empty
 * rows are repaired in index order (never from a zero vector when normalising), and ties between distances go to the lower vector index.
 */
export function updateCentroids(
  vectors: Float32Array,
  count: number,
  dim: number,
  assignment: Int32Array,
  distances: Float64Array,
  centroids: Float32Array,
  codebookSize: number,
  normalize: boolean,
): void {
  const sums = new Float64Array(codebookSize * dim);
  const sizes = new Int32Array(codebookSize);
  for (let n = 0; n < count; n++) {
    const k = assignment[n]!;
    sizes[k]!++;
    for (let d = 0; d < dim; d++) sums[k * dim + d] = sums[k * dim + d]! + vectors[n * dim + d]!;
  }
  const taken = new Uint8Array(count);
  for (let k = 0; k < codebookSize; k++) {
    let empty = sizes[k] === 0;
    if (!empty) {
      let squared = 0;
      for (let d = 0; d < dim; d++) {
        const mean = sums[k * dim + d]! / sizes[k]!;
        sums[k * dim + d] = mean;
        squared += mean * mean;
      }
      const norm = normalize ? Math.sqrt(squared) : 1;
      empty = normalize && !(norm > 0);
      if (!empty) for (let d = 0; d < dim; d++) centroids[k * dim + d] = sums[k * dim + d]! / norm;
    }
    if (empty) {
      let farthest = -1;
      for (let n = 0; n < count; n++) {
        if (taken[n] || (normalize && isZero(vectors, n, dim))) continue;
        if (farthest < 0 || distances[n]! > distances[farthest]!) farthest = n;
      }
      if (farthest < 0) continue;
      taken[farthest] = 1;
      distances[farthest] = 0;
      centroids.set(vectors.subarray(farthest * dim, (farthest + 1) * dim), k * dim);
    }
  }
}

function isZero(vectors: Float32Array, n: number, dim: number): boolean {
  for (let d = 0; d < dim; d++) if (vectors[n * dim + d] !== 0) return false;
  return true;
}
