import { InvalidArgumentError } from '../../errors/invalid-argument-error.js';
import { MissingDependencyError } from '../../errors/missing-dependency-error.js';
import { ShapeMismatchError } from '../../errors/shape-mismatch-error.js';
import { checkCodebook } from '../../quantizers/math/check-codebook.js';
import type { Codebook } from '../../quantizers/math/codebook.js';
import { nearestCodes } from '../../quantizers/math/nearest-code.js';
import type { NearestCodeOutput } from '../../quantizers/math/nearest-code-output.js';
import type { NearestMetric } from '../../quantizers/math/nearest-metric.js';
import type { AsyncNearestSearch } from '../../quantizers/search/async-nearest-search.js';
import type { Tensor } from '../../tensor/tensor.js';
import type { Session, SessionFactory } from '../session.js';
import { nearestCodeGraph } from './nearest-code-graph.js';
import { rescoreCandidates } from '../../quantizers/math/rescore-candidates.js';
import { scoreErrorBound } from './score-error-bound.js';

/** Rows per vector that the nearest-code graphs return (TopK). */
const topRows = 4;

/**
 * Work per call (`count × codebookSize × dim` multiply-adds) at and above which the ONNX graph is
 * used: 2^27. Measured on one thread with `node bench/quantizers/threshold.mjs <count>` against the
 * prepared TypeScript search that quantizers keep (int16-screened WebAssembly SIMD scan, tree for
 * dim ≤ 8): with 64 vectors per call the TypeScript search was about 2× faster up to the largest
 * size tried (4096×128, 2^25); with 256 and 1,024 vectors the two met between 2^25 and 2^27, and the
 * graph was 1.0–1.2× faster at 2^27 and 1.2–1.6× at 2^29. (Against the earlier float32 SIMD scan
 * they met near 2^23.)
 */
export const defaultAccelerationThreshold = 2 ** 27;

/** Options of {@link createAcceleratedNearestSearch}. */
export interface AcceleratedNearestSearchOptions {
  /** Builds a session from model bytes, e.g. `(model) => createSession(model, { threads: 1 })`. */
  createSession: SessionFactory;
  /** Multiply-adds per call (`count × codebookSize × dim`) at and above which the ONNX graph is used; default {@link defaultAccelerationThreshold}. */
  threshold?: number;
  /** Upper bound of rows × codebookSize per runtime call, which bounds its scratch memory (4 bytes each); default 2^20. */
  maxBatchElements?: number;
}

/** What an {@link AcceleratedNearestSearch} has done so far, in vectors searched (counters only grow). */
export interface NearestSearchUsage {
  /** Vectors searched by the ONNX graph (large codebooks). */
  graphVectors: number;
  /** Vectors searched in TypeScript because their call is below the threshold or the runtime is missing. */
  typescriptVectors: number;
  /** Graph results with rows within rounding reach of the best, rescored in float64 among those rows. */
  rescoredVectors: number;
  /** Graph results too close to call (or clamped, or non-finite), searched again over the whole codebook. */
  researchedVectors: number;
}

/**
 * Nearest-code search that runs small searches in TypeScript and large ones on ONNX Runtime. Its
 * `nearestCodes` has the contract and results of core's `nearestCodes` (first index on exact ties),
 * asynchronously; it rejects with `ShapeMismatchError` when `vectors`, `codebook.rows` or `out` are too
 * short for the counts given, with `InvalidArgumentError` for a bad `count` or codebook field, and with
 * `RuntimeError` when the runtime fails.
 */
export interface AcceleratedNearestSearch extends AsyncNearestSearch {
  /** The threshold in use, in multiply-adds per call (`count × codebookSize × dim`). */
  readonly threshold: number;
  /** True below the threshold (and for codebooks of fewer than 4 rows), where the TypeScript search runs. */
  searchesInTypeScript(count: number, codebook: Codebook): boolean;
  /** Counters of the paths taken, e.g. to check that large codebooks do reach the runtime. */
  readonly usage: Readonly<NearestSearchUsage>;
  /** Releases the sessions it created. */
  release(): Promise<void>;
}

