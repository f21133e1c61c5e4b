import { checkCodebook } from './check-codebook.js';
import type { Codebook } from './codebook.js';
import { buildCodebookTree, type CodebookTree } from './codebook-tree.js';
import type { NearestCodeOutput } from './nearest-code-output.js';
import { scanNearestCodes } from './nearest-code-scan.js';
import { searchCodebookTree } from './search-codebook-tree.js';
import { nearestDotsModule } from './nearest-dots-module.js';
import { createSimdNearestScan, type SimdNearestScan } from './simd-nearest-scan.js';
import { squaredNorms } from './squared-norms.js';
import { subtractRows } from './subtract-rows.js';

/** Options of {@link createNearestCodeSearch}. */
export interface NearestCodeSearchOptions {
  /**
   * @internal Which exhaustive scan to use: `auto` (default) picks the WebAssembly SIMD scan when it
   * is available and the work pays for its setup, `scalar` forces the TypeScript loop, `simd` uses
   * the SIMD scan whenever it is available. For tests and benchmarks; results are the same.
   */
  readonly scan?: 'auto' | 'scalar' | 'simd';
}

/** A nearest-row search over one codebook, reusable across calls (see {@link createNearestCodeSearch}). */
export interface NearestCodeSearch {
  /** The codebook searched. */
  readonly codebook: Codebook;
  /** Same result as `nearestCodes` with this search's codebook. */
  search(vectors: Float32Array, count: number, out: Int32Array, output?: NearestCodeOutput): Int32Array;
  /**
   * `search`, then one residual-VQ step in place: each vector loses its chosen row,
   * `vectors[n][d] −= rows[code][d]` rounded to float32. Where the WebAssembly scan runs, the
   * subtraction happens while each chunk of vectors is still in its memory, instead of a second pass.
   */
  searchAndSubtract(vectors: Float32Array, count: number, out: Int32Array, output?: NearestCodeOutput): Int32Array;
}

/** Box pruning pays off only in low dimensions; beyond this the exhaustive scan is used. */
const maxTreeDim = 32;
/**
 * The same against the SIMD scan. On random data the tree then lost from dim 8 on, and its build and
 * probe (32 vectors scoring most rows at tens of times the SIMD cost per row) made a fresh search of
 * 1,024 vectors over 4096×32 take 41 ms instead of 13 ms (`bench/quantizers/threshold.mjs`).
 */
const maxTreeDimWithSimd = 8;
const minTreeCodebook = 256;
/** Vectors searched (over all calls) before the tree is built; its build costs about K·log K·dim. */
const minSearchedForTree = 64;
/** Vectors searched with the tree before judging whether it prunes enough. */
const probeCount = 32;
/** Vectors per chunk when the tree is in use; each chunk re-checks that it still prunes. */
const chunkSize = 512;
/** The tree is kept only while it scores at most this fraction of the codebook per vector. */
const maxScoredFraction = 0.25;
/**
 * Against the SIMD scan the tree must prune far more: a row it scores costs 35–125 times a row of
 * the SIMD scan. Measured on random normal data (l2, 8,192 vectors): it won at 0.2–0.3% of the rows
 * scored (16384×4: 7.7×, 65536×6: 4×), lost 1.8× at 3.8% (1024×4) and 1.9× at 2.7% (16384×8). So
 * with SIMD the limit is `1 / (16·dim)` of the codebook.
 */
const simdScoredFactor = 16;
/**
 * The SIMD scan is set up once the vectors searched so far reach both limits: its setup (a
 * WebAssembly instance, about 0.2 ms, and the int16 copy of the codebook written into fresh memory)
 * costs as much as scanning tens of vectors in TypeScript, and small problems do not repay it.
 * Measured with `node bench/quantizers/simd-crossover.mjs` (a fresh search per call, int16 screen,
 * 2-core development VM, where the first write to a fresh 4 KB page of memory costs about 20 µs):
 * SIMD broke even at 64 vectors over 1024×128 (2²³ multiply-adds) and won 1.4–1.9× at 256 vectors
 * from 2²² on (256×64, 1024×128); below 64 vectors or 2²² it lost (0.2–0.8×, 0.5× for 16 vectors over
 * 8192×256). A quantizer's search counts the vectors of all its calls, so it sets the scan up after
 * its first 64.
 */
const minSimdVectors = 64;
const minSimdWork = 1 << 22;

/**
 * Builds a reusable exact nearest-row search. Results are identical to the plain exhaustive loop
 * that `nearestCodes` documents: the same double-precision score for every (vector, row) pair,
 * and the first (lowest) index on exact ties. Speed comes from an exhaustive scan and, for
 * small dimensions and large codebooks, a k-d tree (built once, when enough vectors have been
 * searched) that skips boxes of rows which provably cannot win, with a conservative float margin.
 * If a probe or a later chunk shows that the tree prunes too little (high-dimensional or
 * unstructured data), the search falls back to the scan for good.
 *
 * Where WebAssembly SIMD is available the scan, once enough vectors have been searched to repay its
 * setup, scores in float32 SIMD (3–10× the TypeScript loop) and rescores in float64 every row that
 * float32 rounding could have misordered, so the codes stay those of the plain loop (see
 * `createSimdNearestScan`); elsewhere it is the tiled TypeScript loop. The search keeps the
 * WebAssembly instance and its transposed copy of the codebook across calls, so `codebook.rows`
 * must not change while the search is in use.
 *
 * @example
 * const search = createNearestCodeSearch({ rows: embedding, size: 16384, dim: 8, metric: 'l2' });
 * search.search(latents, 256, codes);                                   // codes[n]
 * search.search(residual, 256, stageCodes, { outStride: 8, outOffset: 2 }); // stageCodes[n * 8 + 2]
 *
 * @throws InvalidArgumentError or ShapeMismatchError naming the field of a malformed `codebook`
 */
