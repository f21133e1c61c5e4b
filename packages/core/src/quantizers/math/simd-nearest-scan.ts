import type { NearestMetric } from './nearest-code.js';
import { nearestDotsModule, type NearestDotsKernel } from './nearest-dots-module.js';
import { rescoreCandidates } from './rescore-candidates.js';
import { scanNearestCodes } from './nearest-code-scan.js';
import { scanScoreErrorBound } from './scan-score-error-bound.js';

/** An exhaustive nearest-row scan over one codebook that scores in WebAssembly SIMD (see {@link createSimdNearestScan}). */
export interface SimdNearestScan {
  /** Same contract and result as {@link scanNearestCodes} with this scan's codebook, norms and clamp. */
  scan(vectors: Float32Array, count: number, out: Int32Array, outStride: number, outOffset: number): void;
}

/** Score buffer per chunk of vectors (float32 elements): 1 MB, so it stays in the outer caches. */
const scoreBudget = 1 << 18;
/** Codebook floats per kernel call (128 KB): the rows of one call stay in L2 while 4-vector groups walk over them. */
const rowBudget = 1 << 15;
/** Largest memory the scan allocates; beyond it the scalar scan is used. */
const maxMemoryBytes = 1 << 30;

/**
 * Prepares the SIMD scan: copies the codebook into WebAssembly memory transposed in blocks of 8 rows
 * (`[⌈K/8⌉][dim][8]`, zero-padded), once. Returns `undefined` when SIMD is unavailable, the codebook or
 * the norms hold a non-finite value, the clamp is NaN or +∞, or the memory would be too large; callers
 * then keep the scalar scan.
 *
 * Why the result is exactly the plain float64 loop's (documented on `nearestCodes`): the kernel gives
 * float32 dot products, from which the approximate score `A_k` of every row follows (`‖e_k‖² − 2·dot32`
 * for l2, with the loop's own double `‖e_k‖²`; `−dot32` for dot). {@link scanScoreErrorBound} gives `e`
 * with `|A_k + c − T_k| ≤ e` for the loop's score `T_k` (c is the same for all rows). Let m be the row
 * with the smallest `A`. The loop's winner w has `T_w ≤ T_m`, so `A_w ≤ T_w − c + e ≤ T_m − c + e ≤
 * A_m + 2e`: every row with `A_k ≤ A_m + 2e` is a candidate, which includes w and every row tied with
 * it. With a clamp, rows whose `T_k` may fall to `minDistance` or below tie at the clamp; they satisfy
 * `A_k ≤ minDistance − ‖x‖² + e` and are candidates too. The candidates are then rescored with the
 * loop's formula, in double from channel 0, lowest index first on equal scores ({@link rescoreCandidates}),
 * which picks w. The bound assumes finite inputs and no float32 overflow: vectors with a non-finite
 * value (non-finite `‖x‖²`) or with `‖x‖·‖e‖_max > 2¹²⁵` (no partial sum can then reach float32's
 * 2¹²⁸) go through the scalar scan instead.
 */
