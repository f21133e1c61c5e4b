import type { NearestMetric } from './nearest-metric.js';
import { nearestDotsModule, type NearestDotsKernel } from './nearest-dots-module.js';
import { rescoreCandidates } from './rescore-candidates.js';
import { scanNearestCodes } from './nearest-code-scan.js';
import { halfScoreRoundingBound, scanScoreErrorBound } from './scan-score-error-bound.js';
import { createInt16ChunkScreen } from './int16-chunk-screen.js';
import { kernelRowBudget, simdScanLayout } from './simd-scan-layout.js';

/** An exhaustive nearest-row scan over one codebook that scores in WebAssembly SIMD (see {@link createSimdNearestScan}). */
export interface SimdNearestScan {
  /**
   * Same contract and result as {@link scanNearestCodes} with this scan's codebook, norms and clamp.
   * With `subtract`, each vector then loses its chosen row in place (float32, as `subtractRows`),
   * while its chunk is still in WebAssembly memory: one residual-VQ stage without a second pass.
   */
  scan(vectors: Float32Array, count: number, out: Int32Array, outStride: number, outOffset: number, subtract?: boolean): void;
}

/** Which dot-product kernel the scan uses: the int16 screen while it stays tight (`auto`), or one of the two. */
export type SimdScanKernel = 'auto' | 'float32' | 'int16';

/** Largest memory the scan allocates; beyond it the scalar scan is used. */
const maxMemoryBytes = 1 << 30;
/**
 * Average candidates per vector above which `auto` gives the int16 screen up for the float32 kernel
 * (for the rest of this scan's life): its wider bound then costs more in float64 rescoring than its
 * faster products save. On the bench's random data it keeps about one candidate per vector.
 */
const maxScreenCandidates = 4;
/** Largest dim: keeps γ32_dim = dim·2⁻²⁴/(1 − dim·2⁻²⁴) below 0.004, which `halfScoreRoundingBound` assumes. */
const maxDim = 1 << 16;

/**
 * Prepares the SIMD scan: copies the codebook into WebAssembly memory, once: in int16 for the screen
 * and, when first needed, in float32, transposed in blocks of 8 rows (`[⌈K/8⌉][dim][8]`, zero-padded)
 * for the float32 kernel and row-major for residual steps.
 * Returns `undefined` when SIMD is unavailable, the codebook or the norms hold a non-finite value (or
 * norms above 2¹²⁶), the clamp is NaN or +∞, or the memory would be too large; callers then keep the
 * scalar scan.
 *
 * Why the result is exactly the plain float64 loop's (documented on `nearestCodes`). The kernel gives
 * float32 dot products `dot32_k`; in double, the approximate score would be `A_k = ‖e_k‖² − 2·dot32_k`
 * (l2, with the loop's own double `‖e_k‖²`) or `−dot32_k` (dot), and {@link scanScoreErrorBound} gives
 * `e` with `|A_k + c − T_k| ≤ e` for the loop's score `T_k` (c = ‖x‖² for l2, 0 for dot).
 * WebAssembly then works on float32 halves `s_k = fl32(o_k − dot32_k)` with `o_k = fl32(‖e_k‖²/2)` (l2)
 * or `o_k = 0` (dot, where `s_k = −dot32_k = A_k` exactly). For l2, `|2·s_k − A_k| ≤ δ`
 * ({@link halfScoreRoundingBound}); so `|2·s_k + c − T_k| ≤ e + δ =: E`.
 * Let m be the row with the smallest `s`. The loop's winner w has `T_w ≤ T_m`, so
 * `2·s_w ≤ T_w − c + E ≤ T_m − c + E ≤ 2·s_m + 2E`: every row with `s_k ≤ s_m + E` (dot: `s_m + 2e`)
 * is a candidate, which includes w and every row tied with it. With a clamp, rows whose `T_k` may fall
 * to `minDistance` or below tie at the clamp; they have `s_k ≤ (minDistance − c + E) / 2` and are
 * candidates too. The limit is computed in double with room for its own rounding and rounded up to
 * float32, so the float32 comparison in WebAssembly keeps a superset. The candidates are rescored with
 * the loop's formula, in double from channel 0, lowest index first on equal scores
 * ({@link rescoreCandidates}), which picks w. The bound assumes finite inputs and no float32 overflow:
 * vectors with a non-finite value (non-finite `‖x‖²`) or with `‖x‖·‖e‖_max > 2¹²⁵` (no partial sum
 * nor `o_k − dot32_k` can then reach float32's 2¹²⁸) go through the scalar scan instead.
 *
 * The int16 screen (`kernel` `auto` or `int16`) replaces `dot32_k` by `dotq_k`, the exact integer dot
 * product of vector and row rounded to int16 at power-of-two scales, converted to float32 and scaled
 * (`idots` in `tools/wasm/nearest-dots.wat`: twice the multiply-adds per instruction). Everything
 * above holds with `|dotq_k − x·e_k|` bounded by `int16DotErrorBound` in place of the float32 sum's
 * error; the wider bound only means more candidates, which `auto` watches (`maxScreenCandidates`).
 */