export function createNearestCodeSearch(codebook: Codebook, options: NearestCodeSearchOptions = {}): NearestCodeSearch {
  checkCodebook(codebook);
  const { rows, size: codebookSize, dim, metric } = codebook;
  const minDistance = codebook.minDistance ?? -Infinity;
  const l2 = metric === 'l2';
  const norms = l2 ? (codebook.squaredNorms ?? squaredNorms(rows, codebookSize, dim)) : undefined;
  const scanChoice = options.scan ?? 'auto';
  // undefined: not set up yet; null: unavailable (no SIMD, non-finite codebook, …) or not wanted.
  let simd: SimdNearestScan | null | undefined = scanChoice === 'scalar' ? null : undefined;
  // Whether the tree competes with the SIMD scan (compiling the kernel only where a tree is possible).
  const againstSimd = simd !== null && dim <= maxTreeDim && codebookSize >= minTreeCodebook && nearestDotsModule() !== undefined;
  const treeLimit = againstSimd ? Math.min(maxScoredFraction, 1 / (simdScoredFactor * dim)) : maxScoredFraction;
  let tree: CodebookTree | undefined;
  let pruning: 'untried' | 'useful' | 'useless' =
    dim <= (againstSimd ? maxTreeDimWithSimd : maxTreeDim) && codebookSize >= minTreeCodebook && allFinite(rows, codebookSize * dim) && normsAreExact()
      ? 'untried'
      : 'useless';
  let searched = 0;

  /** The exhaustive scan: SIMD once the searched work pays for its setup, else the TypeScript loop (same codes). */
  function scan(vectors: Float32Array, count: number, out: Int32Array, outStride: number, outOffset: number, subtract: boolean): void {
    if (simd === undefined && (scanChoice === 'simd' || (searched >= minSimdVectors && searched * codebookSize * dim >= minSimdWork))) {
      simd = createSimdNearestScan(rows, codebookSize, dim, metric, norms, minDistance) ?? null;
    }
    if (simd) {
      simd.scan(vectors, count, out, outStride, outOffset, subtract);
      return;
    }
    scanNearestCodes(vectors, count, dim, rows, codebookSize, norms, minDistance, out, outStride, outOffset);
    if (subtract) subtractRows(vectors, count, dim, rows, out, outStride, outOffset);
  }

  function normsAreExact(): boolean {
    // Caller-supplied norms define the scores, while the bounds assume true norms.
    const given = codebook.squaredNorms;
    if (given === undefined || !l2) return true;
    const own = squaredNorms(rows, codebookSize, dim);
    return own.every((v, k) => v === given[k]);
  }

  /** The search of `count` vectors, and with `subtract` the residual step after it. */
  function run(vectors: Float32Array, count: number, out: Int32Array, output: NearestCodeOutput, subtract: boolean): Int32Array {
    const { outStride = 1, outOffset = 0 } = output;
    searched += count;
    const ready = pruning === 'useful' || (pruning === 'untried' && searched >= minSearchedForTree);
    // Non-finite inputs would break the bounds; the scan handles them as the plain loop does.
    if (!ready || !allFinite(vectors, count * dim)) {
      scan(vectors, count, out, outStride, outOffset, subtract);
      return out;
    }
    tree ??= buildCodebookTree(rows, codebookSize, dim, norms ?? squaredNorms(rows, codebookSize, dim));
    // Searched in chunks (a short probe first): as soon as a chunk shows that the tree scores too
    // large a share of the codebook, the rest goes to the scan, now and in later calls.
    let start = 0;
    while (start < count && pruning !== 'useless') {
      const stop = Math.min(count, start + (pruning === 'untried' ? probeCount : chunkSize));
      const scored = searchCodebookTree(tree, vectors, start, stop, l2, minDistance, out, outStride, outOffset);
      pruning = scored > treeLimit * (stop - start) * codebookSize ? 'useless' : 'useful';
      start = stop;
    }
    if (subtract) subtractRows(vectors, start, dim, rows, out, outStride, outOffset);
    if (start < count) {
      tree = undefined;
      const rest = vectors.subarray(start * dim);
      scan(rest, count - start, out, outStride, outOffset + start * outStride, subtract);
    }
    return out;
  }

  return {
    codebook,
    search: (vectors, count, out, output = {}) => run(vectors, count, out, output, false),
    searchAndSubtract: (vectors, count, out, output = {}) => run(vectors, count, out, output, true),
  };
}

function allFinite(values: Float32Array, length: number): boolean {
  for (let i = 0; i < length; i++) {
    const v = values[i]!;
    if (v - v !== 0) return false;
  }
  return true;
}
