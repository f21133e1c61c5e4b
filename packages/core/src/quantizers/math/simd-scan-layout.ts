/** Byte offsets of everything the SIMD scan keeps in its WebAssembly memory (see {@link simdScanLayout}). */
export interface SimdScanLayout {
  /** Vectors per chunk (a multiple of 4). */
  readonly vectorChunk: number;
  /** Codebook rows padded to a multiple of 8. */
  readonly paddedSize: number;
  /** Channel pairs per int16 vector or row (`⌈dim/2⌉`). */
  readonly pairs: number;
  /** Float32 codebook, `[⌈K/8⌉][dim][8]`. */
  readonly book: number;
  /** Int16 codebook, `[⌈K/8⌉][pairs][8][2]` (screen only). */
  readonly screenBook: number;
  /** Float32 codebook as given, `[K][dim]`, for residual steps (written on first use). */
  readonly rows: number;
  /** Float32 vectors of the chunk (32 bytes of room after them). */
  readonly vectors: number;
  /** Int16 vectors of the chunk, `[chunk][pairs][2]` (screen only; 32 bytes of room after them). */
  readonly screenVectors: number;
  /** Float32 per vector: 2^−exponent of its int16 copy (screen only). */
  readonly inverses: number;
  /** Float32 per vector: the scale of its screened dots (screen only). */
  readonly scales: number;
  /** Float32x4 per vector: idots' running minima (screen only). */
  readonly mins: number;
  /** Float32 dots, `[chunk][paddedSize]`. */
  readonly scores: number;
  /** Float32 per row: ‖e_k‖²/2 (l2) or 0 (dot); +∞ for padding rows. */
  readonly offsets: number;
  /** Int32 per row: the rows `collect` keeps. */
  readonly candidates: number;
  /** Float64 per vector: ‖x‖² (8-byte aligned). */
  readonly norms: number;
  /** Float32 per vector: max |x_d|. */
  readonly maxes: number;
  /** Int32 per vector: the chunk's codes, for `subtract`. */
  readonly codes: number;
  /** Bytes in all. */
  readonly totalBytes: number;
}

/** Codebook floats (or int16 pairs) per kernel call (128 KB): the rows of one call stay in L2 while 4-vector groups walk over them. */
export const kernelRowBudget = 1 << 15;

/** Score buffer per chunk of vectors (float32 elements): 1 MB, so it stays in the outer caches. */
const scoreBudget = 1 << 18;

/** Room after each vector chunk for the 8-channel steps of the `quantize` kernel. */
const quantizeRoom = 32;

/** The scan's memory layout for K rows of `dim` channels, with or without the int16 screen's parts. */
export function simdScanLayout(codebookSize: number, dim: number, screen: boolean): SimdScanLayout {
  const blocks = Math.ceil(codebookSize / 8);
  const paddedSize = blocks * 8;
  const pairs = (dim + 1) >> 1;
  const vectorChunk = Math.max(4, Math.min(256, Math.floor(scoreBudget / paddedSize) & ~3));
  const when = (bytes: number): number => (screen ? bytes : 0);
  let end = 0;
  const take = (bytes: number): number => {
    const start = end;
    end += bytes;
    return start;
  };
  const book = take(blocks * dim * 32);
  const screenBook = take(when(blocks * pairs * 32));
  const rows = take(codebookSize * dim * 4);
  const vectors = take(vectorChunk * dim * 4 + quantizeRoom);
  const screenVectors = take(when(vectorChunk * pairs * 4 + quantizeRoom));
  const inverses = take(when(vectorChunk * 4));
  const scales = take(when(vectorChunk * 4));
  const mins = take(when(vectorChunk * 16));
  const scores = take(vectorChunk * paddedSize * 4);
  const offsets = take(paddedSize * 4);
  const candidates = take(paddedSize * 4);
  end = (end + 7) & ~7;
  const norms = take(vectorChunk * 8);
  const maxes = take(vectorChunk * 4);
  const codes = take(vectorChunk * 4);
  return { vectorChunk, paddedSize, pairs, book, screenBook, rows, vectors, screenVectors, inverses, scales, mins, scores, offsets, candidates, norms, maxes, codes, totalBytes: end };
}
