import { codebookNormLimit, int16DotErrorBound, int16ScaleExponent, normRoom, powerOfTwo, quantizeValue, roundingError, vectorNormLimit } from './int16-screen.js';
import type { NearestDotsKernel } from './nearest-dots-module.js';
import { crossBound } from './scan-score-error-bound.js';
import { kernelRowBudget, type SimdScanLayout } from './simd-scan-layout.js';

/** The int16 screen of one SIMD scan, working on one chunk of vectors at a time (see {@link createInt16ChunkScreen}). */
export interface Int16ChunkScreen {
  /**
   * Copies vectors `n0 … n0 + rows − 1` into WebAssembly memory, quantizes them and writes their
   * screened dots for every row into the layout's scores (`padded` ≥ rows, a multiple of 4).
   */
  score(vectors: Float32Array, n0: number, rows: number, padded: number): void;
  /** ‖x‖² of chunk vector r, the same double as the scalar loop's. */
  norm(r: number): number;
  /** The smallest float32 half score `offsets[k] − dotq_k` of chunk vector r. */
  best(r: number): number;
  /**
   * The bound on `|dotq − x·e|` for chunk vector r ({@link int16DotErrorBound}); NaN when the
   * vector could not be screened (non-finite values, or scales outside float32).
   */
  dotError(r: number, maxCodebookNorm: number): number;
}

/**
 * Writes the codebook in int16 into the layout's screen book and returns the screen, or `undefined`
 * when the codebook cannot be scaled. The codebook must be finite (the scan checks it first).
 */
export function createInt16ChunkScreen(
  codebook: Float32Array,
  codebookSize: number,
  dim: number,
  memory: WebAssembly.Memory,
  layout: SimdScanLayout,
  kernel: NearestDotsKernel,
): Int16ChunkScreen | undefined {
  const book = writeInt16Codebook(codebook, codebookSize, dim, memory.buffer, layout.screenBook);
  if (book === undefined) return undefined;
  const { vectorChunk, pairs } = layout;
  const blocks = layout.paddedSize / 8;
  const blocksPerCall = Math.max(1, Math.floor(kernelRowBudget / (8 * pairs)));
  const chunk = new Float32Array(memory.buffer, layout.vectors, vectorChunk * dim);
  const screenVectors = new Int16Array(memory.buffer, layout.screenVectors, vectorChunk * pairs * 2);
  const inverses = new Float32Array(memory.buffer, layout.inverses, vectorChunk);
  const scales = new Float32Array(memory.buffer, layout.scales, vectorChunk);
  const mins = new Float32Array(memory.buffer, layout.mins, vectorChunk * 4);
  const norms = new Float64Array(memory.buffer, layout.norms, vectorChunk);
  const maxes = new Float32Array(memory.buffer, layout.maxes, vectorChunk);
  // Per chunk vector: Dₓ (NaN: not screenable) and a bound on ‖x‖₁.
  const vectorMaxError = new Float64Array(vectorChunk);
  const vectorAbsSum = new Float64Array(vectorChunk);

  return {
    score(vectors, n0, rows, padded) {
      chunk.set(vectors.subarray(n0 * dim, (n0 + rows) * dim));
      kernel.stats(layout.vectors, rows, dim, layout.norms, layout.maxes);
      for (let r = 0; r < rows; r++) {
        const norm = norms[r]!;
        // A NaN or ±∞ value makes the norm non-finite (NaN exponent: not screenable). √norm·(1 + 2⁻²⁰)
        // bounds ‖x‖₂: the double sum of float32 squares is within dim·2⁻⁵³ ≤ 2⁻³⁷ of the exact one.
        const exponent = Number.isFinite(norm) ? int16ScaleExponent(maxes[r]!, Math.sqrt(norm) * (1 + 2 ** -20), book.vectorRoom) : NaN;
        const total = exponent + book.exponent;
        // 2^−exponent and 2^total must be exact float32 values (subnormals included) for the bound to hold.
        if (!(exponent >= -127 && exponent <= 149 && total >= -149 && total <= 127)) {
          inverses[r] = 0;
          scales[r] = 0;
          vectorMaxError[r] = NaN;
          continue;
        }
        inverses[r] = powerOfTwo(-exponent);
        scales[r] = powerOfTwo(total);
        vectorMaxError[r] = roundingError(exponent, maxes[r]!);
        // ‖x‖₁ ≤ √dim·‖x‖₂; the margin covers the rounding of the norm and of the square root.
        vectorAbsSum[r] = Math.sqrt(dim * norm) * (1 + 2 ** -20);
      }
      kernel.quantize(layout.vectors, rows, dim, layout.inverses, layout.screenVectors, pairs);
      // Padding vectors (and what `quantize` wrote past the last row) are zero.
      screenVectors.fill(0, rows * pairs * 2, padded * pairs * 2);
      scales.fill(0, rows, padded);
      mins.fill(Infinity);
      for (let b0 = 0; b0 < blocks; b0 += blocksPerCall) {
        kernel.idots(
          layout.screenVectors,
          padded,
          pairs,
          layout.screenBook + b0 * pairs * 32,
          Math.min(blocksPerCall, blocks - b0),
          layout.scores + b0 * 32,
          layout.paddedSize,
          layout.scales,
          layout.offsets + b0 * 32,
          layout.mins,
        );
      }
    },
    norm: (r) => norms[r]!,
    best: (r) => Math.min(mins[r * 4]!, mins[r * 4 + 1]!, mins[r * 4 + 2]!, mins[r * 4 + 3]!),
    dotError: (r, maxCodebookNorm) =>
      int16DotErrorBound(dim, vectorMaxError[r]!, vectorAbsSum[r]!, book.maxError, book.absSumMax, crossBound(norms[r]!, maxCodebookNorm)),
  };
}

