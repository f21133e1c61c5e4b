import type { NearestMetric } from './nearest-metric.js';
import { nearestDotsModule, type NearestDotsKernel } from './nearest-dots-module.js';
import { rescoreCandidates } from './rescore-candidates.js';
import { scanNearestCodes } from './nearest-code-scan.js';
import { crossBound, halfScoreRoundingBound, scanScoreErrorBound } from './scan-score-error-bound.js';
import { int16DotErrorBound, int16Limit, int16Quantization, quantizeValue, scaleExponent } from './int16-screen.js';

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
 * Average candidates per vector above which the int16 screen is given up for the float32 kernel
 * (for the rest of this scan's life): its wider bound then costs more in float64 rescoring than its
 * faster products save. On the bench's random data it keeps about one candidate per vector.
 */
const maxScreenCandidates = 4;
/** Which dot-product kernel the scan uses: the int16 screen where it stays tight (`auto`), or one of the two. */
export type SimdScanKernel = 'auto' | 'float32' | 'int16';
/** Largest dim: keeps γ32_dim = dim·2⁻²⁴/(1 − dim·2⁻²⁴) below 0.004, which `halfScoreRoundingBound` assumes. */
const maxDim = 1 << 16;

/**
 * Prepares the SIMD scan: copies the codebook into WebAssembly memory transposed in blocks of 8 rows
 * (`[⌈K/8⌉][dim][8]`, zero-padded), once. Returns `undefined` when SIMD is unavailable, the codebook or
 * the norms hold a non-finite value (or norms above 2¹²⁶), the clamp is NaN or +∞, or the memory would
 * be too large; callers then keep the scalar scan.
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
  const blocks = Math.ceil(codebookSize / 8);
  const paddedSize = blocks * 8;
  const groups = paddedSize / 4;
  const blockBytes = dim * 32;
  const pairs = (dim + 1) >> 1;
  const pairBlockBytes = pairs * 32;
  const vectorChunk = Math.max(4, Math.min(256, Math.floor(scoreBudget / paddedSize) & ~3));
  const blocksPerCall = Math.max(1, Math.floor(rowBudget / (8 * dim)));
  const pairBlocksPerCall = Math.max(1, Math.floor(rowBudget / (8 * pairs)));
  const screenBookOffset = blocks * blockBytes;
  const vectorOffset = screenBookOffset + (kernelChoice === 'float32' ? 0 : blocks * pairBlockBytes);
  // 32 bytes of room after each chunk for the 8-channel steps of `quantize`.
  const screenVectorOffset = vectorOffset + vectorChunk * dim * 4 + 32;
  const inversesOffset = screenVectorOffset + (kernelChoice === 'float32' ? 0 : vectorChunk * pairs * 4 + 32);
  const scalesOffset = inversesOffset + vectorChunk * 4;
  const minsOffset = scalesOffset + vectorChunk * 4;
  const scoreOffset = minsOffset + (kernelChoice === 'float32' ? 0 : vectorChunk * 16);
  const offsetsOffset = scoreOffset + vectorChunk * paddedSize * 4;
  const candidatesOffset = offsetsOffset + paddedSize * 4;
  const totalBytes = candidatesOffset + paddedSize * 4;
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
  const screen = kernelChoice === 'float32' ? undefined : prepareScreen(codebook, codebookSize, dim, memory.buffer, screenBookOffset);
  let screenOn = screen !== undefined;
  const screenVectors = new Int16Array(memory.buffer, screenVectorOffset, kernelChoice === 'float32' ? 0 : vectorChunk * pairs * 2);
  const scales = new Float32Array(memory.buffer, scalesOffset, vectorChunk);
  const inverses = new Float32Array(memory.buffer, inversesOffset, vectorChunk);
  // idots' running minima: 4 lanes per vector of the chunk.
  const mins = new Float32Array(memory.buffer, minsOffset, kernelChoice === 'float32' ? 0 : vectorChunk * 4);
  // Per vector of the chunk: its quantization error bound Dₓ (NaN: not screenable), a bound on ‖x‖₁, and ‖x‖².
  const vectorMaxError = new Float64Array(vectorChunk);
  const vectorAbsSum = new Float64Array(vectorChunk);
  const vectorNorms = new Float64Array(vectorChunk);
  const limit16 = int16Limit(dim);

  /**
   * Quantizes vectors n0.. for `idots` (into WebAssembly memory, through `quantize`); a vector it
   * cannot scale (a non-finite value, or a scale outside float32) gets scale 0 and Dₓ = NaN, so
   * `pick` leaves it to the scalar loop.
   */
  const quantizeChunk = (vectors: Float32Array, n0: number, rows: number, padded: number): void => {
    chunk.set(vectors.subarray(n0 * dim, (n0 + rows) * dim));
    for (let r = 0; r < rows; r++) {
      const base = (n0 + r) * dim;
      let maxAbs = 0;
      let norm = 0;
      for (let d = 0; d < dim; d++) {
        const value = vectors[base + d]!;
        // The same sum, in the same order, as `pick` computes when it is not given one.
        norm += value * value;
        if (Math.abs(value) > maxAbs) maxAbs = Math.abs(value);
      }
      vectorNorms[r] = norm;
      // A NaN or ±∞ value makes the norm non-finite (NaN exponent: not screenable).
      const exponent = Number.isFinite(norm) ? scaleExponent(maxAbs, limit16) : NaN;
      const total = exponent + screen!.exponent;
      // 2^−exponent and 2^total must be exact float32 values (subnormals included) for the bound to hold.
      if (!(exponent >= -127 && exponent <= 149 && total >= -149 && total <= 127)) {
        inverses[r] = 0;
        scales[r] = 0;
        vectorMaxError[r] = NaN;
        continue;
      }
      inverses[r] = 2 ** -exponent;
      scales[r] = 2 ** total;
      vectorMaxError[r] = maxAbs === 0 ? 0 : 2 ** (exponent - 1);
      // ‖x‖₁ ≤ √dim·‖x‖₂; the margin covers the rounding of the norm and the square root.
      vectorAbsSum[r] = Math.sqrt(dim * norm) * (1 + 2 ** -20);
    }
    kernel.quantize(vectorOffset, rows, dim, inversesOffset, screenVectorOffset, pairs);
    // Padding vectors (and what `quantize` wrote past the last row) are zero.
    screenVectors.fill(0, rows * pairs * 2, padded * pairs * 2);
    scales.fill(0, rows, padded);
  };

  // Padding rows get +∞, so they are never the minimum nor collected.
  const offsets = new Float32Array(memory.buffer, offsetsOffset, paddedSize).fill(Infinity);
  for (let k = 0; k < codebookSize; k++) offsets[k] = l2 ? norms![k]! / 2 : 0;
  const kernel = new WebAssembly.Instance(module, { env: { memory } }).exports as unknown as NearestDotsKernel;
  const chunk = new Float32Array(memory.buffer, vectorOffset, vectorChunk * dim);
  const candidates = new Int32Array(memory.buffer, candidatesOffset, paddedSize);
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
    if (screened >= 0) vectorNorm = vectorNorms[screened]!;
    else for (let d = 0; d < dim; d++) vectorNorm += vectors[n * dim + d]! * vectors[n * dim + d]!;
    if (!(vectorNorm * maxNorm <= 2 ** 250)) return -1;
    const kernelError =
      screened < 0
        ? undefined
        : int16DotErrorBound(dim, vectorMaxError[screened]!, vectorAbsSum[screened]!, screen!.maxError, screen!.absSumMax, crossBound(vectorNorm, maxNorm));
    const error = scanScoreErrorBound(dim, vectorNorm, maxNorm, kernelError);
    // A vector the screen could not scale (NaN bound) takes the scalar loop.
    if (!(error < Infinity)) return -1;
    const best =
      screened < 0
        ? kernel.minimum(scores, offsetsOffset, groups)
        : Math.min(mins[screened * 4]!, mins[screened * 4 + 1]!, mins[screened * 4 + 2]!, mins[screened * 4 + 3]!);
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
    found = kernel.collect(scores, offsetsOffset, groups, float32Above(limit), candidatesOffset);
    if (found === 1) return candidates[0]!;
    if (found === 0) return -1; // cannot happen (the minimum row is within its own limit); kept safe
    return rescoreCandidates(vectors, n, dim, codebook, candidates, found, metric, minDistance, norms);
  };

  return {
    scan(vectors, count, out, outStride, outOffset) {
      for (let n0 = 0; n0 < count; n0 += vectorChunk) {
        const rows = Math.min(vectorChunk, count - n0);
        const padded = (rows + 3) & ~3;
        const screened = screenOn;
        if (screened) {
          quantizeChunk(vectors, n0, rows, padded);
          mins.fill(Infinity);
          for (let b0 = 0; b0 < blocks; b0 += pairBlocksPerCall) {
            const callBlocks = Math.min(pairBlocksPerCall, blocks - b0);
            kernel.idots(screenVectorOffset, padded, pairs, screenBookOffset + b0 * pairBlockBytes, callBlocks, scoreOffset + b0 * 32, paddedSize, scalesOffset, offsetsOffset + b0 * 32, minsOffset);
          }
        } else {
          chunk.set(vectors.subarray(n0 * dim, (n0 + rows) * dim));
          chunk.fill(0, rows * dim, padded * dim);
          for (let b0 = 0; b0 < blocks; b0 += blocksPerCall) {
            kernel.dots(vectorOffset, padded, dim, b0 * blockBytes, Math.min(blocksPerCall, blocks - b0), scoreOffset + b0 * 32, paddedSize);
          }
        }
        let candidateCount = 0;
        for (let r = 0; r < rows; r++) {
          const n = n0 + r;
          const code = pick(vectors, n, scoreOffset + r * paddedSize * 4, screened ? r : -1);
          candidateCount += found;
          if (code >= 0) out[n * outStride + outOffset] = code;
          else scanNearestCodes(vectors.subarray(n * dim), 1, dim, codebook, codebookSize, norms, minDistance, out, outStride, outOffset + n * outStride);
        }
        if (screened && kernelChoice === 'auto' && candidateCount > maxScreenCandidates * rows) screenOn = false;
      }
    },
  };
}

