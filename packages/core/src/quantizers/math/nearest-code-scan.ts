/**
 * The exhaustive nearest-row search behind {@link nearestCodes}, tiled for speed.
 *
 * Every (vector, row) score is computed exactly as the plain loop does it: the dot product is
 * accumulated in double from channel 0 upwards and the l2 score is `(‖x‖² + ‖e‖²) − 2·x·e`,
 * clamped below at `minDistance`. Only the order in which pairs are visited changes: 4 vectors ×
 * 2 rows share each loaded value (8 independent accumulators instead of 1), and rows are taken
 * in blocks of about 32 KB so a block stays in cache while a group of vectors walks over it.
 * Each vector still sees its rows in increasing index order and keeps a row only when it is
 * strictly better, so exact ties go to the first index, as in `torch.argmin`.
 */
export function scanNearestCodes(
  vectors: Float32Array,
  count: number,
  dim: number,
  codebook: Float32Array,
  codebookSize: number,
  norms: Float64Array | undefined,
  minDistance: number,
  out: Int32Array,
  outStride: number,
  outOffset: number,
): void {
  const l2 = norms !== undefined;
  const rowNorms = norms ?? new Float64Array(0);
  const vectorNorms = new Float64Array(count);
  if (l2) {
    for (let n = 0; n < count; n++) {
      const base = n * dim;
      let sum = 0;
      for (let d = 0; d < dim; d++) sum += vectors[base + d]! * vectors[base + d]!;
      vectorNorms[n] = sum;
    }
  }
  const bestScore = new Float64Array(count).fill(Infinity);
  const bestIndex = new Int32Array(count);
  // About 32 KB of float32 rows per block; 64 vectors per group (their rows are reused 2·block times).
  const rowBlock = Math.max(8, Math.floor(8192 / Math.max(dim, 1)));
  const vectorBlock = 64;

  const consider = (n: number, k: number, dot: number): void => {
    const score = l2 ? Math.max(vectorNorms[n]! + rowNorms[k]! - 2 * dot, minDistance) : -dot;
    if (score < bestScore[n]!) {
      bestScore[n] = score;
      bestIndex[n] = k;
    }
  };
  const single = (n: number, k: number): void => {
    const base = n * dim;
    const row = k * dim;
    let dot = 0;
    for (let d = 0; d < dim; d++) dot += vectors[base + d]! * codebook[row + d]!;
    consider(n, k, dot);
  };

  for (let n0 = 0; n0 < count; n0 += vectorBlock) {
    const nEnd = Math.min(count, n0 + vectorBlock);
    for (let k0 = 0; k0 < codebookSize; k0 += rowBlock) {
      const kEnd = Math.min(codebookSize, k0 + rowBlock);
      let n = n0;
      for (; n + 4 <= nEnd; n += 4) {
        const b0 = n * dim;
        const b1 = b0 + dim;
        const b2 = b1 + dim;
        const b3 = b2 + dim;
        let k = k0;
        for (; k + 2 <= kEnd; k += 2) {
          const r0 = k * dim;
          const r1 = r0 + dim;
          let a00 = 0, a01 = 0, a10 = 0, a11 = 0, a20 = 0, a21 = 0, a30 = 0, a31 = 0;
          for (let d = 0; d < dim; d++) {
            const c0 = codebook[r0 + d]!;
            const c1 = codebook[r1 + d]!;
            const x0 = vectors[b0 + d]!;
            const x1 = vectors[b1 + d]!;
            const x2 = vectors[b2 + d]!;
            const x3 = vectors[b3 + d]!;
            a00 += x0 * c0;
            a01 += x0 * c1;
            a10 += x1 * c0;
            a11 += x1 * c1;
            a20 += x2 * c0;
            a21 += x2 * c1;
            a30 += x3 * c0;
            a31 += x3 * c1;
          }
          // Row k before row k + 1 for each vector keeps the first-index rule.
          consider(n, k, a00);
          consider(n, k + 1, a01);
          consider(n + 1, k, a10);
          consider(n + 1, k + 1, a11);
          consider(n + 2, k, a20);
          consider(n + 2, k + 1, a21);
          consider(n + 3, k, a30);
          consider(n + 3, k + 1, a31);
        }
        for (; k < kEnd; k++) for (let m = n; m < n + 4; m++) single(m, k);
      }
      for (; n < nEnd; n++) for (let k = k0; k < kEnd; k++) single(n, k);
    }
  }
  for (let n = 0; n < count; n++) out[n * outStride + outOffset] = bestIndex[n]!;
}