/** The int16 codebook's scale and what the bound and the vectors' scales need of it. */
interface Int16Codebook {
  /** Scale exponent of the codebook's integers. */
  readonly exponent: number;
  /** Bound on |e − ẽ·2^exponent| over all values. */
  readonly maxError: number;
  /** The largest ‖e_k‖₁, rounded up. */
  readonly absSumMax: number;
  /** The room of the vectors' norms ({@link normRoom}) that keeps every int32 sum below 2³¹ against these rows. */
  readonly vectorRoom: number;
}

/**
 * Writes the codebook as int16 at byte `offset` in the layout of `idots` (block b, channel pair i,
 * row j, channel c at int16 index ((b·pairs + i)·8 + j)·2 + c; padding stays zero), scaled so that
 * every |ẽ| ≤ 32767 and ‖ẽ_k‖₂ ≤ 46340, and measures the rows' exact largest ‖ẽ_k‖² for the vectors.
 */
function writeInt16Codebook(codebook: Float32Array, size: number, dim: number, buffer: ArrayBuffer, offset: number): Int16Codebook | undefined {
  const pairs = (dim + 1) >> 1;
  let maxAbs = 0;
  let absSumMax = 0;
  let squaredNormMax = 0;
  for (let k = 0; k < size; k++) {
    let absSum = 0;
    let squaredNorm = 0;
    for (let d = k * dim; d < (k + 1) * dim; d++) {
      const value = Math.abs(codebook[d]!);
      absSum += value;
      squaredNorm += value * value;
      if (value > maxAbs) maxAbs = value;
    }
    if (absSum > absSumMax) absSumMax = absSum;
    if (squaredNorm > squaredNormMax) squaredNormMax = squaredNorm;
  }
  // √(largest ‖e_k‖²)·(1 + 2⁻²⁰) bounds every ‖e_k‖₂ (the double sums are within 2⁻³⁷ of exact).
  const exponent = int16ScaleExponent(maxAbs, Math.sqrt(squaredNormMax) * (1 + 2 ** -20), normRoom(codebookNormLimit, dim));
  if (!Number.isFinite(exponent)) return undefined;
  const book = new Int16Array(buffer, offset, Math.ceil(size / 8) * pairs * 16);
  const inverse = powerOfTwo(-exponent);
  // Σẽ² of integers up to 32767 over at most 2¹⁶ channels stays below 2⁴⁶: exact in double.
  let integerSquaredNormMax = 0;
  for (let k = 0; k < size; k++) {
    const base = (k >> 3) * pairs * 16 + (k & 7) * 2;
    let integerSquaredNorm = 0;
    for (let d = 0; d < dim; d++) {
      const value = quantizeValue(codebook[k * dim + d]!, inverse);
      book[base + (d >> 1) * 16 + (d & 1)] = value;
      integerSquaredNorm += value * value;
    }
    if (integerSquaredNorm > integerSquaredNormMax) integerSquaredNormMax = integerSquaredNorm;
  }
  return {
    exponent,
    maxError: roundingError(exponent, maxAbs),
    absSumMax: absSumMax * (1 + 2 ** -40),
    vectorRoom: normRoom(vectorNormLimit(integerSquaredNormMax), dim),
  };
}