export function createSimdNearestScan(
  codebook: Float32Array,
  codebookSize: number,
  dim: number,
  metric: NearestMetric,
  norms: Float64Array | undefined,
  minDistance: number,
  kernelChoice: SimdScanKernel = 'auto',
): SimdNearestScan | undefined {
  const module = nearestDotsModule();
  if (module === undefined || dim < 1 || dim > maxDim || codebookSize < 1 || Number.isNaN(minDistance) || minDistance === Infinity) return undefined;
  const l2 = metric === 'l2';
  // The scores use the loop's norms (the caller's, if given); they must fit the float32 offsets.
  let maxScoreNorm = 0;
  if (l2) {
    if (norms === undefined) return undefined;
    for (let k = 0; k < codebookSize; k++) {
      const norm = norms[k]!;
      if (!(Math.abs(norm) <= 2 ** 126)) return undefined;
      maxScoreNorm = Math.max(maxScoreNorm, Math.abs(norm));
    }
  }
  // The bound needs the true largest ‖e_k‖², whatever norms the caller passed for the scores.
  let maxNorm = 0;
  for (let k = 0; k < codebookSize; k++) {
    let norm = 0;
    for (let d = k * dim; d < (k + 1) * dim; d++) norm += codebook[d]! * codebook[d]!;
    // A NaN or ±∞ value makes the norm NaN or ∞.
    if (!(norm <= Number.MAX_VALUE)) return undefined;
    if (norm > maxNorm) maxNorm = norm;
  }
  const layout = simdScanLayout(codebookSize, dim, kernelChoice !== 'float32');
  const { vectorChunk, paddedSize } = layout;
  if (layout.totalBytes > maxMemoryBytes) return undefined;
  let memory: WebAssembly.Memory;
  try {
    memory = new WebAssembly.Memory({ initial: Math.ceil(layout.totalBytes / 65536) });
  } catch {
    // Out of memory for the copy: the scalar scan needs none.
    return undefined;
  }
  const blocks = paddedSize / 8;
  const groups = paddedSize / 4;
  const blockBytes = dim * 32;
  const blocksPerCall = Math.max(1, Math.floor(kernelRowBudget / (8 * dim)));
  // The float32 copies are written on first use: the transposed one by the float32 kernel, the
  // row-major one by residual steps. The int16 screen reads neither, and writing K·dim floats into
  // fresh memory was half the setup time.
  let floatBookWritten = false;
  const floatBook = (): number => {
    if (!floatBookWritten) writeFloat32Codebook(codebook, codebookSize, dim, new Float32Array(memory.buffer, layout.book, blocks * dim * 8));
    floatBookWritten = true;
    return layout.book;
  };
  let rowsWritten = false;
  const rowMajor = (): number => {
    if (!rowsWritten) new Float32Array(memory.buffer, layout.rows, codebookSize * dim).set(codebook.subarray(0, codebookSize * dim));
    rowsWritten = true;
    return layout.rows;
  };
  // Padding rows get +∞, so they are never the minimum nor collected.
  const offsets = new Float32Array(memory.buffer, layout.offsets, paddedSize).fill(Infinity);
  for (let k = 0; k < codebookSize; k++) offsets[k] = l2 ? norms![k]! / 2 : 0;
  const kernel = new WebAssembly.Instance(module, { env: { memory } }).exports as unknown as NearestDotsKernel;
  const screen = kernelChoice === 'float32' ? undefined : createInt16ChunkScreen(codebook, codebookSize, dim, memory, layout, kernel);
  let screenOn = screen !== undefined;
  const chunk = new Float32Array(memory.buffer, layout.vectors, vectorChunk * dim);
  const candidates = new Int32Array(memory.buffer, layout.candidates, paddedSize);
  const chunkCodes = new Int32Array(memory.buffer, layout.codes, vectorChunk);
  const rounded = new Float32Array(1);
  const roundedBits = new Int32Array(rounded.buffer);

  /** `limit` rounded up to a float32 (so that a float32 `s ≤ limit` implies `s ≤ result`). */
  const float32Above = (limit: number): number => {
    rounded[0] = limit;
    if (rounded[0]! < limit) roundedBits[0]! += rounded[0]! >= 0 ? 1 : -1;
    return rounded[0]!;
  };

  /** Candidates the last `pick` collected (0 when it left the vector to the scalar loop). */
  let found = 0;

  /**
   * The winner for vector n, whose float32 dots start at byte `scores`; -1 when the scalar loop must
   * decide. `screened` is the vector's row in an int16-screened chunk, or -1 for float32 dots.
   */
  const pick = (vectors: Float32Array, n: number, scores: number, screened: number): number => {
    found = 0;
    let vectorNorm = 0;
    if (screened >= 0) vectorNorm = screen!.norm(screened);
    else for (let d = 0; d < dim; d++) vectorNorm += vectors[n * dim + d]! * vectors[n * dim + d]!;
    if (!(vectorNorm * maxNorm <= 2 ** 250)) return -1;
    const kernelError = screened < 0 ? undefined : screen!.dotError(screened, maxNorm);
    const error = scanScoreErrorBound(dim, vectorNorm, maxNorm, kernelError);
    // A vector the screen could not scale (NaN bound) takes the scalar loop.
    if (!(error < Infinity)) return -1;
    const best = screened < 0 ? kernel.minimum(scores, layout.offsets, groups) : screen!.best(screened);
    let limit: number;
    if (l2) {
      const reach = error + halfScoreRoundingBound(maxScoreNorm, vectorNorm, maxNorm, kernelError);
      limit = best + reach;
      if (minDistance !== -Infinity) limit = Math.max(limit, (minDistance - vectorNorm + reach) / 2);
      // Room for the rounding of the lines above.
      limit += 2 ** -50 * (Math.abs(best) + reach + Math.abs(minDistance === -Infinity ? 0 : minDistance) + vectorNorm);
    } else {
      limit = best + 2 * error;
      limit += 2 ** -50 * (Math.abs(best) + error);
    }
    found = kernel.collect(scores, layout.offsets, groups, float32Above(limit), layout.candidates);
    if (found === 1) return candidates[0]!;
    if (found === 0) return -1; // cannot happen (the minimum row is within its own limit); kept safe
    return rescoreCandidates(vectors, n, dim, codebook, candidates, found, metric, minDistance, norms, l2 ? vectorNorm : undefined);
  };

  return {
    scan(vectors, count, out, outStride, outOffset, subtract = false) {
      for (let n0 = 0; n0 < count; n0 += vectorChunk) {
        const rows = Math.min(vectorChunk, count - n0);
        const padded = (rows + 3) & ~3;
        const screened = screenOn;
        if (screened) {
          screen!.score(vectors, n0, rows, padded);
        } else {
          chunk.set(vectors.subarray(n0 * dim, (n0 + rows) * dim));
          chunk.fill(0, rows * dim, padded * dim);
          const book = floatBook();
          for (let b0 = 0; b0 < blocks; b0 += blocksPerCall) {
            kernel.dots(layout.vectors, padded, dim, book + b0 * blockBytes, Math.min(blocksPerCall, blocks - b0), layout.scores + b0 * 32, paddedSize);
          }
        }
        let candidateCount = 0;
        for (let r = 0; r < rows; r++) {
          const n = n0 + r;
          const code = pick(vectors, n, layout.scores + r * paddedSize * 4, screened ? r : -1);
          candidateCount += found;
          if (code >= 0) out[n * outStride + outOffset] = code;
          else scanNearestCodes(vectors.subarray(n * dim), 1, dim, codebook, codebookSize, norms, minDistance, out, outStride, outOffset + n * outStride);
        }
        if (screened && kernelChoice === 'auto' && candidateCount > maxScreenCandidates * rows) screenOn = false;
        if (subtract) {
          // Both kernels left the chunk's vectors at layout.vectors, unchanged.
          for (let r = 0; r < rows; r++) chunkCodes[r] = out[(n0 + r) * outStride + outOffset]!;
          kernel.subtract(layout.vectors, rows, dim, rowMajor(), layout.codes);
          vectors.set(chunk.subarray(0, rows * dim), n0 * dim);
        }
      }
    },
  };
}

/** The codebook transposed in blocks of 8 rows (`[⌈K/8⌉][dim][8]`), written in memory order; rows past K stay zero. */
function writeFloat32Codebook(codebook: Float32Array, codebookSize: number, dim: number, book: Float32Array): void {
  let i = 0;
  for (let b = 0; b < book.length / (dim * 8); b++) {
    const rows = Math.min(8, codebookSize - b * 8);
    for (let d = 0; d < dim; d++, i += 8) {
      for (let j = 0, source = b * 8 * dim + d; j < rows; j++, source += dim) book[i + j] = codebook[source]!;
    }
  }
}
