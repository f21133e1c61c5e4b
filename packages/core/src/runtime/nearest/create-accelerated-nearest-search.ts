import { InvalidArgumentError } from '../../errors/invalid-argument-error.js';
import { MissingDependencyError } from '../../errors/missing-dependency-error.js';
import { ShapeMismatchError } from '../../errors/shape-mismatch-error.js';
import { nearestCodes, type NearestMetric } from '../../quantizers/math/nearest-code.js';
import type { Tensor } from '../../tensor/tensor.js';
import type { Session, SessionFactory } from '../session.js';
import { nearestCodeGraph } from './nearest-code-graph.js';

/**
 * Codebook size × dimension at and above which the ONNX graph is used. Measured on one thread
 * (bench/quantizers, `node bench/quantizers/threshold.mjs`): below it the TypeScript loop wins
 * because each runtime call costs tens of microseconds of fixed overhead.
 */
export const defaultAccelerationThreshold = 4096;

/** Options of {@link createAcceleratedNearestSearch}. */
export interface AcceleratedNearestSearchOptions {
  /** Builds a session from model bytes, e.g. `(model) => createSession(model, { threads: 1 })`. */
  createSession: SessionFactory;
  /** `codebookSize × dim` at and above which the ONNX graph is used; default {@link defaultAccelerationThreshold}. */
  threshold?: number;
  /** Upper bound of rows × codebookSize per runtime call, which bounds its float64 scratch memory; default 2^21. */
  maxBatchElements?: number;
}

/** Options of one search; the same as `nearestCodes`'s. */
export interface NearestSearchOptions {
  /** Stride between written codes in `out` (default 1). */
  outStride?: number;
  /** Position of the first written code in `out` (default 0). */
  outOffset?: number;
  /** `l2` distances below this count as equal to it (lucidrains' 1e-8 clamp); default −∞. */
  minDistance?: number;
  /** Precomputed `‖e_k‖²` for the TypeScript path (the graph computes its own). */
  codebookNorms?: Float64Array;
}

/** Nearest-code search that runs small codebooks in TypeScript and large ones on ONNX Runtime. */
export interface AcceleratedNearestSearch {
  /** The `codebookSize × dim` threshold in use. */
  readonly threshold: number;
  /**
   * Same contract and results as `nearestCodes` (first index on exact ties), asynchronous.
   *
   * @throws ShapeMismatchError when `vectors`, `codebook` or `out` are too short for the counts given
   * @throws RuntimeError when the runtime fails
   */
  nearestCodes(
    vectors: Float32Array,
    count: number,
    dim: number,
    codebook: Float32Array,
    codebookSize: number,
    metric: NearestMetric,
    out: Int32Array,
    options?: NearestSearchOptions,
  ): Promise<Int32Array>;
  /** Releases the sessions it created. */
  release(): Promise<void>;
}

/**
 * Creates a nearest-code search for the VQ / residual-VQ paths of tokenizers: codebooks with
 * `codebookSize × dim` below `threshold` use core's TypeScript `nearestCodes`, larger ones a generic
 * ONNX graph (the codebook is an input, so one graph serves every size), with identical codes.
 * Sessions are created on first use; if the runtime package is missing (`MissingDependencyError`)
 * the search stays on the TypeScript path.
 *
 * @example
 * const search = createAcceleratedNearestSearch({ createSession: (m) => createSession(m, { threads: 1 }) });
 * await search.nearestCodes(latents, count, 8, codebook, 16384, 'l2', codes);
 */