/**
 * Creates a nearest-code search for the VQ / residual-VQ paths of tokenizers: calls with fewer than
 * `threshold` multiply-adds (`count × codebookSize × dim`) use core's TypeScript `nearestCodes`,
 * larger ones a generic ONNX graph (the codebook is an input, so one graph serves every size).
 *
 * The codes are identical to `nearestCodes`'s: the graph scores in float32 and returns the best four
 * rows. Rows within the float32 error bound of the best ({@link scoreErrorBound}; exact ties included)
 * are rescored in float64 TypeScript; when all four are that close, or a clamp or non-finite input
 * makes the order uncertain, the vector is searched again over the whole codebook in TypeScript.
 * This assumes the session evaluates in float32 (CPU or WASM; not a float16 GPU path).
 * Sessions are created on first use; if the runtime package is missing (`MissingDependencyError`)
 * the search stays on the TypeScript path.
 *
 * @example
 * const search = createAcceleratedNearestSearch({ createSession: (m) => createSession(m, { threads: 1 }) });
 * await search.nearestCodes(latents, count, { rows: codebook, size: 16384, dim: 8, metric: 'l2' }, codes);
 */
export function createAcceleratedNearestSearch(options: AcceleratedNearestSearchOptions): AcceleratedNearestSearch {
  if (typeof options?.createSession !== 'function') {
    throw new InvalidArgumentError({ argument: 'options.createSession', expected: 'a function (model bytes) => Promise<Session>', received: options?.createSession });
  }
  const threshold = readPositive(options.threshold, defaultAccelerationThreshold, 'options.threshold');
  const maxBatchElements = readPositive(options.maxBatchElements, 1 << 20, 'options.maxBatchElements');
  const sessions = new Map<NearestMetric, Promise<Session | undefined>>();
  const usage: NearestSearchUsage = { graphVectors: 0, typescriptVectors: 0, rescoredVectors: 0, researchedVectors: 0 };

  const sessionFor = (metric: NearestMetric): Promise<Session | undefined> => {
    let session = sessions.get(metric);
    if (session === undefined) {
      session = options.createSession(nearestCodeGraph(metric)).catch((error: unknown) => {
        if (MissingDependencyError.isInstance(error)) return undefined;
        sessions.delete(metric);
        throw error;
      });
      sessions.set(metric, session);
    }
    return session;
  };

  const searchesInTypeScript = (count: number, codebook: Codebook): boolean =>
    count * codebook.size * codebook.dim < threshold || codebook.size < topRows;
  return {
    threshold,
    usage,
    searchesInTypeScript,
    async nearestCodes(vectors, count, codebook, out, output = {}) {
      checkArguments(vectors, count, codebook, out, output);
      const { rows: codebookRows, size: codebookSize, dim, metric, minDistance = -Infinity } = codebook;
      // The graph returns the best `topRows` rows, so it needs at least that many.
      const session = count > 0 && !searchesInTypeScript(count, codebook) ? await sessionFor(metric) : undefined;
      if (session === undefined) {
        usage.typescriptVectors += count;
        return nearestCodes(vectors, count, codebook, out, output);
      }
      usage.graphVectors += count;
      const { outStride = 1, outOffset = 0 } = output;
      const maxNorm = maxSquaredNorm(codebookRows, codebookSize, dim);
      const codebookTensor: Tensor = { type: 'float32', dims: [codebookSize, dim], data: codebookRows.subarray(0, codebookSize * dim) };
      const rowsPerCall = Math.max(1, Math.floor(maxBatchElements / codebookSize));
      const uncertain: number[] = [];
      const candidates = new Int32Array(topRows);
      for (let start = 0; start < count; start += rowsPerCall) {
        const rows = Math.min(rowsPerCall, count - start);
        const x: Tensor = { type: 'float32', dims: [rows, dim], data: vectors.subarray(start * dim, (start + rows) * dim) };
        const result = await session.run({ x, codebook: codebookTensor });
        const scores = result['scores']!.data as Float32Array;
        const indices = result['indices']!.data as BigInt64Array;
        for (let r = 0; r < rows; r++) {
          const n = start + r;
          let norm = 0;
          for (let d = 0; d < dim; d++) norm += vectors[n * dim + d]! * vectors[n * dim + d]!;
          const reach = 2 * scoreErrorBound(metric, dim, norm, maxNorm);
          const base = r * topRows;
          const first = scores[base]!;
          // Rows whose graph score is within rounding reach of the best may be the true best. A NaN gap
          // (overflow to ∞ in float32) counts as close, so such vectors end up searched again.
          let close = 1;
          while (close < topRows && !((metric === 'l2' ? scores[base + close]! - first : first - scores[base + close]!) > reach)) close++;
          // With a clamp, every row whose distance may fall below it ties; rows past `close` must stay above it.
          const clampSafe = metric !== 'l2' || minDistance === -Infinity || (close < topRows && norm + scores[base + close]! - reach / 2 > minDistance);
          if (close === topRows || !clampSafe || !(reach < Infinity) || !Number.isFinite(first)) {
            uncertain.push(n);
          } else if (close === 1) {
            out[n * outStride + outOffset] = Number(indices[base]!);
          } else {
            usage.rescoredVectors++;
            for (let c = 0; c < close; c++) candidates[c] = Number(indices[base + c]!);
            out[n * outStride + outOffset] = rescoreCandidates(vectors, n, dim, codebookRows, candidates, close, metric, minDistance, codebook.squaredNorms);
          }
        }
      }
      usage.researchedVectors += uncertain.length;
      if (uncertain.length > 0) searchExactly(vectors, codebook, out, output, uncertain);
      return out;
    },
    async release() {
      const pending = [...sessions.values()];
      sessions.clear();
      for (const session of await Promise.all(pending.map((p) => p.catch(() => undefined)))) await session?.release();
    },
  };
}