/** The int16 copy of the codebook in WebAssembly memory, and what the screen's bound needs of it. */
interface PreparedScreen {
  /** Scale exponent of the codebook's integers. */
  readonly exponent: number;
  /** Bound on |e − ẽ·2^exponent| over all values. */
  readonly maxError: number;
  /** The largest ‖e_k‖₁, rounded up. */
  readonly absSumMax: number;
}

/**
 * Writes the codebook as int16 at `offset` in the layout of `idots` (block b, channel pair i, row j,
 * channel c at int16 index ((b·pairs + i)·8 + j)·2 + c; padding zero) and returns its scale.
 * The caller has checked that every value is finite.
 */
function prepareScreen(codebook: Float32Array, size: number, dim: number, buffer: ArrayBuffer, offset: number): PreparedScreen | undefined {
  const pairs = (dim + 1) >> 1;
  let maxAbs = 0;
  let absSumMax = 0;
  for (let k = 0; k < size; k++) {
    let absSum = 0;
    for (let d = k * dim; d < (k + 1) * dim; d++) {
      const value = Math.abs(codebook[d]!);
      absSum += value;
      if (value > maxAbs) maxAbs = value;
    }
    if (absSum > absSumMax) absSumMax = absSum;
  }
  const { exponent, maxError } = int16Quantization(maxAbs, int16Limit(dim));
  if (!Number.isFinite(exponent)) return undefined;
  const book = new Int16Array(buffer, offset, Math.ceil(size / 8) * pairs * 16);
  const inverse = 2 ** -exponent;
  for (let k = 0; k < size; k++) {
    const base = (k >> 3) * pairs * 16 + (k & 7) * 2;
    for (let d = 0; d < dim; d++) book[base + (d >> 1) * 16 + (d & 1)] = quantizeValue(codebook[k * dim + d]!, inverse);
  }
  return { exponent, maxError, absSumMax: absSumMax * (1 + 2 ** -40) };
}
