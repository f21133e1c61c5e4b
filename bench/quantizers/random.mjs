// Seeded pseudo-random floats for the benchmarks (xorshift32 + Box–Muller), so every run and the
// Python side see the same data.

/** `length` standard-normal float32 values times `scale`. */
export function normalFloats(length, seed, scale = 1) {
  const out = new Float32Array(length);
  let state = seed >>> 0 || 1;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return ((state >>> 0) + 0.5) / 4294967296;
  };
  for (let i = 0; i < length; i += 2) {
    const radius = Math.sqrt(-2 * Math.log(next()));
    const angle = 2 * Math.PI * next();
    out[i] = radius * Math.cos(angle) * scale;
    if (i + 1 < length) out[i + 1] = radius * Math.sin(angle) * scale;
  }
  return out;
}

/** Rows of `matrix` (`rows × dim`) scaled to unit L2 norm, in place. */
export function normalizeRows(matrix, rows, dim) {
  for (let r = 0; r < rows; r++) {
    let sum = 0;
    for (let d = 0; d < dim; d++) sum += matrix[r * dim + d] ** 2;
    const scale = 1 / Math.max(Math.sqrt(sum), 1e-12);
    for (let d = 0; d < dim; d++) matrix[r * dim + d] *= scale;
  }
  return matrix;
}

/** `F.normalize(x, dim=-1, eps)` in float32 (the sum of squares and the norm rounded as torch does), in place. */
export function normalizeRowsFloat32(matrix, rows, dim, eps) {
  for (let r = 0; r < rows; r++) {
    let sum = 0;
    for (let d = 0; d < dim; d++) sum = Math.fround(sum + Math.fround(matrix[r * dim + d] * matrix[r * dim + d]));
    const norm = Math.max(Math.fround(Math.sqrt(sum)), eps);
    for (let d = 0; d < dim; d++) matrix[r * dim + d] /= norm;
  }
  return matrix;
}