/** Redoes the given vectors with the float64 TypeScript search and writes their codes. */
function searchExactly(vectors: Float32Array, codebook: Codebook, out: Int32Array, output: NearestCodeOutput, rows: readonly number[]): void {
  const { dim } = codebook;
  const gathered = new Float32Array(rows.length * dim);
  rows.forEach((n, i) => gathered.set(vectors.subarray(n * dim, (n + 1) * dim), i * dim));
  const codes = nearestCodes(gathered, rows.length, codebook, new Int32Array(rows.length));
  const { outStride = 1, outOffset = 0 } = output;
  rows.forEach((n, i) => (out[n * outStride + outOffset] = codes[i]!));
}

/** The largest squared row norm, in double. */
function maxSquaredNorm(codebook: Float32Array, codebookSize: number, dim: number): number {
  let max = 0;
  for (let k = 0; k < codebookSize; k++) {
    let norm = 0;
    for (let d = 0; d < dim; d++) norm += codebook[k * dim + d]! * codebook[k * dim + d]!;
    if (!(norm <= max)) max = norm;
  }
  return max;
}

function readPositive(value: number | undefined, fallback: number, argument: string): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < 1) throw new InvalidArgumentError({ argument, expected: 'a positive integer', received: value });
  return value;
}

function checkArguments(vectors: Float32Array, count: number, codebook: Codebook, out: Int32Array, output: NearestCodeOutput): void {
  if (!Number.isSafeInteger(count) || count < 0) throw new InvalidArgumentError({ argument: 'count', expected: 'a non-negative integer', received: count });
  checkCodebook(codebook);
  const { dim } = codebook;
  if (!(vectors instanceof Float32Array) || vectors.length < count * dim) {
    throw new ShapeMismatchError({ argument: 'vectors', expected: `a Float32Array of at least count × codebook.dim = ${count * dim} elements`, received: vectors?.length ?? 0 });
  }
  const { outStride = 1, outOffset = 0 } = output;
  const needed = count === 0 ? 0 : (count - 1) * outStride + outOffset + 1;
  if (!(out instanceof Int32Array) || out.length < needed) {
    throw new ShapeMismatchError({ argument: 'out', expected: `an Int32Array of at least ${needed} elements`, received: out?.length ?? 0 });
  }
}