export function createSimdNearestScan(
  codebook: Float32Array,
  codebookSize: number,
  dim: number,
  metric: NearestMetric,
  norms: Float64Array | undefined,
  minDistance: number,
): SimdNearestScan | undefined {
  const module = nearestDotsModule();
  // dim < 2²⁰ keeps dim·u32 far below 1, as the bound's γ needs.
  if (module === undefined || dim < 1 || dim >= 1 << 20 || codebookSize < 1 || Number.isNaN(minDistance) || minDistance === Infinity) return undefined;
  if (norms !== undefined && !norms.subarray(0, codebookSize).every(Number.isFinite)) return undefined;
  const blocks = Math.ceil(codebookSize / 8);
  const paddedSize = blocks * 8;
  const blockBytes = dim * 32;
  const vectorChunk = Math.max(4, Math.min(256, Math.floor(scoreBudget / paddedSize) & ~3));
  const blocksPerCall = Math.max(1, Math.floor(rowBudget / (8 * dim)));
  const vectorOffset = blocks * blockBytes;
  const scoreOffset = vectorOffset + vectorChunk * dim * 4;
  const totalBytes = scoreOffset + vectorChunk * paddedSize * 4;
  if (totalBytes > maxMemoryBytes) return undefined;

  let memory: WebAssembly.Memory;
  try {
    memory = new WebAssembly.Memory({ initial: Math.ceil(totalBytes / 65536) });
  } catch {
    // Out of memory for the copy: the scalar scan needs none.
    return undefined;
  }
  const book = new Float32Array(memory.buffer, 0, blocks * dim * 8);
  // The bound needs the true largest ‖e_k‖², whatever norms the caller passed for the scores.
  let maxNorm = 0;
  for (let k = 0; k < codebookSize; k++) {
    let norm = 0;
    for (let d = k * dim; d < (k + 1) * dim; d++) norm += codebook[d]! * codebook[d]!;
    // A NaN or ±∞ value makes the norm NaN or ∞.
    if (!(norm <= Number.MAX_VALUE)) return undefined;
    if (norm > maxNorm) maxNorm = norm;
  }
  // Written in memory order (8 row streams read at once); rows past the codebook stay zero.
  let i = 0;
  for (let b = 0; b < blocks; b++) {
    const rows = Math.min(8, codebookSize - b * 8);
    for (let d = 0; d < dim; d++, i += 8) {
      for (let j = 0, source = b * 8 * dim + d; j < rows; j++, source += dim) book[i + j] = codebook[source]!;
    }
  }
  const instance = new WebAssembly.Instance(module, { env: { memory } });
  const dots = instance.exports['dots'] as NearestDotsKernel;
  const chunk = new Float32Array(memory.buffer, vectorOffset, vectorChunk * dim);
  const scores = new Float32Array(memory.buffer, scoreOffset, vectorChunk * paddedSize);
  const candidates = new Int32Array(codebookSize);
  const l2 = metric === 'l2';
  const rowNorms = norms ?? new Float64Array(0);

  /** The winner for vector n, whose float32 dots start at `scores[base]`; -1 when the scalar loop must decide. */
  const pick = (vectors: Float32Array, n: number, base: number): number => {
    let vectorNorm = 0;
    for (let d = 0; d < dim; d++) vectorNorm += vectors[n * dim + d]! * vectors[n * dim + d]!;
    if (!(vectorNorm * maxNorm <= 2 ** 250)) return -1;
    const error = scanScoreErrorBound(dim, vectorNorm, maxNorm);
    const reach = 2 * error;
    // Rows whose loop score may reach the clamp; the extra term covers this line's own rounding.
    const clampLimit = l2 && minDistance !== -Infinity ? minDistance - vectorNorm + error + 2 ** -50 * (Math.abs(minDistance) + vectorNorm) : -Infinity;
    let best = Infinity;
    let limit = Infinity;
    let found = 0;
    // One pass: keep every row within reach of the best so far; the final limit filters them below.
    if (l2) {
      for (let k = 0; k < codebookSize; k++) {
        const a = rowNorms[k]! - 2 * scores[base + k]!;
        if (a <= limit) {
          candidates[found++] = k;
          if (a < best) {
            best = a;
            limit = Math.max(best + reach, clampLimit);
          }
        }
      }
    } else {
      for (let k = 0; k < codebookSize; k++) {
        const a = -scores[base + k]!;
        if (a <= limit) {
          candidates[found++] = k;
          if (a < best) {
            best = a;
            limit = best + reach;
          }
        }
      }
    }
    let kept = 0;
    for (let i = 0; i < found; i++) {
      const k = candidates[i]!;
      const a = l2 ? rowNorms[k]! - 2 * scores[base + k]! : -scores[base + k]!;
      if (a <= limit) candidates[kept++] = k;
    }
    if (kept === 1) return candidates[0]!;
    return rescoreCandidates(vectors, n, dim, codebook, candidates, kept, metric, minDistance, norms);
  };

  return {
    scan(vectors, count, out, outStride, outOffset) {
      for (let n0 = 0; n0 < count; n0 += vectorChunk) {
        const rows = Math.min(vectorChunk, count - n0);
        const padded = (rows + 3) & ~3;
        chunk.set(vectors.subarray(n0 * dim, (n0 + rows) * dim));
        chunk.fill(0, rows * dim, padded * dim);
        for (let b0 = 0; b0 < blocks; b0 += blocksPerCall) {
          dots(vectorOffset, padded, dim, b0 * blockBytes, Math.min(blocksPerCall, blocks - b0), scoreOffset + b0 * 32, paddedSize);
        }
        for (let i = 0; i < rows; i++) {
          const n = n0 + i;
          const code = pick(vectors, n, i * paddedSize);
          if (code >= 0) out[n * outStride + outOffset] = code;
          else scanNearestCodes(vectors.subarray(n * dim), 1, dim, codebook, codebookSize, norms, minDistance, out, outStride, outOffset + n * outStride);
        }
      }
    },
  };
}