export function createAcceleratedNearestSearch(options: AcceleratedNearestSearchOptions): AcceleratedNearestSearch {
  if (typeof options?.createSession !== 'function') {
    throw new InvalidArgumentError({ argument: 'options.createSession', expected: 'a function (model bytes) => Promise<Session>', received: options?.createSession });
  }
  const threshold = readPositive(options.threshold, defaultAccelerationThreshold, 'options.threshold');
  const maxBatchElements = readPositive(options.maxBatchElements, 1 << 21, 'options.maxBatchElements');
  const sessions = new Map<NearestMetric, Promise<Session | undefined>>();

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

  return {
    threshold,
    async nearestCodes(vectors, count, dim, codebook, codebookSize, metric, out, searchOptions = {}) {
      checkArguments(vectors, count, dim, codebook, codebookSize, metric, out, searchOptions);
      const session = codebookSize * dim >= threshold && count > 0 ? await sessionFor(metric) : undefined;
      if (session === undefined) return nearestCodes(vectors, count, dim, codebook, codebookSize, metric, out, searchOptions);
      const { outStride = 1, outOffset = 0, minDistance = -Infinity } = searchOptions;
      const codebookTensor: Tensor = { type: 'float32', dims: [codebookSize, dim], data: codebook.subarray(0, codebookSize * dim) };
      const minDistanceTensor: Tensor = { type: 'float64', dims: [], data: Float64Array.of(minDistance) };
      const rowsPerCall = Math.max(1, Math.floor(maxBatchElements / codebookSize));
      for (let start = 0; start < count; start += rowsPerCall) {
        const rows = Math.min(rowsPerCall, count - start);
        const x: Tensor = { type: 'float32', dims: [rows, dim], data: vectors.subarray(start * dim, (start + rows) * dim) };
        const feeds: Record<string, Tensor> = metric === 'l2' ? { x, codebook: codebookTensor, min_distance: minDistanceTensor } : { x, codebook: codebookTensor };
        const { indices } = await session.run(feeds);
        const data = indices!.data as BigInt64Array;
        for (let r = 0; r < rows; r++) out[(start + r) * outStride + outOffset] = Number(data[r]!);
      }
      return out;
    },
    async release() {
      const pending = [...sessions.values()];
      sessions.clear();
      for (const session of await Promise.all(pending.map((p) => p.catch(() => undefined)))) await session?.release();
    },
  };
}

function readPositive(value: number | undefined, fallback: number, argument: string): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < 1) throw new InvalidArgumentError({ argument, expected: 'a positive integer', received: value });
  return value;
}

function checkArguments(
  vectors: Float32Array,
  count: number,
  dim: number,
  codebook: Float32Array,
  codebookSize: number,
  metric: NearestMetric,
  out: Int32Array,
  options: NearestSearchOptions,
): void {
  for (const [argument, value] of [['count', count], ['dim', dim], ['codebookSize', codebookSize]] as const) {
    if (!Number.isSafeInteger(value) || value < (argument === 'count' ? 0 : 1)) {
      throw new InvalidArgumentError({ argument, expected: argument === 'count' ? 'a non-negative integer' : 'a positive integer', received: value });
    }
  }
  if (metric !== 'l2' && metric !== 'dot') throw new InvalidArgumentError({ argument: 'metric', expected: "'l2' or 'dot'", received: metric });
  if (!(vectors instanceof Float32Array) || vectors.length < count * dim) {
    throw new ShapeMismatchError({ argument: 'vectors', expected: `a Float32Array of at least count × dim = ${count * dim} elements`, received: vectors?.length ?? 0 });
  }
  if (!(codebook instanceof Float32Array) || codebook.length < codebookSize * dim) {
    throw new ShapeMismatchError({ argument: 'codebook', expected: `a Float32Array of at least codebookSize × dim = ${codebookSize * dim} elements`, received: codebook?.length ?? 0 });
  }
  const { outStride = 1, outOffset = 0 } = options;
  const needed = count === 0 ? 0 : (count - 1) * outStride + outOffset + 1;
  if (!(out instanceof Int32Array) || out.length < needed) {
    throw new ShapeMismatchError({ argument: 'out', expected: `an Int32Array of at least ${needed} elements`, received: out?.length ?? 0 });
  }
}
